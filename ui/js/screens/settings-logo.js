// The shop's logo: shown as it will print, replaced or removed at once (not with Save).

import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { actorId } from '../actor.js';

export function logoEditor(hasLogo) {
  const preview = h('div', { class: 'logo-preview', testid: 'logo-preview' });
  let url = null;

  const show = async (present) => {
    if (url) URL.revokeObjectURL(url);
    url = null;
    if (!present) return fill(preview, h('span', { class: 'muted', text: 'No logo yet' }));
    const bytes = await api.logo();
    url = URL.createObjectURL(new Blob([bytes]));
    fill(preview, h('img', { src: url, alt: 'Shop logo', testid: 'logo-image' }));
  };

  const picker = h('input', { type: 'file', accept: 'image/png,image/jpeg', class: 'visually-hidden', testid: 'logo-file', attrs: { 'aria-label': 'Logo image file' } });
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    if (!file) return;
    try {
      await api.setLogo(actorId(), file, new Uint8Array(await file.arrayBuffer()));
      notify('Logo saved.');
      await show(true);
    } catch (err) {
      notify(err.message, 'error');
    } finally {
      picker.value = '';
    }
  });

  const remove = async () => {
    try {
      await api.clearLogo(actorId());
      notify('Logo removed.');
      await show(false);
    } catch (err) {
      notify(err.message, 'error');
    }
  };

  show(hasLogo).catch((err) => notify(err.message, 'error'));
  return h('div', { class: 'field' },
    h('span', { class: 'field-label', text: 'Logo' }),
    h('div', { class: 'field-body' },
      h('div', { class: 'logo-row' }, preview,
        h('div', { class: 'stack' },
          h('button', { type: 'button', class: 'secondary small', text: 'Choose image…', testid: 'logo-choose', onclick: () => picker.click() }),
          h('button', { type: 'button', class: 'ghost small', text: 'Remove', testid: 'logo-remove', onclick: remove }),
          picker)),
      h('p', { class: 'help', text: 'PNG or JPEG, printed at the top of every form. Saved as soon as you choose it.' })));
}
