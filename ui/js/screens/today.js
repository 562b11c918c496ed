// Today, the home screen: what needs doing now, soonest deadline first.

import { h, fill, emptyState } from '../dom.js';

export async function render(main, { status }) {
  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('h1', { text: 'Today' }), h('p', { class: 'muted', text: status.today_label ?? '' }))),
    h('section', { class: 'card' },
      emptyState('Nothing needs doing right now',
        'Assessments due, quotations about to expire, storage fees, RMA codes and inspections will be listed here, soonest deadline first.',
        'today-empty')));
}
