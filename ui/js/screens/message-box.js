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

/**
 * A line of text with its record numbers (R-2026-00001, Q-2026-00001-2, RMA-K7QD-4WX) kept
 * whole: the line may wrap between words, never at a number's hyphen.
 */
export function keepNumbersWhole(text) {
  return text.split(/([A-Z]{1,3}-[0-9A-Z]+(?:-[0-9A-Z]+)+)/).map((part, i) => (i % 2 ? h('span', { class: 'nowrap', text: part }) : part));
}

/**
 * The ways to send `m` beside its text: the shop's mail client, and WhatsApp (which cannot be
 * handed a file: staff attach the PDF there, and are told so).
 */
export function sendButtons(m, { mail, whatsapp }) {
  return [
    m.mailto ? h('button', { type: 'button', class: 'ghost small', text: 'Open in mail', testid: mail,
      onclick: () => api.mailOpen(m.mailto).catch((err) => notify(err.message, 'error')) }) : null,
    m.whatsapp ? h('button', { type: 'button', class: 'ghost small', text: 'Send by WhatsApp', testid: whatsapp,
      onclick: () => api.whatsappOpen(m.whatsapp).then(
        () => notify('WhatsApp opens with the message written in: attach the PDF there (Save PDF… in Forms first).'),
        (err) => notify(err.message, 'error')) }) : null,
  ];
}

/** `m` is {subject, body, mailto, whatsapp}; test ids are `${prefix}-message`, -copy, -mail and -whatsapp unless `ids` names them. */
export function messageBox(m, prefix, label, ids = {}) {
  const { message = `${prefix}-message`, copy = `${prefix}-copy`, mail = `${prefix}-mail`, whatsapp = `${prefix}-whatsapp` } = ids;
  const text = h('textarea', { readOnly: true, rows: 9, value: m.body, class: 'message-text', testid: message, attrs: { 'aria-label': label } });
  return h('div', { class: 'message-box' },
    h('p', { class: 'block-label' }, keepNumbersWhole(`${label} · ${m.subject}`)),
    text,
    h('div', { class: 'inline' },
      h('button', { type: 'button', class: 'secondary small', text: 'Copy message', testid: copy,
        onclick: () => copyText(text).then(() => notify('Message copied.'), (err) => notify(err.message, 'error')) }),
      sendButtons(m, { mail, whatsapp })));
}
