// Parts: the catalogue with what is in each drawer, found by number, description, kind, the
// calibre it fits, supplier or drawer; the parts to order; a new part; an import from a file.

import { api } from '../ipc.js';
import { h, fill, emptyState, notify, debounce } from '../dom.js';

/** A part's stock in a cell: what is there, and a mark when it is time to order. */
export function stockCell(p) {
  return h('td', { class: 'nowrap' }, h('span', { text: p.stock_text, testid: `part-stock-${p.number}` }),
    p.low ? h('span', { class: 'tag warn sub-tag', text: p.back_ordered ? 'Repairs wait for it' : 'Low: order more', testid: `part-low-${p.number}` }) : null);
}

/** The catalogue's rows; a click or Enter opens the part. */
export function partsTable(parts, open, testid = 'parts-table') {
  return h('table', { class: 'rows', testid },
    h('thead', {}, h('tr', {}, ['Part number', 'Description', 'Kind', 'Kept in', 'Price', 'Stock'].map((t) => h('th', { text: t, attrs: { scope: 'col' } })))),
    h('tbody', {}, parts.map((p) => h('tr', {
      class: `row-link${p.low ? ' late' : ''}`, tabIndex: 0, testid: `part-row-${p.number}`,
      attrs: { 'aria-label': `Part ${p.number}, ${p.description}, ${p.stock_text}` },
      onclick: () => open(p),
      onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); open(p); } },
    },
    h('td', { class: 'number', text: p.number }),
    h('td', {}, h('span', { text: p.description }), p.fits ? h('span', { class: 'muted small sub', text: `Fits ${p.fits}` }) : null),
    h('td', { class: 'muted', text: p.kind_label }),
    h('td', { class: 'muted', text: p.location || '—' }),
    h('td', { class: 'nowrap amount', text: p.price_text }),
    stockCell(p)))));
}

export async function render(main, { params, go }) {
  const search = h('input', {
    type: 'search', value: params.query ?? '', placeholder: 'Part number, description, calibre, drawer', class: 'search', testid: 'parts-search',
    attrs: { 'aria-label': 'Search the catalogue', autocomplete: 'off' }, spellcheck: false,
  });
  let lowOnly = params.low === true;
  const lowButton = h('button', { type: 'button', class: 'ghost', testid: 'parts-low' });
  const count = h('span', { class: 'muted', testid: 'parts-count' });
  const results = h('section', { class: 'card flush', testid: 'parts-results', attrs: { 'aria-live': 'polite' } });
  const open = (p) => go('part', { id: p.id });

  let seq = 0;
  const show = async () => {
    const mine = ++seq;
    let view;
    try {
      view = await api.partsGet(search.value.trim(), lowOnly);
    } catch (err) {
      return notify(err.message, 'error');
    }
    if (mine !== seq) return;
    lowButton.textContent = lowOnly ? 'Show every part' : `Only parts to order (${view.low_count})`;
    lowButton.setAttribute('aria-pressed', String(lowOnly));
    count.textContent = view.parts.length ? `${view.parts.length} ${view.parts.length === 1 ? 'part' : 'parts'}` : '';
    if (view.parts.length) return fill(results, partsTable(view.parts, open));
    const q = search.value.trim();
    fill(results, lowOnly
      ? emptyState('Nothing to order', 'Parts at their low-stock level, or waited for by a repair, appear here.', 'parts-none-low')
      : q ? emptyState(`No part matches “${q}”`, 'Search by part of the number, the description, the calibre it fits, the supplier or the drawer.', 'parts-none')
        : emptyState('No parts yet', 'Add the parts you keep, or import your list from a spreadsheet (CSV): each repair then takes its parts from here.', 'parts-empty'));
  };
  const later = debounce(show, 120);
  search.addEventListener('input', () => later());
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      later.now().then(() => results.querySelector('tr.row-link')?.focus());
    }
  });
  lowButton.addEventListener('click', () => { lowOnly = !lowOnly; show(); });

  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('h1', { text: 'Parts' }), h('p', { class: 'muted', text: 'What is in the drawers, what repairs hold, and what to order.' })),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'ghost', text: 'Import from a file…', testid: 'parts-import', onclick: () => go('parts-import') }),
        h('button', { type: 'button', class: 'primary', text: 'New part', testid: 'part-new', onclick: () => go('part', { id: 'new' }) }))),
    h('div', { class: 'toolbar' }, search, lowButton, count),
    results);
  await show();
  search.focus();
  return { refresh: show };
}
