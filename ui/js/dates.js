// Dates as the shop writes them (Settings → "Dates are written"): the app tells the window
// the pattern (`DD/MM/YYYY`, `D MMMM YYYY`...) and how a date is typed; every date on a
// screen and in a date field goes through here, so one screen never shows two formats.
// Dates travel to and from the app as `YYYY-MM-DD`.

import { h } from './dom.js';
import { Code } from './codes.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

let style = { pattern: 'D MMMM YYYY', hint: 'DD/MM/YYYY' };

/** Set from the app's status once the shop is open. */
export function setDateStyle(pattern, hint) {
  style = { pattern, hint };
}

/** How a date is typed here: "DD.MM.YYYY". */
export const dateHint = () => style.hint;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n) => String(n).padStart(2, '0');

function write(pattern, y, m, d) {
  return pattern.replace(/YYYY|MMMM|MM|DD|D/g, (t) => ({ YYYY: String(y), MMMM: MONTHS[m - 1], MM: pad(m), DD: pad(d), D: String(d) }[t]));
}

/** "2026-12-01" as the shop writes it; anything else (null, a sentence) as it is. */
export function showDate(iso) {
  const m = ISO.exec(iso ?? '');
  return m ? write(style.pattern, +m[1], +m[2], +m[3]) : (iso ?? '');
}

/** A real day of the calendar, as `YYYY-MM-DD`, or null. */
function day(y, m, d) {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * Reads a typed date: the shop's way (day first: 1/3/2026, 01.03.2026) or YYYY-MM-DD.
 * Returns {iso} or {problem} (a sentence for the field), or {} when empty.
 */
export function readDate(text) {
  const t = text.trim();
  if (!t) return {};
  const example = write(style.hint, 2026, 3, 1);
  let iso = ISO.exec(t) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let found = iso ? day(+iso[1], +iso[2], +iso[3]) : null;
  if (!iso && style.hint.startsWith('DD')) {
    const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
    if (m) {
      iso = m;
      found = day(+m[3], +m[2], +m[1]);
    }
  }
  if (!iso) return { problem: `Write the date as ${style.hint}, e.g. ${example} for 1 March 2026.` };
  if (!found) return { problem: `${t} is not a day of the calendar.` };
  return { iso: found };
}

/**
 * A date field of the app's own, typed the shop's way with the format shown beside it
 * (the system's date input would follow the computer's locale instead).
 * Returns {input, hint, node (the two together), get, set, problem}: get() is `YYYY-MM-DD` or null; problem() the
 * sentence for what cannot be read, or null.
 */
export function dateInput({ value = '', testid, id, label } = {}) {
  const input = h('input', {
    type: 'text', class: 'date', id, testid, placeholder: style.hint, spellcheck: false, maxLength: 10,
    attrs: { autocomplete: 'off', inputmode: 'numeric', ...(label ? { 'aria-label': label } : {}) },
  });
  const hint = h('span', { class: 'date-hint', text: style.hint, attrs: { 'aria-hidden': 'true' } });
  const set = (iso) => { input.value = iso ? write(style.hint, ...iso.split('-').map(Number)) : ''; };
  set(value);
  // A date read well is written back the shop's way as the field is left: 1.3.2026 → 01.03.2026.
  input.addEventListener('blur', () => {
    const r = readDate(input.value);
    if (r.iso) set(r.iso);
  });
  return {
    input,
    hint,
    node: h('div', { class: 'date-field' }, input, hint),
    set,
    get: () => readDate(input.value).iso ?? null,
    problem: () => readDate(input.value).problem ?? null,
  };
}

/**
 * Before a form is sent: a date field whose text cannot be read says so at the field (the
 * app would only see "no date"). `rows` carry `dateProblem()`; true when one was found.
 */
export function unreadableDates(rows) {
  const bad = rows.filter((r) => r.dateProblem?.());
  bad.forEach((r) => r.setError(r.dateProblem()));
  bad[0]?.focus();
  return bad.length > 0;
}

/**
 * A date field's date for a command, `YYYY-MM-DD` or null; text that cannot be read throws
 * a refusal shaped as the app's own, so the form shows it at the field `key` like any other.
 */
export function dateOf(d, key) {
  const message = d.problem();
  if (message) throw { code: Code.InvalidInput, message, fields: [{ field: key, message }] };
  return d.get();
}
