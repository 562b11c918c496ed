// A watch's own record: what it is (its calibre, case, the notes that follow it into every
// intake), who owned it when, every ticket and return of it, their photos, what the bench
// read over the years, and the shop's service warranties on its work.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, fill, emptyState, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { ticketTable } from '../ticket-rows.js';
import { returnTable } from './returns.js';
import { errorSlots } from './form-bits.js';
import { dateField } from './intake-parts.js';
import { markFor } from './ticket-readings.js';
import { photoStrip } from './ticket-panels.js';

const DETAILS = [
  ['brand', 'Brand', 80], ['model', 'Model', 120], ['reference', 'Reference', 60], ['serial', 'Serial or IMEI', 60],
  ['calibre', 'Calibre', 60], ['case_material', 'Case', 60], ['bracelet', 'Bracelet or strap', 120], ['dial', 'Dial', 120],
];

/** How the watch ran over the years: a column per set of readings, oldest first. */
function trendTable(trend) {
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'rows compact trend', testid: 'watch-trend' },
      h('thead', {}, h('tr', {}, h('th', { text: 'Reading', attrs: { scope: 'col' } }),
        trend.columns.map((c) => h('th', { attrs: { scope: 'col' } }, h('span', { text: c.ticket_number }),
          h('span', { class: 'muted small sub', text: `${c.stage_label} · ${showDate(c.taken_on)}` }))))),
      h('tbody', {}, trend.rows.map((row) => h('tr', { testid: `watch-trend-${row.field}` },
        h('th', { text: row.label, attrs: { scope: 'row' } }),
        row.cells.map((cell, i) => h('td', { class: cell.warning ? 'out-of-tolerance' : '', testid: `watch-trend-${row.field}-${i}` },
          h('span', { text: cell.value || '—' }),
          cell.warning ? h('span', { class: 'tolerance-mark', text: markFor(row.field), title: cell.warning }) : null)))))));
}

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
      view.returns.length
        ? h('section', { class: 'card flush' },
          h('h2', { class: 'card-title', text: `Returns (${view.returns.length})` }),
          returnTable(view.returns, (row) => go('return', { id: row.id }), { testid: 'watch-returns' }))
        : null,
      view.photos.length
        ? h('section', { class: 'card', testid: 'watch-photos' }, h('h2', { text: 'Photos' }),
          view.photos.map((g, i) => h('div', { class: 'subsection' },
            h('h3', { text: g.title }), photoStrip(g.photos, `watch-photos-${i}`, `${g.title}, photo`))))
        : null,
      view.warranties.length
        ? h('section', { class: 'card', testid: 'watch-warranties' }, h('h2', { text: 'Service warranties' }),
          h('ul', { class: 'plain-list' }, view.warranties.map((text) => h('li', { text }))))
        : null,
      h('section', { class: 'card', testid: 'watch-readings' },
        h('h2', { text: 'Bench readings' }),
        view.readings.length
          ? [trendTable(view.trend),
            view.readings.filter((r) => r.note).map((r) => h('p', { class: 'muted pre small', text: `${r.ticket_number} · ${r.stage_label}: ${r.note}` }))]
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

  // Sold on or inherited: the new owner, found by name or phone, from the day it passed.
  const passForm = () => {
    const errors = errorSlots('watch-pass-error');
    let chosen = null;
    const search = h('input', { type: 'search', testid: 'watch-pass-customer', placeholder: 'Name or phone of the new owner', autocomplete: 'off', attrs: { 'aria-label': 'New owner' } });
    const results = h('div', { class: 'inline wrap', testid: 'watch-pass-found' });
    const day = dateField('watch.owner_from', 'From', { value: view.today });
    let seq = 0;
    search.addEventListener('input', async () => {
      chosen = null;
      const mine = ++seq;
      const q = search.value.trim();
      if (q.length < 2) return fill(results);
      const found = await api.customersFind(q);
      if (mine !== seq) return;
      fill(results, found.slice(0, 6).map((c, i) => h('button', { type: 'button', class: 'ghost small', text: c.details?.name ?? c.name, testid: `watch-pass-pick-${i}`,
        onclick: () => { chosen = c.id; search.value = c.details?.name ?? c.name; fill(results); } })));
      if (!found.length) fill(results, h('span', { class: 'muted small', text: 'No customer by that name or phone: book them in once, or correct the spelling.' }));
    });
    const save = h('button', { type: 'button', class: 'primary', text: 'Pass the watch on', testid: 'watch-pass-save',
      onclick: async () => {
        errors.clear();
        if (!chosen) return errors.show({ fields: [{ field: 'watch.owner', message: 'Choose the new owner from the customers found.' }] });
        const on = day.get();
        if (!on) return day.setError(day.dateProblem() || 'Enter the day the watch passed to them.');
        save.disabled = true;
        try {
          view = await api.watchPass(actorId(), view.watch.id, chosen, on);
          notify('The watch has a new owner.');
          show();
        } catch (err) {
          if (err.fields?.some((f) => f.field === 'watch.owner_from')) day.setError(err.fields.find((f) => f.field === 'watch.owner_from').message);
          errors.show(err);
          save.disabled = false;
        }
      } });
    return h('div', { class: 'subsection', testid: 'watch-pass' },
      h('h3', { text: 'Passed to another owner' }),
      h('div', { class: 'field stacked' }, h('span', { class: 'field-label', text: 'New owner' }), search, results, errors.slot('watch.owner')),
      day.node, errors.general,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'ghost', text: 'Cancel', onclick: () => show() }), save));
  };

  const ownersCard = () => h('section', { class: 'card', testid: 'watch-owners' },
    h('div', { class: 'card-head' }, h('h2', { text: 'Owners' }),
      h('button', { type: 'button', class: 'ghost small', text: 'Passed to another owner…', testid: 'watch-pass-open',
        onclick: (e) => { e.target.closest('section').append(passForm()); e.target.disabled = true; main.querySelector('[data-testid=watch-pass-customer]')?.focus(); } })),
    h('ul', { class: 'plain-list' }, view.owners.map((o, i) => h('li', {},
      h('button', { type: 'button', class: 'link', text: o.name, testid: `watch-owner-${i}`, onclick: () => go('customer', { id: o.customer_id }) }),
      h('span', { class: 'muted', text: o.until ? ` · ${showDate(o.from)} to ${showDate(o.until)}` : ` · since ${showDate(o.from)}` })))));

  show();
  return { refresh: async () => { view = await api.watchGet(params.id); if (!editing) show(); } };
}
