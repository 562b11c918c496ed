// Tickets: every repair, searchable by number, customer, phone, email, serial or order.

import { h, fill, emptyState } from '../dom.js';

export async function render(main, { params }) {
  const query = params.query ?? '';
  const search = h('input', { type: 'search', value: query, placeholder: 'Search tickets', class: 'search', testid: 'ticket-search', attrs: { 'aria-label': 'Search tickets' } });
  const results = h('section', { class: 'card' });
  const show = () => {
    const q = search.value.trim();
    fill(results, q
      ? emptyState(`No ticket matches “${q}”`, 'Check the number on the bag tag, or search by the customer’s name, phone or the watch’s serial.', 'tickets-none')
      : emptyState('No repair tickets yet', 'Watches booked in at the counter or by mail appear here, with their state and next deadline.', 'tickets-empty'));
  };
  search.addEventListener('input', show);
  fill(main, h('div', { class: 'screen-head' }, h('h1', { text: 'Tickets' }), search), results);
  show();
}
