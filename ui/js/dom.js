// Building DOM nodes. Text always goes in as text nodes: customer text is hostile input,
// and nothing here ever parses a string as HTML.

// Properties that would parse a string as markup: refused, whatever the caller meant.
const MARKUP = new Set(['innerHTML', 'outerHTML', 'srcdoc']);

/**
 * h('div', {class: 'row', testid: 'x', onclick: fn, attrs: {for: 'id'}}, child, 'text', [more])
 * Props: class, text, testid, dataset, attrs, and on* event handlers; anything else is set
 * as a DOM property (value, checked, type, disabled, ...), except the ones that parse
 * markup (innerHTML, outerHTML, srcdoc), which throw.
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (MARKUP.has(key) || (key === 'attrs' && value && Object.keys(value).some((a) => MARKUP.has(a) || /^on/i.test(a)))) {
      throw new Error(`h(): ${key} would parse text as markup; build nodes instead`);
    }
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'testid') node.dataset.testid = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'attrs') for (const [a, v] of Object.entries(value)) node.setAttribute(a, v);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node[key] = value;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

let toastTimer;
/** A short message at the bottom of the window; kind is 'ok' or 'error'. */
export function notify(message, kind = 'ok') {
  const toast = document.getElementById('toast');
  toast.textContent = message;
  toast.className = `toast show ${kind}`;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { toast.className = 'toast'; }, kind === 'error' ? 7000 : 3500);
}

const NOTICE_KEY = 'caseback.notice';
/** Reloads the whole app (every screen's data changed) and shows `message` once it is back. */
export function notifyAfterReload(message) {
  sessionStorage.setItem(NOTICE_KEY, message);
  location.reload();
}

/** Shows the message left by notifyAfterReload, if any. */
export function showPendingNotice() {
  const message = sessionStorage.getItem(NOTICE_KEY);
  if (!message) return;
  sessionStorage.removeItem(NOTICE_KEY);
  notify(message);
}

/** An empty state: a calm title and one sentence of what will appear here. */
export function emptyState(title, sentence, testid) {
  return h('div', { class: 'empty', testid }, h('div', { class: 'empty-mark', attrs: { 'aria-hidden': 'true' } }), h('h3', { text: title }), h('p', { text: sentence }));
}

/** Calls fn once typing has paused for `ms`; `.now()` runs it at once, `.cancel()` drops it. */
export function debounce(fn, ms) {
  let timer;
  const run = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.now = (...args) => {
    clearTimeout(timer);
    return fn(...args);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}
