// Reports: a period's picture of the shop, section by section (turnaround, money received
// and tax, payments, quotations, storage fees, returns, overdue work, the bench), each with
// its chart and its table. A row opens the list of the records it counted, so every figure
// can be checked against its tickets. The report saves as CSV or PDF.

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { dateInput, dateOf } from '../dates.js';
import { pdfFile, dialogs } from '../choose.js';

const COLUMNS = [
  ['count', 'Count', (r) => r.count_text],
  ['amount', 'Amount', (r) => r.amount_text],
  ['tax', 'Tax', (r) => r.tax_text],
  ['net', 'Net', (r) => r.net_text],
  ['days', 'Average', (r) => r.average_text],
  ['days', 'Median', (r) => r.median_text],
];

export async function render(main, { go }) {
  const periods = await api.reportPeriods();
  const pick = h('select', { testid: 'report-period', attrs: { 'aria-label': 'Period' } },
    periods.map((p) => h('option', { value: p.key, text: p.label })), h('option', { value: 'custom', text: 'Other dates…' }));
  const from = dateInput({ testid: 'report-from', id: 'report-from', label: 'From' });
  const to = dateInput({ testid: 'report-to', id: 'report-to', label: 'To' });
  const error = h('p', { class: 'field-error', testid: 'error-report-period', attrs: { role: 'alert' } });
  const show = h('button', { type: 'button', class: 'primary', text: 'Show', testid: 'report-show', onclick: () => load() });
  const saveCsv = h('button', { type: 'button', class: 'secondary', text: 'Save CSV…', testid: 'report-save-csv', onclick: () => save('csv') });
  const savePdf = h('button', { type: 'button', class: 'secondary', text: 'Save PDF…', testid: 'report-save-pdf', onclick: () => save('pdf') });
  const body = h('div', { class: 'report-body', testid: 'report-body' });
  let shown = null;

  const setPeriod = () => {
    const p = periods.find((x) => x.key === pick.value);
    if (p) {
      from.set(p.from);
      to.set(p.to);
      load();
    } else {
      from.input.focus();
    }
  };
  pick.addEventListener('change', setPeriod);
  [from.input, to.input].forEach((el) => el.addEventListener('input', () => { pick.value = 'custom'; error.textContent = ''; }));

  async function load() {
    error.textContent = '';
    let f;
    let t;
    try {
      f = dateOf(from, 'from');
      t = dateOf(to, 'to');
      if (!f || !t) throw { message: 'Give the first and the last day of the period.' };
      show.disabled = true;
      shown = await api.report(f, t);
      draw(shown);
    } catch (err) {
      error.textContent = err.fields?.[0]?.message ?? err.message;
    } finally {
      show.disabled = false;
    }
  }

  async function save(kind) {
    if (!shown || saveCsv.disabled) return;
    // One dialog at a time: a double click would ask twice.
    saveCsv.disabled = savePdf.disabled = true;
    const name = `Caseback report ${shown.from} to ${shown.to}.${kind}`;
    try {
      const path = kind === 'pdf'
        ? await pdfFile('Save the report as PDF', name)
        : await dialogs.save({ title: 'Save the report as CSV', defaultPath: name, filters: [{ name: 'CSV', extensions: ['csv'] }] });
      if (!path) return;
      const saved = await api.reportSave(shown.from, shown.to, path);
      notify(`Report saved to ${saved.path}`);
    } catch (err) {
      notify(err.message ?? String(err), 'error');
    } finally {
      saveCsv.disabled = savePdf.disabled = false;
    }
  }

  function draw(v) {
    fill(body,
      h('p', { class: 'muted', testid: 'report-label', text: `${v.period_label} · overdue work as of today, ${v.as_of_label}` }),
      v.sections.map((s) => section(s, go)));
  }

  fill(main,
    h('div', { class: 'screen-head' }, h('h1', { text: 'Reports' }), h('div', { class: 'inline' }, saveCsv, savePdf)),
    h('section', { class: 'card report-picker', testid: 'report-picker' },
      h('div', { class: 'inline' }, h('label', { class: 'field-label', text: 'Period', htmlFor: 'report-from' }), pick,
        from.node, h('span', { class: 'muted', text: 'to' }), to.node, show), error),
    body);
  pick.value = periods[0]?.key ?? 'custom';
  setPeriod();
}

/** A section: its words, its chart and its table; a row opens what it counted. */
function section(s, go) {
  const cols = COLUMNS.filter(([figure]) => s.figures.includes(figure));
  let chart = h('p', { class: 'muted', testid: `report-empty-${s.key}`, text: 'Nothing counted in this period.' });
  if (s.chart) {
    chart = h('img', { class: 'report-chart', testid: `report-chart-${s.key}`, alt: `${s.title}: ${s.chart_measure}` });
    chart.src = URL.createObjectURL(new Blob([s.chart], { type: 'image/svg+xml' }));
    chart.addEventListener('load', () => URL.revokeObjectURL(chart.src), { once: true });
  }
  const head = h('tr', {}, h('th', { text: '' }), cols.map(([, title]) => h('th', { class: 'num', text: title })));
  const rows = s.rows.flatMap((r, i) => rowLines(s, r, cols, go, `report-${s.key}-${i}`));
  const total = h('tr', { class: 'total', testid: `report-${s.key}-total` }, h('th', { text: 'Total' }),
    cols.map(([, , value]) => h('td', { class: 'num', text: value(s.total) ?? '—' })));
  return h('section', { class: 'card report-section', testid: `report-${s.key}` },
    h('h2', { text: s.title }), h('p', { class: 'help', text: s.sentence }), chart,
    h('div', { class: 'table-wrap' }, h('table', { class: 'report-table' }, h('thead', {}, head), h('tbody', {}, rows, total))));
}

/** A row, and under it (hidden until asked) the records it counted. */
function rowLines(s, r, cols, go, testid) {
  const counted = [...r.tickets.map((t) => ({ label: t.number, open: () => go('ticket', { id: t.id }) })),
    ...r.returns.map((c) => ({ label: c.title, open: () => go('return', { id: c.id }) }))];
  const list = h('tr', { class: 'report-records', hidden: true, testid: `${testid}-records` },
    h('td', { attrs: { colspan: String(cols.length + 1) } },
      counted.map((c) => h('button', { type: 'button', class: 'ghost small', text: c.label, onclick: c.open }))));
  const toggle = h('button', { type: 'button', class: 'link', text: r.label, testid, disabled: !counted.length,
    attrs: { 'aria-expanded': 'false', title: counted.length ? 'Show the records counted' : 'Nothing counted' },
    onclick: () => {
      list.hidden = !list.hidden;
      toggle.setAttribute('aria-expanded', String(!list.hidden));
    } });
  return [h('tr', {}, h('th', {}, toggle), cols.map(([, , value]) => h('td', { class: 'num', text: value(r) ?? '—' }))), list];
}
