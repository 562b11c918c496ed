// Tickets: every repair, searchable by number, customer, phone, email, serial or order,
// soonest deadline first.

import { api } from '../ipc.js';
import { h, fill } from '../dom.js';
import { ticketTable } from '../ticket-rows.js';
import { searchableList } from '../searchable-list.js';

export async function render(main, { status, params, go }) {
  const [options, branches] = await Promise.all([api.intakeOptions(), api.branchesGet()]);
  const list = searchableList({
    params, states: options.states, limit: status.list_limit, nouns: ['ticket', 'tickets'],
    ids: { search: 'ticket-search', filter: 'ticket-filter', branch: 'ticket-branch', results: 'ticket-results', count: 'ticket-count', none: 'tickets-none', empty: 'tickets-empty' },
    placeholder: 'Number, name, phone, serial, order…',
    find: (q, state, branch) => api.ticketsSearch(q, state, branch),
    branches,
    table: (rows) => ticketTable(rows, (row) => go('ticket', { id: row.id }), { testid: 'ticket-table' }),
    hint: 'Check the number on the bag tag, or search by the customer’s name, phone or the watch’s serial.',
    empty: ['No repair tickets yet', 'Watches booked in at the counter or by mail appear here, with their state and next deadline.'],
  });

  fill(main,
    h('div', { class: 'screen-head' },
      h('h1', { text: 'Tickets' }),
      h('button', { type: 'button', class: 'primary', text: 'New intake', testid: 'new-intake', attrs: { 'aria-keyshortcuts': 'Control+N', title: 'Ctrl N' }, onclick: () => go('intake') })),
    list.toolbar,
    list.results);
  await list.start();
  return { refresh: list.refresh };
}
