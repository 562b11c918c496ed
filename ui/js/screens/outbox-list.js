// The e-mails of a ticket, a return or the whole shop: each message's form, recipient and
// state (waiting for the server, sent, refused with the server's words), and Send again
// where the app says a refused message may be.

import { api } from '../ipc.js';
import { actorId } from '../actor.js';
import { h, notify } from '../dom.js';

const STATE_CLASS = { queued: 'pending', sending: 'pending', sent: 'done', failed: 'late' };

/** `view` is an OutboxView; `changed` draws the list again after a message is sent again. */
export function outboxList(view, changed, { showRecord = false } = {}) {
  if (!view.messages.length) return h('p', { class: 'muted', testid: 'outbox-empty', text: 'No e-mail yet.' });
  return h('ul', { class: 'outbox', testid: 'outbox-list' }, view.messages.map((m) => {
    const again = m.can_retry ? h('button', { type: 'button', class: 'secondary small', text: 'Send again', testid: `outbox-retry-${m.id}`,
      onclick: async () => {
        again.disabled = true;
        try {
          await api.outboxRetry(actorId(), m.id);
          notify(`The ${m.form_title.toLowerCase()} waits in the outbox again.`);
          await changed();
        } catch (err) {
          notify(err.message, 'error');
          again.disabled = false;
        }
      } }) : null;
    return h('li', { class: 'outbox-row', testid: `outbox-${m.id}` },
      h('div', { class: 'outbox-head' },
        h('strong', { text: showRecord ? `${m.record} · ${m.form_title}` : m.form_title }),
        h('span', { class: `badge ${STATE_CLASS[m.state] ?? ''}`, testid: `outbox-state-${m.id}`, text: m.state_label })),
      h('p', { class: 'outbox-to', text: `To ${m.recipient}` }),
      h('p', { class: 'muted small', text: m.when_text }),
      m.reason ? h('p', { class: 'field-error', testid: `outbox-reason-${m.id}`, text: m.reason }) : null,
      again);
  }));
}
