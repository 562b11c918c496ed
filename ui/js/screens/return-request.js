// The request on file (order, price, dates, reason, the customer's words and evidence), and
// while it is new, the policy check with the choice to authorize it or decline it.

import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { facts, eligibilityChecks, reasonForm, askFirst, evidenceStrip, evidenceAdder } from './return-bits.js';

export function requestCard({ view: v, refresh }) {
  const r = v.request;
  const a = v.amounts;
  return h('section', { class: 'card', testid: 'return-request' },
    h('h2', { text: 'Request' }),
    facts([
      ['Order or invoice', r.order_number, 'request-order'],
      ['Product', [r.product, r.model].filter(Boolean).join(' · '), 'request-product'],
      ['Category', r.category, 'request-category'],
      ['Purchase price', a.purchase_price, 'request-price'],
      ['Original shipping', a.original_shipping, 'request-shipping'],
      ['Shipping insurance', a.insurance_paid, 'request-insurance'],
      ['Paid with', a.paid_with_label, 'request-paid-with'],
      ['Purchased', r.purchase_date, 'request-purchased'],
      ['Delivered', r.delivery_date ?? 'Not known', 'request-delivered'],
      ['Requested', `${r.requested_on} · ${a.channel_label}`, 'request-requested'],
      ['Reason', a.reason_label, 'request-reason'],
      ['Asks for', a.wants_label, 'request-wants'],
      ['Condition', r.opened ? 'Opened or used' : 'Unopened, unused', 'request-opened'],
      ['Colour', r.colour_claim ? 'The complaint is about the colour as seen on screen' : null, 'request-colour'],
    ]),
    r.details ? h('p', { class: 'subhead', text: 'In the customer’s words' }) : null,
    r.details ? h('p', { class: 'prose quote', text: r.details, testid: 'request-details' }) : null,
    h('p', { class: 'subhead', text: 'Photos or video of the defect' }),
    v.evidence.length ? evidenceStrip(v.evidence) : h('p', { class: 'muted', text: 'None attached.', testid: 'return-evidence-none' }),
    v.actions.add_evidence ? evidenceAdder(v.id, refresh) : null);
}

/** The policy check of a new request, and authorize (or as an exception) or decline. */
export function authorizeCard({ view: v, refresh }) {
  const e = v.eligibility;
  const problem = h('p', { class: 'warn-box', testid: 'authorize-refusal', hidden: true });
  const override = reasonForm({
    label: 'Why make an exception', inputId: 'authorize-override', saveId: 'authorize-override-save', key: 'override_reason',
    saveText: 'Authorize as an exception', rows: 3, placeholder: 'e.g. A loyal customer; the manager agreed to take it back',
    run: async (reason) => authorized(await api.returnAuthorize(actorId(), v.id, reason)),
  });
  override.node.hidden = true;
  const authorized = async (next) => {
    notify(`RMA code ${next.rma.code} issued, valid through ${next.rma.validity.valid_through}.`);
    await refresh(next);
  };
  const authorize = h('button', { type: 'button', class: 'primary', text: 'Authorize and issue RMA code', testid: 'return-authorize',
    onclick: async () => {
      authorize.disabled = true;
      problem.hidden = true;
      try {
        await authorized(await api.returnAuthorize(actorId(), v.id, null));
      } catch (err) {
        authorize.disabled = false;
        problem.textContent = err.message;
        // A failed check is already listed above: the exception form is all that is new.
        problem.hidden = err.code === Code.NotEligible;
        if (err.code === Code.NotEligible) {
          // Staff may still take it back, on the record, with a reason.
          override.node.hidden = false;
          authorize.hidden = true;
          override.focus();
        } else if (err.code === Code.EvidenceRequired) {
          document.querySelector('[data-testid=return-evidence-add-button]')?.focus();
        } else {
          notify(err.message, 'error');
        }
      }
    } });
  const [decline, declineForm] = askFirst({ class: 'ghost danger', text: 'Decline the request', testid: 'return-decline' },
    reasonForm({
      label: 'Why it is declined (the customer is told)', inputId: 'return-decline-reason', saveId: 'return-decline-save',
      saveText: 'Confirm: decline', danger: true, placeholder: 'e.g. Requested after the 10-day return window',
      run: async (reason) => {
        const next = await api.returnClose(actorId(), v.id, reason);
        notify(`${next.title} declined.`);
        await refresh(next);
      },
    }));
  return h('section', { class: 'card', testid: 'return-eligibility' },
    h('div', { class: 'card-head' }, h('h2', { text: 'Policy check' }), h('span', { class: 'muted small', text: 'Next step: authorize or decline' })),
    eligibilityChecks(e),
    problem,
    override.node,
    h('div', { class: 'actions split' }, decline, authorize),
    declineForm);
}
