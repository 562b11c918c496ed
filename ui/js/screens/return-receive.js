// Receiving a package: scan or type the RMA code on its label (a scanner types it and
// presses Enter), note who sent it and its tracking number. A valid code sends it to
// inspection; an expired, unknown or missing code holds it. A mistyped code is refused, so
// the package never lands on another customer's return.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { field, errorSlots, uid } from './form-bits.js';

export async function render(main, { go }) {
  const errors = errorSlots('receive-error');
  const code = h('input', { class: 'code-input', testid: 'receive-code', placeholder: 'RMA-XXXX-XXX', maxLength: 40, spellcheck: false,
    attrs: { autocomplete: 'off', autocapitalize: 'characters' } });
  const codeError = errors.slot('rma');
  // The app names a code it cannot read "rma"; one it read but will not take has no field.
  errors.adopt('code', (m) => { codeError.textContent = m; codeError.closest('.field')?.classList.toggle('invalid', Boolean(m)); }, () => code.focus());
  const noCode = h('input', { type: 'checkbox', testid: 'receive-no-code', id: uid() });
  const match = h('p', { class: 'receive-match', testid: 'receive-match', attrs: { 'aria-live': 'polite' } });
  const sender = h('input', { maxLength: 120, testid: 'receive-sender', placeholder: 'As written on the parcel' });
  const tracking = h('input', { maxLength: 60, testid: 'receive-tracking' });
  const notes = h('textarea', { rows: 3, maxLength: 1000, testid: 'receive-notes', placeholder: 'e.g. Box dented on one corner; tape intact' });
  const save = h('button', { type: 'button', class: 'primary', testid: 'receive-save', onclick: () => receive() }, 'Receive the package ', h('kbd', { text: 'Enter' }));

  const codeProblem = (message) => {
    errors.clear();
    codeError.textContent = message;
    codeError.closest('.field').classList.add('invalid');
    match.textContent = '';
    code.focus();
    code.select();
  };

  /** Says which return a code names before anything is saved. */
  async function check() {
    const typed = code.value.trim();
    if (!typed) return;
    errors.clear();
    match.className = 'receive-match';
    try {
      const v = await api.returnGet(await api.returnFind(typed));
      const who = v.customer_info ? (v.customer_info.details ?? v.customer_info).name : 'customer unknown';
      const item = v.request?.product ?? 'no request on file';
      if (!v.awaits_package) {
        match.classList.add('warn');
        match.textContent = `${v.title} (${who}, ${item}) is ${v.state_label.toLowerCase()}: it is not waiting for a package.`;
        return;
      }
      code.value = v.title; // as printed, whatever way it was typed
      const valid = v.rma_line?.valid;
      match.classList.add(valid ? 'ok' : 'warn');
      match.textContent = valid
        ? `${v.title}: ${who}, ${item}. It goes to inspection.`
        : `${v.title}: ${who}, ${item}. The code expired after ${showDate(v.rma.validity.valid_through)}: the package will be held.`;
      sender.focus();
    } catch (err) {
      if (err.code === Code.NotFound) {
        match.classList.add('warn');
        match.textContent = 'No return has this code: the package will be held as without a valid RMA code.';
        sender.focus();
      } else {
        codeProblem(err.message);
      }
    }
  }

  async function receive() {
    const typed = code.value.trim();
    if (!typed && !noCode.checked) return codeProblem('Scan or type the RMA code on the label, or tick “No RMA code on the parcel”.');
    save.disabled = true;
    errors.clear();
    try {
      const v = await api.packageReceive(actorId(), noCode.checked ? null : typed, { sender: sender.value, tracking: tracking.value, notes: notes.value });
      notify(`${v.state_label}: ${v.arrival_text.toLowerCase()}. ${v.deadline_text ?? v.next_text}.`);
      await go('return', { id: v.id });
    } catch (err) {
      save.disabled = false;
      // A misread or a code not waiting for a package: keep what was typed, say why, stay there.
      if ([Code.RmaMistyped, Code.RmaNotAwaited, Code.NotFound].includes(err.code)) return codeProblem(err.message);
      errors.show(err);
      if (!err.fields?.length) notify(err.message, 'error');
    }
  }

  code.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    check();
  });
  code.addEventListener('input', () => { match.textContent = ''; });
  noCode.addEventListener('change', () => {
    code.disabled = noCode.checked;
    match.textContent = '';
    errors.clear();
    (noCode.checked ? sender : code).focus();
  });
  [sender, tracking].forEach((el) => el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      receive();
    }
  }));

  fill(main,
    h('div', { class: 'screen-head' },
      h('div', {}, h('h1', { text: 'Receive a package' }), h('p', { class: 'muted', text: 'Scan the RMA code on the label, or type it. Enter checks it.' })),
      h('button', { type: 'button', class: 'ghost', text: 'Back to returns', testid: 'receive-back', onclick: () => go('returns') })),
    h('section', { class: 'card receive-card', testid: 'return-receive' },
      field('RMA code', code, codeError),
      h('label', { class: 'check', htmlFor: noCode.id }, noCode, h('span', { text: 'No RMA code on the parcel' })),
      match,
      h('div', { class: 'pair' }, field('Sender', sender, errors.slot('sender')), field('Tracking number', tracking, errors.slot('tracking'))),
      field('Notes', notes, errors.slot('notes')),
      errors.general,
      h('div', { class: 'actions' }, save)));
  code.focus();
}
