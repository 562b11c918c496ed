// Side panels of the ticket page: its printable forms, earlier tickets of the same watch,
// and its history in plain words. The return page shares the forms card and the history.

import { pdfFile } from '../choose.js';
import { showDate } from '../dates.js';
import { api, whileShownOnOutbox } from '../ipc.js';
import { actorId } from '../actor.js';
import { outboxList } from './outbox-list.js';
import { h, notify } from '../dom.js';
import { stateBadge } from '../ticket-rows.js';

/** Open, print or save each form the ticket has now (`forms`, from the ticket's view). */
export function formsPanel(ticketId, forms) {
  return formsCard(ticketId, forms, {
    open: api.formOpen, print: api.formPrint, export: api.formExport,
    email: (id, kind) => api.formEmail(actorId(), id, kind), outbox: api.ticketOutbox,
  }, 'ticket-forms');
}

/**
 * A Forms card: a row per form ({kind, name, title, about, save_as}) with Open, Print and
 * Save PDF, which call `calls.open/print(ownerId, kind)` and, once the save dialog has a file
 * (starting at `save_as`), `calls.export(ownerId, kind, path)`; the saved path shows below
 * the rows. A cancelled dialog does nothing.
 */
export function formsCard(ownerId, forms, calls, testid, empty = 'No forms yet.') {
  const savedWhat = h('span');
  const savedPath = h('code', { testid: 'form-export-path' });
  const saved = h('p', { class: 'export-path' }, savedWhat, savedPath);
  const act = async (button, run, done) => {
    button.disabled = true;
    try {
      done(await run());
    } catch (err) {
      notify(err.message, 'error');
    } finally {
      button.disabled = false;
    }
  };
  const rows = forms.map((f) => {
    const open = h('button', { type: 'button', class: 'secondary small', text: 'Open', testid: `form-${f.name}-open`,
      onclick: () => act(open, () => calls.open(ownerId, f.kind), () => {}) });
    const print = h('button', { type: 'button', class: 'secondary small', text: 'Print', testid: `form-${f.name}-print`,
      onclick: () => act(print, () => calls.print(ownerId, f.kind), (r) => notify(r.text)) });
    const email = f.mailed && calls.email ? h('button', { type: 'button', class: 'secondary small', text: 'E-mail', testid: `form-${f.name}-email`,
      onclick: () => act(email, () => calls.email(ownerId, f.kind), async (v) => {
        const m = v.messages[0];
        notify(m ? `The ${m.form_title.toLowerCase()} to ${m.recipient} waits in the outbox: it goes as soon as the mail server answers.` : 'Queued.');
        await showOutbox(v);
      }) }) : null;
    const save = h('button', { type: 'button', class: 'ghost small', text: 'Save PDF…', testid: `form-${f.name}-export`,
      onclick: () => act(save, async () => {
        const path = await pdfFile(`Save ${f.title} as PDF`, f.save_as);
        return path ? calls.export(ownerId, f.kind, path) : null;
      }, (r) => {
        if (!r) return;
        savedWhat.textContent = `${f.title} saved to `;
        savedPath.textContent = r.path;
        notify(`Saved to ${r.path}`);
      }) });
    return h('div', { class: 'form-row', testid: `form-${f.name}` },
      h('div', {}, h('strong', { text: f.title }), h('p', { class: 'muted small', text: f.about })),
      h('div', { class: 'inline' }, open, print, email, save));
  });
  // The e-mails of the record: what waits for the server, went, or was refused.
  const mails = h('div', { class: 'form-mails', testid: `${testid}-mails` });
  const showOutbox = async (v) => {
    const view = v ?? await calls.outbox(ownerId);
    mails.replaceChildren(...(view.messages.length ? [h('h3', { text: 'E-mails' }), outboxList(view, () => showOutbox())] : []));
  };
  if (calls.outbox && forms.some((f) => f.mailed)) {
    showOutbox().catch((err) => notify(err.message, 'error'));
    whileShownOnOutbox(mails, () => showOutbox().catch(() => {}));
  }
  return h('section', { class: 'card', testid }, h('h2', { text: 'Forms' }),
    rows.length ? rows : h('p', { class: 'muted', text: empty }), saved, mails);
}

/** Earlier tickets of the watch with this serial, newest first; a click opens one. */
export function sameWatchPanel(rows, serial, go) {
  return h('section', { class: 'card', testid: 'ticket-same-watch' },
    h('h2', { text: 'Same watch, earlier tickets' }),
    rows.length
      ? h('ul', { class: 'plain-list' }, rows.map((r) => h('li', {},
        h('button', { type: 'button', class: 'list-button', testid: `same-watch-${r.number}`, onclick: () => go('ticket', { id: r.id }) },
          h('span', { class: 'number', text: r.number }),
          stateBadge(r.state, r.state_label),
          h('span', { class: 'muted small', text: `Received ${showDate(r.received_on)} · ${r.customer_name}` })))))
      : h('p', { class: 'muted', testid: 'same-watch-none',
        text: serial ? 'None: this is the first ticket of this serial number.' : 'No serial or IMEI was recorded, so earlier tickets cannot be matched.' }));
}

/** The ticket's (or a return's) history, newest first: when, who, and what in the app's words. */
export function historyPanel(events, { testid = 'ticket-history' } = {}) {
  return h('section', { class: 'card' },
    h('h2', { text: 'History' }),
    h('ol', { class: 'history', testid }, events.map((e) => h('li', {},
      h('span', { class: 'when', text: e.at }),
      h('span', { class: 'who', text: e.staff ?? '—' }),
      h('span', { text: e.text })))));
}

/** Photos as thumbnails, loaded after the page shows; `prefix` names their test ids. */
export function photoStrip(hashes, prefix = 'ticket-photo', what = 'Intake photo') {
  const strip = h('div', { class: 'thumbs', testid: `${prefix}-strip` });
  hashes.forEach(async (sha, i) => {
    const figure = h('figure', { class: 'thumb', testid: `${prefix}-${i}` });
    strip.append(figure);
    try {
      const url = URL.createObjectURL(new Blob([await api.photoGet(sha)]));
      figure.append(h('img', { src: url, alt: `${what} ${i + 1}`, onload: () => URL.revokeObjectURL(url) }));
    } catch (err) {
      figure.append(h('span', { class: 'muted small', text: 'Missing' }));
    }
  });
  return strip;
}
