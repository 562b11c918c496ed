// The quotation editor: the lines of work and parts, the timeline, and live totals that the
// app computes (money is never added up here; the preview sends back the amounts as text).

import { api } from '../ipc.js';
import { h, fill, notify, debounce } from '../dom.js';
import { actorId } from '../actor.js';

export const KINDS = [
  ['labour', 'Labour'], ['part', 'Part'], ['part_sourcing_fee', 'Part sourcing fee'],
  ['inspection_fee', 'Inspection fee'], ['shipping', 'Shipping'], ['other', 'Other'],
];
const SECTIONS = [['repair', 'Repair'], ['cosmetic', 'Cosmetic (optional, confirmed separately)']];

const blank = () => ({ kind: 'labour', section: 'repair', description: '', quantity: '1', unit_price: '', taxable: true, part: null });

/** The editor card; `quotes` is the quotations_get view, `refresh` reloads the ticket page. */
export function quoteEditor(ticketId, quotes, refresh) {
  const latest = quotes.quotations.reduce((a, q) => (!a || q.revision > a.revision ? q : a), null);
  const lines = latest
    ? latest.lines.map((l) => ({
      kind: l.kind, section: l.section, description: l.description, quantity: l.quantity, unit_price: l.unit_price, taxable: l.taxable, part: l.part ?? null,
    }))
    : [blank()];
  let currency = quotes.currency ?? '';
  const errors = new Map(); // error key -> element
  const amounts = [];
  const errorEl = (key) => {
    const el = h('p', { class: 'field-error', testid: `error-${key}`, attrs: { role: 'alert' } });
    errors.set(key, el);
    return el;
  };

  const timeline = h('input', { class: 'num', inputMode: 'numeric', value: '5', testid: 'input-timeline_working_days', id: 'quote-timeline', oninput: () => preview() });
  const partsReturned = h('input', { type: 'checkbox', testid: 'input-parts_returned', onchange: () => preview() });
  const body = h('tbody');
  const linesError = errorEl('lines');
  const timelineError = errorEl('timeline_working_days');
  const subtotal = h('strong', { testid: 'quote-subtotal' });
  const taxLabel = h('span', { text: 'Tax' });
  const tax = h('strong', { testid: 'quote-tax' });
  const total = h('strong', { testid: 'quote-total' });
  const cosmeticTotal = h('strong', { testid: 'quote-cosmetic-total' });
  const cosmeticRow = h('div', { class: 'total-row', hidden: true }, h('span', { text: 'Optional cosmetic work, total' }), cosmeticTotal);

  const form = () => ({
    lines: lines.map((l) => ({ ...l, description: l.description.trim(), quantity: l.quantity.trim(), unit_price: l.unit_price.trim() })),
    timeline_working_days: timeline.value.trim(),
    parts_returned: partsReturned.checked,
  });

  const showErrors = (err) => {
    errors.forEach((el) => { el.textContent = ''; });
    for (const { field, message } of err?.fields ?? []) {
      const el = errors.get(field) ?? (field.startsWith('lines') ? linesError : null);
      if (el) el.textContent = el.textContent ? `${el.textContent} ${message}` : message;
    }
  };

  let seq = 0;
  const preview = debounce(async () => {
    const mine = ++seq;
    try {
      const p = await api.quotationPreview(form());
      if (mine !== seq) return;
      currency = p.currency;
      showErrors(null);
      amounts.forEach((el, i) => { el.textContent = p.line_amounts[i] ? `${currency} ${p.line_amounts[i]}` : '—'; });
      subtotal.textContent = `${currency} ${p.repair.subtotal}`;
      taxLabel.textContent = p.tax_label;
      tax.textContent = `${currency} ${p.repair.tax}`;
      total.textContent = `${currency} ${p.repair.total}`;
      cosmeticRow.hidden = !p.cosmetic;
      cosmeticTotal.textContent = p.cosmetic ? `${currency} ${p.cosmetic.total}` : '';
    } catch (err) {
      if (mine !== seq) return;
      showErrors(err);
      if (!err.fields?.length) linesError.textContent = err.message;
      amounts.forEach((el) => { el.textContent = '—'; });
      [subtotal, tax, total, cosmeticTotal].forEach((el) => { el.textContent = '—'; });
    }
  }, 200);

  const select = (testid, options, value, label, onchange) => h('select', { testid, attrs: { 'aria-label': label }, onchange },
    options.map(([v, text]) => h('option', { value: v, text, selected: v === value })));

  const drawLines = () => {
    [...errors.keys()].filter((k) => k.startsWith('lines.')).forEach((k) => errors.delete(k));
    amounts.length = 0;
    fill(body, lines.map((line, i) => {
      const set = (key) => (e) => {
        line[key] = e.target.type === 'checkbox' ? e.target.checked : e.target.value;
        // Made another kind of line, it no longer sells the catalogue's part.
        if (key === 'kind' && line.part && line.kind !== 'part') { line.part = null; drawLines(); }
        preview();
      };
      const amount = h('span', { class: 'nowrap', testid: `line-amount-${i}`, text: '—' });
      amounts.push(amount);
      // Two rows a line: what it is, across the table; then how it is priced.
      return [
        h('tr', { class: 'line-text', testid: `line-${i}` },
          h('td', { colSpan: 6 }, h('input', { value: line.description, maxLength: 200, testid: `line-description-${i}`, placeholder: `Line ${i + 1}: e.g. Replace crown and stem`, attrs: { 'aria-label': `Line ${i + 1} description` }, oninput: set('description') }),
            line.part ? h('span', { class: 'tag sub-tag', testid: `line-from-catalogue-${i}`, text: 'From the catalogue: held from stock once accepted' }) : null,
            errorEl(`lines.${i}.description`)),
          h('td', {}, h('button', { type: 'button', class: 'ghost small icon', text: '×', title: 'Remove this line', attrs: { 'aria-label': `Remove line ${i + 1}` }, testid: `line-remove-${i}`,
            onclick: () => { lines.splice(i, 1); if (!lines.length) lines.push(blank()); drawLines(); preview(); } }))),
        h('tr', { class: 'line-price' },
          h('td', {}, select(`line-kind-${i}`, KINDS, line.kind, `Line ${i + 1} kind`, set('kind'))),
          h('td', {}, select(`line-section-${i}`, SECTIONS, line.section, `Line ${i + 1} section`, set('section'))),
          h('td', {}, h('input', { class: 'num', inputMode: 'decimal', value: line.quantity, testid: `line-quantity-${i}`, attrs: { 'aria-label': `Line ${i + 1} quantity` }, oninput: set('quantity') }),
            errorEl(`lines.${i}.quantity`)),
          h('td', {}, h('input', { class: 'num', inputMode: 'decimal', value: line.unit_price, testid: `line-price-${i}`, attrs: { 'aria-label': `Line ${i + 1} unit price` }, oninput: set('unit_price') }),
            errorEl(`lines.${i}.unit_price`)),
          h('td', { class: 'center' }, h('input', { type: 'checkbox', checked: line.taxable, testid: `line-taxable-${i}`, title: 'Taxed', attrs: { 'aria-label': `Line ${i + 1} is taxed` }, onchange: set('taxable') })),
          h('td', { class: 'amount' }, amount),
          h('td', {})),
      ];
    }));
  };

  const issue = h('button', { type: 'button', class: 'primary', testid: 'quotation-issue',
    text: latest ? `Issue revision ${latest.revision + 1}` : 'Issue quotation',
    onclick: async () => {
      issue.disabled = true;
      preview.cancel();
      try {
        const view = await api.quotationIssue(actorId(), ticketId, form());
        const q = view.quotations.reduce((a, x) => (!a || x.revision > a.revision ? x : a), null);
        notify(`${q.number} issued, valid through ${q.valid_through_words}.`);
        await refresh();
      } catch (err) {
        showErrors(err);
        notify(err.message, 'error');
        issue.disabled = false;
      }
    } });

  // A part picked from the catalogue: its number and description, its price (which stays
  // editable), one piece; held from stock once the customer accepts.
  const pickerResults = h('ul', { class: 'plain-list catalogue-results', testid: 'catalogue-results' });
  const pickerSearch = h('input', { type: 'search', testid: 'catalogue-search', placeholder: 'Part number, description or calibre', autocomplete: 'off', spellcheck: false,
    attrs: { 'aria-label': 'Find a part in the catalogue' } });
  const picker = h('div', { class: 'catalogue-picker', hidden: true, testid: 'catalogue-picker' }, pickerSearch, pickerResults);
  const pick = (p) => {
    const empty = lines.length === 1 && !lines[0].description.trim() && !lines[0].unit_price.trim();
    const line = { kind: 'part', section: 'repair', description: `${p.number} ${p.description}`, quantity: '1', unit_price: p.price_number, taxable: true, part: p.id };
    if (empty) lines[0] = line; else lines.push(line);
    picker.hidden = true;
    drawLines();
    preview();
  };
  const findParts = debounce(async () => {
    try {
      const view = await api.partsGet(pickerSearch.value.trim(), false);
      fill(pickerResults, view.parts.length
        ? view.parts.slice(0, 8).map((p) => h('li', {}, h('button', { type: 'button', class: 'list-button', testid: `catalogue-pick-${p.number}`, onclick: () => pick(p) },
          h('span', {}, h('strong', { text: p.number }), ` ${p.description}`),
          h('span', { class: 'nowrap', text: p.price_text }),
          h('span', { class: p.free ? 'muted small' : 'small warn-text', text: p.free ? `${p.stock_text}${p.location ? ` · ${p.location}` : ''}` : `${p.stock_text}: it will wait for a delivery` }))))
        : h('li', { class: 'muted small', text: view.low_count === 0 && !pickerSearch.value.trim() ? 'The catalogue is empty: add parts under Parts.' : 'No part matches.' }));
    } catch (err) {
      fill(pickerResults, h('li', { class: 'field-error', text: err.message }));
    }
  }, 120);
  pickerSearch.addEventListener('input', () => findParts());
  pickerSearch.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { picker.hidden = true; }
    if (e.key === 'Enter') { e.preventDefault(); pickerResults.querySelector('button')?.click(); }
  });

  drawLines();
  if (latest) preview.now();
  [subtotal, tax, total].forEach((el) => { el.textContent = '—'; });
  return h('section', { class: 'card', testid: 'quote-editor', id: 'quote-editor' },
    h('h2', { text: latest ? 'Revise the quotation' : 'Quotation' }),
    h('table', { class: 'rows quote-lines' },
      h('thead', {}, h('tr', {}, ['Kind', 'Section', 'Qty', `Unit price (${currency})`, 'Tax', 'Amount', ''].map((t) => h('th', { text: t })))),
      body),
    linesError,
    h('div', { class: 'inline wrap' },
      h('button', { type: 'button', class: 'ghost small', text: '+ Add line', testid: 'line-add',
        onclick: () => { lines.push(blank()); drawLines(); preview(); body.querySelector(`[data-testid=line-description-${lines.length - 1}]`)?.focus(); } }),
      h('button', { type: 'button', class: 'ghost small', text: '+ Part from the catalogue', testid: 'line-from-catalogue',
        onclick: () => { picker.hidden = !picker.hidden; if (!picker.hidden) { pickerSearch.value = ''; findParts.now(); pickerSearch.focus(); } } })),
    picker,
    h('div', { class: 'quote-foot' },
      h('div', { class: 'stack' },
        h('label', { class: 'inline', htmlFor: 'quote-timeline' }, 'Working days to repair', timeline),
        timelineError,
        h('label', { class: 'check' }, partsReturned, 'Return replaced parts to the customer (agreed in writing)')),
      h('div', { class: 'totals', testid: 'quote-totals' },
        h('div', { class: 'total-row' }, h('span', { text: 'Subtotal' }), subtotal),
        h('div', { class: 'total-row' }, taxLabel, tax),
        h('div', { class: 'total-row grand' }, h('span', { text: 'Repair total' }), total),
        cosmeticRow)),
    h('div', { class: 'actions' }, issue));
}
