// Customers: each customer's details, tickets and devices.

import { h, fill, emptyState } from '../dom.js';

export async function render(main) {
  fill(main,
    h('div', { class: 'screen-head' }, h('h1', { text: 'Customers' })),
    h('section', { class: 'card' },
      emptyState('No customers yet', 'Everyone who books a watch in appears here, with their tickets and their devices’ history by serial number.', 'customers-empty')));
}
