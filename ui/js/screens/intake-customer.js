// The intake's customer: find one already on file as you type (name, phone or email), or
// fill in a new one. Reads as the domain's CustomerChoice.

import { api } from '../ipc.js';
import { h, fill, notify, debounce } from '../dom.js';
import { textField, textArea, pair } from './intake-parts.js';

export function customerPicker(preset) {
  let chosen = null;
  const name = textField('customer.name', 'Name', { required: true, spellcheck: false });
  const phone = textField('customer.phone', 'Phone', { type: 'tel', max: 40, help: 'A phone or an email, to reach them.' });
  const email = textField('customer.email', 'Email', { type: 'email', max: 120 });
  const address = textArea('customer.address', 'Address', { max: 300, rows: 2, help: 'For returning the watch by post.' });
  const rows = [name, phone, email, address];

  const search = h('input', {
    type: 'search', class: 'wide', testid: 'intake-customer-search', placeholder: 'Name, phone or email',
    spellcheck: false, attrs: { autocomplete: 'off', 'aria-label': 'Find a customer on file', 'aria-controls': 'customer-options' },
  });
  const options = h('ul', { class: 'options', id: 'customer-options', testid: 'customer-options', attrs: { role: 'listbox', 'aria-label': 'Customers on file' } });
  const hint = h('p', { class: 'help', testid: 'intake-customer-hint' });
  const finder = h('div', { class: 'finder' },
    h('label', { class: 'field-label', text: 'Customer on file' }), search, options, hint);
  const newBlock = h('div', { class: 'new-customer', testid: 'intake-new-customer' },
    h('p', { class: 'subhead', text: 'Or a new customer' }), pair(name, phone), email.node, address.node);
  const chosenBlock = h('div', { class: 'chosen', testid: 'intake-customer-chosen', hidden: true });
  finder.querySelector('label').htmlFor = search.id = 'customer-search-box';

  let seq = 0;
  const lookup = debounce(async () => {
    const q = search.value.trim();
    const mine = ++seq;
    if (!q) {
      fill(options);
      hint.textContent = '';
      return;
    }
    let found;
    try {
      found = await api.customersFind(q);
    } catch (err) {
      return notify(err.message, 'error');
    }
    if (mine !== seq) return;
    fill(options, found.slice(0, 8).map((c) => h('li', { attrs: { role: 'presentation' } },
      h('button', {
        type: 'button', class: 'option', testid: `customer-option-${c.id}`, attrs: { role: 'option' },
        onclick: () => choose(c),
      }, h('strong', { text: c.name }), h('span', { class: 'muted', text: [c.phone, c.email].filter(Boolean).join(' · ') })))));
    hint.textContent = found.length ? '' : `No customer on file matches “${q}”: fill in a new customer below.`;
  }, 120);

  search.addEventListener('input', () => lookup());
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      options.querySelector('button')?.focus();
    } else if (e.key === 'Enter') {
      // Enter takes the first match; it never books the intake in from here.
      e.preventDefault();
      e.stopPropagation();
      lookup.now().then(() => options.querySelector('button')?.click());
    } else if (e.key === 'Escape' && search.value) {
      e.stopPropagation();
      search.value = '';
      lookup.now();
    }
  });
  options.addEventListener('keydown', (e) => {
    const item = e.target.closest('li');
    if (!item || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? item.nextElementSibling : item.previousElementSibling;
    (next?.querySelector('button') ?? (e.key === 'ArrowUp' ? search : null))?.focus();
  });

  function choose(customer) {
    chosen = customer;
    rows.forEach((r) => r.setError(''));
    fill(chosenBlock,
      h('div', { class: 'chosen-text' },
        h('strong', { text: customer.name, testid: 'intake-customer-name' }),
        h('span', { class: 'muted', text: [customer.phone, customer.email].filter(Boolean).join(' · ') }),
        customer.address ? h('span', { class: 'muted small', text: customer.address }) : null),
      h('button', { type: 'button', class: 'link', text: 'Change', testid: 'intake-customer-change', onclick: unchoose }));
    chosenBlock.hidden = false;
    finder.hidden = newBlock.hidden = true;
    chosenBlock.querySelector('button').focus();
    node.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function unchoose() {
    chosen = null;
    chosenBlock.hidden = true;
    finder.hidden = newBlock.hidden = false;
    search.focus();
    search.select();
  }

  const node = h('div', {}, finder, chosenBlock, newBlock);
  if (preset) choose(preset);

  return {
    node,
    rows,
    search,
    focus: (options) => (chosen ? chosenBlock.querySelector('button') : search).focus(options),
    get: () => (chosen
      ? { kind: 'existing', id: chosen.id }
      : { kind: 'new', details: { name: name.get(), phone: phone.get(), email: email.get(), address: address.get() } }),
  };
}
