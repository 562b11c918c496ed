// Settings → Printing: which of this computer's printers each form comes out of, on which
// paper or label stock, and how many copies. Kept on this computer only (printers are), saved
// with its own button; a refused line is said beside its field.

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';

const GROUPS = [
  ['tag', 'Bag tag', 'On the label printer: the ticket number, its QR code and the customer’s name, laid out for the stock.'],
  ['parcel_label', 'Parcel labels', 'The shipping and return labels, on the courier’s label stock.'],
  ['document', 'Documents', 'Receipts, quotations, notices and letters, on sheets.'],
];

const idOf = (key) => key.replace('/', '-');

export function printingSection() {
  const node = h('div', { class: 'printing-section', testid: 'printing-section' }, h('p', { class: 'muted', text: 'Looking for printers…' }));
  api.printingGet().then((v) => draw(node, v), (err) => fill(node, h('p', { class: 'warn-box', text: err.message })));
  return node;
}

function draw(node, view) {
  const lines = view.forms.map((f) => formLine(f, view.printer_choices));
  const status = h('span', { class: 'muted', testid: 'printing-status', attrs: { 'aria-live': 'polite' } });
  const save = h('button', { type: 'button', class: 'primary', text: 'Save printing', testid: 'printing-save', disabled: true });
  const changed = () => { save.disabled = false; status.textContent = 'Unsaved printing changes'; };
  lines.forEach((l) => l.onChange(changed));
  save.onclick = async () => {
    save.disabled = true;
    lines.forEach((l) => l.setError(''));
    try {
      const next = await api.printingSet(lines.map((l) => l.get()));
      draw(node, next);
      notify('Printing saved for this computer.');
    } catch (err) {
      let first = null;
      for (const f of err.fields ?? []) {
        const line = lines.find((l) => f.field.startsWith(`${l.key}.`));
        if (line) { line.setError(f.message, f.field); first ??= line; }
      }
      notify(err.message, 'error');
      first?.focus();
      save.disabled = false;
    }
  };
  fill(node,
    printersLine(view),
    view.setup_note ? h('p', { class: 'warn-box', testid: 'printing-setup-note', text: view.setup_note }) : null,
    GROUPS.map(([shape, title, about]) => {
      const of = lines.filter((l) => l.shape === shape);
      return of.length ? h('div', { class: 'subsection', testid: `printing-group-${shape}` },
        h('h3', { text: title }), h('p', { class: 'help', text: about }),
        h('div', { class: 'printing-table', attrs: { role: 'table', 'aria-label': title } },
          h('div', { class: 'printing-row printing-head', attrs: { role: 'row' } },
            ['Form', 'Printer', 'Paper or stock', 'Copies'].map((t) => h('span', { text: t, attrs: { role: 'columnheader' } }))),
          of.length > 2 ? allLine(of, view.printer_choices, changed) : null,
          of.map((l) => l.node))) : null;
    }),
    h('div', { class: 'actions' }, save, status));
}

/** "All documents": one printer and paper for every line of a group, set line by line. */
function allLine(lines, printerChoices, changed) {
  const pick = (choices, testid, label) => h('select', { testid, attrs: { 'aria-label': label } },
    h('option', { value: '', text: 'Choose…', selected: true }), choices.map((c) => h('option', { value: c.key, text: c.label })));
  const printer = pick(printerChoices.map((c) => ({ ...c, key: c.key === '' ? '-default-' : c.key })), 'printing-all-printer', 'Every document: printer');
  const media = pick(lines[0].mediaChoices, 'printing-all-media', 'Every document: paper');
  const apply = () => {
    const p = printer.value === '' ? null : printer.value === '-default-' ? '' : printer.value;
    lines.forEach((l) => l.set(p, media.value === '' ? null : media.value));
    changed();
  };
  printer.addEventListener('change', apply);
  media.addEventListener('change', apply);
  return h('div', { class: 'printing-row printing-all', testid: 'printing-all', attrs: { role: 'row' } },
    h('span', { class: 'printing-form', text: 'All documents', attrs: { role: 'cell' } }),
    h('span', { attrs: { role: 'cell' } }, printer), h('span', { attrs: { role: 'cell' } }, media), h('span', { attrs: { role: 'cell' } }));
}

function printersLine(view) {
  if (view.printers_note) return h('p', { class: 'warn-box', testid: 'printing-note', text: view.printers_note });
  const names = view.printers.map((p) => `${p.name}${p.default ? ' (default)' : ''}${p.paused ? ' (paused)' : ''}`);
  return h('p', { class: 'lead', testid: 'printing-printers', text: `Printers on this computer: ${names.join(', ')}.` });
}

/** One form's line: its printer, stock and copies, and the line's refusal beneath. */
function formLine(f, printerChoices) {
  const id = idOf(f.key);
  const select = (choices, value, testid, label) => h('select', { testid, attrs: { 'aria-label': `${f.title}: ${label}` } },
    choices.map((c) => h('option', { value: c.key, text: c.label, selected: c.key === value })));
  const printer = select(printerChoices, f.printer, `printing-${id}-printer`, 'printer');
  const media = select(f.media_choices, f.media, `printing-${id}-media`, 'paper or stock');
  const copies = h('input', { type: 'number', testid: `printing-${id}-copies`, value: String(f.copies),
    attrs: { min: '1', max: '20', inputmode: 'numeric', 'aria-label': `${f.title}: copies` } });
  const error = h('p', { class: 'field-error', testid: `error-printing-${id}`, attrs: { role: 'alert' } });
  let at = copies;
  const node = h('div', { class: 'printing-row', testid: `printing-${id}`, attrs: { role: 'row' } },
    h('span', { class: 'printing-form', text: f.title, attrs: { role: 'cell' } }),
    h('span', { attrs: { role: 'cell' } }, printer), h('span', { attrs: { role: 'cell' } }, media),
    h('span', { attrs: { role: 'cell' } }, copies), error);
  return {
    key: f.key,
    shape: f.shape,
    mediaChoices: f.media_choices,
    node,
    onChange: (fn) => [printer, media, copies].forEach((el) => el.addEventListener('input', fn)),
    // A copies field left empty or typed as text is sent as 0, which the app refuses at it.
    get: () => ({ key: f.key, printer: printer.value, media: media.value, copies: Number.parseInt(copies.value, 10) || 0 }),
    setError: (text, field = '') => {
      error.textContent = text;
      at = field.endsWith('.printer') ? printer : field.endsWith('.media') ? media : copies;
      [printer, media, copies].forEach((el) => el.classList.toggle('invalid', Boolean(text) && el === at));
    },
    /** Sets the printer and stock, as a person choosing them would (the documents' "All" line). */
    set: (printerKey, mediaKey) => {
      if (printerKey !== null) printer.value = printerKey;
      if (mediaKey !== null && f.media_choices.some((c) => c.key === mediaKey)) media.value = mediaKey;
    },
    focus: () => at.focus(),
  };
}
