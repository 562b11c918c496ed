// The RMA code (how long it is valid, extending or cancelling it, the instructions for the
// customer), and the package as it came in, with what to do with a held one.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { field, errorSlots } from './form-bits.js';
import { messageBox } from './message-box.js';
import { facts, reasonForm, askFirst, busy } from './return-bits.js';
import { Code } from '../codes.js';
import { handOverButton } from './return-exchange.js';

export function rmaCard({ view: v, refresh }) {
  const rma = v.rma;
  const line = v.rma_line;
  const can = v.actions;
  const waiting = can.extend;
  const extend = h('button', { type: 'button', class: 'secondary small', text: 'Extend the code', testid: 'rma-extend',
    onclick: () => busy(extend, async () => {
      const next = await api.returnExtend(actorId(), v.id);
      notify(`${next.title} is valid through ${showDate(next.rma.validity.valid_through)} now.`);
      await refresh(next);
    }) });
  const [cancel, cancelForm] = can.cancel
    ? askFirst({ class: 'ghost danger small', text: 'Cancel the return', testid: 'return-cancel' },
      reasonForm({
        label: 'Why it is cancelled', inputId: 'return-cancel-reason', saveId: 'return-cancel-save', saveText: 'Confirm: cancel the return', danger: true,
        placeholder: 'e.g. The customer decided to keep the watch',
        run: async (reason) => {
          const next = await api.returnClose(actorId(), v.id, reason);
          notify(`${next.title} cancelled: the code will not be accepted.`);
          await refresh(next);
        },
      }))
    : [null, null];
  return h('section', { class: 'card', testid: 'return-rma' },
    h('div', { class: 'card-head' }, h('h2', { text: 'RMA code' }), waiting ? h('span', { class: 'muted small', text: 'Waiting for the package' }) : null),
    h('div', { class: 'rma-line' },
      h('strong', { class: `rma-code${line.spent ? ' spent' : ''}`, text: rma.code, testid: 'rma-code' }),
      h('div', { class: 'stack' },
        h('span', { class: `rma-valid${line.valid ? '' : ' expired'}`, testid: 'rma-valid-through' },
          line.before, h('span', { class: 'nowrap', text: showDate(line.date) }), line.after),
        h('span', { class: 'muted small', text: `Issued ${showDate(rma.validity.issued_on)}` }))),
    rma.override_reason ? h('p', { class: 'warn-box', text: `Authorized as an exception: ${rma.override_reason}`, testid: 'rma-exception' }) : null,
    v.address_warning ? h('p', { class: 'warn-box', text: v.address_warning, testid: 'return-address-warning' }) : null,
    waiting ? h('div', { class: 'actions start' }, extend, cancel) : null,
    cancelForm,
    v.instructions ? messageBox(v.instructions, 'rma', 'Instructions for the customer',
      { message: 'rma-instructions', copy: 'rma-instructions-copy', mail: 'rma-instructions-mail' }) : null,
    waiting ? h('p', { class: 'help', text: 'The return label and printable instructions are in Forms, beside this card.' }) : null);
}

export function packageCard({ view: v, refresh, go }) {
  const p = v.receipt;
  const can = v.actions;
  const held = can.link_package || can.accept_late;
  const from = can.send_back_from ? ` from ${showDate(can.send_back_from)}` : '';
  return h('section', { class: 'card', testid: 'return-package' },
    h('h2', { text: 'Package' }),
    held ? h('p', { class: 'warn-box', testid: 'package-held', text: can.accept_late
      ? `Held: it came without a valid RMA code. Accept it for inspection with a reason, or send it back at the customer’s cost${from}.`
      : `Held: nobody on file asked to return this package. If the customer has an RMA code for it, link it to that return; otherwise send it back at the customer’s cost once the hold ends${from ? `,${from}` : ''}.` }) : null,
    facts([
      ['Received', showDate(p.received_on), 'package-received-on'],
      ['Arrived', v.arrival_text, 'package-arrival'],
      ['Sender', p.package.sender || '—', 'package-sender'],
      // A watch handed over at the counter came in no parcel.
      ['Tracking', v.taken_in_at_counter ? null : p.package.tracking || '—', 'package-tracking'],
      ['Notes', p.package.notes, 'package-notes'],
      ['Held until', held ? showDate(p.hold_until) : null, 'package-hold-until'],
      ['Inspect by', can.inspect ? showDate(p.inspection_due) : null, 'package-inspection-due'],
      ['Accepted late', p.accepted_late, 'package-accepted-late'],
      ['Linked from', p.linked_from ? `Return ${p.linked_from}, where it was held without its code` : null, 'package-linked-from'],
    ]),
    can.link_package ? linkForm(v, go) : null,
    can.accept_late ? acceptForm(v, refresh) : null,
    can.send_back ? sendBackForm(v, refresh) : null);
}

/** A stray package is a return's after all: type that return's code to move it there. */
function linkForm(v, go) {
  const errors = errorSlots('link-error');
  const code = h('input', { maxLength: 20, testid: 'return-link-code', placeholder: 'RMA-XXXX-XXX', spellcheck: false, autocomplete: 'off',
    onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); link.click(); } } });
  const link = h('button', { type: 'button', class: 'secondary', text: 'Link to that return', testid: 'return-link',
    onclick: async () => {
      link.disabled = true;
      errors.clear();
      try {
        const next = await api.returnLinkPackage(actorId(), v.id, code.value);
        notify(`The package is now with ${next.title}: ${next.state_label.toLowerCase()}.`);
        go('return', { id: next.id });
      } catch (err) {
        const codeRefusal = [Code.RmaMistyped, Code.RmaUnknown, Code.RmaNotAwaited].includes(err.code);
        errors.show(codeRefusal ? { ...err, fields: [{ field: 'rma', message: err.message }] } : err);
        if (!err.fields?.length && !codeRefusal) notify(err.message, 'error');
        link.disabled = false;
      }
    } });
  return h('div', { class: 'sub-form' },
    h('p', { class: 'subhead', text: 'It belongs to a return' }),
    h('div', { class: 'inline-form' }, field('RMA code of its return', code, errors.slot('rma')), link),
    errors.general);
}

function acceptForm(v, refresh) {
  const form = reasonForm({
    label: 'Accept it for inspection anyway, because', inputId: 'return-accept-reason', saveId: 'return-accept-held', saveText: 'Accept for inspection',
    placeholder: 'e.g. The customer posted it the day the code expired',
    run: async (reason) => {
      const next = await api.returnAcceptHeld(actorId(), v.id, reason);
      notify(`Accepted: inspect by ${showDate(next.receipt.inspection_due)}.`);
      await refresh(next);
    },
  });
  return h('div', { class: 'sub-form' }, form.node);
}

/** The item goes back to the customer: the tracking number of the parcel. */
function sendBackForm(v, refresh) {
  const errors = errorSlots('send-back-error');
  const tracking = h('input', { maxLength: 60, testid: 'return-send-back-tracking', placeholder: 'Tracking number of the parcel',
    onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); send.click(); } } });
  // While the hold lasts, sending back is the other choice; once it is over, the step.
  const send = h('button', { type: 'button', class: v.actions.send_back_from ? 'secondary' : 'primary', text: 'Sent back to the customer', testid: 'return-send-back',
    onclick: async () => {
      send.disabled = true;
      errors.clear();
      try {
        const next = await api.returnShipOut(actorId(), v.id, tracking.value);
        notify(`${next.title} sent back, tracking ${next.outbound.tracking}.`);
        await refresh(next);
      } catch (err) {
        errors.show(err);
        if (!err.fields?.length) notify(err.message, 'error');
        send.disabled = false;
      }
    } });
  return h('div', { class: 'sub-form' },
    h('p', { class: 'subhead', text: v.actions.hand_over ? 'Send it back, or hand it over' : 'Send it back' }),
    h('div', { class: 'inline-form' }, field('Tracking number', tracking, errors.slot('tracking')), send),
    v.actions.hand_over ? handOverButton(v, refresh) : null,
    errors.general);
}
