// Settings: the shop profile, money and forms, staff, and every policy period and fee, with
// the chosen preset's own wording beside each field. One Save for all; nothing is written
// unless every field is valid.

import { api } from '../ipc.js';
import { withApproval } from '../approval.js';
import { h, fill, notify } from '../dom.js';
import { actorId, setStaff } from '../actor.js';
import { fieldRow, showFieldErrors, timeZoneList, bringToField } from '../fields.js';
import { staffEditor } from './settings-staff.js';
import { logoEditor } from './settings-logo.js';
import { dataSection } from './settings-data.js';
import { sharedSection } from './settings-shared.js';
import { printingSection } from './settings-printing.js';
import { mailSection } from './settings-mail.js';

const POLICY_GROUPS = ['Repairs and quotations', 'Shipping', 'Warranty', 'Returns and refunds', 'Working days'];

export async function render(main, { status }) {
  const [view, presets] = await Promise.all([api.settings(), api.setupForm('UTC').then((f) => f.presets)]);
  const screen = { dirty: false };
  let rows = [];
  let staff;
  let preset = view.preset;

  const statusText = h('span', { class: 'save-status', testid: 'save-status', text: 'All changes saved' });
  const saveButton = h('button', { type: 'button', class: 'primary', text: 'Save settings', testid: 'settings-save', disabled: true, onclick: () => save() });
  const discardButton = h('button', { type: 'button', class: 'ghost', text: 'Discard changes', testid: 'settings-discard', disabled: true, onclick: () => { screen.dirty = false; build(view); } });
  const setDirty = (dirty) => {
    screen.dirty = dirty;
    statusText.textContent = dirty ? 'Unsaved changes' : 'All changes saved';
    saveButton.disabled = discardButton.disabled = !dirty;
    savebar.classList.toggle('pending', dirty);
  };
  const savebar = h('div', { class: 'savebar' }, statusText, h('div', { class: 'actions' }, discardButton, saveButton));
  const body = h('div', { class: 'settings-body' });
  const nav = h('nav', { class: 'settings-nav', attrs: { 'aria-label': 'Settings sections' } });
  // Made once: they keep what was typed and found there when the form is drawn again.
  const printing = printingSection();
  const mail = mailSection({ demo: status.demo });
  const data = dataSection({ timeZone: view.fields.find((f) => f.key === 'shop.time_zone')?.value, demo: status.demo });

  const onChange = () => setDirty(true);
  const currencyOf = () => rows.find((r) => r.key === 'money.currency')?.get().trim().toUpperCase();

  function section(id, title, intro, ...content) {
    return h('section', { class: 'card settings-section', id: `settings-${id}`, testid: `section-${id}` },
      h('h2', { text: title }), intro ? h('p', { class: 'muted', text: intro }) : null, content);
  }

  function build(v, keep = {}) {
    preset = v.preset;
    const ctx = { currency: v.fields.find((f) => f.key === 'money.currency')?.value, presetName: v.preset_name };
    rows = v.fields.map((f) => fieldRow(keep[f.key] !== undefined ? { ...f, value: keep[f.key] } : f, ctx, onChange));
    const group = (name) => rows.filter((r, i) => v.fields[i].group === name).map((r) => r.node);
    rows.find((r) => r.key === 'money.currency')?.node.addEventListener('input', () => rows.forEach((r) => r.setCurrency(currencyOf())));
    staff = staffEditor(v.staff, v.roles, onChange, {
      withPin: v.with_pin,
      // A PIN is saved on its own (not with the form): the page is drawn again, what was typed kept.
      setPin: async (manager, pin) => {
        const kept = Object.fromEntries(rows.map((r) => [r.key, r.get()]));
        const next = await withApproval((approval) => api.pinSet(actorId(), manager, pin, approval));
        Object.assign(view, next);
        build(next, kept);
        notify(pin ? 'PIN saved: refunds, restores, settings and voided payments now ask for a manager’s PIN.' : 'PIN cleared.');
      },
    });

    const presetSelect = h('select', { testid: 'preset-select', attrs: { 'aria-label': 'Policy preset' } },
      presets.map((p) => h('option', { value: p.id, text: p.name, selected: p.id === v.preset })));
    presetSelect.addEventListener('change', async () => {
      const kept = Object.fromEntries(rows.filter((r) => !r.key.startsWith('policy.')).map((r) => [r.key, r.get()]));
      try {
        build(await api.settingsWithPreset(presetSelect.value), kept);
        setDirty(true);
        notify('Policy values filled in from the preset. Review them, then save.');
      } catch (err) {
        notify(err.message, 'error');
      }
    });

    const sections = [
      ['shop', 'Shop profile', 'Printed at the top of every form and in every message.', [logoEditor(v.has_logo), group('Shop profile')]],
      ['money', 'Money, tax and forms', null, group('Money, tax and forms')],
      ['staff', 'Staff', 'The people at the counter. Every action records which of them did it.', [staff.node]],
      ['policy', 'Policy', null, [
        h('div', { class: 'preset-pick' },
          h('label', { class: 'field-label', text: 'Based on the policy of' }), presetSelect,
          h('p', { class: 'help', text: 'Choosing another shop refills every period and fee below from its policy, for you to review and save. Beneath each field, in quotes, is that shop’s own wording.' })),
        POLICY_GROUPS.map((g) => h('div', { class: 'subsection', testid: `group-${g}` }, h('h3', { text: g }), group(g),
          g === 'Working days' ? holidayOffers(v) : null))]],
      ['bench', 'Service warranty and bench', 'The shop’s own warranty on the work it does (the seed policies state none), and what it accepts of a watch’s readings after the work.', group('Service warranty and bench')],
      ['printing', 'Printing', 'Which printer each form comes out of on this computer, on which paper or label stock. Kept on this computer only, with its own Save.', [printing]],
      ['mail', 'E-mail', 'Forms sent to customers from this computer, through the shop’s mail server. This acts at once, without Save.', [mail]],
      ['shared', 'Shared database', 'Several computers, one shop. This acts at once, without Save.', [sharedSection({ demo: status.demo })]],
      ['data', 'Data and backups', 'Backups, a copy on a USB stick, restoring, and the data as spreadsheets. These act at once, without Save.', [data]],
      ['history', 'Change history', 'Who changed the settings, and when.', [historyList()]],
    ];
    fill(nav, sections.map(([id, title]) => h('a', { href: `#settings-${id}`, text: title, testid: `settings-nav-${id}`, onclick: (e) => { e.preventDefault(); document.getElementById(`settings-${id}`)?.scrollIntoView({ behavior: 'smooth' }); } })));
    fill(body, timeZoneList(), sections.map(([id, title, intro, content]) => section(id, title, intro, content)));
    setDirty(false);
  }

  // The preset country's public holidays the shop's list lacks, a year a button; added to
  // the Holidays field, they are saved with the rest.
  function holidayOffers(v) {
    const holidays = rows.find((r) => r.key === 'policy.holidays');
    if (!holidays || !v.holiday_offers.length) return null;
    return h('div', { class: 'actions', testid: 'holiday-offers' }, v.holiday_offers.map((offer) => {
      const button = h('button', { type: 'button', class: 'secondary', text: offer.label, testid: `add-holidays-${offer.year}`, onclick: () => {
        holidays.addHolidays(offer.holidays);
        button.disabled = true;
        notify(`${offer.holidays.length} holidays added. Review them, then save.`);
      } });
      return button;
    }));
  }

  function historyList() {
    const list = h('ol', { class: 'history', testid: 'settings-history' });
    api.settingsHistory().then((events) => fill(list, events.map((e) => {
      return h('li', {}, h('span', { class: 'when', text: e.at }), h('span', { class: 'who', text: e.staff ?? '' }), h('span', { text: e.text }));
    }))).catch((err) => notify(err.message, 'error'));
    return list;
  }

  async function save() {
    const values = Object.fromEntries(rows.map((r) => [r.key, r.get()]));
    saveButton.disabled = true;
    staff.setError('');
    try {
      const next = await withApproval((approval) => api.saveSettings(actorId(), preset, values, staff.roster(), approval));
      Object.assign(view, next);
      setStaff(next.staff, status.demo ? 'demo' : 'shop');
      const name = document.querySelector('[data-testid=shop-name]');
      if (name) name.textContent = values['shop.name'].trim();
      build(next);
      notify('Settings saved.');
    } catch (err) {
      const first = showFieldErrors(rows, err);
      const staffError = err.fields.find((f) => f.field.startsWith('staff'));
      if (staffError) staff.setError(staffError.message);
      notify(err.fields.length > 1 ? `${err.fields.length} fields need attention: ${err.message}` : err.message, 'error');
      if (first) bringToField(first);
      else if (staffError) staff.focus();
      saveButton.disabled = false;
    }
  }

  build(view);
  fill(main,
    h('div', { class: 'screen-head' }, h('h1', { text: 'Settings' }), h('span', { class: 'muted', text: 'Ctrl S saves' })),
    h('div', { class: 'settings-layout', testid: 'settings' }, nav, body),
    savebar);

  const onKey = (e) => {
    if (e.ctrlKey && e.key.toLowerCase() === 's' && main.contains(body)) {
      e.preventDefault();
      if (screen.dirty) save();
    }
  };
  document.addEventListener('keydown', onKey);

  return {
    canLeave() {
      if (!screen.dirty) {
        document.removeEventListener('keydown', onKey);
        return true;
      }
      notify('Save or discard your settings changes first.', 'error');
      savebar.classList.add('attention');
      setTimeout(() => savebar.classList.remove('attention'), 1200);
      return false;
    },
  };
}
