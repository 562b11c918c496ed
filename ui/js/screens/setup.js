// First start: set up the shop in a minute, or explore the demo shop first.

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { fieldRow, showFieldErrors, timeZoneList, bringToField } from '../fields.js';

export async function render(root, { onDone }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const form = await api.setupForm(zone);
  let preset = form.presets[0].id;

  // No preset wording here: the setup asks only for facts about the shop.
  const rows = form.fields.map((f) => fieldRow({ ...f, wording: null }));
  const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));

  // Choosing a preset fills in its place's currency, tax, time zone and ways of writing
  // numbers and dates, each still editable, and offers to fill in its country's public
  // holidays (when the app has them).
  const holidaysBox = h('input', { type: 'checkbox', checked: true, testid: 'setup-holidays' });
  const holidaysText = h('span');
  const holidaysRow = h('label', { class: 'switch', testid: 'setup-holidays-row' }, holidaysBox, holidaysText);
  const useRegion = (p) => {
    Object.entries(p.region).forEach(([key, value]) => byKey[key]?.set(value));
    holidaysRow.hidden = !p.holidays;
    holidaysText.textContent = p.holidays?.label ?? '';
  };
  const presetCards = form.presets.map((p) => {
    const radio = h('input', { type: 'radio', name: 'preset', value: p.id, checked: p.id === preset, testid: `preset-${p.id}`, onchange: () => { preset = p.id; useRegion(p); } });
    return h('label', { class: 'preset-card' }, radio, h('span', { class: 'preset-text' }, h('strong', { text: p.name }), h('span', { class: 'muted', text: p.summary })));
  });

  const staffBox = h('textarea', { rows: 3, testid: 'setup-staff', placeholder: 'One name a line, e.g.\nMei Chan\nAhmet Yılmaz', attrs: { 'aria-label': 'Staff names' } });
  const staffError = h('p', { class: 'field-error', testid: 'error-staff', attrs: { role: 'alert' } });
  const submit = h('button', { type: 'submit', class: 'primary large', text: 'Open my shop', testid: 'setup-submit' });

  const onSubmit = async (e) => {
    e.preventDefault();
    staffError.textContent = '';
    const values = Object.fromEntries(rows.map((r) => [r.key, r.get()]));
    const staff = staffBox.value.split('\n').map((s) => s.trim()).filter(Boolean);
    submit.disabled = true;
    try {
      const chosen = form.presets.find((p) => p.id === preset);
      await api.setupShop({ preset, values, staff, public_holidays: Boolean(chosen?.holidays) && holidaysBox.checked });
      notify('Your shop is ready.');
      await onDone();
    } catch (err) {
      const first = showFieldErrors(rows, err);
      const staffMsg = err.fields.find((f) => f.field.startsWith('staff'));
      if (staffMsg) staffError.textContent = staffMsg.message;
      if (first) bringToField(first);
      else if (staffMsg) bringToField({ node: staffBox.closest('.field'), focus: (o) => staffBox.focus(o) });
      else notify(err.message, 'error');
    } finally {
      submit.disabled = false;
    }
  };

  const exploreDemo = async () => {
    try {
      await api.demoOpen();
      await onDone();
    } catch (err) {
      notify(err.message, 'error');
    }
  };

  // Landmarks: the name and what Caseback is (banner), the set-up (main), the demo (aside).
  fill(root, h('div', { class: 'setup-page', testid: 'setup' },
    timeZoneList(),
    h('header', { class: 'setup-intro' },
      h('h1', { class: 'brand big' }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), 'Caseback'),
      h('p', { class: 'lead', text: 'The after-sales desk for watch repair shops: intake, quotations, collection, returns and every form, on this computer, online or not.' })),
    h('div', { class: 'setup-columns' },
      h('main', {}, h('form', { class: 'card setup-form', onsubmit: onSubmit, noValidate: true },
        h('h2', { text: 'Set up your shop' }),
        h('p', { class: 'muted', text: 'A few facts now; everything else, from your address to every policy period, is in Settings.' }),
        byKey['shop.name'].node,
        h('fieldset', { class: 'presets' },
          h('legend', { text: 'Start from the policy of' }),
          h('p', { class: 'help', text: 'Pick the shop whose rules are closest to yours; you can change every period and fee afterwards.' }),
          presetCards),
        h('h3', { class: 'subhead', text: 'Where customers find you' }),
        byKey['shop.address'].node,
        h('div', { class: 'two' }, byKey['shop.phone'].node, byKey['shop.email'].node),
        byKey['shop.whatsapp'].node,
        h('h3', { class: 'subhead', text: 'Money, time and dates' }),
        h('div', { class: 'two' }, byKey['money.currency'].node, byKey['shop.time_zone'].node),
        h('div', { class: 'two' }, byKey['money.tax_name'].node, byKey['money.tax_rate'].node),
        h('div', { class: 'two' }, byKey['money.number_style'].node, byKey['forms.date_style'].node),
        h('div', { class: 'field' },
          h('span', { class: 'field-label', text: 'Public holidays' }),
          h('div', { class: 'field-body' }, holidaysRow, h('p', { class: 'help', text: 'Business-day deadlines skip them. Change or add closure days in Settings.' }))),
        h('div', { class: 'field' },
          h('label', { class: 'field-label', text: 'Staff at the counter' }),
          h('div', { class: 'field-body' }, staffBox, h('p', { class: 'help', text: 'Every action records who did it.' }), staffError)),
        h('div', { class: 'actions' }, submit))),
      h('aside', { class: 'card demo-card' },
        h('h2', { text: 'Just looking?' }),
        h('p', { text: 'Explore a demo repair shop in Hong Kong, with its staff and policy set up. It lives in its own folder and never mixes with your shop.' }),
        h('button', { type: 'button', class: 'secondary large', text: 'Explore the demo shop', testid: 'open-demo', onclick: exploreDemo })))));
  useRegion(form.presets[0]);
  byKey['shop.name'].focus();
}
