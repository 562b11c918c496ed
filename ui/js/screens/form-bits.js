// Small pieces the after-repair cards share: a labelled field with its error line, and the
// backend's per-field messages put next to their fields (anything else in the form's own line).

import { h } from '../dom.js';

let counter = 0;
/** A unique element id, so labels can point at their controls. */
export const uid = (prefix = 'af') => `${prefix}-${++counter}`;

/** A label over its control, optional help, then the error line. */
export function field(label, control, error, help) {
  // A control may come wrapped with its hint (a date field): the label names the input.
  const target = control.matches('input, select, textarea') ? control : control.querySelector('input, select, textarea') ?? control;
  if (!target.id) target.id = uid();
  const node = h('div', { class: 'field stacked' },
    h('label', { class: 'field-label', htmlFor: target.id, text: label }),
    control,
    help ? h('p', { class: 'help', text: help }) : null,
    error);
  // A message goes once the field is being corrected.
  control.addEventListener('input', () => {
    if (!error?.textContent) return;
    error.textContent = '';
    node.classList.remove('invalid');
  });
  return node;
}

/**
 * Error lines by field key. `slot(key)` makes one (test id error-<key>); `adopt(key, set)`
 * routes a key to a widget's own line; `show(err)` fills them and returns the first element
 * to focus; messages without a field go to `general` (test id `${testid}`).
 */
export function errorSlots(testid) {
  const slots = new Map(); // key -> {set(message), focus}
  const general = h('p', { class: 'field-error', testid, attrs: { role: 'alert' } });
  const line = (key) => {
    const el = h('p', { class: 'field-error', testid: `error-${key}`, attrs: { role: 'alert' } });
    slots.set(key, {
      set: (message) => {
        el.textContent = message;
        el.closest('.field')?.classList.toggle('invalid', Boolean(message));
      },
      focus: () => el.closest('.field')?.querySelector('input, select, textarea')?.focus(),
    });
    return el;
  };
  return {
    general,
    slot: line,
    adopt: (key, set, focus) => slots.set(key, { set, focus }),
    /** Clears the key's message as soon as `control` is changed. */
    clearOn: (control, key) => ['input', 'change'].forEach((ev) => control.addEventListener(ev, () => slots.get(key)?.set(''))),
    /** Forgets slots whose key starts with `prefix` (rows drawn again). */
    drop: (prefix) => [...slots.keys()].filter((k) => k.startsWith(prefix)).forEach((k) => slots.delete(k)),
    clear() {
      slots.forEach((s) => s.set(''));
      general.textContent = '';
    },
    show(err) {
      this.clear();
      const texts = new Map();
      let first = null;
      for (const { field: key, message } of err.fields ?? []) {
        const slot = slots.get(key);
        if (!slot) {
          general.textContent = [general.textContent, message].filter(Boolean).join(' ');
          continue;
        }
        texts.set(slot, [texts.get(slot), message].filter(Boolean).join(' '));
        first ??= slot;
      }
      texts.forEach((text, slot) => slot.set(text));
      if (!err.fields?.length) general.textContent = err.message;
      first?.focus();
      return first;
    },
  };
}
