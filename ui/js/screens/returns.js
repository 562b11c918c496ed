// Returns: every return case, searchable by RMA code, order number or customer, soonest
// deadline first; new requests and packages that come in start here.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, fill } from '../dom.js';
import { stateBadge, dueLabel, personCell } from '../ticket-rows.js';
import { searchableList } from '../searchable-list.js';

export async function render(main, { status, params, go }) {
  const [options, branches] = await Promise.all([api.returnOptions(), api.branchesGet()]);
  const list = searchableList({
    params, states: options.states, limit: status.list_limit, nouns: ['return', 'returns'],
    ids: { search: 'returns-search', filter: 'returns-filter', branch: 'returns-branch', results: 'returns-results', count: 'returns-count', none: 'returns-none', empty: 'returns-empty' },
    placeholder: 'RMA code, order number, customer…',
    find: (q, state, branch) => api.returnsSearch(q, state, branch),
    branches,
    table: (rows) => returnTable(rows, (row) => go('return', { id: row.id })),
    hint: 'Check the RMA code on the parcel or the order number, or search by the customer’s name.',
    empty: ['No returns yet', 'Return requests, their RMA codes, packages received and refunds appear here.'],
  });

  fill(main,
    h('div', { class: 'screen-head' },
      h('h1', { text: 'Returns' }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', text: 'Receive a package', testid: 'returns-receive', onclick: () => go('return-receive') }),
        h('button', { type: 'button', class: 'primary', text: 'New return request', testid: 'returns-new', onclick: () => go('return-new') }))),
    list.toolbar,
    list.results);
  await list.start();
  return { refresh: list.refresh };
}

/**
 * Return rows: code (or "Return 12"), order, customer, item, state and the next deadline.
 * Options: testid (of the table), showCustomer (default true; a customer's page leaves it out).
 */
export function returnTable(rows, onOpen, { testid = 'returns-list', showCustomer = true } = {}) {
  const head = ['Return', 'Order', showCustomer && 'Customer', 'Item', 'State', 'Deadline'].filter(Boolean);
  return h('table', { class: 'rows', testid },
    h('thead', {}, h('tr', {}, head.map((t) => h('th', { text: t, attrs: { scope: 'col' } })))),
    h('tbody', {}, rows.map((row) => {
      const late = row.due?.due === 'overdue';
      const open = () => onOpen(row);
      return h('tr', {
        class: `row-link${late ? ' late' : ''}`, tabIndex: 0, testid: `return-row-${row.id}`,
        attrs: { 'aria-label': `${row.title}, ${row.customer_name || 'customer unknown'}, ${row.state_label}${row.due_text ? `, ${row.due_text}` : ''}` },
        onclick: open,
        onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); open(); } },
      },
      h('td', { class: 'number' }, late ? h('span', { class: 'late-mark', attrs: { 'aria-hidden': 'true' } }) : null, row.title),
      h('td', { class: 'nowrap', text: row.order_number || '—' }),
      showCustomer ? personCell(row.customer_name || 'Unknown', Boolean(row.customer_name)) : null,
      h('td', { text: row.item }),
      h('td', {}, stateBadge(row.state, row.state_label)),
      h('td', { class: 'nowrap' }, dueLabel(row.due, row.due_text), row.next_deadline ? h('span', { class: 'muted small sub', text: showDate(row.next_deadline) }) : null));
    })));
}
