// The return-shipping choice: courier, service, declared value, fee, insurance, signature,
// address and customs invoice. The costs line is the app's preview as the form is filled;
// when the parcel is valuable enough the app requires a signature and the box locks ticked.

import { api } from '../ipc.js';
import { h, notify, debounce } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { field, errorSlots, uid } from './form-bits.js';

/** The form; `onSaved` runs after the choice is stored (the page redraws). */
export function shippingForm(ticketId, sale, onSaved) {
  const s = sale.shipping;
  const cur = sale.currency;
  const errors = errorSlots('ship-error');
  const watch = (el) => { el.addEventListener('input', () => preview()); el.addEventListener('change', () => preview()); return el; };
  const courier = watch(h('select', { testid: 'ship-courier' },
    sale.couriers.map((c) => h('option', { value: c.key, text: c.label, selected: c.key === (s?.courier ?? 'ups') }))));
  const courierName = watch(h('input', { maxLength: 60, value: s?.courier_name ?? '', testid: 'ship-courier-name', placeholder: 'e.g. SF Express' }));
  const nameField = field('Courier name', courierName, errors.slot('courier_name'));
  const service = watch(h('input', { maxLength: 80, value: s?.service ?? '', testid: 'ship-service', placeholder: 'e.g. Express Saver' }));
  const money = (value, testid) => watch(h('input', { class: 'num', inputMode: 'decimal', value, testid }));
  const declared = money(s?.declared_value_text ?? '', 'ship-declared');
  const fee = money(s?.fee_text ?? '', 'ship-fee');
  const box = (checked, testid) => watch(h('input', { type: 'checkbox', checked, testid, id: uid() }));
  const insured = box(s?.insured ?? false, 'ship-insured');
  const signature = box(s?.signature ?? false, 'ship-signature');
  const invoice = box(s?.commercial_invoice ?? false, 'ship-invoice');
  const address = watch(h('textarea', { rows: 3, maxLength: 500, value: s?.address ?? sale.customer_address, testid: 'ship-address' }));
  const signatureNote = h('p', { class: 'help', testid: 'ship-signature-note' });
  const costs = h('p', { class: 'costs-line', testid: 'ship-costs', attrs: { 'aria-live': 'polite' } });
  let wanted = signature.checked; // staff's own choice, restored when the rule stops applying
  signature.addEventListener('change', () => { wanted = signature.checked; });

  const form = () => ({
    courier: courier.value, courier_name: courier.value === 'other' ? courierName.value : '', service: service.value,
    declared_value: declared.value, fee: fee.value, insured: insured.checked, signature: signature.checked,
    address: address.value, commercial_invoice: invoice.checked,
  });

  const showCosts = (c) => {
    if (!c) {
      costs.textContent = 'Enter the declared value and the fee to see the costs.';
      costs.classList.add('muted');
      return;
    }
    costs.classList.remove('muted');
    costs.textContent = [
      c.shop_pays ? 'Shipping paid by the shop (warranty repair)' : `Shipping ${cur} ${c.fee_charged}`,
      insured.checked ? `insurance ${cur} ${c.insurance}` : null,
      // A warranty repair with nothing charged has no order total worth showing.
      c.shop_pays && !insured.checked ? null : `order total ${cur} ${c.order_total}`,
    ].filter(Boolean).join(' · ');
    signature.disabled = c.signature_required;
    signature.checked = c.signature_required || wanted;
    signatureNote.textContent = c.signature_required ? `Required above ${sale.signature_threshold}; cannot be waived.` : '';
  };

  let seq = 0;
  const preview = debounce(async () => {
    const mine = ++seq;
    nameField.hidden = courier.value !== 'other';
    try {
      const c = await api.shippingPreview(ticketId, form());
      if (mine === seq) showCosts(c);
    } catch {
      if (mine === seq) showCosts(null); // half-typed amounts: no costs yet, no error
    }
  }, 250);

  const save = h('button', { type: 'button', class: s ? 'secondary' : 'primary', text: 'Save shipping', testid: 'ship-save',
    onclick: async () => {
      save.disabled = true;
      preview.cancel();
      errors.clear();
      try {
        await api.shippingChoose(actorId(), ticketId, form());
        notify('Shipping saved.');
        await onSaved();
      } catch (err) {
        errors.show(err);
        if (err.code !== Code.InvalidInput) notify(err.message, 'error');
        if (err.code === Code.SignatureRequired) preview.now();
        save.disabled = false;
      }
    } });

  nameField.hidden = courier.value !== 'other';
  if (s) showCosts(s.costs);
  else showCosts(null);
  if (declared.value && fee.value) preview.now();
  const check = (input, text) => h('label', { class: 'check', htmlFor: input.id }, input, h('span', { text }));
  return h('div', { class: 'ship-form', testid: 'ship-form' },
    h('div', { class: 'pair' }, field('Courier', courier, null), field('Service', service, errors.slot('service'))),
    nameField,
    h('div', { class: 'pair' },
      field(`Declared value (${cur})`, declared, errors.slot('declared_value'), 'For customs and the courier.'),
      field(`Shipping fee (${cur})`, fee, errors.slot('fee'), 'What the courier charges for this parcel.')),
    check(insured, `Insure at ${sale.insurance_rate} of the order total (non-refundable)`),
    check(signature, 'Signature on delivery'),
    signatureNote,
    field('Ship to', address, errors.slot('address')),
    check(invoice, 'Commercial invoice marked returned goods, for customs'),
    costs,
    errors.general,
    h('div', { class: 'actions' }, save));
}
