// The Data and backups section of Settings: the automatic daily backups (each can be checked
// or restored), a backup to another folder, restoring a backup file, and the CSV export.
// Everything here acts at once; none of it waits for Save.

import { api } from '../ipc.js';
import { h, fill, emptyState } from '../dom.js';
import { formatBytes, formatDay, formatInstant, countsLine, problemText, unreadableText } from './data-bits.js';
import { backupNowPart, exportPart } from './settings-data-copy.js';
import { restorePart } from './settings-restore.js';

export function dataSection({ timeZone, demo }) {
  const restore = restorePart(timeZone);
  const automatic = h('div', { testid: 'backups-automatic' }, h('p', { class: 'muted', text: 'Looking for backups…' }));

  api.dataOverview()
    .then((o) => fill(automatic, automaticPart(o, timeZone, restore, demo)))
    .catch((err) => fill(automatic, h('p', { class: 'warn-box', testid: 'backup-problem', text: problemText(err) })));

  const part = (id, title, ...content) => h('div', { class: 'subsection', testid: `data-${id}` }, h('h3', { text: title }), content);
  return h('div', { class: 'data-section' },
    part('automatic', 'Automatic backups', automatic),
    part('backup', 'Back up now to another folder', backupNowPart()),
    part('restore', 'Restore from a backup file', restore.node),
    part('export', 'Export to CSV', exportPart()),
    demo ? null : part('demo', 'Demo shop', demoPart()));
}

/** The demo shop stays a click away after set-up, to try a step without touching real data. */
function demoPart() {
  const problem = h('p', { class: 'field-error', testid: 'demo-open-error', attrs: { role: 'alert' } });
  const open = h('button', { type: 'button', class: 'secondary', text: 'Explore the demo shop', testid: 'settings-open-demo',
    onclick: async () => {
      open.disabled = true;
      try {
        await api.demoOpen();
        // The window starts again on the demo's Today; "Leave the demo" comes back here.
        location.hash = '#/today';
        location.reload();
      } catch (err) {
        problem.textContent = err.message;
        open.disabled = false;
      }
    } });
  return [
    h('p', { text: 'A made-up shop with tickets and returns in every state, to try a step before doing it for real. It is kept apart: nothing done there touches your shop.' }),
    h('div', { class: 'actions start' }, open),
    problem,
  ];
}

function automaticPart(o, timeZone, restore, demo) {
  return [
    o.problem ? h('p', { class: 'warn-box', testid: 'backup-problem', text: `The last automatic backup did not work: ${o.problem}` }) : null,
    h('p', {},
      'Caseback makes a checked backup each day it is open, and keeps 7 daily, 4 weekly and 12 monthly copies, in ',
      h('span', { class: 'path', testid: 'backups-folder', text: o.backups_folder }), '.'),
    o.backups.length
      ? h('ul', { class: 'backup-list', testid: 'backups-list' },
        o.backups.map((b) => backupRow({ ...b, key: b.day, label: formatDay(b.day) }, timeZone, restore)))
      : emptyState('No backups yet', demo
        ? 'The demo shop is not backed up each day: only your own shop is.'
        : 'The first one is made when Caseback next starts, and then once a day while it is open.', 'backups-empty'),
    o.before_restore.length ? replacedPart(o.before_restore, timeZone, restore) : null,
  ];
}

// The data each restore replaced: restoring one of these undoes that restore.
function replacedPart(saved, timeZone, restore) {
  return h('div', { class: 'replaced-data', testid: 'before-restore' },
    h('h4', { text: 'Saved before a restore' }),
    h('p', { class: 'muted small', text: 'What the shop held just before each restore. Restore one of these to undo that restore.' }),
    h('ul', { class: 'backup-list', testid: 'before-restore-list' },
      saved.map((b, i) => backupRow({ ...b, key: `replaced-${i}`, label: formatInstant(b.at, timeZone) }, timeZone, restore))));
}

/** One backup file: `key` names its testids, `label` says which one it is. */
function backupRow(b, timeZone, restore) {
  const result = h('div', { class: 'backup-check' });
  const check = h('button', { type: 'button', class: 'ghost small', text: 'Check', testid: `backup-check-${b.key}` });
  check.addEventListener('click', async () => {
    check.disabled = true;
    fill(result, h('p', { class: 'muted small', text: 'Checking…' }));
    try {
      const s = await api.backupInspect(b.path);
      const when = s.last_change ? `last change ${formatInstant(s.last_change, timeZone)}` : 'no changes recorded';
      fill(result, h('p', { class: 'verdict pass', testid: `backup-summary-${b.key}`,
        text: `Integrity check passed: ${s.shop_name ?? 'a shop not yet set up'} with ${countsLine(s)}; ${when}.` }));
    } catch (err) {
      fill(result, h('p', { class: 'verdict fail', testid: `backup-summary-${b.key}`, text: unreadableText(err) }));
    } finally {
      check.disabled = false;
    }
  });
  return h('li', { class: 'backup-row', testid: `backup-row-${b.key}` },
    h('span', { class: 'backup-day', text: b.label, testid: `backup-day-${b.key}` }),
    h('span', { class: 'muted backup-size', text: formatBytes(b.bytes), testid: `backup-size-${b.key}` }),
    h('span', { class: 'actions' }, check,
      h('button', { type: 'button', class: 'ghost small', text: 'Restore…', testid: `backup-restore-${b.key}`, onclick: () => restore.check(b.path) })),
    result);
}
