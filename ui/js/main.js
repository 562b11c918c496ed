// Start-up and the app's frame: left navigation, the header with find-or-scan and who is at
// the counter, keyboard shortcuts, and one screen at a time in the main area.

import { api } from './ipc.js';
import { Code } from './codes.js';
import { h, fill, notify, showPendingNotice } from './dom.js';
import { setStaff, activeStaff, actorId, setActor, onActorChange } from './actor.js';
import * as setup from './screens/setup.js';
import * as today from './screens/today.js';
import * as tickets from './screens/tickets.js';
import * as bench from './screens/bench.js';
import * as parts from './screens/parts.js';
import * as part from './screens/part.js';
import * as partsImport from './screens/parts-import.js';
import * as customersImport from './screens/customers-import.js';
import * as returns from './screens/returns.js';
import * as customers from './screens/customers.js';
import * as settings from './screens/settings.js';
import * as reports from './screens/reports.js';
import * as intake from './screens/intake.js';
import * as ticket from './screens/ticket.js';
import * as customer from './screens/customer.js';
import * as watch from './screens/watch.js';
import { findOrScan } from './find-or-scan.js';
import { live } from './live.js';
import { setMaxPhotos } from './screens/intake-photos.js';
import { setDateStyle } from './dates.js';
import * as returnNew from './screens/return-new.js';
import * as returnCase from './screens/return.js';
import * as returnReceive from './screens/return-receive.js';

const SCREENS = [
  { id: 'today', label: 'Today', module: today },
  { id: 'tickets', label: 'Tickets', module: tickets },
  { id: 'bench', label: 'Bench', module: bench },
  { id: 'parts', label: 'Parts', module: parts },
  { id: 'returns', label: 'Returns', module: returns },
  { id: 'customers', label: 'Customers', module: customers },
  { id: 'reports', label: 'Reports', module: reports },
  { id: 'settings', label: 'Settings', module: settings },
];
// Pages reached from the screens, shown under the screen they belong to in the navigation.
const PAGES = [
  ...SCREENS,
  { id: 'intake', under: 'tickets', module: intake },
  { id: 'ticket', under: 'tickets', module: ticket },
  { id: 'customer', under: 'customers', module: customer },
  { id: 'watch', under: 'tickets', module: watch },
  { id: 'return-new', under: 'returns', module: returnNew },
  { id: 'return', under: 'returns', module: returnCase },
  { id: 'return-receive', under: 'returns', module: returnReceive },
  { id: 'part', under: 'parts', module: part },
  { id: 'parts-import', under: 'parts', module: partsImport },
  { id: 'customers-import', under: 'customers', module: customersImport },
];

const root = document.getElementById('root');
let current = null; // { id, screen } of the screen on show
let status = null;
let main;
// Another computer's changes, and the shared database's server away or back.
const news = live({ current: () => current, redraw: () => current && go(current.id, current.params) });

async function boot() {
  try {
    status = await api.status();
  } catch (err) {
    return fill(root, blockedView({ code: err.code, message: err.message }));
  }
  document.body.classList.toggle('demo', status.demo);
  setMaxPhotos(status.max_photos);
  setDateStyle(status.date_pattern, status.date_hint);
  if (status.state === 'blocked') {
    fill(root, blockedView(status.blocked));
    // The shop's shared database is being reached: the window opens it once it answers.
    if (status.blocked.code === Code.ServerUnavailable) setTimeout(boot, 2000);
    return root.querySelector('button')?.focus();
  }
  if (status.state === 'setup') return setup.render(root, { onDone: boot, status });
  const view = await api.settings();
  setStaff(view.staff, status.demo ? 'demo' : 'shop');
  current = null; // a fresh frame: whatever was on show before is gone
  renderFrame();
  const [id, params] = pageFromHash();
  await go(id, params);
  showPendingNotice();
}

function blockedView(error) {
  return h('main', { class: 'center-page' },
    h('div', { class: 'card narrow', testid: 'blocked' },
      h('h1', { text: error.code === Code.DataFolderInUse ? 'Caseback is already open'
        : error.code === Code.ServerUnavailable ? 'Waiting for the shop’s database' : 'Caseback cannot open its data' }),
      h('p', { class: 'lead', text: error.message, testid: 'blocked-message' }),
      h('p', { class: 'muted', text: `Data folder: ${status?.data_folder ?? ''}` }),
      h('button', { class: 'primary', text: 'Try again', onclick: () => boot() })));
}

function renderFrame() {
  const nav = h('nav', { class: 'sidebar', attrs: { 'aria-label': 'Screens' } },
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), 'Caseback'),
    h('ul', {}, SCREENS.map((s, i) => h('li', {},
      h('a', { href: `#/${s.id}`, class: 'nav-link', testid: `nav-${s.id}`, dataset: { screen: s.id }, onclick: (e) => { e.preventDefault(); go(s.id); } },
        h('span', { text: s.label }), h('kbd', { text: `Ctrl ${i + 1}` }))))),
    h('div', { class: 'sidebar-foot' },
      h('div', { class: 'shop-name', text: status.shop_name ?? '', testid: 'shop-name' }),
      h('div', { class: 'muted small', text: `Caseback ${status.version}` })));

  const find = h('input', {
    type: 'search', class: 'find-input', testid: 'find-input', placeholder: 'Ticket, RMA code, name or serial',
    attrs: { 'aria-label': 'Find or scan', autocomplete: 'off' }, spellcheck: false,
  });
  // A barcode scanner types the code and Enter (or Return) as fast as it can: act on the key.
  find.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      findOrScan(find.value, go);
    } else if (e.key === 'Escape') {
      find.blur();
    }
  });
  const findForm = h('div', { class: 'find', attrs: { role: 'search' } }, find, h('kbd', { class: 'find-key', text: 'Ctrl K' }));

  const actor = h('select', { testid: 'actor', attrs: { 'aria-label': 'Who is at the counter' }, onchange: () => setActor(Number(actor.value)) });
  const fillActor = () => fill(actor, activeStaff().map((m) => h('option', { value: m.id, text: m.name, selected: m.id === actorId() })));
  fillActor();
  onActorChange(fillActor);

  const header = h('header', { class: 'topbar' },
    findForm,
    h('div', { class: 'today-label', text: status.today_label ?? '', testid: 'today-label' }),
    h('label', { class: 'actor' }, h('span', { text: 'At the counter' }), actor));

  const banner = status.demo
    ? h('div', { class: 'demo-banner', testid: 'demo-banner', attrs: { role: 'region', 'aria-label': 'Demo shop' } },
      h('span', { text: 'You are exploring the demo shop. Nothing here is real, and nothing here touches your own shop.' }),
      h('button', { class: 'ghost small', text: 'Leave the demo', testid: 'leave-demo', onclick: leaveDemo }))
    : null;

  main = h('main', { class: 'screen', id: 'screen', tabIndex: -1 });
  fill(root, h('div', { class: 'frame' }, nav, h('div', { class: 'workspace' }, banner, news.away, header, news.changed, main)));
}

async function leaveDemo() {
  await api.demoLeave();
  location.hash = '';
  await boot();
}

/** The page in the address ("#/ticket?id=7"), so a reload stays where it was. */
function pageFromHash() {
  const [id, query] = location.hash.replace(/^#\//, '').split('?');
  if (!PAGES.some((p) => p.id === id)) return ['today', {}];
  const found = Number(new URLSearchParams(query ?? '').get('id'));
  const lists = { ticket: 'tickets', customer: 'customers', return: 'returns', watch: 'tickets', part: 'parts' };
  if (lists[id]) return found ? [id, { id: found }] : [lists[id], {}];
  return [id, {}];
}

/** Shows a screen, asking the one on show first if it has unsaved work. */
export async function go(id, params = {}) {
  if (current?.screen?.canLeave && !current.screen.canLeave()) return;
  const entry = PAGES.find((s) => s.id === id) ?? SCREENS[0];
  history.replaceState(null, '', `#/${entry.id}${typeof params.id === 'number' ? `?id=${params.id}` : ''}`);
  const navId = entry.under ?? entry.id;
  document.querySelectorAll('.nav-link').forEach((a) => a.classList.toggle('active', a.dataset.screen === navId));
  fill(main);
  news.reset();
  current = { id: entry.id, params, screen: null };
  refreshDate();
  try {
    current.screen = (await entry.module.render(main, { status, params, go, refresh: boot })) ?? null;
  } catch (err) {
    notify(err.message, 'error');
  }
  // A screen may have put the cursor where work starts (a search box, the first field).
  if (!main.contains(document.activeElement)) main.focus({ preventScroll: true });
}

/** The app may stay open past midnight: the shop's date is read again on every screen. */
function refreshDate() {
  api.status().then((fresh) => {
    status.today_label = fresh.today_label;
    setDateStyle(fresh.date_pattern, fresh.date_hint); // Settings may have changed it
    const label = document.querySelector('[data-testid=today-label]');
    if (label) label.textContent = fresh.today_label ?? '';
  }, () => {});
}

document.addEventListener('keydown', (e) => {
  if (!main || !e.ctrlKey || e.altKey || e.metaKey) return;
  const index = Number(e.key) - 1;
  if (index >= 0 && index < SCREENS.length) {
    e.preventDefault();
    go(SCREENS[index].id);
  } else if (e.key.toLowerCase() === 'n' && !e.shiftKey) {
    e.preventDefault();
    go('intake');
  } else if (e.key.toLowerCase() === 'k') {
    e.preventDefault();
    const find = document.querySelector('[data-testid=find-input]');
    find.focus();
    find.select();
  }
});

boot();
