// What the serial typed or scanned at intake finds: the watch the shop knows (its earlier
// tickets, the notes that follow it, whether it is back within the shop's warranty), or
// watches that nearly match it, offered to choose and never taken on their own.

import { api } from '../ipc.js';
import { h, fill, debounce } from '../dom.js';

/**
 * The panel under the watch's fields. `read()` gives {brand, serial}; `use(watch)` fills the
 * form from a known watch (its brand, model and serial as recorded); `complete(watch)` fills
 * only what is still empty, for the watch the serial found (what staff typed stays).
 */
export function watchLookup({ read, use, complete }) {
  const node = h('div', { class: 'watch-lookup', testid: 'intake-watch', attrs: { 'aria-live': 'polite' } });
  let seq = 0;
  const look = debounce(async () => {
    const { brand, serial } = read();
    const mine = ++seq;
    if (!serial.trim()) return fill(node);
    let found;
    try {
      found = await api.watchFind(brand, serial);
    } catch {
      return fill(node); // the lookup helps; booking in does not depend on it
    }
    if (mine !== seq) return;
    const known = found.found;
    if (known) complete(known);
    fill(node,
      known ? h('div', { class: 'known-watch', testid: 'intake-watch-known' },
        h('p', { class: 'lead', text: `Known watch: ${known.title}, ${known.tickets} earlier ${known.tickets === 1 ? 'ticket' : 'tickets'}.` }),
        h('p', { class: 'small', text: known.text, testid: 'intake-watch-warranty' }),
        known.notes ? h('p', { class: 'warn-box pre', text: known.notes, testid: 'intake-watch-notes' }) : null) : null,
      found.near.length ? h('div', { class: 'near-watches', testid: 'intake-watch-near' },
        h('p', { class: 'small', text: 'Did you mean one of these? Nothing is merged unless you choose it.' }),
        found.near.map((w, i) => h('div', { class: 'inline wrap' },
          h('span', { text: `${w.title}, serial ${w.serial} — ${w.text}` }),
          h('button', { type: 'button', class: 'ghost small', text: 'This watch', testid: `intake-watch-near-${i}`,
            onclick: () => { use(w); look.now(); } })))) : null);
  }, 250);
  return { node, look };
}
