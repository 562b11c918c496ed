// A watch's own record: what it is (its calibre, case, the notes that follow it into every
// intake), who owned it when, every ticket of it, what the bench read over the years, and
// the shop's service warranties on its work.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, fill, emptyState, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { ticketTable } from '../ticket-rows.js';
import { errorSlots } from './form-bits.js';
import { readingsTable } from './ticket-readings.js';

const DETAILS = [
  ['brand', 'Brand', 80], ['model', 'Model', 120], ['reference', 'Reference', 60], ['serial', 'Serial or IMEI', 60],
  ['calibre', 'Calibre', 60], ['case_material', 'Case', 60], ['bracelet', 'Bracelet or strap', 120], ['dial', 'Dial', 120],
];

export async function render(main, { params, go }) {
  let view = await api.watchGet(params.id);
  let editing = false;

  const show = () => {
    const w = view.watch.details;
    fill(main,
      h('div', { class: 'screen-head' },
        h('div', {}, h('p', { class: 'muted small', text: 'Watch' }), h('h1', { text: view.title, testid: 'watch-title' }))),
      editing ? editCard(w) : detailsCard(w),
      ownersCard(),
      h('section', { class: 'card flush' },
        h('h2', { class: 'card-title', text: `Tickets (${view.tickets.length})` }),
        view.tickets.length
          ? ticketTable(view.tickets, (row) => go('ticket', { id: row.id }), { testid: 'watch-tickets' })
          : emptyState('No tickets', 'Each time this watch is booked in, its ticket appears here.', 'watch-tickets-empty')),
      view.warranties.length
        ? h('section', { class: 'card', testid: 'watch-warranties' }, h('h2', { text: 'Service warranties' }),
          h('ul', { class: 'plain-list' }, view.warranties.map((text) => h('li', { text }))))
        : null,
      h('section', { class: 'card', testid: 'watch-readings' },
        h('h2', { text: 'Bench readings' }),
        view.readings.length
          ? view.readings.map((r) => h('div', { class: 'subsection' },
            h('h3', { text: `${r.ticket_number} · ${r.stage_label} · ${showDate(r.taken_on)}` }),
            readingsTable(r, `watch-readings-${r.ticket_number}-${r.stage}`)))
          : h('p', { class: 'muted', text: 'No readings yet: the watchmaker records them on the ticket, before and after the work.' })));
  };

  const detailsCard = (w) => {
    const facts = [...DETAILS.map(([key, label]) => [label, w[key]]), ['Movement', view.movement_label],
      ['Case diameter', w.case_diameter ? `${w.case_diameter / 10} mm` : '']].filter(([, v]) => v);
    return h('section', { class: 'card', testid: 'watch-details' },
      h('div', { class: 'card-head' }, h('h2', { text: 'The watch' }),
        h('button', { type: 'button', class: 'ghost small', text: 'Correct or complete…', testid: 'watch-edit',
          onclick: () => { editing = true; show(); main.querySelector('[data-testid=watch-edit-calibre]')?.focus(); } })),
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
      w.notes ? h('p', { class: 'warn-box pre', text: w.notes, testid: 'watch-notes' }) : null);
  };

  const editCard = (w) => {
    const errors = errorSlots('watch-edit-error');
    const inputs = {};
    const rows = DETAILS.map(([key, label, max]) => {
      inputs[key] = h('input', { value: w[key] ?? '', maxLength: max, testid: `watch-edit-${key}`, id: `watch-edit-${key}` });
      errors.clearOn(inputs[key], `watch.${key}`);
      return h('div', { class: 'field' }, h('label', { class: 'field-label', htmlFor: `watch-edit-${key}`, text: label }),
        h('div', { class: 'field-body' }, inputs[key], errors.slot(`watch.${key}`)));
    });
    const movement = h('select', { testid: 'watch-edit-movement', id: 'watch-edit-movement' },
      view.movements.map((m) => h('option', { value: m.key, text: m.label, selected: m.key === w.movement })));
    const diameter = h('input', { type: 'number', min: 15, max: 70, step: 0.1, value: w.case_diameter ? w.case_diameter / 10 : '', testid: 'watch-edit-case_diameter', id: 'watch-edit-case_diameter' });
    const notes = h('textarea', { rows: 3, maxLength: 2000, value: w.notes, testid: 'watch-edit-notes', id: 'watch-edit-notes',
      placeholder: 'e.g. Crown tube is fragile; the customer wants the patina kept' });
    errors.clearOn(diameter, 'watch.case_diameter');
    const save = h('button', { type: 'button', class: 'primary', text: 'Save the watch', testid: 'watch-edit-save',
      onclick: async () => {
        save.disabled = true;
        errors.clear();
        const details = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value]));
        details.movement = movement.value;
        details.case_diameter = diameter.value ? Math.round(Number(diameter.value) * 10) : null;
        details.notes = notes.value;
        try {
          view = await api.watchEdit(actorId(), view.watch.id, details);
          editing = false;
          notify('Watch saved.');
          show();
        } catch (err) {
          errors.show(err);
          save.disabled = false;
        }
      } });
    return h('section', { class: 'card', testid: 'watch-edit-card' },
      h('h2', { text: 'The watch' }),
      rows,
      h('div', { class: 'field' }, h('label', { class: 'field-label', htmlFor: 'watch-edit-movement', text: 'Movement' }), h('div', { class: 'field-body' }, movement)),
      h('div', { class: 'field' }, h('label', { class: 'field-label', htmlFor: 'watch-edit-case_diameter', text: 'Case diameter (mm)' }),
        h('div', { class: 'field-body' }, diameter, errors.slot('watch.case_diameter'))),
      h('div', { class: 'field' }, h('label', { class: 'field-label', htmlFor: 'watch-edit-notes', text: 'Notes for the next intake' }),
        h('div', { class: 'field-body' }, notes, errors.slot('watch.notes'))),
      errors.general,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'ghost', text: 'Cancel', onclick: () => { editing = false; show(); } }), save));
  };

  const ownersCard = () => h('section', { class: 'card', testid: 'watch-owners' },
    h('h2', { text: 'Owners' }),
    h('ul', { class: 'plain-list' }, view.owners.map((o, i) => h('li', {},
      h('button', { type: 'button', class: 'link', text: o.name, testid: `watch-owner-${i}`, onclick: () => go('customer', { id: o.customer_id }) }),
      h('span', { class: 'muted', text: o.until ? ` · ${showDate(o.from)} to ${showDate(o.until)}` : ` · since ${showDate(o.from)}` })))));

  show();
  return { refresh: async () => { view = await api.watchGet(params.id); if (!editing) show(); } };
}
