// After the inspection: the decision with its figures and the message for the customer,
// recording the refund (and when it will show in the customer's account), sending the
// replacement or the item out, and a declined or cancelled case's reason.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { withApproval } from '../approval.js';
import { dateInput, dateOf } from '../dates.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { field, errorSlots } from './form-bits.js';
import { messageBox } from './message-box.js';
import { photoStrip } from './ticket-panels.js';
import { facts, checkList } from './return-bits.js';
import { feeLine } from './return-exchange.js';

const labelIn = (list, key) => list.find((c) => c.key === key)?.label ?? key;

/** "Revise the decision…": while nothing is refunded or sent out on it, the decision form
 * opens again, filled in as decided. */
export function reviseButton(v, revise, testid = 'decision-revise') {
  return v.actions.revise_decision
    ? h('button', { type: 'button', class: 'ghost small', text: 'Revise the decision…', testid, onclick: () => revise(true) })
    : null;
}

export function decisionCard({ view: v, options, revise }) {
  const d = v.decision;
  const s = v.settlement;
  const insp = v.inspection;
  return h('section', { class: 'card', testid: 'return-decision' },
    h('div', { class: 'card-head' }, h('h2', { text: 'Decision' }), h('span', { class: 'muted small', text: `Decided ${showDate(d.decided_on)}` })),
    h('p', { class: 'released-line', text: v.decision_text, testid: 'decision-words' }),
    h('p', { text: v.decision_watch, testid: 'decision-watch' }),
    v.actions.revise_decision ? h('div', { class: 'actions start' }, reviseButton(v, revise)) : null,
    s.lines.length
      ? h('table', { class: 'money' }, h('tbody', {},
        s.lines.map((l, i) => h('tr', { testid: `decision-line-${i}` }, h('td', { text: l.label }), h('td', { class: 'amount', text: l.amount }))),
        h('tr', { class: 'sum' }, h('td', { text: s.total_label }), h('td', { class: 'amount', text: s.total, testid: 'decision-total' }))))
      : h('p', { class: 'muted', text: 'Nothing is refunded.', testid: 'decision-total' }),
    s.notes.map((n, i) => h('p', { class: 'muted small', text: n, testid: `decision-note-${i}` })),
    facts([
      ['Refund by', s.method ? labelIn(options.refund_methods, s.method) : null, 'decision-method'],
      [v.decision_due_label, showDate(d.due), 'decision-due'],
    ]),
    insp ? inspectionSummary(v, options) : null,
    v.decision_message ? messageBox(v.decision_message, 'decision', 'Message for the customer') : null);
}

function inspectionSummary(v, options) {
  const insp = v.inspection;
  return h('div', { class: 'sub-form', testid: 'decision-inspection' },
    h('p', { class: 'subhead', text: 'Inspection' }),
    checkList(v.inspection_checks.map((c) => [c.passed, c.label, `inspection-${c.key}`])),
    facts([['Wear', labelIn(options.wear_grades, insp.wear), 'inspection-wear'], ['Notes', insp.notes, 'inspection-notes']]),
    insp.photos.length ? photoStrip(insp.photos, 'inspection-photo', 'Inspection photo') : null);
}

/** When the refund shows in the customer's account, in the shop's own posting window. */
function postingLine(r) {
  const when = r.posting_from === r.posting_to ? `on ${showDate(r.posting_from)}` : `between ${showDate(r.posting_from)} and ${showDate(r.posting_to)}`;
  return `Expected in the customer’s account ${when} (${r.posting_words}).`;
}

/** While the refund is due: record it as paid out. Once refunded: when the customer sees it. */
export function refundCard({ view: v, options, refresh, revise }) {
  const r = v.refund_view;
  if (r) {
    return h('section', { class: 'card', testid: 'return-refund' },
      h('h2', { text: 'Refunded' }),
      h('div', { testid: 'refund-summary' },
        h('p', { class: 'released-line', text: `${r.amount} refunded ${v.refund_by ?? `by ${r.method_label}`} on ${showDate(r.refunded_on)}, reference ${r.reference}.` }),
        h('p', { text: postingLine(r), testid: 'refund-posting' })));
  }
  const s = v.settlement;
  const errors = errorSlots('refund-error');
  const enter = (e) => { if (e.key === 'Enter') { e.preventDefault(); save.click(); } };
  // The decided total without its currency code, as staff would type it.
  const amount = h('input', { class: 'num', inputMode: 'decimal', value: s.total_number, testid: 'refund-amount', onkeydown: enter });
  const method = h('select', { testid: 'refund-method' }, options.refund_methods.map((m) => h('option', { value: m.key, text: m.label, selected: m.key === s.method })));
  const date = dateInput({ value: options.today, testid: 'refund-date' });
  const reference = h('input', { maxLength: 100, testid: 'refund-reference', placeholder: 'Card refund, PayPal transaction or transfer id', onkeydown: enter });
  const save = h('button', { type: 'button', class: 'primary', text: 'Record the refund', testid: 'refund-save',
    onclick: async () => {
      save.disabled = true;
      errors.clear();
      try {
        const refund = { method: method.value, amount: amount.value, refunded_on: dateOf(date, 'refunded_on'), reference: reference.value };
        const next = await withApproval((approval) => api.returnRefund(actorId(), v.id, refund, approval));
        notify(`Refund of ${next.refund_view.amount} recorded.`);
        await refresh(next);
      } catch (err) {
        // The two refusals concern one field each: say so next to it.
        const at = { [Code.RefundDiffers]: 'amount', [Code.RefundMethodDiffers]: 'method' }[err.code];
        errors.show(at ? { ...err, fields: [{ field: at, message: err.message }] } : err);
        if (!err.fields?.length && !at) notify(err.message, 'error');
        save.disabled = false;
      }
    } });
  const reviseHere = reviseButton(v, revise, 'refund-revise');
  return h('section', { class: 'card', testid: 'return-refund' },
    h('div', { class: 'card-head' }, h('h2', { text: 'Refund' }), v.decision?.due ? h('span', { class: 'muted small', text: `Pay by ${showDate(v.decision.due)}` }) : null),
    h('p', { text: `Refund ${s.total} ${v.refund_by ?? ''}, as decided, then record it here.` }),
    h('div', { class: 'payment-grid' },
      field(`Amount (${v.request?.currency ?? options.currency})`, amount, errors.slot('amount')),
      field('Method', method, errors.slot('method')),
      field('Refunded on', date.node, errors.slot('refunded_on')),
      field('Reference', reference, errors.slot('reference'))),
    errors.general,
    h('div', { class: 'actions' }, reviseHere, save));
}

/** What went out: the replacement (with the fee paid for it) or the item sent back. */
export function outboundCard({ view: v }) {
  const o = v.outbound;
  const what = v.outcome_title;
  return h('section', { class: 'card', testid: 'return-outbound' },
    h('h2', { text: what }),
    v.fee_view ? h('p', { text: feeLine(v.fee_view), testid: 'exchange-fee-paid' }) : null,
    // The desk words it: sent with its tracking number, or handed over at the counter.
    h('p', { class: 'released-line', text: v.outbound_text ?? `${what} on ${showDate(o.sent_on)}.`, testid: 'outbound-summary' }));
}

export function closedCard({ view: v }) {
  return h('section', { class: 'card', testid: 'return-closed' },
    h('h2', { text: v.outcome_title }),
    h('p', { class: 'prose', text: v.closing_reason ?? '', testid: 'return-closing-reason' }),
    v.decline_message ? messageBox(v.decline_message, 'decline', 'Letter for the customer') : null,
    v.decline_message ? h('p', { class: 'help', text: 'The printable Decline letter is in Forms, beside this card.' }) : null);
}
