// Today, the home screen: what needs doing now, soonest deadline first, then quotations
// waiting for the customer, watches held after an expired quotation, return notices due,
// repaired watches waiting to leave (no notice yet, storage fees, balances, tracking numbers),
// and returns (RMA codes running out, held packages, inspections and refunds due).

import { api } from '../ipc.js';
import { h, fill, emptyState, notify } from '../dom.js';
import { stateBadge, dueLabel } from '../ticket-rows.js';
import { showDate } from '../dates.js';

/** One row of a Today list: when, which ticket (or return), whose watch, its state. */
function item(row, when, cls, testid, open) {
  return h('li', {},
    h('button', { type: 'button', class: `due-item${cls ? ` ${cls}` : ''}`, testid, onclick: () => open(row) },
      h('span', { class: 'due-when' }, when, h('span', { class: 'muted', text: showDate(row.next_deadline) })),
      h('span', { class: 'number', text: row.number ?? row.title }),
      h('span', { class: 'who' }, h('strong', { text: row.customer_name || 'Customer unknown' }), h('span', { class: 'muted', text: row.device ?? row.item })),
      stateBadge(row.state, row.state_label)));
}

/** An amount as the when-column of a row: the figure, then what it is. */
function money(amount, what) {
  return [h('strong', { class: 'money-figure', text: amount }), h('span', { class: 'muted', text: what })];
}

/**
 * With nothing due today: what is open and what comes next; with no open watch, a quiet line
 * when other sections below list work, and the empty state only when nothing is listed at all.
 */
function nothingDue(due, open, othersListed) {
  if (!due.open && othersListed) {
    return h('p', { class: 'muted', testid: 'today-nothing-due', text: 'No repair ticket is open. What else needs doing is listed below.' });
  }
  if (!due.open) {
    return emptyState('Nothing needs doing right now',
      'Assessments due, quotations about to expire, storage fees, RMA codes and inspections will be listed here, soonest deadline first.',
      'today-empty');
  }
  const watches = `${due.open} ${due.open === 1 ? 'watch is' : 'watches are'} open`;
  return h('div', { testid: 'today-upcoming' },
    h('p', { class: 'muted', testid: 'today-nothing-due',
      text: due.upcoming.length ? `Nothing is due today. ${watches}; next due:` : `Nothing is due today. ${watches}, none with a deadline set: see them under Tickets.` }),
    due.upcoming.length
      ? h('ul', { class: 'due-list' }, due.upcoming.map((row) => item(row, dueLabel(row.due, row.due_text), '', `today-next-${row.number}`, open)))
      : null);
}

function section(title, note, rows, testid, toItem) {
  if (!rows.length) return null;
  return h('section', { class: 'card', testid },
    h('div', { class: 'card-head' }, h('h2', { text: title }), h('span', { class: 'muted', text: note(rows.length) })),
    h('ul', { class: 'due-list' }, rows.map(toItem)));
}

/** Who at the bench has how many watches, and the most urgent that nobody has. */
function benchCard(bench, open, go) {
  if (!bench.people.length && !bench.unassigned_count) return null;
  const n = bench.unassigned_count;
  return h('section', { class: 'card', testid: 'today-bench' },
    h('div', { class: 'card-head' },
      h('h2', { text: 'The bench' }),
      h('span', { class: 'muted', testid: 'today-unassigned-count', text: n ? `${n} ${n === 1 ? 'watch waits' : 'watches wait'} for a watchmaker` : 'every watch has its watchmaker' })),
    bench.people.length
      ? h('div', { class: 'bench-people', testid: 'today-bench-people' }, bench.people.map((p) => h('button', {
        type: 'button', class: 'ghost small', testid: `today-bench-${p.id}`, text: `${p.name}: ${p.count}`,
        onclick: () => go('bench', { staff: p.id }) })))
      : h('p', { class: 'muted small', text: 'Give staff the watchmaker role in Settings → Staff to hand them watches.' }),
    bench.unassigned.length
      ? h('ul', { class: 'due-list', testid: 'today-unassigned' }, bench.unassigned.map((row) =>
        item(row, dueLabel(row.due, row.due_text), row.due?.due === 'overdue' ? 'late' : '', `today-unassigned-${row.number}`, open)))
      : null);
}

/** The parts to order, and the repairs waiting for a part that is not in stock. */
function partsCard(parts, open, go) {
  if (!parts.low_count && !parts.waiting.length) return null;
  const n = parts.low_count;
  return h('section', { class: 'card', testid: 'today-parts' },
    h('div', { class: 'card-head' },
      h('h2', { text: 'Parts' }),
      h('span', { class: 'muted', testid: 'today-low-count', text: n ? `${n} ${n === 1 ? 'part' : 'parts'} to order` : 'nothing to order' })),
    parts.waiting.length
      ? h('div', { class: 'subsection' },
        h('h3', { text: 'Repairs waiting for a part' }),
        h('ul', { class: 'due-list', testid: 'today-waiting-parts' }, parts.waiting.map((row) =>
          item(row, h('strong', { text: row.waits_for }), 'soon', `today-waits-${row.number}`, open))))
      : null,
    parts.low.length
      ? h('div', { class: 'subsection' },
        h('h3', { text: 'Low in stock' }),
        h('ul', { class: 'due-list', testid: 'today-low-parts' }, parts.low.map((p) => h('li', {},
          h('button', { type: 'button', class: 'due-item', testid: `today-low-${p.number}`, onclick: () => go('part', { id: p.id }) },
            h('span', { class: 'due-when' }, h('strong', { text: p.stock_text })),
            h('span', { class: 'number', text: p.number }),
            h('span', { class: 'who' }, h('strong', { text: p.description }), h('span', { class: 'muted', text: p.location ? `Kept in ${p.location}` : p.kind_label })),
            h('span', { class: 'tag warn', text: p.back_ordered ? 'Repairs wait' : `Low at ${p.low_at}` }))))),
        n > parts.low.length ? h('button', { type: 'button', class: 'ghost small', text: `All ${n} parts to order`, testid: 'today-low-all', onclick: () => go('parts', { low: true }) }) : null)
      : null);
}

/** Prints the bag tags of every watch booked in today, in one job on the tag printer. */
function printTagsButton() {
  const button = h('button', { type: 'button', class: 'secondary', text: 'Print today’s bag tags', testid: 'print-todays-tags',
    onclick: async () => {
      button.disabled = true;
      try {
        notify((await api.tagsPrintToday()).text);
      } catch (err) {
        notify(err.message, 'error');
      } finally {
        button.disabled = false;
      }
    } });
  return button;
}

export async function render(main, { status, go }) {
  const [due, quotes, release, returns, bench, parts] = await Promise.all([api.todayList(), api.todayQuotes(), api.todayRelease(), api.todayReturns(),
    api.todayBench(), api.todayParts()]);
  const rows = due.due;
  const open = (row) => go('ticket', { id: row.id });
  const openReturn = (row) => go('return', { id: row.id });
  const late = (row) => (row.due?.due === 'overdue' ? 'late' : row.due?.due === 'today' ? 'soon' : '');
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const daysLeft = (row) => (row.due?.due === 'overdue' ? 0 : row.due?.days ?? 0);
  const othersListed = [quotes, release, returns].some((part) => Object.values(part).some((list) => Array.isArray(list) && list.length));
  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('h1', { text: 'Today' }), h('p', { class: 'muted', text: status.today_label ?? '' })),
      h('div', { class: 'inline' }, printTagsButton(),
        h('button', { type: 'button', class: 'primary', text: 'New intake', testid: 'new-intake', attrs: { 'aria-keyshortcuts': 'Control+N', title: 'Ctrl N' }, onclick: () => go('intake') }))),
    h('section', { class: 'card', testid: 'today-assessments' },
      h('div', { class: 'card-head' },
        h('h2', { text: 'Due today or overdue' }),
        rows.length ? h('span', { class: 'muted', text: `${plural(rows.length, 'ticket needs', 'tickets need')} attention`, testid: 'today-due-count' }) : null),
      rows.length
        ? h('ul', { class: 'due-list', testid: 'today-list' }, rows.map((row) =>
          item(row, dueLabel(row.due, row.due_text), row.due?.due === 'overdue' ? 'late' : '', `today-row-${row.number}`, open)))
        : nothingDue(due, open, othersListed)),
    benchCard(bench, open, go),
    partsCard(parts, open, go),
    section('Quotations awaiting an answer', (n) => plural(n, 'quotation', 'quotations'), quotes.awaiting_answer, 'today-awaiting', (row) => {
      const left = daysLeft(row);
      const when = h('strong', { text: row.due?.due === 'today' ? 'last day to accept' : `${left} ${left === 1 ? 'day' : 'days'} left` });
      return item(row, when, left <= 2 ? 'soon' : '', `today-quote-${row.number}`, open);
    }),
    section('Held after an expired quotation', (n) => plural(n, 'watch', 'watches'), quotes.on_hold, 'today-on-hold', (row) =>
      item(row, h('strong', { text: 'held until' }), '', `today-hold-${row.number}`, open)),
    section('Return notices due', (n) => plural(n, 'notice', 'notices'), quotes.return_due, 'today-return-due', (row) =>
      item(row, h('strong', { text: 'send the return notice' }), 'late', `today-return-${row.number}`, open)),
    section('Repaired, no Collection Notice yet', (n) => plural(n, 'watch', 'watches'), release.without_notice, 'today-without-notice', (row) =>
      item(row, h('strong', { text: 'send the notice' }), 'soon', `today-notice-${row.number}`, open)),
    section('Storage fees accruing', (n) => plural(n, 'watch', 'watches'), release.storage_accruing, 'today-storage', (row) =>
      item(row, money(row.amount, 'storage so far'), '', `today-storage-${row.number}`, open)),
    section('Balances due', (n) => plural(n, 'ticket', 'tickets'), release.balances_due, 'today-balances', (row) =>
      item(row, money(row.amount, 'to pay before release'), '', `today-balance-${row.number}`, open)),
    section('Ready to dispatch, waiting for a tracking number', (n) => plural(n, 'parcel', 'parcels'), release.awaiting_tracking, 'today-tracking', (row) =>
      item(row, h('strong', { text: 'add tracking' }), '', `today-tracking-${row.number}`, open)),
    section('RMA codes expiring', (n) => plural(n, 'code', 'codes'), returns.rma_expiring, 'today-rma-expiring', (row) => {
      const left = daysLeft(row);
      const when = h('strong', { text: row.due?.due === 'overdue' ? 'expired' : row.due?.due === 'today' ? 'last day' : `${left} ${left === 1 ? 'day' : 'days'} left` });
      return item(row, when, late(row) || 'soon', `today-rma-${row.id}`, openReturn);
    }),
    section('Packages held without a valid RMA', (n) => plural(n, 'package', 'packages'), returns.held, 'today-held', (row) =>
      item(row, h('strong', { text: row.due?.due === 'overdue' ? 'hold ended' : 'held until' }), late(row), `today-held-${row.id}`, openReturn)),
    section('Packages to send back', (n) => plural(n, 'package', 'packages'), returns.to_send_back, 'today-send-back', (row) =>
      item(row, h('strong', { text: 'send it back' }), 'soon', `today-send-back-${row.id}`, openReturn)),
    section('Returns to inspect', (n) => plural(n, 'return', 'returns'), returns.inspections_due, 'today-inspect', (row) =>
      item(row, dueLabel(row.due, row.due_text), late(row), `today-inspect-${row.id}`, openReturn)),
    section('Refunds to issue', (n) => plural(n, 'refund', 'refunds'), returns.refunds_to_issue, 'today-refunds', (row) =>
      item(row, dueLabel(row.due, row.due_text), late(row), `today-refund-${row.id}`, openReturn)));
}
