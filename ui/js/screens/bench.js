// The bench: each watchmaker's watches, the most urgent first (assessments due, repairs
// promised, customers waiting), and the watches waiting for the bench that nobody has yet.

import { api } from '../ipc.js';
import { h, fill, emptyState } from '../dom.js';
import { actorId } from '../actor.js';
import { ticketTable } from '../ticket-rows.js';

export async function render(main, { params, go }) {
  // A watchmaker opening the bench sees their own first.
  let view = await api.benchGet(params.staff ?? actorId());
  const open = (row) => go('ticket', { id: row.id });

  const show = () => {
    const chosen = view.people.find((p) => p.id === view.chosen);
    fill(main,
      h('div', { class: 'screen-head' },
        h('div', {}, h('h1', { text: 'Bench' }),
          h('p', { class: 'muted', text: 'Each watchmaker’s watches, the most urgent first.' }))),
      view.people.length
        ? h('div', { class: 'bench-people', attrs: { role: 'group', 'aria-label': 'Whose bench' }, testid: 'bench-people' },
          view.people.map((p) => h('button', {
            type: 'button', class: 'ghost', testid: `bench-person-${p.id}`, attrs: { 'aria-pressed': String(p.id === view.chosen) },
            text: `${p.name} · ${p.count}`,
            onclick: async () => { view = await api.benchGet(p.id); show(); },
          })))
        : h('p', { class: 'warn-box', testid: 'bench-nobody',
          text: 'Nobody works at the bench yet: give a staff member the watchmaker (or manager) role in Settings → Staff.' }),
      chosen
        ? h('section', { class: 'card flush' },
          h('h2', { class: 'card-title', text: `${chosen.name}’s bench (${view.rows.length})` }),
          h('p', { class: 'muted small card-note', text: `${chosen.role_label} · ${chosen.time_text} logged in all` }),
          view.rows.length
            ? ticketTable(view.rows, open, { testid: 'bench-rows' })
            : emptyState('Nothing on this bench', 'Watches given to them on the ticket page appear here, the most urgent first.', 'bench-empty'))
        : null,
      h('section', { class: 'card flush' },
        h('h2', { class: 'card-title', text: `Waiting for someone (${view.unassigned_count})` }),
        view.unassigned.length
          ? ticketTable(view.unassigned, open, { testid: 'bench-unassigned' })
          : emptyState('Every watch has its watchmaker', 'Watches booked in and waiting for the bench, with nobody yet, appear here.', 'bench-unassigned-empty')));
  };
  show();
}
