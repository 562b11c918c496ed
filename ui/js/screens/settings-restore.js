// Restoring a backup file: check what it holds first, then replace the shop's data with it
// after a second click. The current data is backed up before anything is replaced.

import * as choose from '../choose.js';
import { api } from '../ipc.js';
import { withApproval } from '../approval.js';
import { h, fill, notifyAfterReload } from '../dom.js';
import { actorId } from '../actor.js';
import { pathForm, formatBytes, formatInstant, countsLine, problemText, unreadableText } from './data-bits.js';

const CONFIRM = 'Replace the shop’s data with this backup';

/** What a backup holds, as facts; `testid` names the card, each fact `summary-<key>`. */
export function summaryCard(s, timeZone, testid) {
  const fact = (key, label, value) => [h('dt', { text: label }), h('dd', { text: value, testid: `summary-${key}` })];
  return h('div', { class: 'backup-summary', testid },
    h('p', { class: 'verdict pass', text: 'Integrity check passed: this backup is whole and can be restored.' }),
    h('dl', { class: 'facts' },
      fact('shop', 'Shop', s.shop_name ?? '(not set up)'),
      fact('last-change', 'Last change', s.last_change ? formatInstant(s.last_change, timeZone) : 'Nothing recorded yet'),
      fact('counts', 'Holds', countsLine(s)),
      fact('staff', 'Staff and history', `${s.staff} staff, ${s.events} recorded actions`),
      fact('schema', 'Data version', `Schema ${s.schema_version}`),
      fact('size', 'Size', formatBytes(s.bytes)),
      fact('path', 'File', s.path)));
}

export function restorePart(timeZone) {
  let armed = false;
  let armTimer;
  let checked = null; // the summary of the file in the input, once checked
  const confirm = h('button', { type: 'button', class: 'ghost danger', text: CONFIRM, testid: 'restore-confirm' });
  const confirmProblem = h('p', { class: 'field-error', testid: 'restore-problem', attrs: { role: 'alert' } });
  const after = h('div', { class: 'restore-after', hidden: true },
    h('p', { text: 'Everything the shop has now (tickets, customers, payments, returns, settings and staff) is replaced by what is above. The current data is saved to the backups folder first.' }),
    h('div', { class: 'actions start' }, confirm), confirmProblem);

  const form = pathForm({
    id: 'restore-path', buttonId: 'restore-check', fieldKey: 'backup',
    label: 'Backup file', placeholder: '/media/usb/Caseback backup 2026-11-22 18-30-00/caseback.sqlite',
    help: 'Choose a .sqlite backup, or type its full path: one of the daily backups above, or caseback.sqlite inside a copy on a USB stick. A chosen file is checked at once.',
    buttonText: 'Check this backup', busyText: 'Checking…', explain: unreadableText,
    choose: {
      text: 'Choose file…',
      pick: (current) => choose.file('Backup file to restore', [{ name: 'Caseback backup (.sqlite)', extensions: ['sqlite'] }], current),
      then: (path) => part.check(path),
    },
    run: async (path, result) => {
      reset();
      const summary = await api.backupInspect(path);
      checked = summary;
      fill(result, summaryCard(summary, timeZone, 'restore-summary'));
      after.hidden = false;
    },
  });

  function reset() {
    checked = null;
    disarm();
    after.hidden = true;
    confirmProblem.textContent = '';
    form.result.replaceChildren();
  }
  function disarm() {
    clearTimeout(armTimer);
    armed = false;
    confirm.textContent = CONFIRM;
    confirm.classList.remove('armed');
  }
  // A changed path is a different file: it must be checked again before it can replace anything.
  form.input.addEventListener('input', () => { if (checked) reset(); });

  confirm.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      confirm.textContent = 'Click again to replace the shop’s data';
      confirm.classList.add('armed');
      armTimer = setTimeout(disarm, 4000);
      return;
    }
    disarm();
    confirm.disabled = form.button.disabled = true;
    confirm.textContent = 'Restoring…';
    confirmProblem.textContent = '';
    try {
      const restored = await withApproval((approval) => api.backupRestore(actorId(), checked.path, approval));
      notifyAfterReload(`Restored ${restored.shop_name ?? 'the backup'}: ${countsLine(restored)}. The data it replaced is saved in the backups folder.`);
    } catch (err) {
      confirmProblem.textContent = `Nothing was replaced. ${problemText(err)}`;
      confirm.disabled = form.button.disabled = false;
      confirm.textContent = CONFIRM;
    }
  });

  const part = {
    node: h('div', {},
      h('p', { text: 'Check a backup first to see what it holds. Restoring replaces all of the shop’s data with it; before that, Caseback backs up the current data to the backups folder, so a restore can itself be undone. Photos and scans in an attachments folder beside the file are copied in too.' }),
      form.node, after),
    /** Puts `path` in the input, shows this part and checks it. */
    check(path) {
      form.input.value = path;
      reset();
      form.clear();
      form.input.scrollIntoView({ behavior: 'smooth', block: 'center' });
      form.input.focus({ preventScroll: true });
      return form.go().then(() => { if (!after.hidden) confirm.scrollIntoView({ behavior: 'smooth', block: 'nearest' }); });
    },
  };
  return part;
}
