// Small pieces the Data and backups section shares: sizes, days and instants in plain words,
// what a backup holds, and a folder (or file) chosen in the system's dialog or typed by
// staff, with its button and error line.

import { showDate } from '../dates.js';
import { Code } from '../codes.js';
import { h } from '../dom.js';
import { uid } from './form-bits.js';

/** 1 234 567 bytes → "1.2 MB"; 4 100 → "4 kB". */
export function formatBytes(bytes) {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} bytes`;
}

/** "2026-11-22" → "Sun 22 Nov 2026". */
export function formatDay(day) {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return `${date.toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'short' })} ${showDate(day)}`;
}

/** An instant as the shop's date (written the shop's way) and local time: "22.11.2026, 14:03". */
export function formatInstant(iso, timeZone) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso ?? '';
  const parts = (zone) => Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  let p;
  try {
    p = parts(timeZone);
  } catch {
    p = parts(undefined);
  }
  return `${showDate(`${p.year}-${p.month}-${p.day}`)}, ${p.hour}:${p.minute}`;
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "12 tickets, 9 customers, 14 payments, 2 returns". */
export function countsLine(s) {
  return [plural(s.tickets, 'ticket'), plural(s.customers, 'customer'), plural(s.payments, 'payment'), plural(s.returns, 'return')].join(', ');
}

/** The words for a refused or failed file operation, by its code. */
export function problemText(err) {
  switch (err.code) {
    case Code.DiskFull: return `There is not enough free space there. ${err.message}`;
    case Code.ReadOnly: return `Caseback may not write there (is the stick locked or read-only?). ${err.message}`;
    case Code.Busy: return `The shop’s data is busy; try again in a moment. ${err.message}`;
    default: return err.message;
  }
}

/** The words for a file that could not be read as a backup. */
export function unreadableText(err) {
  return err.code === Code.StorageFailure ? `This file could not be read as a Caseback backup. ${err.message}` : problemText(err);
}

/**
 * A labelled path with a "Choose…" button opening the system's dialog (`choose.text`, and
 * `choose.pick(current)` answering a path or null; the chosen path fills the input, then
 * `choose.then(path)` runs when given), the input itself for a typed path, the action button,
 * help, the input's own error line (for the backend's `fieldKey`), a general error line
 * (`explain(err)`) and a result area. Enter presses the action button.
 */
export function pathForm({ id, buttonId, label, placeholder, help, buttonText, busyText, fieldKey, run, choose, explain = problemText }) {
  const input = h('input', { type: 'text', id: uid('path'), placeholder, testid: id, spellcheck: false, attrs: { autocomplete: 'off' } });
  const error = h('p', { class: 'field-error', testid: `error-${id}`, attrs: { role: 'alert' } });
  const general = h('p', { class: 'field-error', testid: `${id}-problem`, attrs: { role: 'alert' } });
  const result = h('div', { class: 'data-result' });
  const button = h('button', { type: 'button', class: 'secondary', text: buttonText, testid: buttonId });
  const chooser = h('button', { type: 'button', class: 'ghost choose', text: choose.text, testid: `${id}-choose` });
  const row = h('div', { class: 'field stacked path-field' },
    h('label', { class: 'field-label', htmlFor: input.id, text: label }),
    h('div', { class: 'path-row' }, input, chooser, button),
    error, general,
    h('p', { class: 'help', text: help }));

  const setError = (message) => {
    error.textContent = message;
    row.classList.toggle('invalid', Boolean(message));
  };
  const clear = () => { setError(''); general.textContent = ''; };
  input.addEventListener('input', clear);

  const go = async () => {
    clear();
    result.replaceChildren();
    button.disabled = true;
    button.textContent = busyText;
    try {
      await run(input.value.trim(), result);
    } catch (err) {
      const mine = err.code === Code.InvalidInput ? err.fields.filter((f) => f.field === fieldKey) : [];
      if (mine.length) {
        setError(mine.map((f) => f.message).join(' '));
        input.focus();
      } else {
        general.textContent = explain(err);
      }
    } finally {
      button.disabled = false;
      button.textContent = buttonText;
    }
  };
  button.addEventListener('click', go);
  chooser.addEventListener('click', async () => {
    chooser.disabled = true;
    try {
      const path = await choose.pick(input.value.trim());
      if (!path) return; // cancelled: nothing changes
      input.value = path;
      clear();
      if (choose.then) await choose.then(path);
      else button.focus();
    } catch (err) {
      general.textContent = explain(err);
    } finally {
      chooser.disabled = false;
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      go();
    }
  });

  return { node: h('div', {}, row, result), input, button, result, clear, go };
}
