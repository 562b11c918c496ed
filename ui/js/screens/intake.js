// New intake: book a watch in at the counter or from a parcel. Who brought it, the watch and
// its purchase record, the fault, what came with it and its condition, photos, and the
// warranty check and assessment date the policy gives, shown live before saving.

import { api } from '../ipc.js';
import { h, fill, notify, debounce } from '../dom.js';
import { actorId } from '../actor.js';
import { reportRefusal } from '../fields.js';
import { showDate } from '../dates.js';
import { Code } from '../codes.js';
import { watchLookup } from './intake-watch.js';
import { textField, dateField, textArea, selectField, checkField, chipGroup, pair, section } from './intake-parts.js';
import { customerPicker } from './intake-customer.js';
import { photoPicker } from './intake-photos.js';

export async function render(main, { params, go }) {
  const options = await api.intakeOptions();
  const state = { dirty: false, saving: false };
  const markDirty = () => { state.dirty = true; };

  const customer = customerPicker(params.customer);

  // No kind is assumed: a repair shop's watch is as likely mechanical as smart.
  const kind = selectField('device.kind', 'Kind', [{ key: '', label: 'Choose…' }, ...options.device_kinds], { required: true });
  const brand = textField('device.brand', 'Brand', { max: 60, required: true, placeholder: 'e.g. KOSPET, Seiko' });
  const model = textField('device.model', 'Model', { max: 80, required: true });
  const serial = textField('device.serial', 'Serial or IMEI', { max: 60, help: 'Earlier tickets of the same watch, and its warranty, are found by it.' });
  const itemCode = textField('device.item_code', 'Item code', { max: 60, help: 'Printed on the box.' });
  const colour = textField('device.colour', 'Colour', { max: 40 });

  const order = textField('purchase.order_number', 'Order or invoice number', { max: 60 });
  const bought = dateField('purchase.purchase_date', 'Purchase date');
  const delivered = dateField('purchase.delivery_date', 'Delivery date');
  const proof = checkField('purchase.proof_seen', 'Invoice or order confirmation seen');

  const fault = textArea('fault', 'Fault the customer reports', { required: true, rows: 3, placeholder: 'In the customer’s words: what happens, since when' });
  const tried = textArea('tried', 'Steps the customer already tried', { rows: 2, placeholder: 'e.g. charged overnight, reset to factory settings' });

  const accessories = chipGroup('accessory', options.accessories, 'Accessories handed in');
  const accessoriesOther = textField('accessories_other', 'Anything else', { max: 200, placeholder: 'e.g. spare strap pins' });
  const condition = chipGroup('condition', options.conditions, 'Condition at intake');
  const conditionNotes = textArea('condition_notes', 'Notes on condition', { max: 1000, rows: 2, placeholder: 'Where the marks are, how deep' });

  const walkIn = h('input', { type: 'radio', name: 'arrival', value: 'walk_in', checked: true, testid: 'arrival-walk_in' });
  const mailIn = h('input', { type: 'radio', name: 'arrival', value: 'mail_in', testid: 'arrival-mail_in' });
  const carrier = textField('arrival.carrier', 'Carrier', { max: 40, required: true, placeholder: 'e.g. SF Express' });
  const tracking = textField('arrival.tracking', 'Tracking number', { max: 60, required: true });
  const parcel = pair(carrier, tracking);
  const showArrival = () => { parcel.hidden = !mailIn.checked; };
  [walkIn, mailIn].forEach((r) => r.addEventListener('change', showArrival));
  showArrival();

  const photos = photoPicker(markDirty);

  const voiding = chipGroup('voiding', options.voiding_findings, 'Findings that void the warranty', 'warranty.findings');
  // The kind decides what its serial is called and which findings can void it.
  const fitKind = () => {
    const f = options.kind_fields.find((k) => k.kind === kind.get());
    serial.node.querySelector('label').firstChild.textContent = f?.serial_label ?? 'Serial or IMEI';
    voiding.offer(f ? f.voiding_findings : options.voiding_findings.map((c) => c.key));
  };
  kind.input.addEventListener('change', () => { fitKind(); preview(); });
  fitKind();
  const reason = textArea('warranty.reason', 'What you found', { max: 500, rows: 2, help: 'Needed when a finding is ticked: it is kept as evidence.' });
  const warrantyText = h('p', { class: 'warranty-text', testid: 'intake-warranty', attrs: { 'aria-live': 'polite' } });
  const dueDate = h('strong', { testid: 'intake-assessment-due' });
  const dueLine = h('p', { class: 'due-line' }, 'Assessment due by ', dueDate);

  const details = () => ({
    device: { kind: kind.get() || null, brand: brand.get(), model: model.get(), serial: serial.get(), item_code: itemCode.get(), colour: colour.get() },
    purchase: { order_number: order.get(), purchase_date: bought.get(), delivery_date: delivered.get(), proof_seen: proof.get() },
    fault: fault.get(),
    tried: tried.get(),
    accessories: accessories.get(),
    accessories_other: accessoriesOther.get(),
    condition: condition.get(),
    condition_notes: conditionNotes.get(),
    arrival: mailIn.checked ? { kind: 'mail_in', carrier: carrier.get(), tracking: tracking.get() } : { kind: 'walk_in' },
    voiding: { findings: voiding.get(), reason: reason.get() },
  });

  let previewSeq = 0;
  const preview = debounce(async () => {
    const mine = ++previewSeq;
    try {
      const p = await api.intakePreview(details());
      if (mine !== previewSeq) return;
      // A date being typed is not judged yet; one left unreadable keeps its message.
      [bought, delivered].forEach((r) => r.setError(document.activeElement === r.input ? '' : r.dateProblem()));
      dueDate.textContent = showDate(p.assessment_due);
      // The app sees no date where one cannot be read: the warranty waits for it instead of
      // saying none was given.
      const unreadable = [bought, delivered].find((r) => r.dateProblem());
      if (unreadable) {
        warrantyText.textContent = `The ${unreadable.label.toLowerCase()} cannot be read: correct it to check the warranty.`;
        warrantyText.className = 'warranty-text unknown';
        return;
      }
      warrantyText.textContent = p.warranty_text;
      const status = p.warranty.status.status;
      warrantyText.className = `warranty-text ${p.covered ? 'covered' : status === 'unknown' ? 'unknown' : 'not-covered'}`;
    } catch (err) {
      if (mine !== previewSeq) return;
      // A date Book in would refuse (in the future) is said at its field as it is typed.
      const at = (err.fields ?? []).filter((f) => f.field.startsWith('purchase.'));
      if (at.length) {
        at.forEach((f) => [bought, delivered].find((r) => r.key === f.field)?.setError(f.message));
        warrantyText.textContent = 'Correct the purchase dates to check the warranty.';
        warrantyText.className = 'warranty-text unknown';
      } else {
        notify(err.message, 'error');
      }
    }
  }, 250);
  // Typing or scanning the serial finds the watch the shop knows, or those it nearly matches.
  const known = watchLookup({
    read: () => ({ brand: brand.get(), serial: serial.get() }),
    use: (w) => {
      serial.input.value = w.serial;
      if (!brand.get()) brand.input.value = w.brand;
      if (!model.get()) model.input.value = w.model;
      preview();
    },
    complete: (w) => {
      if (!model.get()) model.input.value = w.model;
    },
  });
  [serial.input, brand.input].forEach((el) => el.addEventListener('input', () => known.look()));
  [serial.input, bought.input, delivered.input, reason.input, ...voiding.boxes].forEach((el) => {
    el.addEventListener('input', () => preview());
    el.addEventListener('change', () => preview());
  });
  // Leaving a date field checks the warranty again with the date as it now stands.
  [bought.input, delivered.input].forEach((el) => el.addEventListener('blur', () => preview()));

  const rows = [...customer.rows, kind, brand, model, serial, itemCode, colour, order, bought, delivered,
    fault, tried, accessoriesOther, conditionNotes, carrier, tracking, photos.row, voiding, reason];

  const saveButton = h('button', { type: 'button', class: 'primary', testid: 'intake-save', onclick: () => save() },
    'Book in ', h('kbd', { text: 'Enter' }));
  const discard = h('button', { type: 'button', class: 'ghost', text: 'Discard', testid: 'intake-discard', onclick: () => { state.dirty = false; go('tickets'); } });
  const savebar = h('div', { class: 'savebar' },
    h('span', { class: 'muted', text: 'The ticket number and bag tag come next.' }),
    h('div', { class: 'actions' }, discard, saveButton));

  /**
   * A date that cannot be read keeps the watch from being booked in: the app checks the rest
   * of the form (saving nothing), so every field's problem is said in the same round.
   */
  async function refuseUnreadable() {
    const bad = rows.filter((r) => r.dateProblem?.());
    if (!bad.length) return false;
    const fields = bad.map((r) => ({ field: r.key, message: r.dateProblem() }));
    try {
      await api.intakeCheck({ customer: customer.get(), ...details() });
    } catch (err) {
      fields.push(...(err.fields ?? []).filter((f) => !bad.some((r) => r.key === f.field)));
    }
    reportRefusal(rows, { code: Code.InvalidInput, message: fields[0].message, fields });
    return true;
  }

  async function save() {
    if (state.saving) return;
    state.saving = true;
    saveButton.disabled = true;
    try {
      if (await refuseUnreadable()) return;
      const hashes = await photos.hashes();
      const ticket = await api.intakeBook(actorId(), { customer: customer.get(), ...details() }, hashes);
      state.dirty = false;
      photos.release();
      notify(`${ticket.number} booked in`);
      await go('ticket', { id: ticket.id });
    } catch (err) {
      reportRefusal(rows, err);
    } finally {
      state.saving = false;
      saveButton.disabled = false;
    }
  }

  const form = h('div', { class: 'intake', testid: 'intake' },
    h('div', { class: 'intake-column' },
      section('Customer', 'intake-section-customer', customer.node),
      section('Watch', 'intake-section-device', pair(kind, brand), pair(model, colour), pair(serial, itemCode), known.node),
      section('Purchase record', 'intake-section-purchase', order.node, pair(bought, delivered), proof.node),
      section('Warranty', 'intake-section-warranty', warrantyText, dueLine,
        h('p', { class: 'subhead', text: 'Findings that void the warranty' }), voiding.node, reason.node)),
    h('div', { class: 'intake-column' },
      section('Fault', 'intake-section-fault', fault.node, tried.node),
      section('Accessories handed in', 'intake-section-accessories', accessories.node, accessoriesOther.node),
      section('Condition at intake', 'intake-section-condition', condition.node, conditionNotes.node),
      section('Arrival', 'intake-section-arrival',
        h('div', { class: 'chips', attrs: { role: 'radiogroup', 'aria-label': 'How the watch arrived' } },
          h('label', { class: 'chip' }, walkIn, h('span', { text: 'Brought to the counter' })),
          h('label', { class: 'chip' }, mailIn, h('span', { text: 'Came by post' }))),
        parcel),
      section('Photos', 'intake-section-photos', photos.node)));

  // Looking a customer up is not yet work that leaving would lose.
  form.addEventListener('input', (e) => { if (e.target !== customer.search) markDirty(); });
  form.addEventListener('change', markDirty);
  // Enter in a one-line field books the watch in (textareas keep Enter for new lines).
  form.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || t.tagName !== 'INPUT') return;
    if (['checkbox', 'radio', 'file', 'button'].includes(t.type) || t === customer.search) return;
    e.preventDefault();
    save();
  });

  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('h1', { text: 'New intake' }), h('p', { class: 'muted', text: 'Book a watch in. Fields marked required must be filled; everything else helps later.' }))),
    form,
    savebar);
  preview.now();
  customer.focus();

  return {
    canLeave() {
      if (!state.dirty) {
        photos.release();
        return true;
      }
      notify('This watch is not booked in yet: book it in, or press Discard.', 'error');
      savebar.classList.add('attention');
      setTimeout(() => savebar.classList.remove('attention'), 1200);
      return false;
    },
  };
}
