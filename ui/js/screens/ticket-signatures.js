// The customer's signatures given on the screen: each bound to its document for good
// (shown with who held the screen, when and where), and the documents they can sign now,
// each on a pad drawn with a finger, a pen or the mouse.

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';

/** `view` is the app's SignaturesView; `refresh` draws the page again. */
export function signaturesCard(ticketId, view, refresh) {
  if (!view.signed.length && !view.offers.length) return null;
  return h('section', { class: 'card', testid: 'signatures-card' },
    h('h2', { text: 'Signatures' }),
    view.signed.length
      ? h('ul', { class: 'plain-list signatures' }, view.signed.map((s) => {
        const picture = h('figure', { class: 'signature-ink' });
        api.photoGet(s.image).then((bytes) => {
          const url = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
          picture.append(h('img', { src: url, alt: `Signature of ${s.signer}`, onload: () => URL.revokeObjectURL(url) }));
        }).catch(() => picture.append(h('span', { class: 'muted small', text: 'Picture missing' })));
        return h('li', { testid: `signature-${s.document}` },
          h('strong', { text: s.label }),
          picture,
          h('span', { class: 'small', text: `Signed by ${s.signer}` }),
          h('span', { class: 'muted small', text: s.when_text }));
      }))
      : null,
    view.offers.length
      ? h('div', { class: 'stack' }, view.offers.map((o) => h('button', {
        type: 'button', class: 'ghost small', text: o.label, testid: `sign-${o.document}`,
        onclick: () => signaturePad(o, o.signer, async (signer, bytes) => {
          await api.signatureAdd(actorId(), ticketId, o.document, signer, bytes);
          notify(`${o.label.replace(/^Sign /, 'Signed: ')}.`);
          await refresh();
        }),
      })))
      : null);
}

/** The pad in a dialog; `keep(signer, pngBytes)` stores it and may throw the app's refusal. */
function signaturePad(offer, customerName, keep) {
  const canvas = h('canvas', { class: 'signature-pad', testid: 'signature-canvas', attrs: { 'aria-label': 'Sign here', role: 'img' } });
  const signer = h('input', { value: customerName, maxLength: 120, testid: 'signature-signer', autocomplete: 'off', id: 'signature-signer' });
  const problem = h('p', { class: 'field-error', testid: 'signature-error', attrs: { role: 'alert' } });
  const keepButton = h('button', { type: 'submit', class: 'primary', text: 'Keep the signature', testid: 'signature-keep', disabled: true });
  const clear = h('button', { type: 'button', class: 'ghost', text: 'Clear', testid: 'signature-clear' });
  const cancel = h('button', { type: 'button', class: 'ghost', text: 'Cancel', testid: 'signature-cancel' });
  const form = h('form', { method: 'dialog', class: 'signature-form' },
    h('h2', { text: offer.label }),
    h('p', { class: 'muted small', text: 'The customer signs in the box, with a finger, a pen or the mouse. Once kept, the signature stays with this document and prints on it.' }),
    canvas,
    h('div', { class: 'field stacked' }, h('label', { class: 'field-label', htmlFor: 'signature-signer', text: 'Name of the person signing' }), signer),
    problem,
    h('div', { class: 'actions split' }, clear, h('div', { class: 'actions' }, cancel, keepButton)));
  const dialog = h('dialog', { class: 'signature', testid: 'signature-dialog' }, form);
  document.body.append(dialog);
  dialog.showModal();

  // The pad's pixels follow the screen's density, so the ink is sharp when printed.
  const scale = Math.max(1, window.devicePixelRatio || 1);
  const { width, height } = canvas.getBoundingClientRect();
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const pen = canvas.getContext('2d');
  const blank = () => {
    pen.fillStyle = '#fff';
    pen.fillRect(0, 0, canvas.width, canvas.height);
    pen.lineWidth = 2.2 * scale;
    pen.lineCap = 'round';
    pen.lineJoin = 'round';
    pen.strokeStyle = '#1b2a4a';
  };
  blank();
  let ink = 0; // strokes drawn
  let last = null;
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * scale, (e.clientY - r.top) * scale];
  };
  canvas.addEventListener('pointerdown', (e) => {
    // The stroke stays on the pad when the pen slips past its edge (a pointer the window
    // does not know, as a test's, cannot be captured: the stroke is drawn all the same).
    try { canvas.setPointerCapture(e.pointerId); } catch { /* drawn without capture */ }
    last = at(e);
    pen.beginPath();
    pen.arc(last[0], last[1], pen.lineWidth / 2, 0, Math.PI * 2);
    pen.fillStyle = pen.strokeStyle;
    pen.fill();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!last) return;
    const next = at(e);
    pen.beginPath();
    pen.moveTo(...last);
    pen.lineTo(...next);
    pen.stroke();
    last = next;
  });
  const lift = () => {
    if (!last) return;
    last = null;
    ink += 1;
    keepButton.disabled = false;
  };
  canvas.addEventListener('pointerup', lift);
  canvas.addEventListener('pointercancel', lift);
  canvas.addEventListener('pointerleave', lift);

  const close = () => { dialog.close(); dialog.remove(); };
  clear.addEventListener('click', () => { blank(); ink = 0; keepButton.disabled = true; problem.textContent = ''; });
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', close);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (keepButton.disabled) return;
    if (!ink) {
      problem.textContent = 'Sign in the box first.';
      return;
    }
    keepButton.disabled = true;
    try {
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
      await keep(signer.value.trim(), new Uint8Array(await blob.arrayBuffer()));
      close();
    } catch (err) {
      fill(problem, err.fields?.[0]?.message ?? err.message);
      keepButton.disabled = false;
    }
  });
}
