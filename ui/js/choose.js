// The system's file dialogs (Tauri's dialog plugin, `window.__TAURI__.dialog`): where staff
// choose the file a PDF is saved as, a folder to back up or export into, or a backup file to
// restore. Each answers the chosen path, or null when the dialog was cancelled. The dialog
// only hands back a path; the command it goes to writes or reads the file.
//
// Every dialog goes through `dialogs`: the window's tests cannot drive a native dialog, so
// they replace `dialogs.save` and `dialogs.open` with stand-ins that answer a path
// (tests/app/rig.rs, `App::answer_dialogs`).

function plugin() {
  const dialog = window.__TAURI__?.dialog;
  if (!dialog) throw new Error('The file dialog needs Caseback opened as the desktop app.');
  return dialog;
}

export const dialogs = {
  save: (options) => plugin().save(options),
  open: (options) => plugin().open(options),
};

// The plugin refuses with a bare string: callers get an Error, as from every other call.
async function ask(show) {
  try {
    return (await show()) ?? null;
  } catch (err) {
    throw err instanceof Error ? err : new Error(`The system's file dialog could not open: ${err}`);
  }
}

/** The file to save a PDF as, starting at `suggested` (a full path with the file name). */
export function pdfFile(title, suggested) {
  return ask(() => dialogs.save({ title, defaultPath: suggested, filters: [{ name: 'PDF', extensions: ['pdf'] }] }));
}

/** A folder that exists, starting at `from` when given. */
export function folder(title, from) {
  return ask(() => dialogs.open({ title, directory: true, multiple: false, defaultPath: from || undefined }));
}

/** One existing file, with `filters` ([{name, extensions}]) offered first, starting at `from`. */
export function file(title, filters, from) {
  return ask(() => dialogs.open({ title, directory: false, multiple: false, filters, defaultPath: from || undefined }));
}
