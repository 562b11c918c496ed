// Keyboard use of a searchable list: Enter in the search box opens the one match (a scanned
// code, say) or moves to the first row; the arrow keys walk the rows and back to the box.

/** `later` is the debounced search, whose `now()` runs it at once. */
export function listKeys(search, results, later) {
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      later.now().then(() => {
        const rows = results.querySelectorAll('tr.row-link');
        if (rows.length === 1) rows[0].click();
        else rows[0]?.focus();
      });
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      results.querySelector('tr.row-link')?.focus();
    }
  });
  results.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const row = e.target.closest('tr.row-link');
    const next = e.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
    if (next) {
      e.preventDefault();
      next.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      search.focus();
    }
  });
}
