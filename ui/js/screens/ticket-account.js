// The ticket's account: what is charged (repair, cosmetic work, storage, shipping,
// insurance), what was paid and refunded, the balance, and the form to record a payment or
// refund an overpayment. Every figure is the app's text; amounts go back as typed.

import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { field, errorSlots } from './form-bits.js';

const CLOSED = ['collected', 'shipped', 'cancelled', 'returned_unrepaired'];

/** "HKD 730.00 due", "Settled" or "Credit HKD 50.00 to refund", with its tone. */
export function balanceWords(sale) {
  const a = sale.account;
  if (a.balance_minor > 0) return [`${sale.currency} ${a.balance} due`, 'due'];
  if (a.balance_minor < 0) return [`Credit ${sale.currency} ${a.balance.replace(/^-/, '')} to refund`, 'credit'];
  return ['Settled', 'settled'];
}

export function accountCard(ticketId, state, sale, refresh) {
  const a = sale.account;
  const [balance, tone] = balanceWords(sale);
  const row = (label, amount, testid, cls = '') => h('tr', { class: cls, testid },
    h('td', { text: label }), h('td', { class: 'amount', text: amount }));
  const credit = a.balance_minor < 0;
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
    h('p', { class: `balance ${tone}`, text: balance, testid: 'account-balance' }),
    a.storage_days > 0 ? h('p', { class: 'muted small', testid: 'account-storage',
      text: `Storage: ${a.storage_days} ${a.storage_days === 1 ? 'day' : 'days'} so far` }) : null,
    sale.payments.length ? paymentList(sale) : null,
    !CLOSED.includes(state) || credit ? paymentForm(ticketId, state, sale, refresh) : null);
}

function paymentList(sale) {
  return h('table', { class: 'rows payments', testid: 'payment-list' },
    h('thead', {}, h('tr', {}, ['Date', 'Method', 'Reference', 'By', 'Amount'].map((t, i) =>
      h('th', { text: t, class: i === 4 ? 'amount' : undefined, attrs: { scope: 'col' } })))),
    h('tbody', {}, sale.payments.map((p) => h('tr', { testid: `payment-row-${p.id}`, class: p.kind === 'refund' ? 'refund' : '' },
      h('td', { class: 'nowrap', text: p.paid_on }),
      h('td', { class: 'nowrap' }, p.method_label, p.kind === 'refund' ? h('span', { class: 'tag', text: 'refund' }) : null),
      h('td', { class: 'muted', text: p.reference || '—' }),
      h('td', { class: 'nowrap', text: p.staff_name }),
      h('td', { class: 'amount', text: p.kind === 'refund' ? `−${p.amount}` : p.amount })))));
}

function paymentForm(ticketId, state, sale, refresh) {
  const a = sale.account;
  const credit = a.balance_minor < 0;
  const errors = errorSlots('payment-error');
  // A closed ticket takes no more payments, but an overpayment can still be refunded.
  const kinds = [!CLOSED.includes(state) && ['payment', 'Payment'], credit && ['refund', 'Refund of overpayment']].filter(Boolean);
  const kind = h('select', { testid: 'payment-kind' },
    kinds.map(([v, label]) => h('option', { value: v, text: label, selected: credit ? v === 'refund' : v === 'payment' })));
  // The amount starts at what settles the account: the balance due, or the credit to refund.
  const suggested = () => (kind.value === 'refund' ? a.balance.replace(/^-/, '') : a.balance_minor > 0 ? a.balance : '');
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
        const next = await api.paymentRecord(actorId(), ticketId, { kind: kind.value, amount: amount.value, method: method.value, reference: reference.value });
        const entry = next.payments[next.payments.length - 1];
        notify(`${kind.value === 'refund' ? 'Refund' : 'Payment'} of ${next.currency} ${entry?.amount ?? amount.value} recorded.`);
        await refresh();
      } catch (err) {
        errors.show(err);
        if (err.code !== 'invalid_input') notify(err.message, 'error');
        save.disabled = false;
      }
    } });
  const label = () => { save.textContent = kind.value === 'refund' ? 'Record refund' : 'Record payment'; };
  kind.addEventListener('change', () => {
    // Only replace the amount if staff have not typed their own.
    if (amount.value === shown) amount.value = suggested();
    shown = suggested();
    label();
  });
  label();
  return h('div', { class: 'payment-form', testid: 'payment-form' },
    h('p', { class: 'subhead', text: kinds.length > 1 ? 'Record a payment or refund' : credit ? 'Refund the overpayment' : 'Record a payment' }),
    h('div', { class: 'payment-grid' },
      field('Kind', kind, null),
      field('Method', method, null),
      field(`Amount (${sale.currency})`, amount, errors.slot('amount')),
      field('Reference', reference, errors.slot('reference'))),
    errors.general,
    h('div', { class: 'actions' }, save));
}
