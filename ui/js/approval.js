// A manager's approval: when the app answers that an action needs a manager's PIN, a small
// dialog asks which manager approves and their PIN, and the action is sent again with it.
// Cancelled, the action's own refusal stands (the caller shows it as usual).

import { h } from './dom.js';
import { Code } from './codes.js';
import { activeStaff } from './actor.js';

/** Runs `call(approval)`: first with none, then, as long as a PIN is asked for, with one. */
export async function withApproval(call) {
  try {
    return await call(null);
  } catch (err) {
    if (err.code !== Code.ApprovalNeeded) throw err;
    return ask(err, call);
  }
}

function ask(refusal, call) {
  return new Promise((resolve, reject) => {
    const managers = activeStaff().filter((m) => m.role === 'manager');
    const manager = h('select', { testid: 'approval-manager', attrs: { 'aria-label': 'Manager' } },
      managers.map((m) => h('option', { value: String(m.id), text: m.name })));
    const pin = h('input', { type: 'password', inputMode: 'numeric', autocomplete: 'off', maxLength: 8, testid: 'approval-pin',
      attrs: { 'aria-label': 'PIN' } });
    const problem = h('p', { class: 'field-error', testid: 'approval-error', attrs: { role: 'alert' } });
    const approve = h('button', { type: 'submit', class: 'primary', text: 'Approve', testid: 'approval-approve' });
    const cancel = h('button', { type: 'button', class: 'ghost', text: 'Cancel', testid: 'approval-cancel' });
    const form = h('form', { method: 'dialog', class: 'approval-form' },
      h('h2', { text: 'A manager’s PIN' }),
      h('p', { text: refusal.message, testid: 'approval-why' }),
      h('label', { class: 'field-label', text: 'Manager' }), manager,
      h('label', { class: 'field-label', text: 'PIN' }), pin,
      problem,
      h('div', { class: 'actions' }, cancel, approve));
    const dialog = h('dialog', { class: 'approval', testid: 'approval-dialog' }, form);
    document.body.append(dialog);
    const close = () => { dialog.close(); dialog.remove(); };
    cancel.addEventListener('click', () => { close(); reject(refusal); });
    dialog.addEventListener('cancel', () => { close(); reject(refusal); });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      approve.disabled = true;
      try {
        const done = await call({ manager: Number(manager.value), pin: pin.value });
        close();
        resolve(done);
      } catch (err) {
        if (err.code === Code.ApprovalRefused || err.code === Code.ApprovalNeeded) {
          problem.textContent = err.message;
          pin.value = '';
          pin.focus();
        } else {
          close();
          reject(err);
        }
      } finally {
        approve.disabled = false;
      }
    });
    dialog.showModal();
    pin.focus();
  });
}
