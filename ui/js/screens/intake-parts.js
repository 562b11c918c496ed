// Small labelled inputs for the intake form, stacked label-over-input so two sections fit
// side by side. Each returns {key, node, input, get, focus, setError}, the shape
// showFieldErrors expects; test ids are input-<key> and error-<key>.

import { h } from '../dom.js';
import { dateInput } from '../dates.js';

let counter = 0;

/**
 * Near a field's limit, how much is left: the input stops taking characters there, and a
 * paste past it is cut, so staff are told before it happens.
 */
function charactersLeft(input, key) {
  const left = h('p', { class: 'chars-left', testid: `left-${key}`, attrs: { 'aria-live': 'polite' } });
  const show = () => {
    const max = input.maxLength;
    const n = max - input.value.length;
    left.hidden = !(max > 0) || n > Math.max(10, Math.round(max * 0.15));
    left.textContent = n <= 0 ? `No characters left: at most ${max}.` : `${n} ${n === 1 ? 'character' : 'characters'} left`;
  };
  input.addEventListener('input', show);
  show();
  return { node: left, show };
}

function row(key, label, control, input, { help, required } = {}) {
  const error = h('p', { class: 'field-error', testid: `error-${key}`, attrs: { role: 'alert' } });
  const labelNode = h('label', { class: 'field-label', htmlFor: input.id }, label, required ? h('span', { class: 'req', text: 'required' }) : null);
  // Only where text may really be cut: a short code (a currency, a count) is whole or wrong.
  const counted = (input.type === 'text' && !input.classList.contains('date')) || input.tagName === 'TEXTAREA';
  const left = counted && input.maxLength >= 20 ? charactersLeft(input, key) : null;
  const node = h('div', { class: 'field stacked', testid: `field-${key}` }, labelNode, control, left?.node, help ? h('p', { class: 'help', text: help }) : null, error);
  const setError = (message) => {
    error.textContent = message ?? '';
    node.classList.toggle('invalid', Boolean(message));
  };
  // A message goes once the field is being corrected.
  input.addEventListener('input', () => { if (error.textContent) setError(''); });
  return { key, node, input, focus: (options) => input.focus(options), setError };
}

/** A one-line text input; `type` may be 'tel', 'email' or 'date'. */
export function textField(key, label, { type = 'text', max = 120, help, required, placeholder, spellcheck = false, value = '' } = {}) {
  const input = h('input', { id: `i${++counter}`, type, value, testid: `input-${key}`, placeholder, spellcheck, attrs: { autocomplete: 'off' } });
  if (type !== 'date') input.maxLength = max;
  const r = row(key, label, input, input, { help, required });
  r.get = () => input.value.trim();
  return r;
}

/**
 * A date typed the shop's way, its format shown beside it; read as "YYYY-MM-DD" or null.
 * `dateProblem()` says what cannot be read (see dates.js unreadableDates).
 */
export function dateField(key, label, { help, value } = {}) {
  const d = dateInput({ value, id: `i${++counter}`, testid: `input-${key}` });
  const r = row(key, label, h('div', { class: 'date-field' }, d.input, d.hint), d.input, { help });
  r.get = d.get;
  r.set = d.set;
  r.label = label;
  r.dateProblem = d.problem;
  // What cannot be read is said as the field is left, not only when the form is sent.
  d.input.addEventListener('blur', () => { if (d.problem()) r.setError(d.problem()); });
  return r;
}

export function textArea(key, label, { max = 2000, rows = 3, help, required, placeholder } = {}) {
  const input = h('textarea', { id: `i${++counter}`, rows, maxLength: max, testid: `input-${key}`, placeholder });
  const r = row(key, label, input, input, { help, required });
  r.get = () => input.value;
  return r;
}

/** A select of {key, label} choices; reads the chosen key. */
export function selectField(key, label, choices, { help, required } = {}) {
  const input = h('select', { id: `i${++counter}`, testid: `input-${key}` }, choices.map((c) => h('option', { value: c.key, text: c.label })));
  const r = row(key, label, input, input, { help, required });
  r.get = () => input.value;
  return r;
}

/** A single checkbox with its sentence. */
export function checkField(key, text) {
  const input = h('input', { type: 'checkbox', id: `i${++counter}`, testid: `input-${key}` });
  const node = h('label', { class: 'check' }, input, h('span', { text }));
  return { key, node, input, get: () => input.checked, focus: (options) => input.focus(options), setError() {} };
}

/** Ticked chips of {key, label} choices, test ids <prefix>-<key>; reads the ticked keys. */
export function chipGroup(prefix, choices, label, key = prefix) {
  const boxes = choices.map((c) => ({ key: c.key, box: h('input', { type: 'checkbox', value: c.key, testid: `${prefix}-${c.key}` }), label: c.label }));
  boxes.forEach((b) => { b.chip = h('label', { class: 'chip' }, b.box, h('span', { text: b.label })); });
  const error = h('p', { class: 'field-error', testid: `error-${key}`, attrs: { role: 'alert' } });
  const node = h('div', {}, h('div', { class: 'chips', attrs: { role: 'group', 'aria-label': label } }, boxes.map((b) => b.chip)), error);
  return {
    key,
    node,
    boxes: boxes.map((b) => b.box),
    get: () => boxes.filter((b) => b.box.checked && !b.chip.hidden).map((b) => b.key),
    /** Offers only the choices in `keys` (the rest hidden and unticked). */
    offer: (keys) => boxes.forEach((b) => {
      b.chip.hidden = !keys.includes(b.key);
      if (b.chip.hidden) b.box.checked = false;
    }),
    focus: (options) => boxes.find((b) => !b.chip.hidden)?.box.focus(options),
    setError: (message) => { error.textContent = message ?? ''; },
  };
}

/** Two fields side by side. */
export function pair(...rows) {
  return h('div', { class: 'pair' }, rows.map((r) => r.node));
}

/** A titled card of the form. */
export function section(title, testid, ...content) {
  return h('section', { class: 'card intake-section', testid }, h('h2', { text: title }), content);
}
