// Editors for settings fields, built from the field descriptions the app sends
// ({key, label, help, kind, value, wording}). Each editor reads and writes the field's text
// form ("14 days", "8", "yes"), which the domain parses and checks.

import { h, notify } from './dom.js';
import { dateInput, dateHint, showDate } from './dates.js';

const UNITS = [['days', 'days'], ['business days', 'business days'], ['months', 'months']];
const WEEKDAYS = [['mon', 'Mon'], ['tue', 'Tue'], ['wed', 'Wed'], ['thu', 'Thu'], ['fri', 'Fri'], ['sat', 'Sat'], ['sun', 'Sun']];

let counter = 0;

function input(field, props = {}) {
  return h('input', { id: `f${++counter}`, value: field.value, testid: `input-${field.key}`, ...props });
}

function periodEditor(field) {
  const [count, ...unitWords] = field.value.split(' ');
  const unitText = unitWords.join(' ').replace(/^day$/, 'days').replace(/^business day$/, 'business days').replace(/^month$/, 'months');
  const number = input(field, { type: 'number', min: 0, max: 3660, step: 1, value: count, class: 'num' });
  const unit = h('select', { testid: `unit-${field.key}`, attrs: { 'aria-label': `${field.label} unit` } },
    UNITS.map(([v, label]) => h('option', { value: v, text: label, selected: v === unitText })));
  return { control: h('div', { class: 'inline' }, number, unit), first: number, get: () => `${number.value.trim() || '0'} ${unit.value}`, inputs: [number, unit] };
}

function weekdaysEditor(field) {
  const chosen = new Set(field.value.split(',').filter(Boolean));
  const boxes = WEEKDAYS.map(([key, label]) => {
    const box = h('input', { type: 'checkbox', checked: chosen.has(key), testid: `day-${key}` });
    return { key, box, node: h('label', { class: 'chip' }, box, label) };
  });
  return {
    control: h('div', { class: 'chips', testid: `input-${field.key}` }, boxes.map((b) => b.node)),
    first: boxes[0].box,
    get: () => boxes.filter((b) => b.box.checked).map((b) => b.key).join(','),
    inputs: boxes.map((b) => b.box),
  };
}

/** Several of the field's options, as chips: its text is the keys picked, comma-separated. */
function choicesEditor(field) {
  const chosen = new Set(field.value.split(',').filter(Boolean));
  const boxes = field.kind.options.map(([key, label]) => {
    const box = h('input', { type: 'checkbox', checked: chosen.has(key), testid: `choice-${field.key}-${key}` });
    return { key, box, node: h('label', { class: 'chip' }, box, label) };
  });
  // Picked ones keep the order they had; newly picked ones follow.
  const order = field.value.split(',').filter(Boolean);
  return {
    control: h('div', { class: 'chips', testid: `input-${field.key}`, attrs: { role: 'group', 'aria-label': field.label } }, boxes.map((b) => b.node)),
    first: boxes[0]?.box,
    get: () => {
      const picked = boxes.filter((b) => b.box.checked).map((b) => b.key);
      return [...order.filter((k) => picked.includes(k)), ...picked.filter((k) => !order.includes(k))].join(',');
    },
    inputs: boxes.map((b) => b.box),
  };
}

/** One of the field's options, as radio buttons (test ids choice-<key>-<option>). */
function radioEditor(field) {
  const name = `f${++counter}`;
  const radios = field.kind.options.map(([v, label]) => {
    const radio = h('input', { type: 'radio', name, value: v, checked: v === field.value, testid: `choice-${field.key}-${v}` });
    return { radio, node: h('label', { class: 'radio-line' }, radio, h('span', { text: label })) };
  });
  const chosen = () => radios.find((r) => r.radio.checked)?.radio;
  return {
    control: h('div', { class: 'radio-lines', testid: `input-${field.key}`, attrs: { role: 'radiogroup', 'aria-label': field.label } }, radios.map((r) => r.node)),
    first: chosen() ?? radios[0]?.radio,
    get: () => chosen()?.value ?? '',
    set: (value) => radios.forEach((r) => { r.radio.checked = r.radio.value === value; }),
    inputs: radios.map((r) => r.radio),
  };
}

function holidaysEditor(field, onChange) {
  const list = h('div', { class: 'holiday-list', testid: `input-${field.key}` });
  const rows = [];
  // The example is one of the shop's own holidays (a new list has none to borrow from).
  const lines = field.value.split('\n').filter(Boolean);
  const own = lines.map((l) => l.split(' ').slice(1).join(' ')).find(Boolean);
  const placeholder = own ? `Name, e.g. ${own}` : 'Name of the day';
  /** Marks one row: its own sentence under it (or none, when the field's message says it). */
  const mark = (row, problem, sentence = problem) => {
    row.node.classList.toggle('invalid', Boolean(problem));
    row.error.textContent = sentence ?? '';
  };
  const addRow = (date = '', name = '') => {
    const day = dateInput({ value: date, label: 'Holiday date' });
    const nameInput = h('input', { value: name, placeholder, maxLength: 80, attrs: { 'aria-label': 'Holiday name' }, oninput: onChange });
    const row = { day, nameInput, error: h('p', { class: 'field-error', attrs: { role: 'alert' } }) };
    day.input.addEventListener('input', () => { mark(row, null); onChange(); });
    // A date that cannot be read is said at its row as it is left.
    day.input.addEventListener('blur', () => { if (day.problem()) mark(row, day.problem()); });
    row.node = h('div', { class: 'holiday-row', testid: 'holiday-row' },
      h('div', { class: 'holiday' }, day.node, nameInput,
        h('button', { type: 'button', class: 'ghost small', text: 'Remove', onclick: () => { row.node.remove(); rows.splice(rows.indexOf(row), 1); onChange(); } })),
      row.error);
    rows.push(row);
    list.append(row.node);
    return row;
  };
  for (const line of lines) {
    const [date, ...rest] = line.split(' ');
    addRow(date, rest.join(' '));
  }
  const add = h('button', { type: 'button', class: 'ghost small', text: '+ Add holiday', testid: 'add-holiday', onclick: () => { addRow().day.input.focus(); onChange(); } });
  // The format is said once, over the dates, so a long holiday name keeps the room.
  const head = h('div', { class: 'holiday-head', attrs: { 'aria-hidden': 'true' } }, h('span', { text: `Date, ${dateHint()}` }), h('span', { text: 'Name' }));
  return {
    control: h('div', {}, head, list, add),
    first: add,
    // Adds holidays offered by the app ({date, name}), leaving out dates already listed.
    add: (holidays) => {
      const have = new Set(rows.map((r) => r.day.get() ?? r.day.input.value.trim()));
      for (const { date, name } of holidays) if (!have.has(date)) addRow(date, name);
      onChange();
    },
    // A date that cannot be read goes as typed, so the app's refusal names it.
    get: () => rows.filter((r) => r.day.input.value.trim())
      .map((r) => `${r.day.get() ?? r.day.input.value.trim().replaceAll(' ', '')} ${r.nameInput.value.trim()}`.trim()).join('\n'),
    inputs: [],
    // The app's message is about the list; only the rows it is about are marked: a date
    // that cannot be read, or one the message names (listed twice, a name too long).
    onError: (message) => {
      for (const r of rows) {
        const iso = r.day.get();
        if (!message) mark(r, null);
        else if (r.day.problem()) mark(r, r.day.problem());
        else mark(r, iso && message.includes(showDate(iso)) ? message : null, '');
      }
    },
  };
}

function editorFor(field, ctx, onChange) {
  const kind = field.kind;
  switch (kind.type) {
    case 'multiline':
    case 'lines': {
      const area = h('textarea', { id: `f${++counter}`, value: field.value, rows: kind.type === 'lines' ? 3 : 3, testid: `input-${field.key}`, maxLength: kind.max ?? 2000 });
      return { control: area, first: area, get: () => area.value, inputs: [area] };
    }
    case 'bool': {
      const box = h('input', { id: `f${++counter}`, type: 'checkbox', checked: field.value === 'yes', testid: `input-${field.key}` });
      return { control: h('label', { class: 'switch' }, box, h('span', { text: 'Yes' })), first: box, get: () => (box.checked ? 'yes' : 'no'), inputs: [box] };
    }
    case 'choice': {
      // Choices said in a sentence ("The shop for the first shipment; the customer for…")
      // would be cut in a select: they are radio buttons, each wrapping as it needs.
      if (kind.options.some(([, label]) => label.length > 40)) return radioEditor(field);
      const select = h('select', { id: `f${++counter}`, testid: `input-${field.key}` },
        kind.options.map(([v, label]) => h('option', { value: v, text: label, selected: v === field.value })));
      return { control: select, first: select, get: () => select.value, inputs: [select] };
    }
    case 'period':
      return periodEditor(field);
    case 'period_range': {
      // Free text the domain parses: "7-14 business days", "within 1 day".
      const box = input(field, { maxLength: 60, spellcheck: false, placeholder: 'e.g. 7-14 business days, or within 1 day' });
      return { control: box, first: box, get: () => box.value, inputs: [box] };
    }
    case 'weekdays':
      return weekdaysEditor(field);
    case 'choices':
      return choicesEditor(field);
    case 'holidays':
      return holidaysEditor(field, onChange);
    case 'percent': {
      const box = input(field, { class: 'num', inputMode: 'decimal' });
      return { control: h('div', { class: 'affix' }, box, h('span', { text: '%' })), first: box, get: () => box.value, inputs: [box] };
    }
    case 'money': {
      const box = input(field, { class: 'num', inputMode: 'decimal' });
      const code = h('span', { text: ctx.currency ?? '' });
      return { control: h('div', { class: 'affix' }, code, box), first: box, get: () => box.value, inputs: [box], currencyLabel: code };
    }
    case 'time_zone': {
      const box = input(field, { attrs: { list: 'time-zones' }, spellcheck: false });
      return { control: box, first: box, get: () => box.value, inputs: [box] };
    }
    default: {
      const box = input(field, { maxLength: kind.max ?? 120, spellcheck: kind.type === 'text' });
      if (kind.type === 'email') box.type = 'email';
      if (kind.type === 'phone') box.type = 'tel';
      return { control: box, first: box, get: () => box.value, inputs: [box] };
    }
  }
}

/** The preset's own words as a quote, or its "not stated" note as a quiet line. */
function wording(field, ctx) {
  if (!field.wording) return null;
  if (!field.wording_is_quote) return h('p', { class: 'help note', text: field.wording, testid: `wording-${field.key}` });
  return h('blockquote', { class: 'wording', testid: `wording-${field.key}` },
    h('span', { text: field.wording }), ctx.presetName ? h('cite', { text: ctx.presetName }) : null);
}

/** A labelled field with its help, the preset's wording, and a place for its error. */
export function fieldRow(field, ctx = {}, onChange = () => {}) {
  const editor = editorFor(field, ctx, onChange);
  for (const el of editor.inputs) {
    el.addEventListener('input', onChange);
    el.addEventListener('change', onChange);
  }
  const error = h('p', { class: 'field-error', testid: `error-${field.key}`, attrs: { role: 'alert' } });
  const label = h('label', { class: 'field-label', text: field.label });
  if (editor.first?.id) label.htmlFor = editor.first.id;
  // A rule the shop does not have: the app says it is off, and no form mentions it.
  if (field.off) label.append(' ', h('span', { class: 'tag', text: 'Off', testid: `off-${field.key}` }));
  // A list of holidays takes the card's whole width, its label above it.
  const node = h('div', { class: field.kind.type === 'holidays' ? 'field wide-field' : 'field', testid: `field-${field.key}` },
    label,
    h('div', { class: 'field-body' },
      editor.control,
      field.help ? h('p', { class: 'help', text: field.help }) : null,
      wording(field, ctx),
      error));
  return {
    key: field.key,
    node,
    get: editor.get,
    /** Adds the app's offered holidays to a holidays field. */
    addHolidays: editor.add,
    /** Puts a value in, as if typed (the set-up form fills in a preset's region). */
    set: (value) => {
      if (editor.set) return editor.set(value);
      if (!editor.first) return;
      if (editor.first.type === 'checkbox') editor.first.checked = value === 'yes';
      else editor.first.value = value;
    },
    focus: (options) => editor.first?.focus(options),
    setCurrency: (code) => { if (editor.currencyLabel) editor.currencyLabel.textContent = code; },
    setError(message) {
      error.textContent = message ?? '';
      node.classList.toggle('invalid', Boolean(message));
      editor.onError?.(message);
    },
  };
}

/** Shows an IpcError's field messages next to their fields; returns the first field shown. */
export function showFieldErrors(rows, err) {
  rows.forEach((r) => r.setError(''));
  let first = null;
  // The first in the form as it reads, whatever order the messages came in.
  const before = (a, b) => Boolean(a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING);
  for (const { field, message } of err.fields ?? []) {
    const row = rows.find((r) => r.key === field);
    if (row) {
      row.setError(message);
      if (!first || before(row, first)) first = row;
    }
  }
  return first;
}

/** A datalist of the time zones this system knows, for time-zone inputs. */
export function timeZoneList() {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return h('datalist', { id: 'time-zones' }, zones.map((z) => h('option', { value: z })));
}

/**
 * Brings a field to the middle of the window, its label above and its message below in
 * view (not just its input at the very edge), and puts the cursor in it.
 */
export function bringToField(row) {
  row.node.scrollIntoView({ block: 'center' });
  row.focus({ preventScroll: true });
}

/** A refused save: each message beside its field, a summary to read, the first field in view. */
export function reportRefusal(rows, err) {
  const first = showFieldErrors(rows, err);
  const n = err.fields?.length ?? 0;
  notify(n > 1 ? `${n} fields need attention: see the messages in red.` : err.message, 'error');
  if (first) bringToField(first);
}
