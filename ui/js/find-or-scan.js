// The find-or-scan box: what a scanner or staff type goes straight to its ticket or return.

import { api } from './ipc.js';
import { Code } from './codes.js';
import { notify } from './dom.js';

// An RMA code as typed or scanned: "RMA-K7QD-4WX", "rma k7qd 4wx" (a symbol short or over
// still counts, to be told it is misread), or just its 7 symbols.
const RMA_SHAPED = /^rma[\s_-]*[0-9a-z]{4}[\s_-]*[0-9a-z]{2,4}$/i;
const looksLikeRma = (text) => RMA_SHAPED.test(text) || /^[0-9a-z]{7}$/i.test(text.replace(/[\s_-]/g, ''));

/**
 * A ticket number (typed, or scanned from a bag tag) opens that ticket, an RMA code its
 * return, a watch's serial its record; anything else searches the tickets.
 */
export async function findOrScan(text, go) {
  const query = text.trim();
  if (!query) return;
  const find = document.querySelector('[data-testid=find-input]');
  if (looksLikeRma(query)) {
    try {
      const id = await api.returnFind(query);
      if (find) find.value = '';
      return go('return', { id });
    } catch (err) {
      // "RMA-…" is surely a code: a misread one is said so and stays to be corrected. Seven
      // symbols may as well be a serial or an order number: those go on to the tickets.
      if (RMA_SHAPED.test(query)) {
        if (err.code === Code.NotFound) {
          if (find) find.value = '';
          notify(err.message, 'error');
          return go('returns', { query });
        }
        return notify(err.message, 'error');
      }
    }
  }
  let id = null;
  try {
    id = await api.ticketFind(query);
  } catch {
    id = null; // not the number of one of this shop's tickets: search for it instead
  }
  let watch = null;
  if (id === null) {
    try {
      watch = await api.watchBySerial(query);
    } catch {
      watch = null; // the tickets' search finds what it can
    }
  }
  if (find) find.value = '';
  if (id !== null) go('ticket', { id });
  else if (watch !== null) go('watch', { id: watch });
  else go('tickets', { query });
}
