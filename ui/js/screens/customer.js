// A customer: how to reach them (corrected here when mistyped, each change kept in their
// history), every ticket they have booked in, their returns, and the history of their details.

import { api } from '../ipc.js';
import { h, fill, emptyState, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { ticketTable } from '../ticket-rows.js';
import { returnTable } from './returns.js';
import { historyPanel } from './ticket-panels.js';
import { field, errorSlots } from './form-bits.js';

export async function render(main, { params, go }) {
  let view = await api.customerGet(params.id);
  let editing = false;

  const show = () => {
    const { customer: c, tickets, returns } = view;
    fill(main,
      h('div', { class: 'screen-head' },
        h('div', {}, h('p', { class: 'muted small', text: 'Customer' }), h('h1', { text: c.name, testid: 'customer-name' })),
        h('button', { type: 'button', class: 'primary', text: 'New intake for them', testid: 'customer-new-intake', onclick: () => go('intake', { customer: c }) })),
      editing ? editCard(c) : contactCard(c),
      h('section', { class: 'card flush' },
        h('h2', { class: 'card-title', text: `Tickets (${tickets.length})` }),
        tickets.length
          ? ticketTable(tickets, (row) => go('ticket', { id: row.id }), { testid: 'customer-tickets', showCustomer: false })
          : emptyState('No tickets', 'Watches this customer books in will appear here.', 'customer-tickets-empty')),
      view.watches.length
        ? h('section', { class: 'card', testid: 'customer-watches' },
          h('h2', { text: `Watches (${view.watches.length})` }),
          h('ul', { class: 'plain-list' }, view.watches.map((w, i) => h('li', {},
            h('button', { type: 'button', class: 'link', text: w.title, testid: `customer-watch-${i}`, onclick: () => go('watch', { id: w.id }) }),
            h('span', { class: 'muted', text: ` · serial ${w.serial || 'not recorded'}${w.owned_now ? '' : ' · owned before'}` })))))
        : null,
      // Their returns, refunded and closed ones too; none yet, the card is left out.
      returns.length
        ? h('section', { class: 'card flush', testid: 'customer-returns-card' },
          h('h2', { class: 'card-title', text: `Returns (${returns.length})` }),
          returnTable(returns, (row) => go('return', { id: row.id }), { testid: 'customer-returns', showCustomer: false }))
        : null,
      view.history.length ? historyPanel(view.history, { testid: 'customer-history' }) : null);
  };

  const contactCard = (c) => {
    const contact = [
      ['Phone', c.phone, 'customer-phone'],
      ['Email', c.email, 'customer-email'],
      ['Address', c.address, 'customer-address'],
    ].filter(([, v]) => v);
    return h('section', { class: 'card', testid: 'customer-contact' },
      h('div', { class: 'card-head' },
        h('h2', { text: 'Contact' }),
        h('button', { type: 'button', class: 'ghost small', text: 'Correct details…', testid: 'customer-edit',
          onclick: () => { editing = true; show(); main.querySelector('[data-testid=customer-edit-name]')?.focus(); } })),
      h('dl', { class: 'facts' }, contact.map(([k, v, testid]) => [h('dt', { text: k }), h('dd', { class: 'pre', text: v, testid })])));
  };

  const editCard = (c) => {
    const errors = errorSlots('customer-edit-error');
    const input = (key, value, max) => h('input', { value, maxLength: max, testid: `customer-edit-${key}` });
    const name = input('name', c.name, 120);
    const phone = input('phone', c.phone, 40);
    const email = h('input', { type: 'email', value: c.email, maxLength: 200, testid: 'customer-edit-email' });
    const address = h('textarea', { rows: 3, maxLength: 300, value: c.address, testid: 'customer-edit-address' });
    const save = h('button', { type: 'button', class: 'primary', text: 'Save the corrections', testid: 'customer-edit-save',
      onclick: async () => {
        save.disabled = true;
        errors.clear();
        try {
          const details = { name: name.value, phone: phone.value, email: email.value, address: address.value };
          const next = await api.customerEdit(actorId(), c.id, details);
          const changed = next.history.length !== view.history.length;
          view = next;
          editing = false;
          show();
          notify(changed ? 'Corrected. Forms printed from now on show the new details.' : 'Nothing changed.');
        } catch (err) {
          errors.show(err);
          if (!err.fields?.length) notify(err.message, 'error');
          save.disabled = false;
        }
      } });
    const cancel = h('button', { type: 'button', class: 'ghost', text: 'Cancel', testid: 'customer-edit-cancel', onclick: () => { editing = false; show(); } });
    [name, phone, email].forEach((el) => el.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); save.click(); } }));
    return h('section', { class: 'card', testid: 'customer-contact' },
      h('h2', { text: 'Correct the customer’s details' }),
      h('p', { class: 'muted small', text: 'Each change is recorded with the old and the new value. Forms already printed stay as they were.' }),
      h('div', { class: 'pair' },
        field('Name', name, errors.slot('name')),
        field('Phone', phone, errors.slot('phone'))),
      h('div', { class: 'pair' },
        field('Email', email, errors.slot('email')),
        field('Address', address, errors.slot('address'))),
      errors.general,
      h('div', { class: 'actions' }, cancel, save));
  };

  show();
}
