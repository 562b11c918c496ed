// A message for the customer, as the app wrote it: read-only, to copy or to open in the
// mail client (only when the customer has an email address, so the link is not empty).

import { api } from '../ipc.js';
import { h, notify } from '../dom.js';

export async function copyText(area) {
  try {
    await navigator.clipboard.writeText(area.value);
  } catch {
    area.focus();
    area.select();
    if (!document.execCommand('copy')) throw new Error('Select the message and copy it by hand.');
  }
}

/** `m` is {subject, body, mailto}; test ids are `${prefix}-message`, -copy and -mail unless `ids` names them. */
export function messageBox(m, prefix, label, ids = {}) {
  const { message = `${prefix}-message`, copy = `${prefix}-copy`, mail = `${prefix}-mail` } = ids;
  const text = h('textarea', { readOnly: true, rows: 9, value: m.body, class: 'message-text', testid: message, attrs: { 'aria-label': label } });
  return h('div', { class: 'message-box' },
    h('p', { class: 'block-label', text: `${label} · ${m.subject}` }),
    text,
    h('div', { class: 'inline' },
      h('button', { type: 'button', class: 'secondary small', text: 'Copy message', testid: copy,
        onclick: () => copyText(text).then(() => notify('Message copied.'), (err) => notify(err.message, 'error')) }),
      m.mailto ? h('button', { type: 'button', class: 'ghost small', text: 'Open in mail', testid: mail,
        onclick: () => api.mailOpen(m.mailto).catch((err) => notify(err.message, 'error')) }) : null));
}
