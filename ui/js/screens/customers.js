// Customers: find anyone who has booked a watch in, by name, phone or email.

import { api } from '../ipc.js';
import { h, fill, emptyState, notify, debounce } from '../dom.js';
import { personCell } from '../ticket-rows.js';

export async function render(main, { status, params, go }) {
  const search = h('input', {
    type: 'search', value: params.query ?? '', placeholder: 'Name, phone or email', class: 'search', testid: 'customer-search',
    attrs: { 'aria-label': 'Search customers', autocomplete: 'off' }, spellcheck: false,
  });
  const count = h('span', { class: 'muted', testid: 'customer-count' });
  const results = h('section', { class: 'card flush', testid: 'customer-results', attrs: { 'aria-live': 'polite' } });
  const open = (c) => go('customer', { id: c.id });

  let seq = 0;
  const show = async () => {
    const q = search.value.trim();
    const mine = ++seq;
    let found;
    try {
      found = await api.customersFind(q);
    } catch (err) {
      return notify(err.message, 'error');
    }
    if (mine !== seq) return;
    count.textContent = found.length ? `${found.length} ${found.length === 1 ? 'customer' : 'customers'}${found.length >= status.list_limit ? ` (the first ${status.list_limit})` : ''}` : '';
    if (found.length) {
      return fill(results, h('table', { class: 'rows', testid: 'customer-table' },
        h('thead', {}, h('tr', {}, ['Name', 'Phone', 'Email'].map((t) => h('th', { text: t, attrs: { scope: 'col' } })))),
        h('tbody', {}, found.map((c) => h('tr', {
          class: 'row-link', tabIndex: 0, testid: `customer-row-${c.id}`,
          onclick: () => open(c),
          onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); open(c); } },
        }, personCell(c.name), h('td', { class: 'nowrap', text: c.phone }), h('td', { class: 'muted', text: c.email }))))));
    }
    fill(results, q
      ? emptyState(`No customer matches “${q}”`, 'Search by part of the name, the phone number in any format, or the email.', 'customers-none')
      : emptyState('No customers yet', 'Everyone who books a watch in appears here, with their tickets and their devices’ history by serial number.', 'customers-empty'));
  };
  const later = debounce(show, 120);
  search.addEventListener('input', () => later());
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      later.now().then(() => results.querySelector('tr.row-link')?.focus());
    }
  });
  results.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const row = e.target.closest('tr.row-link');
    const next = e.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
    (next ?? (e.key === 'ArrowUp' ? search : null))?.focus();
  });

  fill(main,
    h('div', { class: 'screen-head' }, h('h1', { text: 'Customers' }),
      h('button', { type: 'button', class: 'ghost', text: 'Import from a file…', testid: 'customers-import', onclick: () => go('customers-import') })),
    h('div', { class: 'toolbar' }, search, count),
    results);
  await show();
  search.focus();
  return { refresh: show };
}
