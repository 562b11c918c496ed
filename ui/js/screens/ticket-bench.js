// The ticket's place at the bench: which watchmaker has it (given again or taken back, each
// change in the history), and the time spent on it, typed or clocked.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { errorSlots, field } from './form-bits.js';

/** `view` is the app's TicketBenchView; `refresh` draws the page again. */
export function benchCard(ticketId, view, refresh) {
  const errors = errorSlots('bench-error');
  let busy = false;
  const run = async (action, done) => {
    if (busy) return;
    busy = true;
    try {
      await action();
      errors.clear();
      if (done) notify(done);
      await refresh();
    } catch (err) {
      errors.show(err);
    } finally {
      busy = false;
    }
  };

  const assignee = h('select', { testid: 'bench-assignee', disabled: Boolean(view.closed_text) },
    view.choices.map((c) => h('option', { value: c.key === null ? '' : String(c.key), text: c.label, selected: c.key === view.assignee })));
  assignee.addEventListener('change', () => {
    const to = assignee.value === '' ? null : Number(assignee.value);
    const label = assignee.selectedOptions[0]?.textContent ?? '';
    run(() => api.ticketAssign(actorId(), ticketId, to), to === null ? 'Nobody has this watch now.' : `Given to ${label.split(' · ')[0]}.`);
  });

  const minutes = h('input', { testid: 'bench-minutes', class: 'num', placeholder: '45 or 1:30', autocomplete: 'off', inputMode: 'text' });
  const note = h('input', { testid: 'bench-note', placeholder: 'Optional', maxLength: 200, autocomplete: 'off' });
  errors.clearOn(minutes, 'minutes');
  const add = () => run(() => api.workTimeLog(actorId(), ticketId, minutes.value, note.value), 'Time added.');
  [minutes, note].forEach((el) => el.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }));
  const mine = view.running.includes(actorId());
  const clock = h('button', { type: 'button', class: mine ? 'primary small' : 'ghost small', testid: 'bench-clock',
    text: mine ? 'Stop my clock' : 'Start my clock',
    onclick: () => run(() => api.workClock(actorId(), ticketId, !mine), mine ? 'Clock stopped: its time is added.' : 'Clock started.') });

  return h('section', { class: 'card', testid: 'bench-card' },
    h('h2', { text: 'At the bench' }),
    field('Watchmaker', assignee, errors.slot('assignee'), view.closed_text ?? null),
    h('div', { class: 'subsection' },
      h('p', { testid: 'bench-total' }, 'Time spent: ', h('strong', { text: view.total_text })),
      view.closed_text ? null : clock,
      errors.slot('clock'),
      view.work.length
        ? h('ul', { class: 'plain-list small', testid: 'bench-work' }, view.work.map((w) =>
          h('li', { text: `${showDate(w.on)} · ${w.staff_name} · ${w.time_text}${w.note ? ` · ${w.note}` : ''}` })))
        : h('p', { class: 'muted small', text: 'No time entered yet.' }),
      view.parts.length ? h('div', { class: 'subsection', testid: 'bench-parts' },
        h('h3', { text: 'Parts for this repair' }),
        h('ul', { class: 'plain-list small' }, view.parts.map((p) => h('li', { testid: `bench-part-${p.part_id}` },
          h('strong', { text: p.name }), ' · ',
          h('span', { class: p.back_ordered ? 'tag warn' : 'muted', text: p.text }))))) : null,
      view.closed_text ? null : h('div', { class: 'bench-time' },
        field('Add time', minutes, errors.slot('minutes')),
        field('Note', note, errors.slot('note')),
        h('button', { type: 'button', class: 'ghost small', text: 'Add the time', testid: 'bench-add', onclick: add })),
      errors.general));
}
