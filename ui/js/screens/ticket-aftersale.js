// After the repair, on the ticket page: the finished work, the Collection Notice, the
// account, and how the watch leaves (handed over or shipped). The app decides every rule and
// every amount; these cards show its words and send what staff typed.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { completionForm, completionSummary } from './ticket-completion.js';
import { accountCard } from './ticket-account.js';
import { releaseCard, shippingCard } from './ticket-release.js';
import { messageBox } from './message-box.js';

/** The cards in the order the work happens, as the app's `steps` say; `view` is
 * ticket_get, `sale` after_sale_get. */
export function afterSaleCards(view, sale, refresh) {
  const t = view.ticket;
  const steps = sale.steps;
  const cards = [];
  if (steps.complete) cards.push(completionForm(t.id, sale, refresh));
  if (sale.completion) cards.push(completionSummary(sale.completion, sale));
  if (steps.notice) cards.push(noticeCard(t.id, sale, refresh));
  if (steps.account) cards.push(accountCard(t.id, sale, refresh));
  if (steps.arrange_shipping) cards.push(shippingCard(t.id, sale, refresh));
  if (steps.release) cards.push(releaseCard(view, sale, refresh));
  if (sale.release) cards.push(releasedCard(sale));
  return cards;
}

function noticeCard(ticketId, sale, refresh) {
  const n = sale.notice;
  if (!n) {
    const issue = h('button', { type: 'button', class: 'primary', text: 'Issue Collection Notice', testid: 'notice-issue',
      onclick: async () => {
        issue.disabled = true;
        try {
          await api.collectionNoticeIssue(actorId(), ticketId);
          notify('Collection Notice issued: send it to the customer.');
          await refresh();
        } catch (err) {
          notify(err.message, 'error');
          issue.disabled = false;
        }
      } });
    return h('section', { class: 'card', testid: 'notice' },
      h('h2', { text: 'Collection Notice' }),
      h('p', { text: 'Tells the customer the repair is done: the work and photos, the balance to pay, and how to collect the watch or have it shipped.' }),
      h('p', { class: 'muted small', text: 'It is issued once. The free storage days count from the day it is issued; any storage fee of the shop runs after them.' }),
      h('div', { class: 'actions' }, issue));
  }
  const fees = n.charges_storage
    ? `Storage free through ${showDate(n.last_free_day)}; ${n.fee_per_day} a day from ${showDate(n.fees_from)}`
    : `Storage free: this shop charges no storage fee`;
  return h('section', { class: 'card', testid: 'notice' },
    h('h2', { text: 'Collection Notice' }),
    h('dl', { class: 'facts' },
      h('dt', { text: 'Issued' }), h('dd', { text: showDate(n.issued_on), testid: 'notice-issued-on' }),
      h('dt', { text: 'Storage' }), h('dd', { text: fees, testid: 'notice-fees-from' }),
      h('dt', { text: 'More photos or video' }), h('dd', { text: `The customer may ask until ${showDate(n.media_request_by)}`, testid: 'notice-media-by' })),
    n.message ? messageBox(n.message, 'notice', 'Message for the customer') : null,
    h('p', { class: 'help', text: 'The printable notice is in Forms, beside this card.' }));
}

function releasedCard(sale) {
  const r = sale.release;
  return h('section', { class: 'card', testid: 'released' },
    h('h2', { text: r.title }),
    h('p', { class: 'released-line', text: r.summary, testid: 'release-summary' }),
    r.window ? h('p', { class: 'muted small', text: r.window }) : null,
    sale.shipping_message ? messageBox(sale.shipping_message, 'shipping', 'Shipping message for the customer') : null);
}
