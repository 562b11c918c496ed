// The ticket's account: what is charged (repair, cosmetic work, storage, shipping,
// insurance), what was paid and refunded, the balance, and the form to record a payment or
// refund an overpayment. Every figure is the app's text; amounts go back as typed.

import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { field, errorSlots } from './form-bits.js';

export function accountCard(ticketId, sale, refresh) {
  const a = sale.account;
  const row = (label, amount, testid, cls = '') => h('tr', { class: cls, testid },
    h('td', { text: label }), h('td', { class: 'amount', text: amount }));
  return h('section', { class: 'card', testid: 'account-card' },
    h('div', { class: 'card-head' }, h('h2', { text: 'Account' }), h('span', { class: 'muted small', text: `Amounts in ${sale.currency}` })),
    h('table', { class: 'money' },
      h('tbody', {},
        a.charges.length
          ? a.charges.map((c) => row(c.label, c.amount, `account-charge-${c.kind}`))
          : h('tr', {}, h('td', { class: 'muted', colSpan: 2, text: 'Nothing charged yet.' })),
        row('Total', a.total, 'account-total', 'sum'),
        row('Paid', a.paid, 'account-paid'),
        row('Refunded', a.refunded, 'account-refunded'))),
    h('p', { class: `balance ${a.balance_tone}`, text: a.balance_text, testid: 'account-balance' }),
    a.storage_days > 0 ? h('p', { class: 'muted small', testid: 'account-storage',
      text: `Storage: ${a.storage_days} ${a.storage_days === 1 ? 'day' : 'days'} so far` }) : null,
    sale.payments.length ? paymentList(sale) : null,
    sale.payment_kinds.length ? paymentForm(ticketId, sale, refresh) : null);
}

function paymentList(sale) {
  return h('table', { class: 'rows payments', testid: 'payment-list' },
    h('thead', {}, h('tr', {}, ['Date', 'Method', 'Reference', 'By', 'Amount'].map((t, i) =>
      h('th', { text: t, class: i === 4 ? 'amount' : undefined, attrs: { scope: 'col' } })))),
    h('tbody', {}, sale.payments.map((p) => h('tr', { testid: `payment-row-${p.id}`, class: p.is_refund ? 'refund' : '' },
      h('td', { class: 'nowrap', text: p.paid_on }),
      h('td', { class: 'nowrap' }, p.method_label, p.is_refund ? h('span', { class: 'tag', text: 'refund' }) : null),
      h('td', { class: 'muted', text: p.reference || '—' }),
      h('td', { class: 'nowrap', text: p.staff_name }),
      h('td', { class: 'amount', text: p.is_refund ? `−${p.amount}` : p.amount })))));
}

function paymentForm(ticketId, sale, refresh) {
  const a = sale.account;
  const errors = errorSlots('payment-error');
  // The app says what may be recorded (a payment while the ticket is open, a refund of a
  // credit) and the amount each starts at: what settles the account.
  const kinds = sale.payment_kinds;
  const kind = h('select', { testid: 'payment-kind' },
    kinds.map((k, i) => h('option', { value: String(i), text: k.label, selected: k.preferred })));
  const chosen = () => kinds[Number(kind.value)];
  const isRefund = () => chosen().refund;
  const suggested = () => chosen().suggested;
  const amount = h('input', { class: 'num', inputMode: 'decimal', value: suggested(), testid: 'payment-amount',
    onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); save.click(); } } });
  const method = h('select', { testid: 'payment-method' }, sale.methods.map((m) => h('option', { value: m.key, text: m.label })));
  const reference = h('input', { maxLength: 100, testid: 'payment-reference', placeholder: 'Card slip, PayPal transaction or transfer id',
    onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); save.click(); } } });
  let shown = suggested();
  const save = h('button', { type: 'button', class: 'primary', testid: 'payment-save',
    onclick: async () => {
      save.disabled = true;
      errors.clear();
      try {
        const next = await api.paymentRecord(actorId(), ticketId, { kind: chosen().key, amount: amount.value, method: method.value, reference: reference.value });
        const entry = next.payments[next.payments.length - 1];
        notify(`${entry?.is_refund ? 'Refund' : 'Payment'} of ${next.currency} ${entry?.amount ?? amount.value} recorded.`);
        await refresh();
      } catch (err) {
        errors.show(err);
        if (err.code !== Code.InvalidInput) notify(err.message, 'error');
        save.disabled = false;
      }
    } });
  const label = () => { save.textContent = isRefund() ? 'Record refund' : 'Record payment'; };
  kind.addEventListener('change', () => {
    // Only replace the amount if staff have not typed their own.
    if (amount.value === shown) amount.value = suggested();
    shown = suggested();
    label();
  });
  label();
  return h('div', { class: 'payment-form', testid: 'payment-form' },
    h('p', { class: 'subhead', text: kinds.length > 1 ? 'Record a payment or refund' : isRefund() ? 'Refund the overpayment' : 'Record a payment' }),
    h('div', { class: 'payment-grid' },
      field('Kind', kind, null),
      field('Method', method, null),
      field(`Amount (${sale.currency})`, amount, errors.slot('amount')),
      field('Reference', reference, errors.slot('reference'))),
    errors.general,
    h('div', { class: 'actions' }, save));
}
