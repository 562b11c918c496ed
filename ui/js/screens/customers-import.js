// A customer list brought in from a spreadsheet saved as CSV: each column shown with its
// first values and the field it goes to (the app's guess, changed at will), the customers it
// adds and the rows it leaves out and why, then imported all together.

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';

export async function render(main, { go }) {
  const file = h('input', { type: 'file', accept: '.csv,text/csv', testid: 'customer-import-file', id: 'customer-import-file' });
  const problem = h('p', { class: 'field-error', testid: 'customer-import-error', attrs: { role: 'alert' } });
  const result = h('div', { class: 'import-preview', testid: 'customer-import-preview' });
  let chosen = null; // { name, text }
  let mapping = null; // the fields as chosen, by column

  const show = (view) => {
    mapping = view.columns.map((c) => c.field);
    const columns = h('table', { class: 'rows', testid: 'customer-import-columns' },
      h('thead', {}, h('tr', {}, ['Column in the file', 'First values', 'Goes to'].map((t) => h('th', { text: t, attrs: { scope: 'col' } })))),
      h('tbody', {}, view.columns.map((c) => h('tr', {},
        h('td', { class: 'strong', text: c.header || `Column ${c.index + 1}` }),
        h('td', { class: 'muted small', text: c.samples.join(' · ') || '—' }),
        h('td', {}, h('select', {
          testid: `customer-import-field-${c.index}`, attrs: { 'aria-label': `Column ${c.header || c.index + 1} goes to` },
          onchange: (e) => { mapping[c.index] = e.target.value; refresh(); },
        }, view.fields.map((f) => h('option', { value: f.key, text: f.label, selected: f.key === c.field }))))))));
    const take = view.added;
    const go_ = h('button', { type: 'button', class: 'primary', testid: 'customer-import-go', disabled: !take || Boolean(view.mapping_problem),
      text: take ? `Import ${take} ${take === 1 ? 'customer' : 'customers'}` : 'Nothing to import' });
    go_.addEventListener('click', async () => {
      if (go_.disabled) return;
      go_.disabled = true;
      try {
        const done = await api.customersImport(actorId(), chosen.name, chosen.text, mapping);
        notify(`Imported: ${done.summary}.`);
        go('customers');
      } catch (err) {
        problem.textContent = err.message;
        go_.disabled = false;
      }
    });
    fill(result,
      h('section', { class: 'card flush' },
        h('h2', { class: 'card-title', text: 'Which column is which' }),
        h('p', { class: 'muted small card-note', text: 'The app guessed from the first row; change any that is wrong. A watch is recorded when its brand and serial are given.' }),
        columns,
        view.mapping_problem ? h('p', { class: 'field-error card-note', testid: 'customer-import-mapping-error', text: view.mapping_problem }) : null),
      view.mapping_problem ? null : h('section', { class: 'card flush' },
        h('h2', { class: 'card-title', text: `What the file does: ${view.summary}`, testid: 'customer-import-summary' }),
        h('p', { class: 'muted small card-note', text: 'Nothing is written until you import. Someone whose phone or e-mail is already a customer’s is left out, not doubled.' }),
        view.rows.length ? h('table', { class: 'rows', testid: 'customer-import-rows' },
          h('thead', {}, h('tr', {}, ['Line', 'Name', 'Phone', 'E-mail', 'Watch'].map((t) => h('th', { text: t, attrs: { scope: 'col' } })))),
          h('tbody', {}, view.rows.map((r) => h('tr', { testid: `customer-import-row-${r.line}` },
            h('td', { class: 'muted', text: String(r.line) }), h('td', { class: 'strong', text: r.name }),
            h('td', { class: 'nowrap', text: r.phone || '—' }), h('td', { class: 'muted', text: r.email || '—' }),
            h('td', { class: 'muted', text: r.watch ?? '—' }))))) : null,
        view.added > view.rows.length ? h('p', { class: 'muted small card-note', text: `The first ${view.rows.length} of ${view.added} are shown.` }) : null),
      view.left_out.length && !view.mapping_problem ? h('section', { class: 'card', testid: 'customer-import-left-out' },
        h('h2', { text: `Rows left out (${view.left_out.length})` }),
        h('ul', { class: 'plain-list' }, view.left_out.map((r) => h('li', { testid: `customer-import-left-out-${r.line}` },
          h('strong', { text: `Line ${r.line}: ` }), r.reason)))) : null,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'ghost', text: 'Cancel', onclick: () => go('customers') }), go_));
  };

  const refresh = async () => {
    problem.textContent = '';
    try {
      show(await api.customersImportPreview(chosen.text, mapping));
    } catch (err) {
      problem.textContent = err.message;
    }
  };

  file.addEventListener('change', async () => {
    fill(result);
    mapping = null;
    const f = file.files?.[0];
    if (!f) return;
    chosen = { name: f.name, text: await f.text() };
    await refresh();
  });

  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('h1', { text: 'Import customers' }),
        h('p', { class: 'muted', text: 'From a spreadsheet saved as CSV, its first row naming the columns: name, phone, e-mail, address, and each customer’s watch (brand, model, serial) if you have them.' }))),
    h('section', { class: 'card' },
      h('div', { class: 'field stacked' }, h('label', { class: 'field-label', text: 'The file', htmlFor: 'customer-import-file' }), file, problem)),
    result);
}
