// Pieces the return screens share: facts lists, the eligibility checks, a short reason form
// (declines, cancellations, exceptions), evidence thumbnails and adding evidence later.

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';
import { field, errorSlots, uid } from './form-bits.js';

/** Label / value pairs; empty values are left out. A third item is the value's test id. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v).map(([k, v, testid]) => [h('dt', { text: k }), h('dd', { text: v, testid })]));
}

/**
 * The policy's checks of a request, each passed or failed with its dates, and who pays the
 * postage. `rma` (the case's RMA issue, once authorized) words the verdict as history.
 */
export function eligibilityChecks(e, rma = null) {
  const verdict = e.eligible ? ['Meets the return policy.', 'pass']
    : rma?.override_reason ? ['Outside the policy: authorized as an exception.', 'fail']
      : rma ? ['Does not meet the return policy.', 'fail']
        : e.evidence_missing ? ['Evidence needed first: attach the customer’s photo or video of the defect.', 'fail']
          : ['Does not meet the policy: it can only be authorized as an exception.', 'fail'];
  return h('div', { class: 'eligibility' },
    h('p', { class: `verdict ${verdict[1]}`, text: verdict[0], testid: 'eligibility-verdict' }),
    checkList(e.checks.map((c) => [c.passed, c.text, `eligibility-${c.rule}`])),
    e.postage_text ? h('p', { class: `postage ${e.postage_paid_by}`, text: e.postage_text, testid: 'eligibility-postage' }) : null);
}

/** Ticked or failed lines ([passed, text, testid]); the mark is drawn by the style, so a line's text is only its words. */
export function checkList(items) {
  return h('ul', { class: 'checks' }, items.map(([passed, text, testid]) =>
    h('li', { class: passed ? 'pass' : 'fail', text, testid, dataset: { passed: String(passed) }, attrs: { 'aria-label': `${passed ? 'Yes' : 'No'}: ${text}` } })));
}

/**
 * A reason typed, then one button: `run(reason)` does the work (it may throw field errors
 * under `key`). Test ids: `inputId` and `saveId`.
 */
export function reasonForm({ label, inputId, saveId, saveText, key = 'reason', placeholder, rows = 2, run, danger = false }) {
  const errors = errorSlots(`${saveId}-error`);
  const input = h('textarea', { rows, maxLength: 300, testid: inputId, placeholder, id: uid('reason') });
  const save = h('button', { type: 'button', class: danger ? 'ghost danger' : 'primary', text: saveText, testid: saveId,
    onclick: async () => {
      save.disabled = true;
      errors.clear();
      try {
        await run(input.value);
      } catch (err) {
        errors.show(err);
        if (!err.fields?.length) notify(err.message, 'error');
        save.disabled = false;
      }
    } });
  const node = h('div', { class: 'reason-form' }, field(label, input, errors.slot(key)), errors.general, h('div', { class: 'actions' }, save));
  return { node, input, focus: () => input.focus() };
}

/** A button that shows a reason form below it the first time it is pressed. */
export function askFirst(buttonProps, form) {
  form.node.hidden = true;
  const button = h('button', { type: 'button', ...buttonProps,
    onclick: () => {
      form.node.hidden = !form.node.hidden;
      if (!form.node.hidden) form.focus();
    } });
  return [button, form.node];
}

/** Runs `work` with the button disabled; a refusal shows as a message. */
export async function busy(button, work) {
  button.disabled = true;
  try {
    await work();
  } catch (err) {
    notify(err.message, 'error');
  } finally {
    button.disabled = false;
  }
}

/** Evidence as thumbnails, loaded after the page shows; a video plays in place when clicked
 * (only then are its bytes fetched). `items` are {sha256, media_type, byte_size}. */
export function evidenceStrip(items, prefix = 'return-evidence') {
  const strip = h('div', { class: 'thumbs', testid: `${prefix}-strip` });
  const size = (n) => (n < 1e6 ? `${Math.ceil(n / 1e3)} kB` : `${(n / 1e6).toFixed(1)} MB`);
  items.forEach(async (item, i) => {
    const figure = h('figure', { class: 'thumb', testid: `${prefix}-${i}`, attrs: { title: item.original_name || item.sha256.slice(0, 12) } });
    strip.append(figure);
    if (item.media_type.startsWith('video/')) {
      figure.classList.add('video');
      const play = h('button', { type: 'button', class: 'thumb-video', testid: `${prefix}-${i}-play`, attrs: { 'aria-label': `Play video ${i + 1}` },
        onclick: async () => {
          try {
            const url = URL.createObjectURL(new Blob([await api.photoGet(item.sha256)], { type: item.media_type }));
            fill(figure, h('video', { src: url, controls: true, autoplay: true }));
          } catch (err) {
            notify(err.message, 'error');
          }
        } }, h('strong', { text: '▶ Video' }), h('span', { text: size(item.byte_size) }));
      figure.append(play);
      return;
    }
    try {
      const url = URL.createObjectURL(new Blob([await api.photoGet(item.sha256)]));
      figure.append(h('img', { src: url, alt: `Evidence ${i + 1}`, onload: () => URL.revokeObjectURL(url) }));
    } catch {
      figure.append(h('span', { class: 'muted small', text: 'Missing' }));
    }
  });
  return strip;
}

/** "Add photos or videos…": copies the chosen files in, then adds them to the return. */
export function evidenceAdder(returnId, refresh) {
  const input = h('input', {
    type: 'file', multiple: true, accept: 'image/png,image/jpeg,video/mp4,video/quicktime,video/webm', class: 'visually-hidden',
    testid: 'return-evidence-add', tabIndex: -1, attrs: { 'aria-label': 'Evidence files' },
  });
  const button = h('button', { type: 'button', class: 'secondary small', text: 'Add photos or videos…', testid: 'return-evidence-add-button', onclick: () => input.click() });
  input.addEventListener('change', async () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    button.disabled = true;
    button.textContent = `Adding ${files.length === 1 ? 'the file' : `${files.length} files`}…`;
    try {
      const by = actorId();
      const shas = [];
      for (const file of files) shas.push(await api.evidenceAdd(by, file, new Uint8Array(await file.arrayBuffer())));
      await api.returnMediaAdd(by, returnId, shas);
      notify(`${shas.length === 1 ? 'Evidence' : `${shas.length} files`} added.`);
      await refresh();
    } catch (err) {
      notify(err.message, 'error');
      button.disabled = false;
      button.textContent = 'Add photos or videos…';
    }
  });
  return h('div', { class: 'inline' }, button, input, h('span', { class: 'muted small', text: 'PNG, JPEG, MP4, MOV or WebM, up to 100 MB each.' }));
}
