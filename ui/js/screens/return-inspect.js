// Inspecting a returned item and deciding: the checklist, wear, notes and photos, then
// approve (refund), a partial refund for wear, send it back, or an exchange. The app works
// out the figures live as the decision is filled in; amounts and the percentage go as typed.
// The same form, filled in as decided, revises the decision until the refund is recorded or
// the watch goes out.

import { api } from '../ipc.js';
import { h, fill, notify, debounce } from '../dom.js';
import { actorId } from '../actor.js';
import { field, errorSlots, uid } from './form-bits.js';
import { photoPicker } from './intake-photos.js';
import { photoStrip } from './ticket-panels.js';

export function inspectCard({ view: v, options, refresh, revise, revising = false }) {
  // Revising: the form as it was decided (the desk fills it in; amounts as staff type them).
  const was = revising ? v.revision_form : null;
  const errors = errorSlots('decide-error');
  const watch = (el) => { ['input', 'change'].forEach((ev) => el.addEventListener(ev, () => preview())); return el; };
  const boxes = options.checklist.map(([key, label]) => ({ key, label,
    box: h('input', { type: 'checkbox', testid: `inspect-${key}`, id: uid(), checked: Boolean(was?.checklist[key]) }) }));
  const wear = h('select', { testid: 'inspect-wear' }, options.wear_grades.map((w) => h('option', { value: w.key, text: w.label, selected: w.key === was?.wear })));
  const notes = h('textarea', { rows: 3, maxLength: 2000, testid: 'inspect-notes', value: was?.notes ?? '', placeholder: 'What you found: marks, missing parts, the test result' });
  const keptPhotos = was?.photos ?? [];
  const photos = photoPicker(() => {}, 'PNG or JPEG: the item as it came back, especially any wear or damage.', {
    ids: { input: 'inspect-photos', add: 'inspect-photos-add', list: 'inspect-photo-list', count: 'inspect-photo-count', item: 'inspect-photo', error: 'error-photos' }, many: 'photos',
  });
  errors.adopt('photos', photos.row.setError, photos.row.focus);

  const [lo, hi] = options.partial_range;
  // The decisions the shop's policy allows, in the app's words; test ids keep their old names.
  const testids = { approve: 'decide-approve', partial_refund: 'decide-partial', ship_back: 'decide-ship-back', exchange: 'decide-exchange' };
  const kinds = options.decision_kinds.map((k) => [k.key, k.label, testids[k.key] ?? `decide-${k.key}`]);
  // The fields a decision needs appear at once; the figures follow the debounced preview.
  const radios = kinds.map(([value, label, testid]) => ({ value, label,
    input: watch(h('input', { type: 'radio', name: `decision-${v.id}`, value, testid, checked: value === was?.decision, onchange: () => layout() })) }));
  const chosen = () => radios.find((r) => r.input.checked)?.value ?? null;
  // "Choose a decision." stands under the choices, and goes once one is chosen.
  const decisionError = errors.slot('decision');
  radios.forEach((r) => errors.clearOn(r.input, 'decision'));

  const method = watch(h('select', { testid: 'decide-method' },
    options.refund_methods.map((m) => h('option', { value: m.key, text: m.label, selected: m.key === (was?.method ?? v.request?.paid_with) }))));
  const amount = (testid, value) => watch(h('input', { class: 'num', inputMode: 'decimal', testid, placeholder: '0', value: value ?? '' }));
  const customs = amount('decide-customs', was?.return_customs);
  const postage = amount('decide-postage', was?.postage_reimbursed);
  const percent = watch(h('input', { class: 'num', inputMode: 'decimal', testid: 'decide-percent' }));
  // The percentage follows the wear grade until staff type their own.
  const suggested = () => parseFloat(v.suggested_partial.find(([w]) => w === wear.value)?.[1] ?? hi).toString();
  let shownSuggestion = suggested();
  percent.value = was?.percent ?? shownSuggestion;
  const percentHelp = h('p', { class: 'help', testid: 'decide-percent-range' });
  const showSuggestion = () => {
    if (percent.value === shownSuggestion) percent.value = suggested();
    shownSuggestion = suggested();
    percentHelp.textContent = `Policy range ${lo} to ${hi}; ${shownSuggestion}% suggested for ${wear.selectedOptions[0]?.text.toLowerCase()}.`;
  };
  wear.addEventListener('change', () => { showSuggestion(); preview(); });
  showSuggestion();

  const cur = v.request?.currency ?? options.currency;
  const methodField = field('Refund by', method, errors.slot('method'), 'How the customer paid, unless they agreed otherwise.');
  const approveFields = h('div', { class: 'approve-fields' },
    field(`Return customs (${cur})`, customs, errors.slot('return_customs'), 'Deducted when the policy says so.'),
    field(`Postage reimbursed (${cur})`, postage, errors.slot('postage_reimbursed'), v.eligibility?.postage_text));
  const percentBox = h('span', { class: 'affix' }, percent, h('span', { text: '%' }));
  const percentField = field('Partial refund', percentBox, errors.slot('percent'));
  percentBox.removeAttribute('id'); // the label points at the input inside
  percent.id = uid();
  percentField.querySelector('label').htmlFor = percent.id;
  percentField.append(percentHelp);
  const settlement = h('div', { class: 'settlement', testid: 'decide-settlement', attrs: { 'aria-live': 'polite' } });
  // What happens to the watch under the chosen decision, as the desk words it.
  const fate = h('p', { class: 'help', testid: 'decide-watch' });

  const decision = () => {
    switch (chosen()) {
      case 'approve': return { decision: 'approve', method: method.value, return_customs: customs.value, postage_reimbursed: postage.value };
      case 'partial_refund': return { decision: 'partial_refund', percent: percent.value, method: method.value };
      case null: return null;
      default: return { decision: chosen() };
    }
  };
  const layout = () => {
    const c = chosen();
    const kind = options.decision_kinds.find((k) => k.key === c);
    fate.textContent = (v.taken_in_at_counter ? kind?.watch_at_counter : kind?.watch) ?? '';
    methodField.hidden = !['approve', 'partial_refund'].includes(c);
    approveFields.hidden = c !== 'approve';
    percentField.hidden = c !== 'partial_refund';
  };
  const note = (text, cls = 'muted') => fill(settlement, h('p', { class: cls, text, testid: cls === 'muted' ? 'decide-settlement-note' : 'decide-refusal' }));
  const showSettlement = (s) => {
    fill(settlement,
      s.lines.length ? h('table', { class: 'money' }, h('tbody', {},
        s.lines.map((l, i) => h('tr', { testid: `decide-line-${i}` }, h('td', { text: l.label }), h('td', { class: 'amount', text: l.amount }))),
        h('tr', { class: 'sum' }, h('td', { text: s.total_label }), h('td', { class: 'amount', text: s.total, testid: 'decide-total' }))))
        : h('p', { class: 'muted', text: 'Nothing is refunded; the customer pays the postage back.', testid: 'decide-total' }),
      s.notes.map((n, i) => h('p', { class: 'muted small', text: n, testid: `decide-note-${i}` })));
  };
  let seq = 0;
  const preview = debounce(async () => {
    layout();
    const d = decision();
    const mine = ++seq;
    if (!d) return note('Choose a decision to see the figures.');
    try {
      const s = await api.returnSettlePreview(v.id, d);
      if (mine === seq) showSettlement(s);
    } catch (err) {
      if (mine !== seq) return;
      // Half-typed amounts only wait; a refusal of the policy is shown as it is.
      if (err.fields?.length) note(err.fields.map((f) => f.message).join(' '));
      else note(err.message, 'warn-box');
    }
  }, 250);

  const save = h('button', { type: 'button', class: 'primary', testid: revising ? 'revise-save' : 'decide-save',
    text: revising ? 'Save the revised decision' : 'Record the inspection and decision',
    onclick: async () => {
      const d = decision();
      errors.clear();
      if (!d) {
        errors.show({ fields: [{ field: 'decision', message: 'Choose a decision.' }] });
        return radios[0].input.focus();
      }
      save.disabled = true;
      preview.cancel();
      try {
        const inspection = { checklist: Object.fromEntries(boxes.map((b) => [b.key, b.box.checked])), wear: wear.value, notes: notes.value, photos: [...keptPhotos, ...await photos.hashes()] };
        const next = await (revising ? api.returnRevise : api.returnDecide)(actorId(), v.id, inspection, d);
        photos.release();
        notify(`${revising ? 'Decision revised' : 'Decided'}: ${next.decision_text.toLowerCase()}. ${next.decision_watch} ${next.deadline_text ?? next.next_text}.`);
        await refresh(next);
      } catch (err) {
        errors.show(err);
        if (!err.fields?.length) notify(err.message, 'error');
        save.disabled = false;
      }
    } });

  const cancel = revising
    ? h('button', { type: 'button', class: 'ghost', text: 'Keep the decision as it is', testid: 'revise-cancel', onclick: () => { photos.release(); revise(false); } })
    : null;

  layout();
  note('Choose a decision to see the figures.');
  if (was) preview();
  return h('section', { class: 'card', testid: 'return-inspect' },
    h('div', { class: 'card-head' }, h('h2', { text: revising ? 'Revise the decision' : 'Inspect and decide' })),
    revising ? h('p', { class: 'help', testid: 'revise-help',
      text: 'Change what was found or decided. The new decision replaces the old one until the refund is recorded or the watch goes out; the history keeps both.' }) : null,
    h('p', { class: 'subhead', text: 'Checklist' }),
    h('div', { class: 'checklist' }, boxes.map((b) => h('label', { class: 'check', htmlFor: b.box.id }, b.box, h('span', { text: b.label })))),
    h('div', { class: 'pair' }, field('Wear', wear, null), h('div')),
    field('Notes', notes, errors.slot('notes')),
    h('p', { class: 'subhead', text: 'Photos' }),
    keptPhotos.length ? photoStrip(keptPhotos, 'inspect-kept-photo', 'Inspection photo') : null,
    photos.node,
    h('p', { class: 'subhead', text: 'Decision' }),
    h('div', { class: 'chips', attrs: { role: 'radiogroup', 'aria-label': 'Decision' } },
      radios.map((r) => h('label', { class: 'chip' }, r.input, h('span', { text: r.label })))),
    decisionError,
    fate,
    h('div', { class: 'decide-fields' }, methodField, approveFields, percentField),
    settlement,
    errors.general,
    h('div', { class: 'actions' }, cancel, save));
}
