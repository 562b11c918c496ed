// A catalogue brought in from a spreadsheet saved as CSV: the file read, what it would add
// and update shown row by row with the rows it refuses and why, then imported all together.

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';

export async function render(main, { go }) {
  const file = h('input', { type: 'file', accept: '.csv,text/csv', testid: 'import-file', attrs: { 'aria-label': 'The CSV file' } });
  const problem = h('p', { class: 'field-error', testid: 'import-error', attrs: { role: 'alert' } });
  const preview = h('div', { class: 'import-preview', testid: 'import-preview' });
  let chosen = null; // { name, text }

  const table = (view) => h('table', { class: 'rows', testid: 'import-rows' },
    h('thead', {}, h('tr', {}, ['Line', 'Part number', 'Description', 'Price', 'Quantity', 'What happens'].map((t) => h('th', { text: t, attrs: { scope: 'col' } })))),
    h('tbody', {}, view.rows.map((r) => h('tr', { testid: `import-row-${r.line}` },
      h('td', { class: 'muted', text: String(r.line) }),
      h('td', { class: 'number', text: r.number }),
      h('td', { text: r.description }),
      h('td', { class: 'nowrap amount', text: r.price_text }),
      h('td', { class: 'amount', text: String(r.quantity) }),
      h('td', {}, h('span', { class: r.action === 'New' ? 'tag' : 'tag warn', text: r.action }))))));

  const refused = (view) => (view.refused.length
    ? h('section', { class: 'card', testid: 'import-refused' },
      h('h2', { text: `Rows refused (${view.refused.length})` }),
      h('p', { class: 'muted small', text: 'These rows are left out. Correct them in the file and import it again: rows already imported are then updated, not doubled.' }),
      h('ul', { class: 'plain-list' }, view.refused.map((r) => h('li', { testid: `import-refused-${r.line}` },
        h('strong', { text: `Line ${r.line}: ` }), r.reason))))
    : null);

  const showPlan = (view) => {
    const take = view.rows.length;
    const button = h('button', { type: 'button', class: 'primary', testid: 'import-go', disabled: !take,
      text: take ? `Import ${take} ${take === 1 ? 'row' : 'rows'}` : 'Nothing to import' });
    button.addEventListener('click', async () => {
      if (button.disabled) return;
      button.disabled = true;
      try {
        const done = await api.partsImport(actorId(), chosen.name, chosen.text);
        notify(`Imported: ${done.summary}.`);
        go('parts');
      } catch (err) {
        problem.textContent = err.message;
        button.disabled = false;
      }
    });
    fill(preview,
      h('section', { class: 'card flush' },
        h('h2', { class: 'card-title', text: `What the file does: ${view.summary}` }),
        h('p', { class: 'muted small card-note', text: 'Nothing is written until you import. A part already in the catalogue gets the file’s description and price, and its quantity as a count of the drawer.' }),
        take ? table(view) : h('p', { class: 'card-note', text: 'No row of this file can be imported.' })),
      refused(view),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'ghost', text: 'Cancel', testid: 'import-cancel', onclick: () => go('parts') }), button));
  };

  file.addEventListener('change', async () => {
    problem.textContent = '';
    fill(preview);
    const f = file.files?.[0];
    if (!f) return;
    try {
      chosen = { name: f.name, text: await f.text() };
      showPlan(await api.partsImportPreview(chosen.text));
    } catch (err) {
      problem.textContent = err.message;
    }
  });

  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('h1', { text: 'Import parts' }),
        h('p', { class: 'muted', text: 'From a spreadsheet saved as CSV. The first row names the columns: part number, description, price and quantity; kind, cost, low-stock level, drawer, supplier and fits are read when present.' }))),
    h('section', { class: 'card' },
      h('div', { class: 'field stacked' }, h('label', { class: 'field-label', text: 'The file', htmlFor: 'import-file-input' }), file, problem)),
    preview);
  file.id = 'import-file-input';
}
