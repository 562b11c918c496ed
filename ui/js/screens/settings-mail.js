// Settings → E-mail: this computer's mail account (the shop's own SMTP server), a test
// message, and the shop's outbox: what waits for the server, what was sent, what the server
// refused and why. The password goes to the app once and is kept in a file only this user
// can read, never shown again. Each step acts at once, without Save; a refusal stands at its
// field.

import { api, whileShownOnOutbox } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { outboxList } from './outbox-list.js';

const FIELDS = [
  ['host', 'Mail server', 'e.g. smtp.example.com', 'text'],
  ['port', 'Port', '587', 'text'],
  ['user', 'User name', 'often the shop’s e-mail address', 'text'],
  ['password', 'Password', '', 'password'],
  ['from_address', 'From address', 'e.g. repairs@example.com', 'email'],
  ['from_name', 'From name', 'e.g. Kowloon Time Care', 'text'],
];

export function mailSection({ demo }) {
  const node = h('div', { class: 'mail-section', testid: 'mail-section' }, h('p', { class: 'muted', text: 'Looking…' }));
  if (demo) {
    fill(node, h('p', { class: 'muted', testid: 'mail-demo', text: 'The demo shop sends no e-mail: its customers are not real. Leave the demo to set up your own shop’s mail server.' }));
    return node;
  }
  api.mailAccountGet().then((v) => draw(node, v), (err) => fill(node, h('p', { class: 'warn-box', text: err.message })));
  return node;
}

function draw(node, v) {
  const inputs = {};
  const errors = {};
  const field = (key, label, control, help) => {
    errors[key] = h('p', { class: 'field-error', testid: `error-mail-${key}`, attrs: { role: 'alert' } });
    return h('div', { class: 'field', testid: `field-mail-${key}` }, h('label', { class: 'field-label', htmlFor: `mail-${key}`, text: label }),
      h('div', { class: 'field-body' }, control, errors[key], help ? h('p', { class: 'help', text: help }) : null));
  };
  const rows = FIELDS.map(([key, label, placeholder, type]) => {
    const value = key === 'password' ? '' : String(v[key] ?? '');
    inputs[key] = h('input', { id: `mail-${key}`, type, testid: `mail-${key}`, value, autocomplete: 'off', spellcheck: false, maxLength: 200,
      placeholder: key === 'password' && v.password_kept ? 'kept: type a new one to change it' : placeholder });
    return field(key, label, inputs[key], key === 'password' ? 'Kept in a file only your account on this computer can read; never in the shop’s data or its backups.' : null);
  });
  inputs.security = h('select', { id: 'mail-security', testid: 'mail-security' },
    v.securities.map((c) => h('option', { value: c.key, text: c.label, selected: c.key === v.security })));
  rows.splice(2, 0, field('security', 'Connection', inputs.security, 'Most servers take STARTTLS on port 587, or TLS on port 465.'));
  Object.entries(inputs).forEach(([key, el]) => el.addEventListener('input', () => { errors[key].textContent = ''; }));

  const form = () => {
    const f = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value]));
    // An empty password field keeps the password kept.
    if (!f.password) delete f.password;
    return f;
  };
  const refused = (err) => {
    const placed = (err.fields ?? []).filter((f) => errors[f.field]);
    placed.forEach((f) => { errors[f.field].textContent = f.message; });
    (placed.length ? inputs[placed[0].field] : null)?.focus();
    notify(err.message, 'error');
  };
  const save = h('button', { type: 'button', class: 'primary', text: v.set_up ? 'Save the account' : 'Set up e-mail', testid: 'mail-save',
    onclick: async () => {
      save.disabled = true;
      try {
        const next = await api.mailAccountSave(form());
        draw(node, next);
        notify('The mail account is saved on this computer.');
      } catch (err) {
        refused(err);
        save.disabled = false;
      }
    } });

  const to = h('input', { id: 'mail-test-to', type: 'email', testid: 'mail-test-to', value: v.from_address ?? '', autocomplete: 'off', spellcheck: false });
  const testSaid = h('p', { class: 'muted', testid: 'mail-test-result', attrs: { 'aria-live': 'polite' } });
  const test = h('button', { type: 'button', class: 'secondary', text: 'Send a test message', testid: 'mail-test', disabled: !v.set_up,
    onclick: async () => {
      test.disabled = true;
      testSaid.textContent = 'Sending…';
      try {
        const r = await api.mailTest(to.value);
        testSaid.textContent = r.text;
        testSaid.className = r.delivered ? 'lead' : 'field-error';
      } catch (err) {
        testSaid.textContent = err.message;
        testSaid.className = 'field-error';
      } finally {
        test.disabled = false;
      }
    } });

  const outbox = h('div', { testid: 'mail-outbox' });
  const sendNow = h('button', { type: 'button', class: 'secondary', text: 'Send what waits now', testid: 'outbox-send', disabled: !v.set_up,
    onclick: async () => {
      sendNow.disabled = true;
      try {
        const round = await api.outboxSend();
        notify(round.text || 'Nothing waits to be sent.');
        await refresh();
      } catch (err) {
        notify(err.message, 'error');
      } finally {
        sendNow.disabled = false;
      }
    } });
  const refresh = async () => fill(outbox, outboxList(await api.outbox(), refresh, { showRecord: true }));

  fill(node,
    h('p', { class: 'help', text: 'Quotations, notices, receipts and RMA instructions go to the customer as e-mail with the PDF attached, through the shop’s own mail server. Offline, they wait in the outbox and go when the server answers.' }),
    h('div', { class: 'mail-fields' }, rows),
    h('div', { class: 'actions' }, save),
    h('div', { class: 'subsection' }, h('h3', { text: 'Test' }),
      h('div', { class: 'inline' }, h('label', { htmlFor: 'mail-test-to', class: 'field-label', text: 'Send to' }), to, test), testSaid),
    h('div', { class: 'subsection' }, h('h3', { text: 'Outbox' }), h('div', { class: 'actions' }, sendNow), outbox));
  refresh().catch((err) => fill(outbox, h('p', { class: 'warn-box', text: err.message })));
  whileShownOnOutbox(outbox, () => refresh().catch(() => {}));
}
