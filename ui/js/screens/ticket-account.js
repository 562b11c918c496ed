// The ticket's account: what is charged (repair, cosmetic work, storage, shipping,
// insurance), what was paid and refunded, the balance, and the form to record a payment or
// refund an overpayment. Every figure is the app's text; amounts go back as typed. The app
// decides what needs confirming (a payment above the balance) and what may be voided.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { withApproval } from '../approval.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { field, errorSlots, uid } from './form-bits.js';

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
    sale.payments.length ? paymentList(ticketId, sale, refresh) : null,
    sale.payment_kinds.length ? paymentForm(ticketId, sale, refresh) : null);
}

function paymentList(ticketId, sale, refresh) {
  const voidable = sale.payments.some((p) => p.can_void);
  const heads = ['Date', 'Method', 'Reference', 'By', 'Amount'];
  const body = h('tbody', {});
  for (const p of sale.payments) {
    // A voided entry stays in the list, struck through, with why: it counts nowhere.
    const struck = (text) => (p.voided ? h('del', { text }) : text);
    const voidButton = p.can_void
      ? h('button', { type: 'button', class: 'ghost small', text: 'Void…', testid: `payment-void-${p.id}`,
        attrs: { 'aria-label': `Void the ${p.is_refund ? 'refund' : 'payment'} of ${sale.currency} ${p.amount}` } })
      : null;
    const row = h('tr', { testid: `payment-row-${p.id}`, class: [p.is_refund ? 'refund' : '', p.voided ? 'voided' : ''].join(' ').trim() },
      h('td', { class: 'nowrap' }, struck(showDate(p.paid_on))),
      h('td', {},
        h('span', { class: 'nowrap' }, struck(p.method_label)),
        p.is_refund ? h('span', { class: 'tag', text: 'refund' }) : null,
        p.plan_text ? h('div', { class: 'muted small', testid: `payment-plan-${p.id}` }, struck(p.plan_text)) : null),
      h('td', { class: 'muted' }, struck(p.reference || '—')),
      h('td', { class: 'nowrap', text: p.staff_name }),
      h('td', { class: 'amount' }, struck(p.is_refund ? `−${p.amount}` : p.amount)),
      voidable ? h('td', { class: 'nowrap' }, voidButton) : null);
    body.append(row);
    // Why it was voided, across the row's width, under it.
    if (p.voided) {
      body.append(h('tr', { class: 'voided void-note-row' },
        h('td', { colSpan: heads.length + (voidable ? 1 : 0) },
          h('span', { class: 'void-note', text: p.voided, testid: `payment-voided-${p.id}` }),
          h('span', { class: 'muted small', text: ` · by ${p.voided_by} on ${showDate(p.voided_on)}` }))));
    }
    voidButton?.addEventListener('click', () => {
      if (row.nextElementSibling?.dataset.testid === 'payment-void-form') return;
      row.after(voidForm(ticketId, p, sale, heads.length + 1, refresh));
    });
  }
  return h('table', { class: 'rows payments', testid: 'payment-list' },
    h('thead', {}, h('tr', {}, [...heads, ...(voidable ? [''] : [])].map((t, i) =>
      h('th', { text: t, class: i === 4 ? 'amount' : undefined, attrs: { scope: 'col' } })))),
    body);
}

/** The reason for voiding an entry, in a row under it. */
function voidForm(ticketId, p, sale, columns, refresh) {
  const errors = errorSlots('payment-void-error');
  const reason = h('input', { maxLength: 200, testid: 'payment-void-reason',
    placeholder: `e.g. Mistyped: ${p.amount} for the right amount` });
  const save = h('button', { type: 'button', class: 'ghost danger', text: 'Void this entry', testid: 'payment-void-save' });
  const cancel = h('button', { type: 'button', class: 'ghost', text: 'Cancel' });
  const node = h('tr', { class: 'void-form', testid: 'payment-void-form' },
    h('td', { colSpan: columns },
      h('p', { class: 'small', text: `Voiding keeps the ${p.is_refund ? 'refund' : 'payment'} of ${sale.currency} ${p.amount} in the record, struck through; it no longer counts as money ${p.is_refund ? 'paid back' : 'received'}, on the account or on any form.` }),
      field('Why is it voided?', reason, errors.slot('reason')),
      errors.general,
      h('div', { class: 'actions' }, cancel, save)));
  cancel.addEventListener('click', () => node.remove());
  save.addEventListener('click', async () => {
    save.disabled = true;
    errors.clear();
    try {
      await withApproval((approval) => api.paymentVoid(actorId(), ticketId, { payment: p.id, reason: reason.value }, approval));
      notify(`The ${p.is_refund ? 'refund' : 'payment'} of ${sale.currency} ${p.amount} is voided.`);
      await refresh();
    } catch (err) {
      errors.show(err);
      if (err.code !== Code.InvalidInput) notify(err.message, 'error');
      save.disabled = false;
    }
  });
  queueMicrotask(() => reason.focus());
  return node;
}

function paymentForm(ticketId, sale, refresh) {
  const errors = errorSlots('payment-error');
  // The app says what may be recorded (a payment while the ticket is open, a refund of a
  // credit) and the amount each starts at: what settles the account.
  const kinds = sale.payment_kinds;
  const kind = h('select', { testid: 'payment-kind' },
    kinds.map((k, i) => h('option', { value: String(i), text: k.label, selected: k.preferred })));
  const chosen = () => kinds[Number(kind.value)];
  const isRefund = () => chosen().refund;
  const suggested = () => chosen().suggested;
  const onEnter = (e) => { if (e.key === 'Enter') { e.preventDefault(); save.click(); } };
  const amount = h('input', { class: 'num', inputMode: 'decimal', value: suggested(), testid: 'payment-amount', onkeydown: onEnter });
  // Each kind comes with the shop's methods it may be recorded by, and what each asks.
  const method = h('select', { testid: 'payment-method' });
  const fillMethods = () => {
    const was = method.value;
    fill(method, chosen().methods.map((m) => h('option', { value: m.key, text: m.label, selected: m.key === was })));
  };
  fillMethods();
  const methodInfo = () => chosen().methods.find((m) => m.key === method.value);
  const reference = h('input', { maxLength: 100, testid: 'payment-reference', placeholder: 'Card slip, transaction or transfer id', onkeydown: onEnter });
  // Paid in instalments: the number of them and the bank (the app says which methods ask).
  const count = h('input', { class: 'num', inputMode: 'numeric', maxLength: 2, testid: 'payment-instalments', placeholder: '2–36', onkeydown: onEnter });
  const bank = h('input', { maxLength: 80, testid: 'payment-bank', placeholder: 'e.g. Garanti BBVA', onkeydown: onEnter });
  const plan = h('div', { class: 'pair', testid: 'payment-plan' },
    field('Instalments', count, errors.slot('instalment_count')),
    field('Bank', bank, errors.slot('instalment_bank')));

  // A payment above the balance comes back with the app's sentence about the amount and
  // the words of the confirmation: both show under the form's fields, across the card (the
  // amount marked and described by them), and recording it takes one more, deliberate click.
  const overBox = h('div', { id: uid('over'), attrs: { 'aria-live': 'polite' } });
  const confirm = h('button', { type: 'button', class: 'secondary', testid: 'payment-confirm-over' });
  const hideConfirm = () => {
    fill(overBox);
    amount.removeAttribute('aria-describedby');
    amount.closest('.field')?.classList.remove('invalid');
  };
  const askToConfirm = (err) => {
    const [about, words] = err.fields;
    confirm.textContent = words?.message ?? '';
    fill(overBox, h('div', { class: 'warn-box', testid: 'payment-over-balance', attrs: { role: 'alert' } },
      h('p', { text: about?.message ?? err.message, testid: 'payment-over-balance-text' }),
      h('div', { class: 'actions' }, confirm)));
    amount.setAttribute('aria-describedby', overBox.id);
    amount.closest('.field')?.classList.add('invalid');
    confirm.focus();
    overBox.scrollIntoView({ block: 'nearest' });
  };

  const submit = async (confirmed) => {
    save.disabled = true;
    confirm.disabled = true;
    errors.clear();
    if (!confirmed) hideConfirm();
    const form = {
      kind: chosen().key, amount: amount.value, method: method.value, reference: reference.value,
      instalment_count: count.value, instalment_bank: bank.value, confirm_over_balance: confirmed,
    };
    try {
      const next = await api.paymentRecord(actorId(), ticketId, form);
      const entry = next.payments[next.payments.length - 1];
      notify(`${entry?.is_refund ? 'Refund' : 'Payment'} of ${next.currency} ${entry?.amount ?? amount.value} recorded.`);
      await refresh();
    } catch (err) {
      if (err.code === Code.PaymentAboveBalance) askToConfirm(err);
      else errors.show(err);
      if (err.code !== Code.InvalidInput && err.code !== Code.PaymentAboveBalance) notify(err.message, 'error');
      save.disabled = false;
      confirm.disabled = false;
    }
  };
  const save = h('button', { type: 'button', class: 'primary', testid: 'payment-save', onclick: () => submit(false) });
  confirm.addEventListener('click', () => submit(true));
  // A changed (or cleared) amount or method is checked afresh: the warning goes at once.
  for (const control of [amount, method, kind]) ['input', 'change'].forEach((ev) => control.addEventListener(ev, hideConfirm));

  let shown = suggested();
  const label = () => { save.textContent = isRefund() ? 'Record refund' : 'Record payment'; };
  const showPlan = () => { plan.hidden = !methodInfo()?.asks_plan; };
  kind.addEventListener('change', () => {
    // Only replace the amount if staff have not typed their own.
    if (amount.value === shown) amount.value = suggested();
    shown = suggested();
    fillMethods();
    showPlan();
    label();
    hideConfirm();
  });
  method.addEventListener('change', () => { showPlan(); hideConfirm(); });
  label();
  showPlan();
  return h('div', { class: 'payment-form', testid: 'payment-form' },
    h('p', { class: 'subhead', text: kinds.length > 1 ? 'Record a payment or refund' : isRefund() ? 'Refund the overpayment' : 'Record a payment' }),
    h('div', { class: 'payment-grid' },
      // With one kind to record there is nothing to choose: it is said, not offered.
      kinds.length > 1
        ? field('Kind', kind, null)
        : h('div', { class: 'field stacked' }, h('span', { class: 'field-label', text: 'Kind' }),
          h('p', { class: 'static-value', text: chosen().label, testid: 'payment-kind-text' })),
      field('Method', method, errors.slot('method')),
      field(`Amount (${sale.currency})`, amount, errors.slot('amount')),
      field('Reference', reference, errors.slot('reference'))),
    overBox,
    plan,
    errors.general,
    h('div', { class: 'actions' }, save));
}
