// The request on file (order, price, dates, reason, the customer's words and evidence), and
// while it is new, the policy check with the choice to authorize it or decline it.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { facts, eligibilityChecks, reasonForm, askFirst, evidenceStrip, evidenceAdder } from './return-bits.js';

export function requestCard({ view: v, refresh, go }) {
  const r = v.request;
  const a = v.amounts;
  // A request typed in wrongly is corrected until it is decided; the log keeps the old values.
  const correct = v.request_correctable
    ? h('button', { type: 'button', class: 'ghost small', text: 'Correct the request…', testid: 'return-correct',
      onclick: () => go('return-new', { correct: v.id }) })
    : null;
  return h('section', { class: 'card', testid: 'return-request' },
    h('div', { class: 'card-head' }, h('h2', { text: 'Request' }), correct),
    facts([
      ['Order or invoice', r.order_number, 'request-order'],
      ['Product', [r.product, r.model].filter(Boolean).join(' · '), 'request-product'],
      ['Serial or IMEI', r.serial, 'request-serial'],
      ['Category', r.category, 'request-category'],
      ['Purchase price', a.purchase_price, 'request-price'],
      ['Original shipping', a.original_shipping, 'request-shipping'],
      ['Shipping insurance', a.insurance_paid, 'request-insurance'],
      ['Paid with', a.paid_with_text, 'request-paid-with'],
      ['Purchased', showDate(r.purchase_date), 'request-purchased'],
      ['Delivered', showDate(r.delivery_date) || 'Not known', 'request-delivered'],
      ['Requested', a.requested_how, 'request-requested'],
      ['Reason', a.reason_label, 'request-reason'],
      ['Asks for', a.wants_label, 'request-wants'],
      ['Condition', r.opened ? 'Opened or used' : 'Unopened, unused', 'request-opened'],
      ['Colour', r.colour_claim ? 'The complaint is about the colour as seen on screen' : null, 'request-colour'],
    ]),
    v.watch_id ? h('button', { type: 'button', class: 'ghost small', text: 'The watch’s record and history', testid: 'return-watch',
      onclick: () => go('watch', { id: v.watch_id }) }) : null,
    r.details ? h('p', { class: 'subhead', text: 'In the customer’s words' }) : null,
    r.details ? h('p', { class: 'prose quote', text: r.details, testid: 'request-details' }) : null,
    h('p', { class: 'subhead', text: 'Photos or video of the defect' }),
    v.evidence.length ? evidenceStrip(v.evidence) : h('p', { class: 'muted', text: 'None attached.', testid: 'return-evidence-none' }),
    v.actions.add_evidence ? evidenceAdder(v.id, refresh) : null);
}

/** The policy check of a new request, and authorize (or as an exception) or decline. */
export function authorizeCard({ view: v, options, refresh }) {
  const e = v.eligibility;
  const can = v.actions;
  const problem = h('p', { class: 'warn-box', testid: 'authorize-refusal', hidden: true });
  // Authorizing sends the customer a code for the parcel; taking the watch in at the counter
  // (a request made in store) receives it there and then. A refused check is overridden,
  // with a reason, for whichever of the two staff chose.
  let chosen = 'authorize';
  const run = {
    authorize: (reason) => api.returnAuthorize(actorId(), v.id, reason),
    take_in: (reason) => api.returnTakeIn(actorId(), v.id, reason),
  };
  const done = async (next) => {
    notify(next.state === 'received'
      ? `${next.title}: taken in at the counter. Inspect it by ${showDate(next.receipt.inspection_due)}.`
      : `RMA code ${next.rma.code} issued, valid through ${showDate(next.rma.validity.valid_through)}.`);
    await refresh(next);
  };
  const override = reasonForm({
    label: 'Why make an exception', inputId: 'authorize-override', saveId: 'authorize-override-save', key: 'override_reason',
    saveText: 'Authorize as an exception', rows: 3, placeholder: 'e.g. A loyal customer; the manager agreed to take it back',
    run: async (reason) => done(await run[chosen](reason)),
  });
  override.node.hidden = true;
  const attempt = (button, kind) => async () => {
    chosen = kind;
    button.disabled = true;
    problem.hidden = true;
    try {
      await done(await run[kind](null));
    } catch (err) {
      button.disabled = false;
      problem.textContent = err.message;
      // A failed check is already listed above: the exception form is all that is new.
      problem.hidden = err.code === Code.NotEligible;
      if (err.code === Code.NotEligible) {
        // Staff may still take it back, on the record, with a reason.
        override.node.hidden = false;
        override.node.querySelector('[data-testid=authorize-override-save]').textContent =
          kind === 'take_in' ? 'Take it in as an exception' : 'Authorize as an exception';
        buttons.hidden = true;
        if (takeInBox) takeInBox.hidden = true;
        override.focus();
      } else if (err.code === Code.EvidenceRequired) {
        document.querySelector('[data-testid=return-evidence-add-button]')?.focus();
      } else {
        notify(err.message, 'error');
      }
    }
  };
  const authorize = h('button', { type: 'button', class: can.take_in ? 'secondary' : 'primary', testid: 'return-authorize',
    text: 'Authorize and issue RMA code' });
  authorize.onclick = attempt(authorize, 'authorize');
  const takeIn = can.take_in
    ? h('button', { type: 'button', class: 'primary', text: 'Take the watch in now', testid: 'return-take-in' })
    : null;
  if (takeIn) takeIn.onclick = attempt(takeIn, 'take_in');
  const takeInBox = takeIn ? h('div', { class: 'sub-form' },
    h('p', { class: 'subhead', text: 'Handed over at the counter' }),
    h('p', { class: 'help', testid: 'return-take-in-help',
      text: 'Asked in store: if the customer hands the watch over now, take it in here. There is no parcel to pack or label and no code to wait for; it goes straight to inspection.' }),
    h('div', { class: 'actions start' }, takeIn)) : null;
  const buttons = h('div', { class: 'actions split' });
  const [decline, declineForm] = askFirst({ class: 'ghost danger', text: 'Decline the request', testid: 'return-decline' },
    reasonForm({
      label: 'Why it is declined (the customer is told)', inputId: 'return-decline-reason', saveId: 'return-decline-save',
      saveText: 'Confirm: decline', danger: true, placeholder: options.decline_placeholder,
      run: async (reason) => {
        const next = await api.returnClose(actorId(), v.id, reason);
        notify(`${next.title} declined.`);
        await refresh(next);
      },
    }));
  // The customer who takes the watch home and posts it later gets the code as usual.
  buttons.append(decline, authorize);
  return h('section', { class: 'card', testid: 'return-eligibility' },
    h('div', { class: 'card-head' }, h('h2', { text: 'Policy check' }),
      h('span', { class: 'muted small', text: can.take_in ? 'Next step: take it in, authorize or decline' : 'Next step: authorize or decline' })),
    v.address_warning ? h('p', { class: 'warn-box', text: v.address_warning, testid: 'return-address-warning' }) : null,
    eligibilityChecks(e),
    takeInBox,
    problem,
    override.node,
    buttons,
    declineForm);
}
