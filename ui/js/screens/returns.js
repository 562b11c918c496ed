// Returns: every return case, searchable by RMA code, order number or customer, soonest
// deadline first; new requests and packages that come in start here.

import { api } from '../ipc.js';
import { h, fill, emptyState, notify, debounce } from '../dom.js';
import { stateBadge, dueLabel } from '../ticket-rows.js';
import { listKeys } from '../list-keys.js';

export async function render(main, { params, go }) {
  const options = await api.returnOptions();
  const search = h('input', {
    type: 'search', value: params.query ?? '', placeholder: 'RMA code, order number, customer…', class: 'search', testid: 'returns-search',
    attrs: { 'aria-label': 'Search returns', autocomplete: 'off' }, spellcheck: false,
  });
  const filter = h('select', { testid: 'returns-filter', attrs: { 'aria-label': 'Show returns in state' } },
    h('option', { value: '', text: 'All states' }),
    options.states.map((s) => h('option', { value: s.key, text: s.label, selected: s.key === params.filter })));
  const results = h('section', { class: 'card flush', testid: 'returns-results', attrs: { 'aria-live': 'polite' } });
  const count = h('span', { class: 'muted', testid: 'returns-count' });
  const open = (row) => go('return', { id: row.id });

  let seq = 0;
  const show = async () => {
    const q = search.value.trim();
    const state = filter.value || null;
    const mine = ++seq;
    let rows;
    try {
      rows = await api.returnsSearch(q, state);
    } catch (err) {
      return notify(err.message, 'error');
    }
    if (mine !== seq) return; // a newer search is on its way
    count.textContent = rows.length ? `${rows.length} ${rows.length === 1 ? 'return' : 'returns'}${rows.length >= 200 ? ' (the first 200)' : ''}` : '';
    if (rows.length) return fill(results, returnTable(rows, open));
    const stateLabel = options.states.find((s) => s.key === state)?.label.toLowerCase();
    if (q) {
      fill(results, emptyState(`No return matches “${q}”${stateLabel ? ` among ${stateLabel} returns` : ''}`,
        'Check the RMA code on the parcel or the order number, or search by the customer’s name.', 'returns-none'));
    } else if (state) {
      fill(results, emptyState(`No return is ${stateLabel}`, 'Choose “All states” to see every return.', 'returns-none'));
    } else {
      fill(results, emptyState('No returns yet', 'Return requests, their RMA codes, packages received and refunds appear here.', 'returns-empty'));
    }
  };
  const later = debounce(show, 120);
  search.addEventListener('input', () => later());
  listKeys(search, results, later);
  filter.addEventListener('change', () => later.now());

  fill(main,
    h('div', { class: 'screen-head' },
      h('h1', { text: 'Returns' }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', text: 'Receive a package', testid: 'returns-receive', onclick: () => go('return-receive') }),
        h('button', { type: 'button', class: 'primary', text: 'New return request', testid: 'returns-new', onclick: () => go('return-new') }))),
    h('div', { class: 'toolbar' }, search, filter, count),
    results);
  await show();
  if (!params.query) search.focus();
}

/** Return rows: code (or "Return 12"), order, customer, item, state and the next deadline. */
function returnTable(rows, onOpen) {
  const head = ['Return', 'Order', 'Customer', 'Item', 'State', 'Deadline'];
  return h('table', { class: 'rows', testid: 'returns-list' },
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
      h('td', { class: row.customer_name ? 'strong' : 'muted', text: row.customer_name || 'Unknown' }),
      h('td', { text: row.item }),
      h('td', {}, stateBadge(row.state, row.state_label)),
      h('td', { class: 'nowrap' }, dueLabel(row.due, row.due_text), row.next_deadline ? h('span', { class: 'muted small sub', text: row.next_deadline }) : null));
    })));
}
