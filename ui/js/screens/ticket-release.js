// How the repaired watch leaves: handed over at the counter, or shipped (the shipping
// choice, then dispatch with the tracking number). While the account is not settled the app
// blocks the release; the shipping choice can still be edited.

import { api } from '../ipc.js';
import { dateInput, dateOf } from '../dates.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { field, errorSlots, uid } from './form-bits.js';
import { shippingForm } from './ticket-shipping.js';

/** For an approved or in-repair ticket: return shipping can be arranged early (mail-in). */
export function shippingCard(ticketId, sale, refresh) {
  const body = h('div');
  const open = () => fill(body, shippingForm(ticketId, sale, refresh));
  if (sale.shipping) open();
  else {
    fill(body,
      h('p', { class: 'muted small', text: 'For a watch going back by post. Chosen now, the shipping costs are on the account before the Collection Notice goes out.' }),
      h('button', { type: 'button', class: 'ghost small', text: 'Arrange return shipping…', testid: 'shipping-open', onclick: open }));
  }
  return h('section', { class: 'card', testid: 'shipping-card' }, h('h2', { text: 'Return shipping' }), body);
}

/** For a ticket ready for collection: collect or ship, with a toggle between the two. */
export function releaseCard(view, sale, refresh) {
  const block = sale.account.release_block;
  const collect = collectPane(view, sale, refresh, Boolean(block));
  const ship = h('div', { class: 'stack' },
    shippingForm(view.ticket.id, sale, refresh),
    sale.shipping ? dispatchPane(view.ticket.id, sale, refresh, Boolean(block)) : null);
  const modeButton = (key, text) => h('button', { type: 'button', text, testid: `release-mode-${key}`, onclick: () => setMode(key) });
  const buttons = { collect: modeButton('collect', 'Collect at the counter'), ship: modeButton('ship', 'Ship it') };
  const setMode = (mode) => {
    collect.hidden = mode !== 'collect';
    ship.hidden = mode !== 'ship';
    Object.entries(buttons).forEach(([key, b]) => {
      b.classList.toggle('on', key === mode);
      b.setAttribute('aria-pressed', String(key === mode));
    });
  };
  setMode(sale.shipping ? 'ship' : 'collect');
  return h('section', { class: 'card', testid: 'release' },
    h('div', { class: 'card-head' },
      h('h2', { text: 'Hand over or ship' }),
      h('div', { class: 'segmented', attrs: { role: 'group', 'aria-label': 'How the watch leaves' } }, buttons.collect, buttons.ship)),
    block ? h('p', { class: 'warn-box', text: block.message, testid: 'release-block', attrs: { role: 'status' } }) : null,
    collect, ship);
}

/** Runs a write that closes the ticket; field messages go next to their fields. */
function submitter(button, errors, run, done) {
  return async () => {
    button.disabled = true;
    errors.clear();
    try {
      await run();
      await done();
    } catch (err) {
      errors.show(err);
      if (err.code !== Code.InvalidInput) notify(err.message, 'error');
      button.disabled = false;
    }
  };
}

function collectPane(view, sale, refresh, blocked) {
  const errors = errorSlots('collect-error');
  const by = h('input', { maxLength: 120, value: view.customer.name, testid: 'collect-by' });
  const shown = h('input', { type: 'checkbox', id: uid(), testid: 'collect-confirmation' });
  const save = h('button', { type: 'button', class: 'primary', text: 'Hand over', testid: 'collect-save', disabled: blocked });
  const shownError = errors.slot('confirmation_shown');
  errors.clearOn(shown, 'confirmation_shown');
  // The app says whether the customer's payment confirmation is asked: not for cash just
  // taken at the counter, nor when nothing was charged.
  const asked = sale.confirmation_asked;
  save.addEventListener('click', submitter(save, errors,
    () => api.ticketCollect(actorId(), view.ticket.id, { collected_by: by.value, confirmation_shown: asked && shown.checked }),
    async () => { notify(`${view.ticket.number} handed over to ${by.value.trim()}.`); await refresh(); }));
  return h('div', { class: 'stack', testid: 'collect-pane' },
    field('Collected by', by, errors.slot('collected_by'), 'The name of the person taking the watch, if not the customer.'),
    asked ? h('div', { class: 'field stacked' },
      h('label', { class: 'check', htmlFor: shown.id }, shown, h('span', { text: 'Payment confirmation shown (printed or on their phone)' })),
      shownError) : null,
    errors.general,
    h('div', { class: 'actions' }, save));
}

function dispatchPane(ticketId, sale, refresh, blocked) {
  const errors = errorSlots('dispatch-error');
  const usual = sale.couriers.find((c) => c.key === sale.shipping.courier) ?? { min_days: 3, max_days: 7 };
  const tracking = h('input', { maxLength: 60, testid: 'dispatch-tracking', spellcheck: false, placeholder: 'From the courier’s label' });
  const date = dateInput({ value: sale.today, testid: 'dispatch-date' });
  const days = (value, testid, label) => h('input', { type: 'number', class: 'num', min: 1, max: 90, step: 1, value, testid, attrs: { 'aria-label': label } });
  const min = days(usual.min_days, 'dispatch-min', 'Fewest business days');
  const max = days(usual.max_days, 'dispatch-max', 'Most business days');
  const save = h('button', { type: 'button', class: 'primary', text: 'Dispatch', testid: 'dispatch-save', disabled: blocked });
  save.addEventListener('click', submitter(save, errors,
    () => api.ticketDispatch(actorId(), ticketId, {
      tracking: tracking.value, dispatched_on: dateOf(date, 'dispatched_on'),
      window: { min_days: Number(min.value) || 0, max_days: Number(max.value) || 0 },
    }),
    async () => { notify(`Dispatched with ${sale.shipping.courier_label}.`); await refresh(); }));
  const windowError = errors.slot('window');
  return h('div', { class: 'dispatch', testid: 'dispatch-pane' },
    h('p', { class: 'subhead', text: `Dispatch with ${sale.shipping.courier_label}` }),
    h('div', { class: 'pair' },
      field('Tracking number', tracking, errors.slot('tracking')),
      field('Dispatched on', date.node, errors.slot('dispatched_on'))),
    h('div', { class: 'field stacked' },
      h('span', { class: 'field-label', text: 'Delivery estimate' }),
      h('div', { class: 'inline' }, min, h('span', { text: 'to' }), max, h('span', { class: 'muted', text: 'business days' })),
      h('p', { class: 'help', text: 'Told to the customer in the Shipping Notice.' }),
      windowError),
    errors.general,
    h('div', { class: 'actions' }, save));
}
