// A customer: how to reach them, and every ticket they have booked in.

import { api } from '../ipc.js';
import { h, fill, emptyState } from '../dom.js';
import { ticketTable } from '../ticket-rows.js';

export async function render(main, { params, go }) {
  const { customer: c, tickets } = await api.customerGet(params.id);
  const contact = [
    ['Phone', c.phone, 'customer-phone'],
    ['Email', c.email, 'customer-email'],
    ['Address', c.address, 'customer-address'],
  ].filter(([, v]) => v);
  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('p', { class: 'muted small', text: 'Customer' }), h('h1', { text: c.name, testid: 'customer-name' })),
      h('button', { type: 'button', class: 'primary', text: 'New intake for them', testid: 'customer-new-intake', onclick: () => go('intake', { customer: c }) })),
    h('section', { class: 'card', testid: 'customer-contact' },
      h('h2', { text: 'Contact' }),
      h('dl', { class: 'facts' }, contact.map(([k, v, testid]) => [h('dt', { text: k }), h('dd', { class: 'pre', text: v, testid })]))),
    h('section', { class: 'card flush' },
      h('h2', { class: 'card-title', text: `Tickets (${tickets.length})` }),
      tickets.length
        ? ticketTable(tickets, (row) => go('ticket', { id: row.id }), { testid: 'customer-tickets', showCustomer: false })
        : emptyState('No tickets', 'Watches this customer books in will appear here.', 'customer-tickets-empty')));
}
