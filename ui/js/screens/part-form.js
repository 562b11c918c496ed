// A part's catalogue entry as a form: new, or changed. The app reads what was typed (amounts
// in the shop's style) and answers field by field.

import { h } from '../dom.js';
import { errorSlots, field } from './form-bits.js';

const FIELDS = [
  ['number', 'Part number', 'e.g. SC-301 or Seiko 315B01AN', 40],
  ['description', 'Description', 'e.g. Sapphire crystal 30.0 mm', 200],
  ['fits', 'Fits', 'Calibres or models, e.g. 7S26, SKX007', 200],
  ['price', 'Price to the customer', null, 20],
  ['cost', 'Cost', null, 20],
  ['supplier', 'Supplier', 'Optional', 100],
  ['location', 'Kept in', 'e.g. Drawer 3, box B', 60],
  ['low_at', 'Low-stock level', 'Warn when this few are free (0: never)', 6],
  ['on_hand', 'In the drawer now', 'Pieces you have today', 6],
];

/**
 * The form's card. `kinds` and `example` come from the parts view; `form` is the entry to
 * change (or null for a new part); `save(form)` sends it and may throw the app's refusal.
 */
export function partForm({ kinds, currency, example, form, save, cancel }) {
  const errors = errorSlots('part-form-error');
  const isNew = !form;
  const inputs = {};
  const rows = FIELDS.filter(([key]) => isNew || key !== 'on_hand').map(([key, label, hint, max]) => {
    const money = key === 'price' || key === 'cost';
    const count = key === 'low_at' || key === 'on_hand';
    const input = h('input', {
      testid: `part-${key}`, maxLength: max, autocomplete: 'off', spellcheck: false,
      class: money || count ? 'num' : null, inputMode: money ? 'decimal' : count ? 'numeric' : 'text',
      value: form?.[key] ?? (count ? '0' : ''), placeholder: money ? `e.g. ${example}` : hint ?? '',
    });
    inputs[key] = input;
    errors.clearOn(input, key);
    return field(money ? `${label} (${currency})` : label, input, errors.slot(key));
  });
  const kind = h('select', { testid: 'part-kind' },
    h('option', { value: '', text: 'Choose…', disabled: true, selected: !form?.kind }),
    kinds.map((k) => h('option', { value: k.key, text: k.label, selected: k.key === form?.kind })));
  errors.clearOn(kind, 'kind');
  rows.splice(2, 0, field('Kind', kind, errors.slot('kind')));

  const button = h('button', { type: 'submit', class: 'primary', text: isNew ? 'Add to the catalogue' : 'Save the entry', testid: 'part-save' });
  const node = h('form', { class: 'card part-form', testid: 'part-form', novalidate: true },
    h('h2', { text: isNew ? 'The catalogue entry' : 'Change the entry' }),
    h('div', { class: 'part-fields' }, rows),
    errors.general,
    h('div', { class: 'actions' },
      cancel ? h('button', { type: 'button', class: 'ghost', text: 'Cancel', testid: 'part-cancel', onclick: cancel }) : null,
      button));
  node.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    errors.clear();
    const values = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim()]));
    try {
      await save({ ...values, kind: kind.value || null });
    } catch (err) {
      errors.show(err);
    } finally {
      button.disabled = false;
    }
  });
  setTimeout(() => (isNew ? inputs.number : inputs.description).focus(), 0);
  return node;
}
