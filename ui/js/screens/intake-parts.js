// Small labelled inputs for the intake form, stacked label-over-input so two sections fit
// side by side. Each returns {key, node, input, get, focus, setError}, the shape
// showFieldErrors expects; test ids are input-<key> and error-<key>.

import { h } from '../dom.js';

let counter = 0;

function row(key, label, control, input, { help, required } = {}) {
  const error = h('p', { class: 'field-error', testid: `error-${key}`, attrs: { role: 'alert' } });
  const labelNode = h('label', { class: 'field-label', htmlFor: input.id }, label, required ? h('span', { class: 'req', text: 'required' }) : null);
  const node = h('div', { class: 'field stacked', testid: `field-${key}` }, labelNode, control, help ? h('p', { class: 'help', text: help }) : null, error);
  const setError = (message) => {
    error.textContent = message ?? '';
    node.classList.toggle('invalid', Boolean(message));
  };
  // A message goes once the field is being corrected.
  input.addEventListener('input', () => { if (error.textContent) setError(''); });
  return { key, node, input, focus: () => input.focus(), setError };
}

/** A one-line text input; `type` may be 'tel', 'email' or 'date'. */
export function textField(key, label, { type = 'text', max = 120, help, required, placeholder, spellcheck = false, value = '' } = {}) {
  const input = h('input', { id: `i${++counter}`, type, value, testid: `input-${key}`, placeholder, spellcheck, attrs: { autocomplete: 'off' } });
  if (type !== 'date') input.maxLength = max;
  const r = row(key, label, input, input, { help, required });
  r.get = () => input.value.trim();
  return r;
}

/** A date input read as "YYYY-MM-DD" or null; no later than `max`. */
export function dateField(key, label, { max, help } = {}) {
  const r = textField(key, label, { type: 'date', help });
  if (max) r.input.max = max;
  r.get = () => r.input.value || null;
  return r;
}

export function textArea(key, label, { max = 2000, rows = 3, help, required, placeholder } = {}) {
  const input = h('textarea', { id: `i${++counter}`, rows, maxLength: max, testid: `input-${key}`, placeholder });
  const r = row(key, label, input, input, { help, required });
  r.get = () => input.value;
  return r;
}

/** A select of {key, label} choices; reads the chosen key. */
export function selectField(key, label, choices) {
  const input = h('select', { id: `i${++counter}`, testid: `input-${key}` }, choices.map((c) => h('option', { value: c.key, text: c.label })));
  const r = row(key, label, input, input);
  r.get = () => input.value;
  return r;
}

/** A single checkbox with its sentence. */
export function checkField(key, text) {
  const input = h('input', { type: 'checkbox', id: `i${++counter}`, testid: `input-${key}` });
  const node = h('label', { class: 'check' }, input, h('span', { text }));
  return { key, node, input, get: () => input.checked, focus: () => input.focus(), setError() {} };
}

/** Ticked chips of {key, label} choices, test ids <prefix>-<key>; reads the ticked keys. */
export function chipGroup(prefix, choices, label) {
  const boxes = choices.map((c) => ({ key: c.key, box: h('input', { type: 'checkbox', value: c.key, testid: `${prefix}-${c.key}` }), label: c.label }));
  const node = h('div', { class: 'chips', attrs: { role: 'group', 'aria-label': label } },
    boxes.map((b) => h('label', { class: 'chip' }, b.box, h('span', { text: b.label }))));
  return { node, boxes: boxes.map((b) => b.box), get: () => boxes.filter((b) => b.box.checked).map((b) => b.key) };
}

/** Two fields side by side. */
export function pair(...rows) {
  return h('div', { class: 'pair' }, rows.map((r) => r.node));
}

/** A titled card of the form. */
export function section(title, testid, ...content) {
  return h('section', { class: 'card intake-section', testid }, h('h2', { text: title }), content);
}
