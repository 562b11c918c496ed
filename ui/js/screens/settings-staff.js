// The staff list editor: rename, add, give each their role, and retire staff (never delete:
// history names them).

import { h } from '../dom.js';

export function staffEditor(staff, roles, onChange, pins = { withPin: [], setPin: async () => {} }) {
  const rows = [];
  const list = h('div', { class: 'staff-list', testid: 'staff-list' });
  const error = h('p', { class: 'field-error', testid: 'error-staff', attrs: { role: 'alert' } });

  const addRow = (member) => {
    const name = h('input', { value: member?.name ?? '', placeholder: 'Full name', maxLength: 60, testid: `staff-name-${rows.length}`, attrs: { 'aria-label': 'Staff name' }, oninput: onChange });
    const active = h('input', { type: 'checkbox', checked: member?.active ?? true, testid: `staff-active-${rows.length}`, onchange: onChange });
    const role = h('select', { testid: `staff-role-${rows.length}`, attrs: { 'aria-label': 'Role' }, onchange: onChange },
      roles.map((r) => h('option', { value: r.key, text: r.label, selected: r.key === (member?.role ?? 'counter') })));
    const row = { id: member?.id ?? null, name, active, role };
    const i = rows.length;
    const line = h('div', { class: 'staff-row' }, name, role, h('label', { class: 'switch' }, active, h('span', { text: 'Works here' })),
      member?.role === 'manager' && member.active ? pinControl(member, i) : null);
    list.append(line);
    rows.push(row);
    return row;
  };
  /** A saved manager's PIN: set, changed or cleared on its own, with its own line for problems. */
  function pinControl(member, i) {
    const has = pins.withPin.includes(member.id);
    const holder = h('span', { class: 'pin-control' });
    const problem = h('span', { class: 'field-error', testid: `staff-pin-error-${i}`, attrs: { role: 'alert' } });
    const open = () => {
      const input = h('input', { type: 'password', inputMode: 'numeric', maxLength: 8, autocomplete: 'new-password', placeholder: '4 to 8 digits',
        class: 'pin-input', testid: `staff-pin-${i}`, attrs: { 'aria-label': `${member.name}'s PIN` } });
      const save = async (pin) => {
        problem.textContent = '';
        try {
          await pins.setPin(member.id, pin);
        } catch (err) {
          problem.textContent = err.message;
        }
      };
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); save(input.value); } });
      holder.replaceChildren(input,
        h('button', { type: 'button', class: 'ghost small', text: 'Save PIN', testid: `staff-pin-save-${i}`, onclick: () => save(input.value) }),
        has ? h('button', { type: 'button', class: 'ghost small', text: 'Clear', testid: `staff-pin-clear-${i}`, onclick: () => save(null) }) : null,
        problem);
      input.focus();
    };
    holder.append(h('button', { type: 'button', class: 'ghost small', testid: `staff-pin-open-${i}`,
      text: has ? 'Change PIN…' : 'Set a PIN…', onclick: open }), has ? h('span', { class: 'muted small', text: ' PIN set' }) : null);
    return holder;
  }

  staff.forEach(addRow);

  return {
    node: h('div', {},
      list,
      h('button', { type: 'button', class: 'ghost small', text: '+ Add staff member', testid: 'add-staff', onclick: () => { addRow().name.focus(); onChange(); } }),
      h('p', { class: 'help', text: 'Watchmakers (and managers) can be given watches to work on. Once a manager sets a PIN, refunds, restores, settings and voided payments ask for a manager’s PIN. Clear “Works here” for someone who has left: they stay in the history but can no longer act.' }),
      error),
    roster: () => rows.filter((r) => r.id !== null || r.name.value.trim()).map((r) => ({ id: r.id, name: r.name.value, active: r.active.checked, role: r.role.value })),
    setError: (message) => { error.textContent = message ?? ''; },
    focus: () => rows[0]?.name.focus(),
  };
}
