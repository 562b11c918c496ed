// A part of the catalogue: what is in the drawer, what accepted repairs hold or wait for,
// a delivery, a count and a write-off, its entry, and every movement in its history.

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { errorSlots, field } from './form-bits.js';
import { historyPanel } from './ticket-panels.js';
import { partForm } from './part-form.js';

export async function render(main, { params, go }) {
  const catalogue = await api.partsGet('', false);
  if (params.id === 'new') {
    fill(main,
      h('div', { class: 'screen-head' }, h('h1', { text: 'New part' })),
      partForm({
        kinds: catalogue.kinds, currency: catalogue.currency, example: catalogue.amount_example, form: null,
        cancel: () => go('parts'),
        save: async (form) => {
          const page = await api.partAdd(actorId(), form);
          notify(`${page.part.number} is in the catalogue.`);
          go('part', { id: page.part.id });
        },
      }));
    return;
  }

  let editing = false;
  const show = (page) => {
    const p = page.part;
    fill(main,
      h('div', { class: 'ticket-head' },
        h('div', { class: 'ticket-title' },
          h('p', { class: 'muted small', text: `Part · ${p.kind_label}${p.location ? ` · kept in ${p.location}` : ''}` }),
          h('div', { class: 'inline wrap' },
            h('h1', { class: 'ticket-number', text: p.number, testid: 'part-number' }),
            p.low ? h('span', { class: 'tag warn', text: p.back_ordered ? 'Repairs wait for it' : 'Low: order more', testid: 'part-low' }) : null),
          h('p', { class: 'big', text: p.description, testid: 'part-description' }))),
      h('div', { class: 'ticket-layout' },
        h('div', { class: 'ticket-main' },
          stockCard(page, (next) => show(next)),
          holdsCard(page, go),
          editing
            ? partForm({
              kinds: catalogue.kinds, currency: catalogue.currency, example: catalogue.amount_example, form: page.form,
              cancel: () => { editing = false; show(page); },
              save: async (form) => {
                const next = await api.partEdit(actorId(), p.id, form);
                editing = false;
                notify('The entry is saved.');
                show(next);
              },
            })
            : null,
          historyPanel(page.history, { testid: 'part-history' })),
        h('div', { class: 'ticket-side' },
          h('section', { class: 'card', testid: 'part-entry' },
            h('h2', { text: 'The entry' }),
            h('dl', { class: 'facts' },
              [['Price', p.price_text], ['Cost', p.cost_text], ['Fits', p.fits || '—'], ['Supplier', p.supplier || '—'],
                ['Kept in', p.location || '—'], ['Low-stock level', p.low_at ? String(p.low_at) : 'Never warned']]
                .flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
            editing ? null : h('button', { type: 'button', class: 'ghost small', text: 'Change the entry', testid: 'part-edit',
              onclick: () => { editing = true; show(page); } })))));
  };
  show(await api.partGet(params.id));
}

/** On hand, held and free, and the three movements staff record by hand. */
function stockCard(page, redraw) {
  const p = page.part;
  const errors = errorSlots('stock-error');
  let busy = false;
  // The delivery and the write-off both have a pieces field: the app's "pieces" refusal
  // goes beside the one just used.
  let piecesLine = null;
  const receivedError = h('p', { class: 'field-error', testid: 'error-received', attrs: { role: 'alert' } });
  const lostError = h('p', { class: 'field-error', testid: 'error-lost', attrs: { role: 'alert' } });
  errors.adopt('pieces', (message) => { [receivedError, lostError].forEach((el) => { el.textContent = el === piecesLine ? message : ''; }); },
    () => (piecesLine === lostError ? lost : received).focus());
  const run = async (action, done, line = null) => {
    if (busy) return;
    busy = true;
    piecesLine = line;
    try {
      const next = await action();
      notify(done(next.part));
      redraw(next);
    } catch (err) {
      errors.show(err);
      busy = false;
    }
  };
  const input = (testid, props = {}) => {
    const el = h('input', { testid, autocomplete: 'off', ...props });
    el.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); el.closest('.stock-move')?.querySelector('button')?.click(); } });
    return el;
  };
  const received = input('stock-received', { class: 'num', inputMode: 'numeric', placeholder: 'e.g. 5' });
  const note = input('stock-note', { maxLength: 200, placeholder: 'Optional: supplier, order number' });
  const counted = input('stock-counted', { class: 'num', inputMode: 'numeric', placeholder: String(p.on_hand) });
  const lost = input('stock-lost', { class: 'num', inputMode: 'numeric', placeholder: 'e.g. 1' });
  const reason = input('stock-reason', { maxLength: 200, placeholder: 'e.g. cracked at fitting' });
  errors.clearOn(received, 'pieces');
  errors.clearOn(lost, 'pieces');
  errors.clearOn(counted, 'counted');
  errors.clearOn(reason, 'reason');
  const line = (title, fields, button) => h('div', { class: 'stock-move' }, h('h3', { text: title }), h('div', { class: 'stock-fields' }, fields, button));
  return h('section', { class: 'card', testid: 'part-stock-card' },
    h('h2', { text: 'Stock' }),
    h('div', { class: 'stock-figures' },
      [['In the drawer', p.on_hand, 'stock-on-hand'], ['Held for repairs', p.reserved, 'stock-held'], ['Free', p.free, 'stock-free'],
        ['Waited for', p.back_ordered, 'stock-waited']]
        .map(([label, n, testid]) => h('div', { class: `figure${testid === 'stock-waited' && n ? ' warn' : ''}` },
          h('span', { class: 'muted small', text: label }), h('strong', { text: String(n), testid })))),
    line('A delivery', [field('Pieces received', received, receivedError), field('Note', note, errors.slot('note'))],
      h('button', { type: 'button', class: 'primary small', text: 'Add to stock', testid: 'stock-receive',
        onclick: () => run(() => api.stockReceive(actorId(), p.id, received.value, note.value),
          (part) => `${received.value.trim()} added: ${part.stock_text}.`, receivedError) })),
    line('A count of the drawer', [field('Pieces counted', counted, errors.slot('counted'))],
      h('button', { type: 'button', class: 'ghost small', text: 'Record the count', testid: 'stock-count',
        onclick: () => run(() => api.stockCount(actorId(), p.id, counted.value), (part) => `Counted: ${part.stock_text}.`) })),
    line('Broken or lost', [field('Pieces', lost, lostError), field('Why', reason, errors.slot('reason'))],
      h('button', { type: 'button', class: 'ghost small', text: 'Write off', testid: 'stock-write-off',
        onclick: () => run(() => api.stockWriteOff(actorId(), p.id, lost.value, reason.value), (part) => `Written off: ${part.stock_text}.`, lostError) })),
    errors.general);
}

/** The repairs holding this part, or waiting for it. */
function holdsCard(page, go) {
  return h('section', { class: 'card', testid: 'part-holds' },
    h('h2', { text: 'Held for repairs' }),
    page.holds.length
      ? h('ul', { class: 'plain-list' }, page.holds.map((t) => h('li', {},
        h('button', { type: 'button', class: 'list-button', testid: `part-hold-${t.number}`, onclick: () => go('ticket', { id: t.ticket_id }) },
          h('span', { class: 'number', text: t.number }),
          h('span', { text: t.customer_name }),
          h('span', { class: t.waiting ? 'tag warn' : 'muted small', text: t.text })))))
      : h('p', { class: 'muted', text: 'No accepted repair holds this part. A quotation’s catalogue line holds it once accepted.' }));
}
