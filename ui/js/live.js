// A shop on a shared database changes on the other computers too. The app passes each of
// their changes on as the event `shop-changed`; the screen on show reads again if it is a
// list or Today (nothing typed there is lost: a list keeps its search), and a page whose
// record changed says so with a button, so nobody's half-typed work is redrawn away.
// A refusal because the server is away shows a banner until the app hears from it again.

import { h } from './dom.js';
import { Code } from './codes.js';
import { onShopChanged } from './ipc.js';

/**
 * `current()` is the screen on show ({ id, screen }), `redraw()` draws it again. Returns the
 * two nodes the frame puts above the screen: the server banner and the changed-elsewhere bar.
 */
export function live({ current, redraw }) {
  const away = h('div', { class: 'server-banner', testid: 'server-away', hidden: true, attrs: { role: 'alert' } },
    h('strong', { text: 'The shop’s database server is not answering.' }),
    h('span', { text: ' Nothing is saved until it is back; what was saved before is safe. Caseback reconnects by itself.' }));
  const changed = h('div', { class: 'changed-bar', testid: 'changed-elsewhere', hidden: true, attrs: { role: 'status' } },
    h('span', { text: 'This was changed on another computer.' }),
    h('button', { type: 'button', class: 'ghost small', text: 'Show the latest', testid: 'changed-reload', onclick: () => { changed.hidden = true; redraw(); } }));

  const onPage = (record) => {
    const { id } = current() ?? {};
    if (id === 'ticket') return record === `ticket:${document.querySelector('[data-testid=ticket-number]')?.textContent ?? ''}`;
    if (id === 'return') return record.startsWith('return:');
    return id === 'customer';
  };
  let timer = null;
  const heard = ({ record, reconnected }) => {
    if (reconnected) away.hidden = true;
    // Several changes at once (an intake logs a few events) are read once.
    clearTimeout(timer);
    timer = setTimeout(() => {
      const shown = current();
      if (shown?.screen?.refresh) return shown.screen.refresh();
      if (shown?.id === 'today') return redraw();
      if (reconnected || (record && onPage(record))) changed.hidden = false;
    }, 150);
  };
  onShopChanged(heard);
  window.addEventListener('caseback-refused', (e) => { if (e.detail === Code.ServerUnavailable) away.hidden = false; });
  window.addEventListener('caseback-answered', () => { away.hidden = true; });
  return { away, changed, /** A new screen: its bar starts hidden. */ reset: () => { changed.hidden = true; } };
}
