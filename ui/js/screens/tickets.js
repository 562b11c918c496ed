// Tickets: every repair, searchable by number, customer, phone, email, serial or order,
// soonest deadline first.

import { api } from '../ipc.js';
import { h, fill, emptyState, notify, debounce } from '../dom.js';
import { ticketTable } from '../ticket-rows.js';
import { listKeys } from '../list-keys.js';

export async function render(main, { params, go }) {
  const options = await api.intakeOptions();
  const search = h('input', {
    type: 'search', value: params.query ?? '', placeholder: 'Number, name, phone, serial, order…', class: 'search', testid: 'ticket-search',
    attrs: { 'aria-label': 'Search tickets', autocomplete: 'off' }, spellcheck: false,
  });
  const filter = h('select', { testid: 'ticket-filter', attrs: { 'aria-label': 'Show tickets in state' } },
    h('option', { value: '', text: 'All states' }),
    options.states.map((s) => h('option', { value: s.key, text: s.label, selected: s.key === params.filter })));
  const results = h('section', { class: 'card flush', testid: 'ticket-results', attrs: { 'aria-live': 'polite' } });
  const count = h('span', { class: 'muted', testid: 'ticket-count' });
  const open = (row) => go('ticket', { id: row.id });

  let seq = 0;
  const show = async () => {
    const q = search.value.trim();
    const state = filter.value || null;
    const mine = ++seq;
    let rows;
    try {
      rows = await api.ticketsSearch(q, state);
    } catch (err) {
      return notify(err.message, 'error');
    }
    if (mine !== seq) return; // a newer search is on its way
    count.textContent = rows.length ? `${rows.length} ${rows.length === 1 ? 'ticket' : 'tickets'}${rows.length >= 200 ? ' (the first 200)' : ''}` : '';
    if (rows.length) return fill(results, ticketTable(rows, open, { testid: 'ticket-table' }));
    const stateLabel = options.states.find((s) => s.key === state)?.label.toLowerCase();
    if (q) {
      fill(results, emptyState(`No ticket matches “${q}”${stateLabel ? ` among ${stateLabel} tickets` : ''}`,
        'Check the number on the bag tag, or search by the customer’s name, phone or the watch’s serial.', 'tickets-none'));
    } else if (state) {
      fill(results, emptyState(`No ticket is ${stateLabel}`, 'Choose “All states” to see every ticket.', 'tickets-none'));
    } else {
      fill(results, emptyState('No repair tickets yet', 'Watches booked in at the counter or by mail appear here, with their state and next deadline.', 'tickets-empty'));
    }
  };
  const later = debounce(show, 120);
  search.addEventListener('input', () => later());
  listKeys(search, results, later);
  filter.addEventListener('change', () => later.now());

  fill(main,
    h('div', { class: 'screen-head' },
      h('h1', { text: 'Tickets' }),
      h('button', { type: 'button', class: 'primary', text: 'New intake', testid: 'new-intake', attrs: { 'aria-keyshortcuts': 'Control+N', title: 'Ctrl N' }, onclick: () => go('intake') })),
    h('div', { class: 'toolbar' }, search, filter, count),
    results);
  await show();
  if (!params.query) search.focus();
}
