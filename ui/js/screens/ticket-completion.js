// The repair is done: what was performed, which parts were replaced and where each old part
// goes, and photos of the finished watch. Saving moves the ticket to ready for collection.

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { photoPicker } from './intake-photos.js';
import { photoStrip } from './ticket-panels.js';
import { field, errorSlots } from './form-bits.js';

/** The form, for a ticket in repair; `refresh` redraws the page once the state has moved. */
export function completionForm(ticketId, sale, refresh) {
  const errors = errorSlots('completion-error');
  const parts = []; // {description, old_part}
  const work = h('textarea', { rows: 4, maxLength: 4000, testid: 'completion-work',
    placeholder: 'e.g. Replaced the crown and stem, cleaned the movement, tested water resistance to 5 bar' });
  const list = h('div', { class: 'part-list' });
  // The kind of work decides the shop's own warranty on it (none for other work).
  const kind = h('select', { testid: 'completion-work-kind' },
    h('option', { value: '', text: 'Other work · no service warranty' }),
    sale.work_kinds.map((k) => h('option', { value: k.key, text: k.label })));
  const photos = photoPicker(() => {}, 'PNG or JPEG: the repaired watch, face and back. The Collection Notice shows them to the customer.');
  errors.adopt('photos', (m) => photos.row.setError(m), () => photos.row.focus());

  const draw = () => {
    errors.drop('parts.');
    fill(list, parts.length ? parts.map((part, i) => {
      const n = i + 1;
      const description = h('input', { value: part.description, maxLength: 200, testid: `completion-part-${i}-description`,
        placeholder: 'e.g. Crown and stem, 2.5 mm', attrs: { 'aria-label': `Part ${n}` }, oninput: (e) => { part.description = e.target.value; } });
      const old = h('select', { testid: `completion-part-${i}-old`, attrs: { 'aria-label': `Part ${n}: the old part` },
        onchange: (e) => { part.old_part = e.target.value; } },
      sale.old_parts.map((o) => h('option', { value: o.key, text: o.label, selected: o.key === part.old_part })));
      const remove = h('button', { type: 'button', class: 'ghost small icon', text: '×', testid: `completion-part-${i}-remove`,
        title: 'Remove this part', attrs: { 'aria-label': `Remove part ${n}` },
        onclick: () => { parts.splice(i, 1); draw(); } });
      const error = errors.slot(`parts.${i}.description`);
      errors.clearOn(description, `parts.${i}.description`);
      return h('div', { class: 'field stacked part-row' }, h('div', { class: 'part-inputs' }, description, old, remove), error);
    }) : h('p', { class: 'muted small', text: 'No parts replaced. Add each new part fitted, and say what happens to the old one.' }));
  };

  const add = h('button', { type: 'button', class: 'ghost small', text: '+ Add replaced part', testid: 'completion-part-add',
    onclick: () => {
      parts.push({ description: '', old_part: sale.default_old_part });
      draw();
      list.querySelector(`[data-testid=completion-part-${parts.length - 1}-description]`)?.focus();
    } });

  const save = h('button', { type: 'button', class: 'primary', text: 'Repair done — ready for collection', testid: 'completion-save',
    onclick: async () => {
      save.disabled = true;
      errors.clear();
      try {
        const shots = await photos.hashes();
        await api.repairComplete(actorId(), ticketId, { work_performed: work.value, parts, photos: shots, work_kind: kind.value || null });
        photos.release();
        notify('Repair recorded: the watch is ready for collection.');
        await refresh();
      } catch (err) {
        errors.show(err);
        if (err.code !== Code.InvalidInput) notify(err.message, 'error');
        save.disabled = false;
      }
    } });

  draw();
  return h('section', { class: 'card', testid: 'completion-form' },
    h('h2', { text: 'Repair done' }),
    h('p', { class: 'muted small', text: 'Record the finished work. The customer sees it on the Collection Notice and the receipt.' }),
    field('Work performed', work, errors.slot('work_performed')),
    field('Kind of work', kind, errors.slot('work_kind'), 'The shop’s warranty on this kind of work is printed on the Collection Notice and the receipt.'),
    h('div', { class: 'field stacked' },
      h('span', { class: 'field-label', text: 'Parts replaced' }),
      list,
      h('div', {}, add),
      errors.slot('parts')),
    h('div', { class: 'field stacked' }, h('span', { class: 'field-label', text: 'Photos after the repair' }), photos.node),
    errors.general,
    h('div', { class: 'actions' }, save));
}

/** What was done, once recorded: the work, each part and its old part, the photos. */
export function completionSummary(c, sale) {
  const oldLabel = (key) => sale.old_parts.find((o) => o.key === key)?.label ?? key;
  return h('section', { class: 'card', testid: 'completion-summary' },
    h('h2', { text: 'Repair done' }),
    h('p', { class: 'prose', text: c.work_performed, testid: 'completion-summary-work' }),
    c.parts.length
      ? h('ul', { class: 'plain-list part-summary', testid: 'completion-summary-parts' }, c.parts.map((p, i) =>
        h('li', { testid: `completion-summary-part-${i}` },
          h('span', { text: p.description }),
          h('span', { class: 'muted small', text: `Old part: ${oldLabel(p.old_part).toLowerCase()}` }))))
      : h('p', { class: 'muted small', text: 'No parts replaced.' }),
    photoStrip(c.photos, 'completion-photo', 'After-repair photo'));
}
