// Settings → Shared database: a shop with several computers keeps its data on a PostgreSQL
// server they all reach. Here staff see where this shop is, check a server, move the shop
// there (or join the shop another computer moved there), and move it back. The password is
// passed to the app once and kept in PostgreSQL's own password file, never shown again.
// Each step acts at once, without Save; each refusal stands at its field.

import { api } from '../ipc.js';
import { Code } from '../codes.js';
import { h, fill, notifyAfterReload } from '../dom.js';

const FIELDS = [
  ['host', 'Server', 'e.g. shop-server.local or 192.168.1.20', 'text'],
  ['port', 'Port', '5432', 'text'],
  ['database', 'Database', 'e.g. caseback', 'text'],
  ['user', 'User', 'e.g. caseback', 'text'],
  ['password', 'Password', 'kept in PostgreSQL’s password file on this computer', 'password'],
  ['computer', 'This computer’s name', 'e.g. Counter, Bench, Office', 'text'],
  ['branch', 'Branch', 'only in a chain, e.g. KLN', 'text', 'In a chain, each branch numbers its own tickets (R-KLN-2026-00001). Leave it empty for a shop of one.'],
];
const LONGEST = { port: 5, branch: 4 };

export function sharedSection({ demo }) {
  const node = h('div', { class: 'shared-section', testid: 'shared-section' }, h('p', { class: 'muted', text: 'Looking…' }));
  if (demo) {
    fill(node, h('p', { class: 'muted', text: 'The demo shop stays on this computer. Leave the demo to set up a shared database for your own shop.' }));
    return node;
  }
  api.sharedGet().then((v) => fill(node, v.engine === 'shared' ? onShared(v) : onFolder(v)), (err) => fill(node, h('p', { class: 'warn-box', text: err.message })));
  return node;
}

/** The shop is on a server: say so, and offer to move it back. */
function onShared(v) {
  const result = h('p', { class: 'field-error', testid: 'shared-result', attrs: { role: 'alert' } });
  const back = h('button', { type: 'button', class: 'secondary', text: 'Move the shop back to this computer', testid: 'shared-leave',
    onclick: async () => {
      back.disabled = true;
      try {
        const moved = await api.sharedLeave();
        notifyAfterReload(moved.text);
        location.reload();
      } catch (err) {
        result.textContent = err.message;
        back.disabled = false;
      }
    } });
  return h('div', {},
    h('p', { class: 'lead', text: v.where_text, testid: 'shared-where' }),
    branchField(v),
    h('p', { class: 'help', text: 'Moving back copies every record and attachment into this computer’s folder and checks the copy; the other computers keep working on the server without this one.' }),
    back, result);
}

/** The branch of a chain this computer books in, changed in place (a shop that became a chain). */
function branchField(v) {
  const [, label, placeholder, , help] = FIELDS.find(([key]) => key === 'branch');
  const input = h('input', { id: 'shared-branch', type: 'text', testid: 'shared-branch', placeholder, autocomplete: 'off', spellcheck: false,
    value: v.connection?.branch ?? '', maxLength: LONGEST.branch });
  const error = h('p', { class: 'field-error', testid: 'error-shared-branch', attrs: { role: 'alert' } });
  const said = h('p', { class: 'muted', testid: 'shared-branch-saved', attrs: { 'aria-live': 'polite' } });
  const save = h('button', { type: 'button', class: 'secondary', text: 'Save the branch', testid: 'shared-branch-save',
    onclick: async () => {
      save.disabled = true;
      error.textContent = '';
      said.textContent = '';
      try {
        said.textContent = (await api.sharedBranchSet(input.value)).text;
        notifyAfterReload(said.textContent);
        location.reload();
      } catch (err) {
        error.textContent = err.message;
        save.disabled = false;
      }
    } });
  input.addEventListener('input', () => { error.textContent = ''; said.textContent = ''; });
  return h('div', { class: 'field', testid: 'field-shared-branch' }, h('label', { class: 'field-label', htmlFor: 'shared-branch', text: label }),
    h('div', { class: 'field-body' }, h('div', { class: 'inline' }, input, save), error, said, h('p', { class: 'help', text: help })));
}

/** The shop is in this computer's folder: the form to reach a server. */
function onFolder(v) {
  const inputs = {};
  const errors = {};
  const rows = FIELDS.map(([key, label, placeholder, type, help]) => {
    const id = `shared-${key}`;
    inputs[key] = h('input', { id, type, testid: id, placeholder, autocomplete: 'off', spellcheck: false, value: key === 'port' ? '5432' : '', maxLength: LONGEST[key] ?? 200 });
    errors[key] = h('p', { class: 'field-error', testid: `error-shared-${key}`, attrs: { role: 'alert' } });
    inputs[key].addEventListener('input', () => { errors[key].textContent = ''; outcome.hidden = true; });
    return h('div', { class: 'field', testid: `field-shared-${key}` }, h('label', { class: 'field-label', htmlFor: id, text: label }), h('div', { class: 'field-body' }, inputs[key], errors[key], help && h('p', { class: 'help', text: help })));
  });
  // How the connection is protected, as the app offers it (a server on a Unix socket is never encrypted).
  inputs.tls = h('select', { id: 'shared-tls', testid: 'shared-tls' }, v.tls_choices.map((c) => h('option', { value: c.key, text: c.label, selected: c.key === 'encrypted' })));
  errors.tls = h('p', { class: 'field-error', testid: 'error-shared-tls', attrs: { role: 'alert' } });
  inputs.tls.addEventListener('change', () => { errors.tls.textContent = ''; outcome.hidden = true; });
  rows.splice(4, 0, h('div', { class: 'field', testid: 'field-shared-tls' }, h('label', { class: 'field-label', htmlFor: 'shared-tls', text: 'Connection' }),
    h('div', { class: 'field-body' }, inputs.tls, errors.tls, h('p', { class: 'help', text: 'Encrypted suits a shop’s own server with its own certificate; choose the checked kind when the server’s certificate comes from a known authority.' }))));
  const form = () => Object.fromEntries(Object.keys(inputs).map((k) => [k, inputs[k].value]));
  const said = h('p', { class: 'lead', testid: 'shared-probe', attrs: { 'aria-live': 'polite' } });
  const general = h('p', { class: 'field-error', testid: 'shared-result', attrs: { role: 'alert' } });
  const act = h('button', { type: 'button', class: 'primary', testid: 'shared-act' });
  const outcome = h('div', { class: 'shared-outcome', hidden: true }, said, act);

  const refused = (err) => {
    const placed = (err.fields ?? []).filter((f) => errors[f.field]);
    placed.forEach((f) => { errors[f.field].textContent = f.message; });
    general.textContent = placed.length ? '' : err.message;
    (placed.length ? inputs[placed[0].field] : null)?.focus();
  };
  const clear = () => { Object.values(errors).forEach((e) => { e.textContent = ''; }); general.textContent = ''; };

  const check = h('button', { type: 'button', class: 'secondary', text: 'Check the connection', testid: 'shared-check',
    onclick: async () => {
      clear();
      check.disabled = true;
      outcome.hidden = true;
      try {
        const probe = await api.sharedCheck(form());
        said.textContent = probe.text;
        act.textContent = probe.offer === 'move' ? 'Move this shop there' : 'Join this shop';
        act.dataset.offer = probe.offer;
        outcome.hidden = false;
      } catch (err) {
        refused(err);
        if (err.code === Code.ServerUnavailable) general.textContent = err.message;
      } finally {
        check.disabled = false;
      }
    } });
  act.addEventListener('click', async () => {
    clear();
    act.disabled = true;
    check.disabled = true;
    act.textContent = act.dataset.offer === 'move' ? 'Moving…' : 'Joining…';
    try {
      const done = act.dataset.offer === 'move' ? await api.sharedMove(form()) : await api.sharedJoin(form());
      notifyAfterReload(done.text);
      location.reload();
    } catch (err) {
      refused(err);
      act.disabled = false;
      check.disabled = false;
      act.textContent = act.dataset.offer === 'move' ? 'Move this shop there' : 'Join this shop';
    }
  });
  return h('div', {},
    h('p', { class: 'lead', text: v.where_text, testid: 'shared-where' }),
    h('p', { class: 'help', text: 'For a shop with several computers: the counter, the bench and the office work on one shop kept on a PostgreSQL server (version 13 or newer) they all reach. Check the connection first; moving copies every record and attachment there and checks the copy.' }),
    h('div', { class: 'shared-fields' }, rows),
    h('div', { class: 'actions' }, check), general, outcome);
}
