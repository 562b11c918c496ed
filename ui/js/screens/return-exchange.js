// An exchange: the customer pays the exchange fee (an exchange by choice), then the
// replacement goes out with its tracking number. A replacement for a fault costs nothing.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { dateInput, dateOf } from '../dates.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { field, errorSlots } from './form-bits.js';

const onEnter = (button) => (e) => { if (e.key === 'Enter') { e.preventDefault(); button().click(); } };

/** "Exchange fee of HKD 645.00 paid by Card on 2026-11-21, reference VISA 4417." */
export function feeLine(f) {
  const reference = f.reference ? `, reference ${f.reference}` : '';
  return `Exchange fee of ${f.amount} paid by ${f.method_label} on ${showDate(f.paid_on)}${reference}.`;
}

export function exchangeCard({ view: v, options, refresh }) {
  const head = h('div', { class: 'card-head' }, h('h2', { text: 'Exchange' }),
    v.decision?.due ? h('span', { class: 'muted small', text: `Send by ${showDate(v.decision.due)}` }) : null);
  if (v.fee_owed) {
    return h('section', { class: 'card', testid: 'return-exchange' }, head, feeForm(v, options, refresh));
  }
  const paid = v.fee_view
    ? h('p', { class: 'released-line', text: feeLine(v.fee_view), testid: 'exchange-fee-paid' })
    : h('p', { text: 'A replacement for a fault: the customer pays nothing.', testid: 'exchange-fee-paid' });
  return h('section', { class: 'card', testid: 'return-exchange' }, head, paid, shipOutForm(v, refresh));
}

function feeForm(v, options, refresh) {
  const errors = errorSlots('exchange-fee-error');
  const enter = onEnter(() => save);
  // The fee without its currency code, as staff would type it.
  const amount = h('input', { class: 'num', inputMode: 'decimal', value: v.fee_owed_number, testid: 'exchange-fee-amount', onkeydown: enter });
  const method = h('select', { testid: 'exchange-fee-method' }, options.payment_methods.map((m) => h('option', { value: m.key, text: m.label })));
  const date = dateInput({ value: options.today, testid: 'exchange-fee-date' });
  const reference = h('input', { maxLength: 100, testid: 'exchange-fee-reference', placeholder: 'Card slip, PayPal transaction or transfer id', onkeydown: enter });
  const save = h('button', { type: 'button', class: 'primary', text: 'Record the fee payment', testid: 'exchange-fee-save',
    onclick: async () => {
      save.disabled = true;
      errors.clear();
      try {
        const next = await api.returnExchangeFee(actorId(), v.id, { method: method.value, amount: amount.value, paid_on: dateOf(date, 'paid_on'), reference: reference.value });
        notify(`Exchange fee of ${next.fee_view.amount} recorded. The replacement can go out.`);
        await refresh(next);
      } catch (err) {
        const at = { [Code.FeeDiffers]: 'amount' }[err.code];
        errors.show(at ? { ...err, fields: [{ field: at, message: err.message }] } : err);
        if (!err.fields?.length && !at) notify(err.message, 'error');
        save.disabled = false;
      }
    } });
  return [
    h('p', { text: `The customer pays the exchange fee of ${v.fee_owed} before the replacement goes out. Record the payment here.`, testid: 'exchange-fee-owed' }),
    h('div', { class: 'payment-grid' },
      field(`Amount (${v.request?.currency ?? options.currency})`, amount, errors.slot('amount')),
      field('Method', method, errors.slot('method')),
      field('Paid on', date.node, errors.slot('paid_on')),
      field('Reference', reference, errors.slot('reference'))),
    errors.general,
    h('div', { class: 'actions' }, save),
  ];
}

function shipOutForm(v, refresh) {
  const errors = errorSlots('ship-out-error');
  const tracking = h('input', { maxLength: 60, testid: 'return-ship-out-tracking', placeholder: 'Tracking number of the replacement', onkeydown: onEnter(() => send) });
  const send = h('button', { type: 'button', class: 'primary', text: 'Replacement sent', testid: 'return-ship-out',
    onclick: async () => {
      send.disabled = true;
      errors.clear();
      try {
        const next = await api.returnShipOut(actorId(), v.id, tracking.value);
        notify(`Replacement sent, tracking ${next.outbound.tracking}.`);
        await refresh(next);
      } catch (err) {
        errors.show(err);
        if (!err.fields?.length) notify(err.message, 'error');
        send.disabled = false;
      }
    } });
  return [
    h('p', { class: 'muted', text: v.actions.hand_over
      ? 'Record the replacement’s tracking number when it goes out, or hand it over at the counter.'
      : 'Record the replacement’s tracking number when it goes out.' }),
    h('div', { class: 'inline-form' }, field('Tracking number', tracking, errors.slot('tracking')), send),
    v.actions.hand_over ? handOverButton(v, refresh) : null,
    errors.general,
  ];
}

/** "Handed over at the counter": the customer takes it in the shop; no tracking number. */
export function handOverButton(v, refresh) {
  const button = h('button', { type: 'button', class: 'secondary', text: 'Handed over at the counter', testid: 'return-hand-over',
    onclick: async () => {
      button.disabled = true;
      try {
        const next = await api.returnHandOver(actorId(), v.id);
        notify(next.outbound_text);
        await refresh(next);
      } catch (err) {
        notify(err.message, 'error');
        button.disabled = false;
      }
    } });
  return h('div', { class: 'actions start' }, button);
}
