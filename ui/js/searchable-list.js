// A list screen's search box and state filter over its results: search as you type (the
// newest answer wins), arrow keys into the rows, the count, and an empty state that says why.

import { h, fill, emptyState, notify, debounce } from './dom.js';
import { listKeys } from './list-keys.js';

/**
 * `limit` is how many rows the app sends at most; `nouns` are [one, many] ("ticket", "tickets"); `ids` name the test ids of the search, filter,
 * results, count and the two empty states (`none`, `empty`); `find(q, state)` fetches the rows
 * and `table(rows)` draws them; `hint` says how to search better, `empty` is [title, text]
 * for a list with nothing in it yet. `branches` (the app's BranchesView) adds a choice of branch
 * in a chain, starting on this computer's; `find(q, state, branch)` then gets it too.
 */
export function searchableList({ params, states, limit, nouns: [one, many], ids, placeholder, find, table, hint, empty, branches }) {
  const search = h('input', {
    type: 'search', value: params.query ?? '', placeholder, class: 'search', testid: ids.search,
    attrs: { 'aria-label': `Search ${many}`, autocomplete: 'off' }, spellcheck: false,
  });
  const filter = h('select', { testid: ids.filter, attrs: { 'aria-label': `Show ${many} in state` } },
    h('option', { value: '', text: 'All states' }),
    states.map((s) => h('option', { value: s.key, text: s.label, selected: s.key === params.filter })));
  const branchChoices = branches?.choices ?? [];
  const start = params.branch ?? branches?.start ?? '';
  const branch = branchChoices.length
    ? h('select', { testid: ids.branch, attrs: { 'aria-label': `Show ${many} of branch` } },
      branchChoices.map((c) => h('option', { value: c.key, text: c.label, selected: c.key === start })))
    : null;
  const results = h('section', { class: 'card flush', testid: ids.results, attrs: { 'aria-live': 'polite' } });
  const count = h('span', { class: 'muted', testid: ids.count });

  let seq = 0;
  const show = async () => {
    const q = search.value.trim();
    const state = filter.value || null;
    const of = branch?.value ?? '';
    const mine = ++seq;
    let rows;
    try {
      rows = await find(q, state, of);
    } catch (err) {
      return notify(err.message, 'error');
    }
    if (mine !== seq) return; // a newer search is on its way
    count.textContent = rows.length ? `${rows.length} ${rows.length === 1 ? one : many}${rows.length >= limit ? ` (the first ${limit})` : ''}` : '';
    if (rows.length) return fill(results, table(rows));
    const stateLabel = states.find((s) => s.key === state)?.label.toLowerCase();
    const branchLabel = of ? branchChoices.find((c) => c.key === of)?.label : '';
    if (q) {
      fill(results, emptyState(`No ${one} matches “${q}”${stateLabel ? ` among ${stateLabel} ${many}` : ''}${branchLabel ? ` (${branchLabel})` : ''}`, hint, ids.none));
    } else if (state) {
      fill(results, emptyState(`No ${one} is ${stateLabel}${branchLabel ? ` (${branchLabel})` : ''}`, `Choose “All states” to see every ${one}.`, ids.none));
    } else if (of) {
      fill(results, emptyState(`No ${one} of ${branchLabel}`, `Choose “All branches” to see every branch’s ${many}.`, ids.none));
    } else {
      fill(results, emptyState(empty[0], empty[1], ids.empty));
    }
  };
  const later = debounce(show, 120);
  search.addEventListener('input', () => later());
  listKeys(search, results, later);
  filter.addEventListener('change', () => later.now());
  branch?.addEventListener('change', () => later.now());

  return {
    toolbar: h('div', { class: 'toolbar' }, search, filter, branch, count),
    results,
    /** Reads the results again, as searched (another computer changed something). */
    refresh: () => show(),
    /** Draws the first results, then puts the cursor in the search unless it came filled in. */
    async start() {
      await show();
      if (!params.query) search.focus();
    },
  };
}
