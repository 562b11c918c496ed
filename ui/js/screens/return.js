// A return case: its code, state and next deadline; what to do next (authorize, wait for
// the package, inspect and decide, refund, send out) first, then what is on file, its
// printable forms and its history.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { actorId } from '../actor.js';
import { h, fill } from '../dom.js';
import { stateBadge, dueClass } from '../ticket-rows.js';
import { formsCard, historyPanel } from './ticket-panels.js';
import { eligibilityChecks } from './return-bits.js';
import { requestCard, authorizeCard } from './return-request.js';
import { rmaCard, packageCard } from './return-rma.js';
import { inspectCard } from './return-inspect.js';
import { decisionCard, refundCard, outboundCard, closedCard } from './return-settle.js';
import { exchangeCard } from './return-exchange.js';

export async function render(main, { params, go }) {
  const [options, first] = await Promise.all([api.returnOptions(), api.returnGet(params.id)]);
  let view = first;
  // While staff revise the decision, its form (filled in as decided) leads the page.
  let revising = false;
  /**
   * Draws the page again from `next` (a command's answer) or a fresh read. It keeps the
   * scroll, unless the case moved on: then its next step, at the top, is what to see.
   */
  const refresh = async (next) => {
    const top = main.scrollTop;
    const before = view.step;
    const wasRevising = revising;
    revising = false;
    view = next ?? await api.returnGet(params.id);
    show();
    main.scrollTop = view.step === before && !wasRevising ? top : 0;
  };
  const revise = (on) => {
    revising = on;
    show();
    main.scrollTop = 0;
    if (on) main.querySelector('[data-testid=return-inspect] input')?.focus();
  };

  const show = () => {
    const v = view;
    const ctx = { view: v, options, refresh, go, revise };
    // The card for the step the case waits for comes first; the record of the case below it.
    const next = revising && v.actions.revise_decision ? inspectCard({ ...ctx, revising: true }) : {
      authorize: () => authorizeCard(ctx),
      await_package: () => rmaCard(ctx),
      package: () => packageCard(ctx),
      inspect: () => inspectCard(ctx),
      refund: () => refundCard(ctx),
      exchange: () => exchangeCard(ctx),
      outbound: () => outboundCard(ctx),
      closed: () => closedCard(ctx),
    }[v.step]?.();
    const shown = (card) => card && card.dataset.testid !== next?.dataset.testid;
    const record = [
      v.decision && !revising ? decisionCard(ctx) : null,
      v.receipt ? packageCard(ctx) : null,
      v.rma ? rmaCard(ctx) : null,
      v.request ? requestCard(ctx) : null,
    ].filter(shown);
    fill(main,
      header(v),
      h('div', { class: 'ticket-layout' },
        h('div', { class: 'ticket-main' },
          whoAndWhat(v, go),
          next,
          record,
          historyPanel(v.history, { testid: 'return-history' })),
        h('div', { class: 'ticket-side' },
          v.eligibility && !v.actions.authorize
            ? h('section', { class: 'card', testid: 'return-eligibility' }, h('h2', { text: 'Policy check' }), eligibilityChecks(v.eligibility, v.rma))
            : null,
          formsCard(v.id, v.forms,
            { open: api.returnFormOpen, print: api.returnFormPrint, export: api.returnFormExport,
              email: (id, kind) => api.returnFormEmail(actorId(), id, kind), outbox: api.returnOutbox }, 'return-forms',
            v.taken_in_at_counter ? 'Handed over at the counter: there is no parcel to label. The inspection report is here once it is decided.'
              : v.request ? 'The return authorization, instructions and labels are ready once the RMA code is issued.' : 'No forms for a package nobody asked to return.'))));
  };
  show();
}

function header(v) {
  // The desk words the request: "Requested in store on 3 November 2026".
  const since = v.requested_text ?? (v.receipt ? `Package received ${showDate(v.receipt.received_on)}` : '');
  return h('div', { class: 'ticket-head' },
    h('div', { class: 'ticket-title' },
      h('p', { class: 'muted small', text: `Return${since ? ` · ${since}` : ''}` }),
      h('div', { class: 'inline wrap' },
        h('h1', { class: 'ticket-number', text: v.title, testid: 'return-title' }),
        stateBadge(v.state, v.state_label, 'return-state')),
      v.due && v.deadline_text
        ? h('p', { class: 'ticket-due', testid: 'return-due' }, `${v.deadline_text} · `, h('span', { class: `due ${dueClass(v.due)}`, text: v.due_text }))
        : h('p', { class: 'ticket-due' }, h('span', { class: 'due none', text: v.next_text, testid: 'return-due' }))));
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
    r ? h('span', { class: 'muted', text: `Order ${r.order_number} · ${v.amounts.purchase_price} · ${v.amounts.paid_with_text}` }) : null);
  return h('section', { class: 'card' }, h('div', { class: 'two-blocks' }, who, item));
}
