// The bench's readings of a ticket's watch, before and after the work: what was taken (a
// figure outside the shop's tolerances marked, with the reason), and the form to take them.
// The form shows the sections the watch's movement has; every figure is read and checked by
// the app, and a refusal stands at its field.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { errorSlots } from './form-bits.js';

const MECHANICAL = ['mechanical', 'manual_wind', 'automatic'];

/** A figure outside the shop's tolerances, or a test the watch failed. */
export const markFor = (field) => (/\.(checks\.|outcome)/.test(field) ? ' needs attention' : ' outside tolerance');

/** One set of readings as rows: label and value, a figure outside tolerance marked with why. */
export function readingsTable(r, testid) {
  const warned = new Map(r.warnings.map((w) => [w.field, w.message]));
  return h('div', {},
    h('table', { class: 'rows compact', testid },
      h('tbody', {}, r.rows.filter((row) => row.value && row.value !== '—').map((row) => {
        const warning = warned.get(row.field);
        return h('tr', { class: warning ? 'out-of-tolerance' : '', testid: `${testid}-${row.field}` },
          h('th', { text: row.label, attrs: { scope: 'row' } }),
          h('td', {}, h('span', { text: row.value }), warning ? h('span', { class: 'tolerance-mark', text: markFor(row.field), title: warning }) : null));
      }))),
    r.warnings.filter((w) => !r.rows.some((row) => row.field === w.field)).map((w) => h('p', { class: 'field-error', text: w.message })),
    r.note ? h('p', { class: 'muted pre', text: r.note }) : null);
}

/** The readings card of a ticket; `view` is the app's TicketReadingsView. */
export function readingsCard(ticketId, view) {
  const card = h('section', { class: 'card', testid: 'readings-card' });
  const draw = (v) => fill(card,
    h('div', { class: 'card-head' }, h('h2', { text: 'Bench readings' }),
      h('button', { type: 'button', class: 'ghost small', text: 'Record readings…', testid: 'readings-open', onclick: () => fill(card, form(v)) })),
    v.taken.length
      ? v.taken.map((r) => h('div', { class: 'subsection', testid: `readings-${r.stage}` },
        h('h3', { text: `${r.stage_label} · ${showDate(r.taken_on)}` }), readingsTable(r, `readings-table-${r.stage}`)))
      : h('p', { class: 'muted', text: 'None yet. Record how the watch runs when it comes in and when the work is done; the Collection Notice prints them.' }));

  const form = (v) => {
    const errors = errorSlots('readings-error');
    const input = (key, placeholder, width = 'num') => {
      const el = h('input', { testid: `readings-${key}`, placeholder, class: width, autocomplete: 'off', attrs: { 'aria-label': key.replaceAll('.', ' ').replaceAll('_', ' ') } });
      errors.clearOn(el, `readings.${key}`);
      return el;
    };
    const stage = h('select', { testid: 'readings-stage' }, v.stages.map((s) => h('option', { value: s.key, text: s.label, selected: s.key === (v.taken.some((t) => t.stage === 'before') ? 'after' : 'before') })));
    const mechanical = MECHANICAL.includes(v.movement);
    const rate = {}; const amplitude = {};
    const grid = h('table', { class: 'rows compact readings-grid' },
      h('thead', {}, h('tr', {}, h('th', { text: 'Position' }), h('th', { text: 'Rate (s/d)' }), h('th', { text: 'Amplitude (°)' }))),
      h('tbody', {}, v.positions.map((p) => {
        rate[p.key] = input(`rate.${p.key}`, '+0.0');
        amplitude[p.key] = input(`amplitude.${p.key}`, '280');
        return h('tr', {}, h('th', { text: p.label, attrs: { scope: 'row' } }),
          h('td', {}, rate[p.key], errors.slot(`readings.rate.${p.key}`)), h('td', {}, amplitude[p.key], errors.slot(`readings.amplitude.${p.key}`)));
      })));
    const mech = { beat_error: input('beat_error', '0.3'), beat_rate: input('beat_rate', '28800'), lift_angle: input('lift_angle', '52'), timegrapher: input('timegrapher', 'e.g. Witschi Chronoscope S1', 'wide') };
    const quartz = { battery_voltage: input('quartz.battery_voltage', '1.55'), current: input('quartz.current', '0.45'), rate: input('quartz.rate', '+0.2') };
    const smart = { battery_health: input('smart.battery_health', '92'), firmware: input('smart.firmware', 'e.g. 3.2.1', 'wide') };
    // Each function tested: passed, failed, or not tested (left out).
    const checks = v.smart_checks.map((c) => ({ key: c.key, select: h('select', { testid: `readings-check-${c.key}`, attrs: { 'aria-label': c.label } },
      h('option', { value: '', text: 'Not tested' }), v.outcomes.map((o) => h('option', { value: o.key, text: o.label }))), label: c.label }));
    const smartNote = h('input', { testid: 'readings-smart.note', class: 'wide', maxLength: 300, placeholder: 'What else was tested', attrs: { 'aria-label': 'What else was tested' } });
    const waterKind = h('select', { testid: 'readings-water-kind', attrs: { 'aria-label': 'Water test' } }, h('option', { value: '', text: 'No water test' }), v.water_kinds.map((k) => h('option', { value: k.key, text: k.label })));
    const pressure = input('water.pressure', '5.0');
    const leak = input('water.leak_rate', 'µg/min');
    const outcome = h('select', { testid: 'readings-water-outcome', attrs: { 'aria-label': 'Water test result' } }, h('option', { value: '', text: 'Result…' }), v.outcomes.map((o) => h('option', { value: o.key, text: o.label })));
    errors.clearOn(outcome, 'readings.water.outcome');
    const note = h('textarea', { rows: 2, maxLength: 1000, testid: 'readings-note', placeholder: 'Anything the figures do not say' });
    const line = (label, control, key) => h('div', { class: 'field' }, h('span', { class: 'field-label', text: label }), h('div', { class: 'field-body' }, control, key ? errors.slot(`readings.${key}`) : null));

    const save = h('button', { type: 'button', class: 'primary', text: 'Save the readings', testid: 'readings-save',
      onclick: async () => {
        save.disabled = true;
        errors.clear();
        const value = (o) => Object.fromEntries(Object.entries(o).map(([k, el]) => [k, el.value]));
        const body = {
          stage: stage.value,
          mechanical: mechanical ? { rate: value(rate), amplitude: value(amplitude), ...value(mech) } : null,
          quartz: v.movement === 'quartz' ? value(quartz) : null,
          smart: v.movement === 'smartwatch'
            ? { ...value(smart), checks: checks.filter((c) => c.select.value).map((c) => ({ check: c.key, outcome: c.select.value })), note: smartNote.value }
            : null,
          water: waterKind.value ? { kind: waterKind.value, pressure: pressure.value, outcome: outcome.value || null, leak_rate: leak.value } : null,
          note: note.value,
        };
        try {
          const next = await api.readingsRecord(actorId(), ticketId, body);
          notify('Readings saved.');
          draw(next);
        } catch (err) {
          errors.show(err);
          if (err.code !== Code.InvalidInput) notify(err.message, 'error');
          save.disabled = false;
        }
      } });
    return [
      h('h2', { text: 'Record readings' }),
      h('p', { class: 'help', text: `Leave a figure blank when it was not measured. The shop’s tolerances: ${v.tolerances}` }),
      line('Taken', stage),
      mechanical ? [grid, line('Beat error (ms)', mech.beat_error, 'beat_error'), line('Beat rate (bph)', mech.beat_rate, 'beat_rate'),
        line('Lift angle (°)', mech.lift_angle, 'lift_angle'), line('Timegrapher', mech.timegrapher, 'timegrapher')] : null,
      v.movement === 'quartz' ? [line('Battery (V)', quartz.battery_voltage, 'quartz.battery_voltage'), line('Current (µA)', quartz.current, 'quartz.current'), line('Rate (s/d)', quartz.rate, 'quartz.rate')] : null,
      v.movement === 'smartwatch' ? [line('Battery health (%)', smart.battery_health, 'smart.battery_health'), line('Firmware', smart.firmware, 'smart.firmware'),
        h('table', { class: 'rows compact readings-grid', testid: 'readings-checks' }, h('tbody', {}, checks.map((c) => h('tr', {},
          h('th', { text: c.label, attrs: { scope: 'row' } }), h('td', {}, c.select, errors.slot(`readings.smart.checks.${c.key}`)))))),
        line('Also tested', smartNote, 'smart.note')] : null,
      line('Water test', h('div', { class: 'inline wrap' }, waterKind, pressure, h('span', { class: 'muted', text: 'bar' }), outcome), null),
      errors.slot('readings.water.pressure'), errors.slot('readings.water.outcome'),
      line('Leak rate (µg/min)', leak, 'water.leak_rate'),
      line('Note', note, 'note'),
      errors.slot('readings'),
      errors.general,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'ghost', text: 'Cancel', testid: 'readings-cancel', onclick: () => draw(v) }), save),
    ];
  };

  draw(view);
  return card;
}
