// A return case: its code, state and next deadline; what to do next (authorize, wait for
// the package, inspect and decide, refund, send out) first, then what is on file, its
// printable forms and its history.

import { api } from '../ipc.js';
import { h, fill } from '../dom.js';
import { stateBadge, dueClass } from '../ticket-rows.js';
import { formsCard, historyPanel } from './ticket-panels.js';
import { eligibilityChecks } from './return-bits.js';
import { requestCard, authorizeCard } from './return-request.js';
import { rmaCard, packageCard } from './return-rma.js';
import { inspectCard } from './return-inspect.js';
import { decisionCard, refundCard, outboundCard, closedCard } from './return-settle.js';
import { exchangeCard } from './return-exchange.js';

const FORMS = [
  { kind: 'return_authorization', id: 'return-form', title: 'Return authorization form', about: 'For the customer: the RMA code, what to send back and how.', shown: (v) => v.rma },
  { kind: 'rma_instructions', id: 'rma-instructions-pdf', title: 'RMA instructions', about: 'For the customer: how to pack and label the parcel, and by when.', shown: (v) => v.rma },
  { kind: 'return_label', id: 'return-label', title: 'Return label (4×6 in)', about: 'Stuck on the parcel: the shop’s address and the RMA code to scan.', shown: (v) => v.rma },
  { kind: 'return_label_a4', id: 'return-label-a4', title: 'Return label, A4 half page', about: 'The same label for an ordinary printer.', shown: (v) => v.rma },
  { kind: 'inspection_report', id: 'inspection-report', title: 'Inspection report', about: 'The checklist, wear, photos and the decision with its figures.', shown: (v) => v.decision },
];

export async function render(main, { params, go }) {
  const [options, first] = await Promise.all([api.returnOptions(), api.returnGet(params.id)]);
  const stateLabel = (key) => options.states.find((s) => s.key === key)?.label ?? key;
  let view = first;
  /**
   * Draws the page again from `next` (a command's answer) or a fresh read. It keeps the
   * scroll, unless the case moved on: then its next step, at the top, is what to see.
   */
  const refresh = async (next) => {
    const top = main.scrollTop;
    const before = view.state;
    view = next ?? await api.returnGet(params.id);
    show();
    main.scrollTop = view.state === before ? top : 0;
  };

  const show = () => {
    const v = view;
    const ctx = { view: v, options, refresh, go };
    const s = v.state;
    // The card for the next step comes first; the record of the case below it.
    const next = {
      requested: () => authorizeCard(ctx),
      authorized: () => rmaCard(ctx),
      held: () => packageCard(ctx),
      received: () => inspectCard(ctx),
      refund_due: () => refundCard(ctx),
      exchange_due: () => exchangeCard(ctx),
      ship_back: () => packageCard(ctx),
      refunded: () => refundCard(ctx),
      exchanged: () => outboundCard(ctx),
      sent_back: () => outboundCard(ctx),
      declined: () => closedCard(ctx),
      cancelled: () => closedCard(ctx),
    }[s]?.();
    const shown = (card) => card && card.dataset.testid !== next?.dataset.testid;
    const record = [
      v.decision ? decisionCard(ctx) : null,
      v.receipt && s !== 'held' && s !== 'ship_back' ? packageCard(ctx) : null,
      v.rma && s !== 'authorized' ? rmaCard(ctx) : null,
      v.request ? requestCard(ctx) : null,
    ].filter(shown);
    fill(main,
      header(v),
      h('div', { class: 'ticket-layout' },
        h('div', { class: 'ticket-main' },
          whoAndWhat(v, go),
          next,
          record,
          historyPanel(v.history, stateLabel, { testid: 'return-history' })),
        h('div', { class: 'ticket-side' },
          v.eligibility && s !== 'requested'
            ? h('section', { class: 'card', testid: 'return-eligibility' }, h('h2', { text: 'Policy check' }), eligibilityChecks(v.eligibility, v.rma))
            : null,
          formsCard(v.id, FORMS.filter((f) => f.shown(v)),
            { open: api.returnFormOpen, print: api.returnFormPrint, export: api.returnFormExport }, 'return-forms',
            v.request ? 'The return authorization, instructions and labels are ready once the RMA code is issued.' : 'No forms for a package nobody asked to return.'))));
  };
  show();
}

const CLOSED = ['declined', 'cancelled', 'refunded', 'exchanged', 'sent_back'];
// What a case with no date waits for.
const NEXT = {
  requested: 'Next: authorize or decline the request',
  ship_back: 'Next: send it back to the customer',
  exchange_due: 'Next: send the replacement',
};

/** The date the case waits for, with what happens on it. */
function deadline(v) {
  switch (v.state) {
    case 'authorized': return ['Package expected by', v.rma?.validity.valid_through];
    case 'held': return ['Held until', v.receipt?.hold_until];
    case 'received': return ['Inspect by', v.receipt?.inspection_due];
    case 'refund_due': return ['Refund by', v.decision?.due];
    case 'exchange_due': return ['Send the replacement by', v.decision?.due];
    default: return [null, null];
  }
}

function header(v) {
  const [what, date] = deadline(v);
  const since = v.request ? `requested ${v.request.requested_on}` : v.receipt ? `package received ${v.receipt.received_on}` : '';
  return h('div', { class: 'ticket-head' },
    h('div', { class: 'ticket-title' },
      h('p', { class: 'muted small', text: `Return${since ? ` · ${since}` : ''}` }),
      h('div', { class: 'inline wrap' },
        h('h1', { class: 'ticket-number', text: v.title, testid: 'return-title' }),
        stateBadge(v.state, v.state_label, 'return-state')),
      v.due
        ? h('p', { class: 'ticket-due', testid: 'return-due' }, `${what} ${date} · `, h('span', { class: `due ${dueClass(v.due)}`, text: v.due_text }))
        : h('p', { class: 'ticket-due' }, h('span', { class: 'due none', text: nextStep(v), testid: 'return-due' }))));
}

function nextStep(v) {
  if (v.fee_owed) return `Next: take the exchange fee of ${v.fee_owed}, then send the replacement`;
  return NEXT[v.state] ?? (CLOSED.includes(v.state) ? 'Closed' : 'Nothing due');
}

/** Who asked and for which item; a package nobody asked to return says so. */
function whoAndWhat(v, go) {
  const info = v.customer_info;
  const c = info ? info.details ?? info : null;
  const r = v.request;
  const who = c
    ? h('button', { type: 'button', class: 'block customer-block', testid: 'return-customer', onclick: () => go('customer', { id: info.id }), attrs: { title: 'Open the customer’s page' } },
      h('p', { class: 'block-label', text: 'Customer' }),
      h('strong', { class: 'big', text: c.name }),
      c.phone ? h('span', { text: c.phone }) : null,
      c.email ? h('span', { text: c.email }) : null,
      c.address ? h('span', { class: 'muted small pre', text: c.address }) : null,
      h('span', { class: 'link-text', text: 'Their tickets →' }))
    : h('div', { class: 'block', testid: 'return-customer' },
      h('p', { class: 'block-label', text: 'Customer' }),
      h('strong', { class: 'big', text: 'Unknown' }),
      h('span', { class: 'muted', text: v.receipt?.package.sender ? `Sender on the parcel: ${v.receipt.package.sender}` : 'No sender on the parcel' }));
  const item = h('div', { class: 'block', testid: 'return-item' },
    h('p', { class: 'block-label', text: 'Item' }),
    h('strong', { class: 'big', text: r ? r.product : 'Unidentified package' }),
    r?.model ? h('span', { text: r.model }) : null,
    r ? h('span', { class: 'muted', text: `Order ${r.order_number} · ${v.amounts.purchase_price} · ${v.amounts.paid_with_label}` }) : null);
  return h('section', { class: 'card' }, h('div', { class: 'two-blocks' }, who, item));
}
