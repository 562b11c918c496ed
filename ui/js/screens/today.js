// Today, the home screen: what needs doing now, soonest deadline first.

import { api } from '../ipc.js';
import { h, fill, emptyState } from '../dom.js';
import { stateBadge, dueLabel } from '../ticket-rows.js';

export async function render(main, { status, go }) {
  const rows = await api.todayList();
  const open = (row) => go('ticket', { id: row.id });
  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('h1', { text: 'Today' }), h('p', { class: 'muted', text: status.today_label ?? '' })),
      h('button', { type: 'button', class: 'primary', text: 'New intake', testid: 'new-intake', attrs: { 'aria-keyshortcuts': 'Control+N', title: 'Ctrl N' }, onclick: () => go('intake') })),
    h('section', { class: 'card', testid: 'today-assessments' },
      h('div', { class: 'card-head' },
        h('h2', { text: 'Due today or overdue' }),
        rows.length ? h('span', { class: 'muted', text: `${rows.length} ${rows.length === 1 ? 'ticket' : 'tickets'} need attention` }) : null),
      rows.length
        ? h('ul', { class: 'due-list', testid: 'today-list' }, rows.map((row) => h('li', {},
          h('button', {
            type: 'button', class: `due-item${row.due?.due === 'overdue' ? ' late' : ''}`, testid: `today-row-${row.number}`, onclick: () => open(row),
          },
          h('span', { class: 'due-when' }, dueLabel(row.due, row.due_text), h('span', { class: 'muted', text: row.next_deadline ?? '' })),
          h('span', { class: 'number', text: row.number }),
          h('span', { class: 'who' }, h('strong', { text: row.customer_name }), h('span', { class: 'muted', text: row.device })),
          stateBadge(row.state, row.state_label)))))
        : emptyState('Nothing needs doing right now',
          'Assessments due, quotations about to expire, storage fees, RMA codes and inspections will be listed here, soonest deadline first.',
          'today-empty')));
}
