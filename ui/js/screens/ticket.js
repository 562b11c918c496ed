// A repair ticket: its number, state and next deadline; who brought which watch and what
// was recorded at intake; the moves it may make next; its forms and its history.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { stateBadge, dueClass } from '../ticket-rows.js';
import { formsPanel, sameWatchPanel, historyPanel, photoStrip } from './ticket-panels.js';
import { quoteCards } from './ticket-quotes.js';
import { afterSaleCards } from './ticket-aftersale.js';
import { readingsCard } from './ticket-readings.js';
import { benchCard } from './ticket-bench.js';
import { signaturesCard } from './ticket-signatures.js';
import { withApproval } from '../approval.js';

export async function render(main, { params, go }) {
  const [options, first, firstQuotes, firstSale, firstReadings, firstBench, firstSignatures] = await Promise.all([
    api.intakeOptions(), api.ticketGet(params.id), api.quotationsGet(params.id), api.afterSaleGet(params.id), api.readingsGet(params.id),
    api.ticketBenchGet(params.id), api.signaturesGet(params.id)]);
  let readings = firstReadings;
  let bench = firstBench;
  let signatures = firstSignatures;
  const labelOf = (list) => (key) => options[list].find((c) => c.key === key)?.label ?? key;
  let armed = null; // a move that needs a second click (cancelling closes the ticket for good)

  let quotes = firstQuotes;
  let sale = firstSale;
  /** Reloads the ticket, its quotations and after-sale side and draws the page again, keeping the scroll. */
  const refresh = async () => {
    const top = main.scrollTop;
    const [view, q, s, r, b, g] = await Promise.all([api.ticketGet(params.id), api.quotationsGet(params.id), api.afterSaleGet(params.id),
      api.readingsGet(params.id), api.ticketBenchGet(params.id), api.signaturesGet(params.id)]);
    signatures = g;
    quotes = q;
    sale = s;
    readings = r;
    bench = b;
    show(view);
    main.scrollTop = top;
  };

  const show = (view) => {
    const t = view.ticket;
    const d = t.details;
    // Once the repair is under way, what to do next (complete, notify, take payment, hand
    // over) comes first; what was recorded at intake moves below it.
    const afterRepair = view.after_repair;
    const record = recordCards(t, labelOf);
    fill(main,
      header(view, sale, move),
      h('div', { class: 'ticket-layout' },
        h('div', { class: 'ticket-main' },
          h('section', { class: 'card' },
            h('div', { class: 'two-blocks' },
              customerBlock(view.customer, () => go('customer', { id: view.customer.id })),
              h('div', { class: 'block', testid: 'ticket-device' },
                h('p', { class: 'block-label', text: labelOf('device_kinds')(d.device.kind) }),
                h('strong', { class: 'big', text: `${d.device.brand} ${d.device.model}` }),
                facts([[view.serial_label, d.device.serial], ['Item code', d.device.item_code], ['Colour', d.device.colour]]),
                view.watch ? h('button', { type: 'button', class: 'ghost small', text: 'The watch’s record and history', testid: 'ticket-watch',
                  onclick: () => go('watch', { id: view.watch }) }) : null))),
          t.state === 'cancelled' ? null : readingsCard(t.id, readings),
          ...(afterRepair ? [afterSaleCards(view, sale, refresh), record] : [record]),
          quoteCards(view, quotes, refresh),
          afterRepair ? null : afterSaleCards(view, sale, refresh),
          historyPanel(view.history)),
        h('div', { class: 'ticket-side' },
          benchCard(t.id, bench, refresh),
          signaturesCard(t.id, signatures, refresh),
          h('section', { class: 'card' },
            h('h2', { text: 'Warranty' }),
            h('p', { class: `warranty-text ${view.warranty_tone.replace('_', '-')}`, text: view.warranty_text, testid: 'ticket-warranty' }),
            view.service_warranty ? h('p', { class: 'small', text: `The shop’s warranty on this work: ${view.service_warranty}.`, testid: 'ticket-service-warranty' }) : null,
            d.voiding.findings.length ? h('p', { class: 'muted small', text: `Checked on ${showDate(t.warranty.checked_on)}. Findings: ${d.voiding.findings.map(labelOf('voiding_findings')).join(', ')}.` })
              : h('p', { class: 'muted small', text: `Checked on ${showDate(t.warranty.checked_on)}.` })),
          formsPanel(t.id, view.forms),
          sameWatchPanel(view.same_watch, d.device.serial, go))));
  };

  async function move(m, button) {
    if (m.closes && armed !== button) {
      armed = button;
      button.textContent = 'Click again to confirm';
      setTimeout(() => { if (armed === button) { armed = null; button.textContent = m.label; } }, 4000);
      return;
    }
    armed = null;
    button.disabled = true;
    try {
      const view = await withApproval((approval) => api.ticketMove(actorId(), params.id, m.to, approval));
      [quotes, sale, signatures, bench] = await Promise.all([api.quotationsGet(params.id).catch(() => quotes), api.afterSaleGet(params.id).catch(() => sale),
        api.signaturesGet(params.id).catch(() => signatures), api.ticketBenchGet(params.id).catch(() => bench)]);
      show(view);
      notify(`${view.ticket.number} is now ${view.state_label.toLowerCase()}.`);
      (main.querySelector('[data-testid=ticket-moves] button:not(.danger)') ?? main).focus();
    } catch (err) {
      notify(err.message, 'error');
      button.disabled = false;
    }
  }

  show(first);
}

function header(view, sale, move) {
  const t = view.ticket;
  const moves = view.moves.map((m, i) => {
    const button = h('button', {
      type: 'button', class: m.closes ? 'ghost danger' : i === 0 ? 'primary' : 'secondary', testid: `move-${m.to}`,
      text: m.label, onclick: () => move(m, button),
    });
    return button;
  });
  const a = sale.account;
  const money = [
    a.storage_fee ? h('span', { class: 'tag warn', text: `Storage fee so far ${a.storage_fee}`, testid: 'ticket-storage-fee' }) : null,
    sale.steps.release && a.balance_tone === 'due' ? h('span', { class: 'tag due', text: a.balance_text, testid: 'ticket-balance' }) : null,
  ];
  return h('div', { class: 'ticket-head' },
    h('div', { class: 'ticket-title' },
      h('p', { class: 'muted small', text: `Repair ticket · received ${showDate(t.received_on)}` }),
      h('div', { class: 'inline wrap' },
        h('h1', { class: 'ticket-number', text: t.number, testid: 'ticket-number' }),
        stateBadge(t.state, view.state_label, 'ticket-state')),
      h('p', { class: 'ticket-due inline wrap' }, dueLine(view.deadline, money.some(Boolean)), money)),
    // A move that closes the ticket (Cancel) is never offered as the next step: when it is
    // the only move, the header says what comes next (the quotation, below) beside it.
    view.moves.some((m) => !m.closes)
      ? h('div', { class: 'actions moves', testid: 'ticket-moves' }, h('span', { class: 'muted small', text: 'Next step' }), moves)
      : h('div', { class: 'actions moves', testid: 'ticket-moves' }, h('span', { class: 'muted', text: view.waiting, testid: 'ticket-waiting' }), moves));
}

/**
 * The deadline in the header: "Assessment due in 2 days · by 03.12.2026"; what the accepted
 * quotation promised, "Repair promised by 08.12.2026 · due in 3 days"; or "Nothing due"
 * (left out when a balance or a storage fee says what is owed).
 */
function dueLine(d, owed) {
  if (!d) return h('span', { class: 'due none', text: 'Nothing due', testid: 'ticket-due', hidden: owed });
  const due = h('span', { class: `due ${dueClass(d.due)}`, text: d.text, testid: 'ticket-due' });
  if (d.promise) return h('span', { testid: 'ticket-promise' }, `${d.what} ${showDate(d.date)} · `, due);
  return h('span', {}, `${d.what} `, due, h('span', { class: 'muted', text: ` · by ${showDate(d.date)}` }));
}

function customerBlock(c, open) {
  return h('button', { type: 'button', class: 'block customer-block', testid: 'ticket-customer', onclick: open, attrs: { title: 'Open the customer’s page' } },
    h('p', { class: 'block-label', text: 'Customer' }),
    h('strong', { class: 'big', text: c.name }),
    c.phone ? h('span', { text: c.phone }) : null,
    c.email ? h('span', { text: c.email }) : null,
    c.address ? h('span', { class: 'muted small pre', text: c.address }) : null,
    h('span', { class: 'link-text', text: 'All their tickets →' }));
}

/** Label / value pairs; empty values are left out. A third item is the value's test id. */
function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v).map(([k, v, testid]) => [h('dt', { text: k }), h('dd', { text: v, testid })]));
}

/** What was recorded at intake: the fault, what came in and in what condition, the purchase. */
function recordCards(t, labelOf) {
  const d = t.details;
  return [
    h('section', { class: 'card' },
      h('h2', { text: 'Fault' }),
      h('p', { class: 'prose', text: d.fault, testid: 'ticket-fault' }),
      d.tried ? h('p', { class: 'muted small', text: 'Already tried' }) : null,
      d.tried ? h('p', { class: 'prose', text: d.tried, testid: 'ticket-tried' }) : null),
    h('section', { class: 'card', testid: 'ticket-intake' },
      h('h2', { text: 'At intake' }),
      facts([
        ['Received', `${showDate(t.received_on)}, ${d.arrival.kind === 'mail_in' ? `by post: ${d.arrival.carrier}, tracking ${d.arrival.tracking}` : 'at the counter'}`, 'ticket-arrival'],
        ['Handed in', [...d.accessories.map(labelOf('accessories')), d.accessories_other].filter(Boolean).join(', ') || 'The watch only', 'ticket-accessories'],
        ['Condition', [...d.condition.map(labelOf('conditions')), d.condition_notes].filter(Boolean).join('; ') || 'No marks noted', 'ticket-condition'],
        ['Photos', t.photos.length ? `${t.photos.length} taken at intake` : 'None taken', 'ticket-photos'],
      ]),
      photoStrip(t.photos)),
    h('section', { class: 'card', testid: 'ticket-purchase' },
      h('h2', { text: 'Purchase record' }),
      facts([
        ['Order or invoice', d.purchase.order_number || '—'],
        ['Purchased', showDate(d.purchase.purchase_date) || '—'],
        ['Delivered', showDate(d.purchase.delivery_date) || '—'],
        ['Proof seen', d.purchase.proof_seen ? 'Yes: invoice or order confirmation' : 'No'],
      ])),
  ];
}
