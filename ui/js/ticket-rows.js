// Ticket lists as every screen shows them: the number, who, which watch, its state and the
// next deadline, soonest first as the app sends them. Late rows are marked, and so are
// watches running up a storage fee.

import { showDate } from './dates.js';
import { h } from './dom.js';

/** The state as a coloured badge; `key` is the state's snake_case key. */
export function stateBadge(key, label, testid) {
  return h('span', { class: `badge state-${key}`, text: label, testid });
}

/** The deadline in words ("overdue by 2 days", "due today"), late ones in red. */
export function dueLabel(due, text, testid) {
  if (!due) return h('span', { class: 'due none', text: '—', testid, attrs: { 'aria-label': 'Nothing due' } });
  return h('span', { class: `due ${dueClass(due)}`, text, testid });
}

/**
 * A person's name as a list column's cell: kept on one line, never broken inside the name
 * (a Chinese name included), cut with an ellipsis past the column's width (app.css,
 * `td.person`), the whole name on hover. `known` false shows the name muted ("Unknown").
 */
export function personCell(name, known = true, phone = null) {
  return h('td', { class: `person ${known ? 'strong' : 'muted'}` }, h('span', { class: 'person-name', text: name, title: name }),
    phone ? h('span', { class: 'muted small sub person-phone', text: phone }) : null);
}

export function dueClass(due) {
  if (!due) return '';
  return due.due === 'overdue' ? 'late' : due.due === 'today' ? 'today' : 'upcoming';
}

/**
 * A table of ticket rows; a click or Enter on a row calls onOpen(row).
 * Options: testid (of the table), showCustomer (default true).
 */
export function ticketTable(rows, onOpen, { testid, showCustomer = true } = {}) {
  const head = ['Ticket', showCustomer && 'Customer', 'Watch', 'State', 'Received', 'Deadline'].filter(Boolean);
  // Received is the first column a narrow window does without (app.css, col-received).
  return h('table', { class: 'rows', testid },
    h('thead', {}, h('tr', {}, head.map((t) => h('th', { text: t, class: t === 'Received' ? 'col-received' : null, attrs: { scope: 'col' } })))),
    h('tbody', {}, rows.map((row) => ticketRow(row, onOpen, showCustomer))));
}

function ticketRow(row, onOpen, showCustomer) {
  const late = row.due?.due === 'overdue';
  const open = () => onOpen(row);
  return h('tr', {
    class: `row-link${late ? ' late' : ''}`,
    tabIndex: 0,
    testid: `ticket-row-${row.number}`,
    attrs: { 'aria-label': `Ticket ${row.number}, ${row.customer_name}, ${row.state_label}${row.due_text ? `, ${row.due_text}` : ''}` },
    onclick: open,
    onkeydown: (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        open();
      }
    },
  },
  h('td', { class: 'number' }, late ? h('span', { class: 'late-mark', attrs: { 'aria-hidden': 'true' } }) : null, row.number),
  showCustomer ? personCell(row.customer_name, true, row.customer_phone) : null,
  h('td', { class: 'device' }, h('span', { class: 'device-name', text: row.device, title: row.device }),
    row.waits_for ? h('span', { class: 'tag warn sub-tag', text: row.waits_for, testid: `row-waits-${row.number}` }) : null),
  h('td', {}, stateBadge(row.state, row.state_label),
    row.storage_fee ? h('span', { class: 'tag warn sub-tag', text: `storage ${row.storage_fee}`, testid: `row-storage-${row.number}` }) : null),
  h('td', { class: 'muted nowrap col-received', text: showDate(row.received_on) }),
  h('td', { class: 'nowrap' }, dueLabel(row.due, row.due_text), row.next_deadline ? h('span', { class: 'muted small sub', text: showDate(row.next_deadline) }) : null));
}
