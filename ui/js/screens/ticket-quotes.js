// The ticket's assessment, its quotations and the customer's written answer.

import { showDate } from '../dates.js';
import { api } from '../ipc.js';
import { photoPicker } from './intake-photos.js';
import { photoStrip } from './ticket-panels.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { Code } from '../codes.js';
import { quoteEditor } from './ticket-quote-editor.js';
import { copyText, keepNumbersWhole, sendButtons } from './message-box.js';

/** The cards for the ticket page, in order; `refresh` reloads the whole page. */
export function quoteCards(view, quotes, refresh) {
  const id = view.ticket.id;
  const cards = [assessmentCard(id, quotes, refresh)];
  if (quotes.can_quote) cards.push(quoteEditor(id, quotes, refresh));
  if (quotes.quotations.length) cards.push(quotationsList(quotes));
  const open = quotes.quotations.find((q) => q.awaiting_answer);
  if (open) cards.push(answerPanel(id, open, quotes.channels, refresh));
  if (quotes.return_notice) cards.push(returnNoticeCard(quotes.return_notice));
  return cards;
}

/** The return-unrepaired notice as a message to copy or open in the mail client. */
function returnNoticeCard(m) {
  const text = h('textarea', { readOnly: true, rows: 8, value: m.body, testid: 'return-notice-message', attrs: { 'aria-label': 'Return notice for the customer' } });
  return h('section', { class: 'card', testid: 'return-notice' },
    h('h2', { text: 'Return notice for the customer' }),
    h('p', { class: 'muted small' }, keepNumbersWhole(m.subject)),
    text,
    h('div', { class: 'inline' },
      h('button', { type: 'button', class: 'secondary small', text: 'Copy message', testid: 'return-notice-copy',
        onclick: () => copyText(text).then(() => notify('Message copied.'), (err) => notify(err.message, 'error')) }),
      sendButtons(m, { mail: 'return-notice-mail', whatsapp: 'return-notice-whatsapp' })),
    h('p', { class: 'help', text: 'The printable notice is in Forms, beside this card.' }));
}

function assessmentCard(id, quotes, refresh) {
  const a = quotes.assessment;
  const summary = a
    ? h('div', { testid: 'assessment-summary', class: 'stack' },
      h('p', { class: `warranty-text ${a.covered ? 'covered' : 'not-covered'}`, text: a.decision_label }),
      h('p', { class: 'prose', text: a.findings }),
      a.photos?.length ? photoStrip(a.photos, 'assessment-photo') : null)
    : null;
  const editable = quotes.assessment_editable;
  if (!editable && !a) return null;
  const parts = [h('h2', { text: 'Assessment' }), summary];
  if (editable) {
    const findings = h('textarea', { id: 'assessment-findings', rows: 4, maxLength: 4000, value: a?.findings ?? '', testid: 'assessment-findings',
      placeholder: 'What you found when you opened the watch' });
    // The app's decisions, none chosen for a new assessment: a careless save is refused at
    // the field rather than recorded as not covered. An option's value is "covered:…".
    const keyOf = (k) => `${k.decision}:${k.reason}`;
    // A watch back within the shop's own warranty starts as that redo, at no charge.
    const redo = quotes.service_warranty;
    const starting = a?.decision ?? redo?.decision;
    const decision = h('select', { id: 'assessment-decision', testid: 'assessment-decision' },
      starting ? null : h('option', { value: '', text: 'Choose…' }),
      quotes.decisions.map((d) => h('option', { value: keyOf(d.key), text: d.label, selected: starting ? keyOf(d.key) === keyOf(starting) : false })));
    const error = h('p', { class: 'field-error', testid: 'error-findings', attrs: { role: 'alert' } });
    const decisionError = h('p', { class: 'field-error', testid: 'error-decision', attrs: { role: 'alert' } });
    const findingsField = h('div', { class: 'field stacked' }, h('label', { class: 'field-label', htmlFor: 'assessment-findings', text: 'Findings' }), findings, error);
    const decisionField = h('div', { class: 'field stacked' }, h('label', { class: 'field-label', htmlFor: 'assessment-decision', text: 'Warranty decision' }),
      redo ? h('p', { class: 'warranty-text covered small', text: redo.text, testid: 'assessment-service-warranty' }) : null, decision, decisionError);
    const say = (field, line, message) => {
      line.textContent = message ?? '';
      field.classList.toggle('invalid', Boolean(message));
    };
    // A message goes as soon as its field is corrected.
    findings.addEventListener('input', () => say(findingsField, error, ''));
    decision.addEventListener('change', () => say(decisionField, decisionError, ''));
    const photos = photoPicker(() => {}, 'PNG or JPEG: the fault as you found it (movement, corrosion, broken parts). They back the warranty decision.');
    const save = h('button', { type: 'button', class: a ? 'secondary' : 'primary', text: a ? 'Update assessment' : 'Save assessment', testid: 'assessment-save',
      onclick: async () => {
        save.disabled = true;
        say(findingsField, error, '');
        say(decisionField, decisionError, '');
        try {
          const shots = [...(a?.photos ?? []), ...(await photos.hashes())];
          const chosen = quotes.decisions.find((d) => keyOf(d.key) === decision.value)?.key ?? null;
          await api.assessmentRecord(actorId(), id, { findings: findings.value.trim(), decision: chosen, photos: shots });
          notify('Assessment saved.');
          await refresh();
        } catch (err) {
          const at = (key) => err.fields?.find((f) => f.field === key)?.message;
          say(findingsField, error, at('findings') ?? (at('decision') ? '' : err.message));
          say(decisionField, decisionError, at('decision'));
          if (err.code !== Code.InvalidInput) notify(err.message, 'error');
          save.disabled = false;
          (at('findings') || !at('decision') ? findings : decision).focus();
        }
      } });
    parts.push(
      findingsField,
      decisionField,
      h('div', { class: 'field stacked' }, h('span', { class: 'field-label', text: 'Photos of what you found' }), photos.node),
      h('div', { class: 'actions' }, save));
  }
  return h('section', { class: 'card', testid: 'assessment' }, parts);
}

function quotationsList(quotes) {
  const items = quotes.quotations.map((q) => {
    const [standing, tone] = [q.standing_text, q.standing_tone];
    const message = h('textarea', { readOnly: true, rows: 8, value: q.message.body, testid: `quotation-message-${q.revision}`, attrs: { 'aria-label': `Message for ${q.number}` } });
    const copy = h('button', { type: 'button', class: 'secondary small', text: 'Copy message', testid: `quotation-copy-${q.revision}`,
      onclick: () => copyText(message).then(() => notify('Message copied.'), (err) => notify(err.message, 'error')) });
    const mail = sendButtons(q.message, { mail: `quotation-mail-${q.revision}`, whatsapp: `quotation-whatsapp-${q.revision}` });
    return h('li', { class: 'quote-item', testid: `quotation-${q.number}` },
      h('div', { class: 'card-head' },
        h('strong', { class: 'number', text: q.number }),
        h('span', { class: 'muted small', text: `Issued ${showDate(q.issued_on)}` })),
      h('p', { class: 'small', text: `Valid through ${q.valid_through_words}` }),
      standing ? h('p', { class: `standing ${tone}`, text: standing, testid: `quotation-standing-${q.revision}` }) : null,
      h('dl', { class: 'facts' },
        h('dt', { text: 'Repair total' }), h('dd', { class: 'strong', text: `${quotes.currency} ${q.repair.total}` }),
        q.cosmetic ? [h('dt', { text: 'Cosmetic (optional)' }), h('dd', { text: `${quotes.currency} ${q.cosmetic.total}` })] : null),
      h('p', { class: 'block-label' }, keepNumbersWhole(`Message for the customer · ${q.message.subject}`)),
      message,
      h('div', { class: 'inline' }, copy, mail));
  });
  return h('section', { class: 'card', testid: 'quotations' }, h('h2', { text: 'Quotations' }), h('ul', { class: 'plain-list quote-list' }, items));
}

function answerPanel(id, q, channels, refresh) {
  const channel = h('select', { id: 'answer-channel', testid: 'answer-channel' }, channels.map((c) => h('option', { value: c.key, text: c.label })));
  // Each way an answer arrives has its own kind of reference, dated the shop's way.
  const reference = h('input', { id: 'answer-reference', class: 'wide', maxLength: 300, testid: 'answer-reference' });
  const showExample = () => { reference.placeholder = channels.find((c) => c.key === channel.value)?.placeholder ?? ''; };
  channel.addEventListener('change', showExample);
  showExample();
  const cosmetic = q.cosmetic ? h('input', { type: 'checkbox', testid: 'answer-cosmetic' }) : null;
  const error = h('p', { class: 'field-error', testid: 'answer-error', attrs: { role: 'alert' } });
  const extra = h('div', { class: 'inline' });
  // The signed page, as a PDF or a photo: copied into the shop's files at once.
  let scan = null;
  const scanName = h('span', { class: 'muted small', testid: 'answer-scan-name', text: 'No scan attached' });
  const scanInput = h('input', { type: 'file', accept: 'application/pdf,image/png,image/jpeg', class: 'visually-hidden', testid: 'answer-scan', attrs: { 'aria-label': 'Signed scan file' } });
  scanInput.addEventListener('change', async () => {
    const file = scanInput.files?.[0];
    if (!file) return;
    try {
      scan = await api.scanAdd(actorId(), file, new Uint8Array(await file.arrayBuffer()));
      scanName.textContent = `Attached: ${file.name}`;
    } catch (err) {
      scan = null;
      scanName.textContent = 'No scan attached';
      error.textContent = err.message;
    } finally {
      scanInput.value = '';
    }
  });
  const record = async (accepted, button) => {
    button.disabled = true;
    error.textContent = '';
    extra.replaceChildren();
    try {
      await api.quotationAnswer(actorId(), id, q.revision, accepted, {
        channel: channel.value, reference: reference.value.trim(), scan, cosmetic_accepted: accepted && Boolean(cosmetic?.checked),
      });
      notify(accepted ? `${q.number}: written acceptance recorded.` : `${q.number}: refusal recorded.`);
      await refresh();
    } catch (err) {
      error.textContent = err.fields?.[0]?.message ?? err.message;
      if (err.code === Code.QuotationExpired) {
        extra.append(h('button', { type: 'button', class: 'secondary small', text: 'Issue a new revision', testid: 'answer-new-revision',
          onclick: () => {
            const editor = document.getElementById('quote-editor');
            editor?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            editor?.querySelector('input, select')?.focus({ preventScroll: true });
          } }));
      }
      button.disabled = false;
      if (err.code === Code.InvalidInput) reference.focus();
    }
  };
  const accept = h('button', { type: 'button', class: 'primary', text: 'Record written acceptance', testid: 'answer-accept', onclick: () => record(true, accept) });
  const decline = h('button', { type: 'button', class: 'ghost danger', text: 'Record refusal', testid: 'answer-decline', onclick: () => record(false, decline) });
  return h('section', { class: 'card', testid: 'answer' },
    h('h2', {}, keepNumbersWhole(`Customer's answer to ${q.number}`)),
    h('div', { class: 'field stacked' }, h('label', { class: 'field-label', htmlFor: 'answer-channel', text: 'How it arrived' }), channel),
    h('div', { class: 'field stacked' }, h('label', { class: 'field-label', htmlFor: 'answer-reference', text: 'Reference' }), reference),
    h('div', { class: 'field stacked' }, h('span', { class: 'field-label', text: 'Signed scan (optional)' }),
      h('div', { class: 'inline' }, h('button', { type: 'button', class: 'secondary small', text: 'Attach scan…', testid: 'answer-scan-choose', onclick: () => scanInput.click() }), scanName, scanInput)),
    cosmetic ? h('label', { class: 'check' }, cosmetic, 'The customer also accepted the optional cosmetic work') : null,
    error, extra,
    h('div', { class: 'actions' }, decline, accept));
}
