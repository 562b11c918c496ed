// Returns: RMA codes, packages received, inspections and refunds.

import { h, fill, emptyState } from '../dom.js';

export async function render(main) {
  fill(main,
    h('div', { class: 'screen-head' }, h('h1', { text: 'Returns' })),
    h('section', { class: 'card' },
      emptyState('No returns yet', 'Return requests, their RMA codes, packages received and refunds appear here.', 'returns-empty')));
}
