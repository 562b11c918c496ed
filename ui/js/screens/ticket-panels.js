// Side panels of the ticket page: its printable forms, earlier tickets of the same watch,
// and its history in plain words. The return page shares the forms card and the history.

import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { stateBadge } from '../ticket-rows.js';

const FORMS = [
  { kind: 'intake_receipt', id: 'receipt', title: 'Intake receipt', about: 'For the customer: the watch, what came with it, its condition and the terms.' },
  { kind: 'ticket_tag', id: 'tag', title: 'Bag tag', about: 'Stays with the watch: the ticket number as a code to scan.' },
  { kind: 'quotation', id: 'quotation', title: 'Quotation', about: 'For the customer: the latest quotation, its lines, totals and validity.', shown: (c) => c.hasQuotation },
  { kind: 'return_notice', id: 'return-notice', title: 'Return unrepaired notice', about: 'For the customer: the quotation lapsed or was refused; arrange the return at their cost.', shown: (c) => c.returnDue },
  { kind: 'work_summary', id: 'work-summary', title: 'Warranty work order', about: 'Covered by warranty: the findings and a cost of zero.', shown: (c) => c.covered },
  { kind: 'collection_notice', id: 'collection-notice', title: 'Collection Notice', about: 'For the customer: the work done, photos, the balance and how to get the watch back.', shown: (c) => c.notice },
  { kind: 'payment_receipt', id: 'payment-receipt', title: 'Receipt', about: 'For the customer: what was charged, paid and refunded.', shown: (c) => c.receipt },
  { kind: 'shipping_notice', id: 'shipping-notice', title: 'Shipping Notice', about: 'For the customer: courier, tracking number and when to expect the parcel.', shown: (c) => c.dispatched },
  { kind: 'commercial_invoice', id: 'commercial-invoice', title: 'Commercial invoice', about: 'Goes with the parcel: the watch declared as returned goods, for customs.', shown: (c) => c.invoice },
  { kind: 'shipping_label', id: 'shipping-label', title: 'Shipping label (4×6 in)', about: 'Stuck on the parcel: the address, ticket number and tracking.', shown: (c) => c.dispatched },
];

/** Open, print or save each form of the ticket as a PDF; the quotation once one is issued. */
/** `context` ({hasQuotation, returnDue, covered, notice, receipt, dispatched, invoice}) decides which forms the ticket has. */
export function formsPanel(ticketId, context = {}) {
  return formsCard(ticketId, FORMS.filter((f) => !f.shown || f.shown(context)),
    { open: api.formOpen, print: api.formPrint, export: api.formExport }, 'ticket-forms');
}

/**
 * A Forms card: a row per form ({kind, id, title, about}) with Open, Print and Save PDF,
 * which call `calls.open/print/export(ownerId, kind)`; the saved path shows below the rows.
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
    const open = h('button', { type: 'button', class: 'secondary small', text: 'Open', testid: `form-${f.id}-open`,
      onclick: () => act(open, () => calls.open(ownerId, f.kind), () => {}) });
    const print = h('button', { type: 'button', class: 'secondary small', text: 'Print', testid: `form-${f.id}-print`,
      onclick: () => act(print, () => calls.print(ownerId, f.kind), () => notify(`${f.title} sent to the printer.`)) });
    const save = h('button', { type: 'button', class: 'ghost small', text: 'Save PDF', testid: `form-${f.id}-export`,
      onclick: () => act(save, () => calls.export(ownerId, f.kind), (r) => {
        savedWhat.textContent = `${f.title} saved to `;
        savedPath.textContent = r.path;
        notify(`Saved to ${r.path}`);
      }) });
    return h('div', { class: 'form-row', testid: `form-${f.id}` },
      h('div', {}, h('strong', { text: f.title }), h('p', { class: 'muted small', text: f.about })),
      h('div', { class: 'inline' }, open, print, save));
  });
  return h('section', { class: 'card', testid }, h('h2', { text: 'Forms' }),
    rows.length ? rows : h('p', { class: 'muted', text: empty }), saved);
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
          h('span', { class: 'muted small', text: `Received ${r.received_on} · ${r.customer_name}` })))))
      : h('p', { class: 'muted', testid: 'same-watch-none',
        text: serial ? 'None: this is the first ticket of this serial number.' : 'No serial or IMEI was recorded, so earlier tickets cannot be matched.' }));
}

/**
 * The ticket's (or a return's) history, newest first: when, who, and what in plain words.
 * `testid` names the list.
 */
export function historyPanel(events, stateLabel, { testid = 'ticket-history' } = {}) {
  const what = (e) => {
    switch (e.action) {
      case 'ticket.received': {
        const photos = e.detail?.photos ?? 0;
        return ['Booked in', photos ? `${photos} ${photos === 1 ? 'photo' : 'photos'}` : null];
      }
      case 'ticket.state':
        return [`Moved from ${stateLabel(e.detail?.from)} to ${stateLabel(e.detail?.to)}`, null];
      default:
        // The app words most events itself; otherwise the action's own name will do.
        return [e.summary ?? e.action.replace(/^[a-z_]+\./, '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), null];
    }
  };
  return h('section', { class: 'card' },
    h('h2', { text: 'History' }),
    h('ol', { class: 'history', testid }, events.map((e) => {
      const [text, note] = what(e);
      return h('li', {},
        h('span', { class: 'when', text: e.at }),
        h('span', { class: 'who', text: e.staff ?? '—' }),
        h('span', {}, text, note ? h('span', { class: 'muted', text: ` · ${note}` }) : null));
    })));
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
