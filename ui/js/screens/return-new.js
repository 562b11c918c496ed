// A new return request, as the customer made it by email, WhatsApp, phone or in store: who,
// the order and what was paid, why, and their photos or video. Beside the form the app's
// policy check runs live, so staff see whether the return may be authorized before saving.
// With `params.correct` (a return's id) the same form corrects that return's request while
// nothing is decided on it: filled in as recorded, the customer kept, each change logged.

import { api } from '../ipc.js';
import { h, fill, notify, debounce } from '../dom.js';
import { actorId } from '../actor.js';
import { reportRefusal } from '../fields.js';
import { unreadableDates } from '../dates.js';
import { textField, dateField, textArea, selectField, checkField, pair, section } from './intake-parts.js';
import { customerPicker } from './intake-customer.js';
import { photoPicker } from './intake-photos.js';
import { eligibilityChecks } from './return-bits.js';

/** A field as a sentence names it: "price", "purchase date" (the currency in its label left out). */
const fieldName = (row) => (row.label ?? row.node.querySelector('label')?.firstChild?.textContent ?? row.key)
  .replace(/\s*\(.*\)$/, '').toLowerCase();

/** Gives a row's control the test id the return screens use. */
const named = (row, testid) => {
  row.input.dataset.testid = testid;
  return row;
};

export async function render(main, { params, go }) {
  const [options, correcting] = await Promise.all([api.returnOptions(), params.correct ? api.returnGet(params.correct) : null]);
  const state = { dirty: false, saving: false };
  const markDirty = () => { state.dirty = true; };
  const customer = customerPicker(params.customer);
  const back = () => (correcting ? go('return', { id: correcting.id }) : go('returns'));

  const order = named(textField('order_number', 'Order or invoice', { max: 60, required: true }), 'return-order');
  const product = named(textField('product', 'Product', { max: 120, required: true, placeholder: 'e.g. KOSPET Tank T3 Ultra' }), 'return-product');
  const model = named(textField('model', 'Model or variant', { max: 120 }), 'return-model');
  const serial = named(textField('serial', 'Serial or IMEI', { max: 60, help: 'From the case back or the box: files the return under the watch’s record.' }), 'return-serial');
  const category = named(selectField('category', 'Category', [{ key: '', label: 'Other / none' },
    ...options.non_returnable.map((c) => ({ key: c, label: `${c} (not returnable by choice)` }))]), 'return-category');
  const currency = named(textField('currency', 'Currency', { max: 3, value: options.currency, help: 'ISO code the order was paid in.' }), 'return-currency');
  const money = (key, label, testid, required) => {
    const row = named(textField(key, label, { max: 20, required }), testid);
    row.input.inputMode = 'decimal';
    row.input.classList.add('amount-input');
    row.label = label;
    return row;
  };
  const price = money('purchase_price', 'Price', 'return-price', true);
  const shipping = money('original_shipping', 'Shipping', 'return-shipping');
  const insurance = money('insurance_paid', 'Insurance', 'return-insurance');
  const paidWith = named(selectField('paid_with', 'Paid with', options.refund_methods), 'return-paid-with');
  // Paid by card in instalments: their number and the bank (the app says which asks).
  const instalments = named(textField('instalment_count', 'Instalments', { max: 2, placeholder: '2–36' }), 'return-instalments');
  instalments.input.inputMode = 'numeric';
  const bank = named(textField('instalment_bank', 'Bank', { max: 80, placeholder: 'e.g. Garanti BBVA' }), 'return-bank');
  const planPair = pair(instalments, bank);
  planPair.dataset.testid = 'return-plan';
  const showPlan = () => { planPair.hidden = !options.plan_methods.includes(paidWith.get()); };
  paidWith.input.addEventListener('change', showPlan);
  const bought = named(dateField('purchase_date', 'Purchase date'), 'return-purchase-date');
  const delivered = named(dateField('delivery_date', 'Delivery date'), 'return-delivery-date');

  const reason = named(selectField('reason', 'Reason', options.reasons), 'return-reason');
  const channel = named(selectField('channel', 'Asked by', options.channels), 'return-channel');
  // Only a shop that offers exchanges asks what the customer wants; the rest are refunds.
  const wants = options.remedies.length > 1 ? named(selectField('wants', 'They ask for', options.remedies), 'return-wants') : null;
  const requestedOn = named(dateField('requested_on', 'Requested on'), 'return-requested-on');
  requestedOn.set(options.today);
  const details = named(textArea('details', 'In the customer’s words', { rows: 3, placeholder: 'What is wrong, as they put it' }), 'return-details');
  const opened = named(checkField('opened', 'Opened or used'), 'return-opened');
  const colour = named(checkField('colour_claim', 'Complaint about the colour as seen on screen'), 'return-colour');

  const evidence = photoPicker(() => { markDirty(); preview(); }, 'The customer’s photos or video of the defect: PNG, JPEG, MP4, MOV or WebM, up to 100 MB each.', {
    upload: api.evidenceAdd, accept: 'image/png,image/jpeg,video/mp4,video/quicktime,video/webm', key: 'media', addText: 'Add photos or videos…', many: 'photos or videos',
    ids: { input: 'return-evidence', add: 'return-evidence-button', list: 'return-evidence-list', count: 'return-evidence-count', item: 'evidence', error: 'error-media' },
  });

  // The amounts' labels name the currency typed, so nobody enters USD into an HKD field.
  const showCurrency = () => {
    const code = currency.input.value.trim().toUpperCase() || '—';
    [price, shipping, insurance].forEach((r) => { r.node.querySelector('label').firstChild.textContent = `${r.label} (${code})`; });
  };
  currency.input.addEventListener('input', () => {
    const at = currency.input.selectionStart;
    currency.input.value = currency.input.value.toUpperCase();
    currency.input.setSelectionRange(at, at);
    showCurrency();
  });
  showCurrency();

  if (correcting) {
    // The form as the request was recorded: amounts in the shop's number style.
    const r = correcting.request;
    const f = correcting.request_form;
    const put = (row, value) => (row.set ? row.set(value) : (row.input.value = value ?? ''));
    [[order, r.order_number], [product, r.product], [model, r.model], [serial, r.serial], [currency, f.currency], [price, f.purchase_price],
      [shipping, f.original_shipping], [insurance, f.insurance_paid], [paidWith, r.paid_with], [bought, r.purchase_date],
      [delivered, r.delivery_date], [reason, r.reason], [channel, r.channel], [requestedOn, r.requested_on], [details, r.details]]
      .forEach(([row, value]) => put(row, value));
    if (options.non_returnable.includes(r.category)) put(category, r.category);
    if (wants) put(wants, r.wants);
    put(instalments, f.instalment_count == null ? '' : String(f.instalment_count));
    put(bank, f.instalment_bank ?? '');
    opened.input.checked = r.opened;
    colour.input.checked = r.colour_claim;
  }

  const form = async () => ({
    customer: correcting ? null : customer.get(),
    order_number: order.get(), product: product.get(), model: model.get(), serial: serial.get(), category: category.get(),
    currency: currency.get(), purchase_price: price.get(), original_shipping: shipping.get(), insurance_paid: insurance.get(),
    paid_with: paidWith.get(), instalment_count: instalments.get(), instalment_bank: bank.get(),
    purchase_date: bought.get(), delivery_date: delivered.get(),
    reason: reason.get(), wants: wants?.get() ?? options.remedies[0].key, details: details.get(), colour_claim: colour.get(), opened: opened.get(),
    requested_on: requestedOn.get(), channel: channel.get(), media: correcting ? [] : await evidence.hashes(),
  });

  const panel = h('div', { attrs: { 'aria-live': 'polite' } });
  const waiting = (text) => fill(panel, h('p', { class: 'muted', text, testid: 'eligibility-waiting' }));
  let seq = 0;
  const preview = debounce(async () => {
    const mine = ++seq;
    const f = await form();
    // The app checks only what eligibility turns on; the rest of the form may still be empty.
    try {
      const e = await api.returnPreview(f);
      if (mine === seq) fill(panel, eligibilityChecks(e));
    } catch (err) {
      if (mine !== seq) return;
      // What is typed and wrong (a price in the other number style, a date that cannot be
      // read) is said at its field, and the check names it; what is still empty is what the
      // check waits for, in the app's words.
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const wrong = [];
      const left = (err.fields ?? []).filter((x) => {
        const row = byKey.get(x.field);
        if (!row || !row.input.value) return true;
        // The app saw no date where the typed one cannot be read: that is what to say.
        // A date half typed is not yet wrong: it is said once its field is left.
        const typing = row.dateProblem && document.activeElement === row.input;
        if (!typing) row.setError(row.dateProblem?.() ?? x.message);
        wrong.push(row);
        return false;
      });
      const named = wrong.map((r) => fieldName(r));
      const fix = named.length ? `Correct the ${named.join(' and the ')}: ${named.length > 1 ? 'see their fields' : 'see its field'}.` : '';
      waiting(['Not checked yet.', fix, ...left.map((x) => x.message), err.fields?.length ? '' : err.message].filter(Boolean).join(' '));
    }
  }, 250);

  const rows = [...(correcting ? [] : customer.rows), order, product, model, serial, category, currency, price, shipping, insurance, paidWith, instalments, bank, bought, delivered,
    reason, channel, ...(wants ? [wants] : []), requestedOn, details, evidence.row];
  const saveButton = h('button', { type: 'button', class: 'primary', testid: 'return-save', onclick: () => save() },
    correcting ? 'Save the correction ' : 'Record the request ', h('kbd', { text: 'Enter' }));
  const discard = h('button', { type: 'button', class: 'ghost', text: correcting ? 'Cancel' : 'Discard', testid: 'return-discard', onclick: () => { state.dirty = false; back(); } });
  const savebar = h('div', { class: 'savebar' },
    h('span', { class: 'muted', text: correcting ? 'Each change is kept in the return’s history with its old value.' : 'Authorizing it and issuing the RMA code come next, on the return’s page.' }),
    h('div', { class: 'actions' }, discard, saveButton));

  async function save() {
    if (state.saving || unreadableDates(rows)) return;
    state.saving = true;
    saveButton.disabled = true;
    try {
      const view = correcting
        ? await api.returnCorrect(actorId(), correcting.id, await form())
        : await api.returnRequest(actorId(), await form());
      state.dirty = false;
      evidence.release();
      notify(correcting
        ? `${view.title}: request corrected.`
        : `${view.title} recorded: ${view.eligibility?.eligible ? 'it meets the policy' : 'check the policy before authorizing'}.`);
      await go('return', { id: view.id });
    } catch (err) {
      reportRefusal(rows, err);
    } finally {
      state.saving = false;
      saveButton.disabled = false;
    }
  }

  showPlan();
  const body = h('div', { class: 'return-new', testid: 'return-new' },
    h('div', { class: 'intake-column' },
      correcting
        ? section('Customer', 'return-section-customer', h('p', { text: correcting.customer_info?.name ?? '', testid: 'return-correct-customer' }),
          h('p', { class: 'help', text: 'The customer’s own details are corrected on their page.' }))
        : section('Customer', 'return-section-customer', customer.node),
      section('Order', 'return-section-order', h('div', { class: 'triple' }, order.node, paidWith.node, currency.node), planPair, pair(product, model), pair(serial, category),
        h('div', { class: 'triple' }, price.node, shipping.node, insurance.node),
        h('p', { class: 'help money-help', text: 'What the customer paid for the product, its delivery and the delivery’s insurance.' }),
        pair(bought, delivered)),
      section('Request', 'return-section-request', h('div', { class: 'triple' }, reason.node, channel.node, requestedOn.node),
        wants ? h('div', { class: 'pair' }, wants.node, h('div')) : null, details.node, opened.node, colour.node),
      correcting ? null : section('Photos or video of the defect', 'return-section-evidence', evidence.node)),
    h('aside', { class: 'side-sticky' },
      h('section', { class: 'card intake-section', testid: 'return-eligibility' }, h('h2', { text: 'Policy check' }), panel,
        h('p', { class: 'help', text: 'The request is recorded either way; a return that fails a check can still be authorized as an exception, with a reason.' }))));

  body.addEventListener('input', (e) => { if (e.target !== customer.search) markDirty(); preview(); });
  body.addEventListener('change', () => { markDirty(); preview(); });
  body.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || t.tagName !== 'INPUT') return;
    if (['checkbox', 'radio', 'file', 'button'].includes(t.type) || t === customer.search) return;
    e.preventDefault();
    save();
  });

  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('h1', { text: correcting ? `Correct the request of ${correcting.title}` : 'New return request' }),
        h('p', { class: 'muted', text: correcting
          ? 'Change what was recorded wrongly. The policy check on the right is run again as you type.'
          : 'Record what the customer asked for. The policy check on the right updates as you type.' }))),
    body,
    savebar);
  waiting('Fill in the order, dates and reason to check the return against the policy.');
  preview.now();
  if (correcting) order.focus(); else customer.focus();

  return {
    canLeave() {
      if (!state.dirty) {
        evidence.release();
        return true;
      }
      notify(correcting ? 'The correction is not saved yet: save it, or press Cancel.' : 'This request is not recorded yet: record it, or press Discard.', 'error');
      savebar.classList.add('attention');
      setTimeout(() => savebar.classList.remove('attention'), 1200);
      return false;
    },
  };
}
