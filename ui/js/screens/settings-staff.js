// The staff list editor: rename, add, give each their role, and retire staff (never delete:
// history names them).

import { h } from '../dom.js';

export function staffEditor(staff, roles, onChange) {
  const rows = [];
  const list = h('div', { class: 'staff-list', testid: 'staff-list' });
  const error = h('p', { class: 'field-error', testid: 'error-staff', attrs: { role: 'alert' } });

  const addRow = (member) => {
    const name = h('input', { value: member?.name ?? '', placeholder: 'Full name', maxLength: 60, testid: `staff-name-${rows.length}`, attrs: { 'aria-label': 'Staff name' }, oninput: onChange });
    const active = h('input', { type: 'checkbox', checked: member?.active ?? true, testid: `staff-active-${rows.length}`, onchange: onChange });
    const role = h('select', { testid: `staff-role-${rows.length}`, attrs: { 'aria-label': 'Role' }, onchange: onChange },
      roles.map((r) => h('option', { value: r.key, text: r.label, selected: r.key === (member?.role ?? 'counter') })));
    const row = { id: member?.id ?? null, name, active, role };
    list.append(h('div', { class: 'staff-row' }, name, role, h('label', { class: 'switch' }, active, h('span', { text: 'Works here' }))));
    rows.push(row);
    return row;
  };
  staff.forEach(addRow);

  return {
    node: h('div', {},
      list,
      h('button', { type: 'button', class: 'ghost small', text: '+ Add staff member', testid: 'add-staff', onclick: () => { addRow().name.focus(); onChange(); } }),
      h('p', { class: 'help', text: 'Watchmakers (and managers) can be given watches to work on. Clear “Works here” for someone who has left: they stay in the history but can no longer act.' }),
      error),
    roster: () => rows.filter((r) => r.id !== null || r.name.value.trim()).map((r) => ({ id: r.id, name: r.name.value, active: r.active.checked, role: r.role.value })),
    setError: (message) => { error.textContent = message ?? ''; },
    focus: () => rows[0]?.name.focus(),
  };
}
