// Intake photos: each chosen file is copied into the shop's attachments at once (photo_add)
// and shown as a thumbnail from its local blob: URL; the intake then names them by hash.

import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';

const MAX = 12;

export function photoPicker(onChange, help = 'PNG or JPEG. Photograph the case, glass and strap as handed in: they settle any later question about the condition.') {
  const photos = []; // {url, sha, pending, node}
  let shown = 0;
  const list = h('div', { class: 'thumbs', testid: 'intake-photo-list' });
  const error = h('p', { class: 'field-error', testid: 'error-photos', attrs: { role: 'alert' } });
  const count = h('span', { class: 'muted small', testid: 'intake-photo-count' });
  const picker = h('input', {
    type: 'file', multiple: true, accept: 'image/png,image/jpeg', class: 'visually-hidden', testid: 'intake-photos', tabIndex: -1,
    attrs: { 'aria-label': 'Photo files' },
  });
  const add = h('button', { type: 'button', class: 'secondary small', text: 'Add photos…', testid: 'intake-photos-add', onclick: () => picker.click() });

  const recount = () => {
    count.textContent = photos.length ? `${photos.length} of ${MAX}` : '';
    add.disabled = photos.length >= MAX;
    onChange();
  };

  const remove = (photo) => {
    photos.splice(photos.indexOf(photo), 1);
    photo.node.remove();
    URL.revokeObjectURL(photo.url);
    recount();
  };

  const addFile = (file) => {
    const n = ++shown;
    const photo = { url: URL.createObjectURL(file), sha: null };
    photo.node = h('figure', { class: 'thumb pending', testid: `photo-${n}` },
      h('img', { src: photo.url, alt: `Photo ${n}: ${file.name}` }),
      h('button', { type: 'button', class: 'thumb-remove', text: '×', testid: `photo-remove-${n}`, attrs: { 'aria-label': `Remove photo ${n}` }, onclick: () => remove(photo) }));
    photos.push(photo);
    list.append(photo.node);
    photo.pending = file.arrayBuffer()
      .then((buffer) => api.photoAdd(actorId(), file, new Uint8Array(buffer)))
      .then((sha) => {
        photo.sha = sha;
        photo.node.classList.remove('pending');
      })
      .catch((err) => {
        if (photos.includes(photo)) remove(photo);
        error.textContent = `${file.name}: ${err.message}`;
        notify(err.message, 'error');
      });
  };

  picker.addEventListener('change', () => {
    error.textContent = '';
    const files = [...(picker.files ?? [])];
    const room = MAX - photos.length;
    if (files.length > room) error.textContent = `At most ${MAX} photos per intake: ${files.length - room} not added.`;
    files.slice(0, room).forEach(addFile);
    picker.value = '';
    recount();
  });

  return {
    node: h('div', { class: 'photos' },
      list,
      h('div', { class: 'inline' }, add, count, picker),
      h('p', { class: 'help', text: help }),
      error),
    row: {
      key: 'photos',
      node: list,
      focus: () => add.focus(),
      setError: (message) => { error.textContent = message ?? ''; },
    },
    /** Waits for photos still being copied in, then gives the hashes in the order shown. */
    async hashes() {
      await Promise.all(photos.map((p) => p.pending));
      return photos.filter((p) => p.sha).map((p) => p.sha);
    },
    release: () => photos.forEach((p) => URL.revokeObjectURL(p.url)),
  };
}
