// Photos picked for a form: each chosen file is copied into the shop's attachments at once
// (photo_add, or the upload given) and shown as a thumbnail from its local blob: URL; the form
// then names them by hash. Return evidence uses it too, with videos shown as a plain tile.

import { api } from '../ipc.js';
import { h, notify } from '../dom.js';
import { actorId } from '../actor.js';

const INTAKE_IDS = { input: 'intake-photos', add: 'intake-photos-add', list: 'intake-photo-list', count: 'intake-photo-count', item: 'photo', error: 'error-photos' };

/**
 * Options: upload(by, file, bytes) → sha, accept, key (the form's error key), ids (test ids:
 * input, add, list, count, item prefix, error), addText, many (words for the limit message).
 */
let maxPhotos = 0; // the app's own limit, set from its status at start-up, before any screen

/** The most photos one step keeps, as the app's status gives it. */
export function setMaxPhotos(n) {
  if (Number.isInteger(n) && n > 0) maxPhotos = n;
}

export function photoPicker(onChange, help = 'PNG or JPEG. Photograph the case, glass and strap as handed in: they settle any later question about the condition.', {
  upload = api.photoAdd, accept = 'image/png,image/jpeg', key = 'photos', ids = INTAKE_IDS, addText = 'Add photos…', many = 'photos per intake',
} = {}) {
  const MAX = maxPhotos;
  const photos = []; // {url, sha, pending, node}
  let shown = 0;
  const list = h('div', { class: 'thumbs', testid: ids.list });
  const error = h('p', { class: 'field-error', testid: ids.error, attrs: { role: 'alert' } });
  const count = h('span', { class: 'muted small', testid: ids.count });
  const picker = h('input', {
    type: 'file', multiple: true, accept, class: 'visually-hidden', testid: ids.input, tabIndex: -1,
    attrs: { 'aria-label': 'Files to add' },
  });
  const add = h('button', { type: 'button', class: 'secondary small', text: addText, testid: ids.add, onclick: () => picker.click() });

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
    // The window's security policy plays no blob: media, so a video shows as a named tile.
    const video = file.type.startsWith('video/');
    photo.node = h('figure', { class: `thumb pending${video ? ' video' : ''}`, testid: `${ids.item}-${n}` },
      video ? h('span', { class: 'thumb-video' }, h('strong', { text: 'Video' }), h('span', { text: file.name }))
        : h('img', { src: photo.url, alt: `Photo ${n}: ${file.name}` }),
      h('button', { type: 'button', class: 'thumb-remove', text: '×', testid: `${ids.item}-remove-${n}`, attrs: { 'aria-label': `Remove ${video ? 'video' : 'photo'} ${n}` }, onclick: () => remove(photo) }));
    photos.push(photo);
    list.append(photo.node);
    photo.pending = file.arrayBuffer()
      .then((buffer) => upload(actorId(), file, new Uint8Array(buffer)))
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
    if (files.length > room) error.textContent = `At most ${MAX} ${many}: ${files.length - room} not added.`;
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
      key,
      node: list,
      focus: (options) => add.focus(options),
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
