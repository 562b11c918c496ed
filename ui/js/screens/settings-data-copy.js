// Copies of the shop's data into a folder staff choose (a USB stick): a full backup, and every
// table as CSV for a spreadsheet or an accountant.

import * as choose from '../choose.js';
import { api } from '../ipc.js';
import { h, fill, notify } from '../dom.js';
import { pathForm, countsLine } from './data-bits.js';

export function backupNowPart() {
  const form = pathForm({
    id: 'backup-folder', buttonId: 'backup-now', fieldKey: 'folder',
    label: 'Folder to back up into', placeholder: '/media/usb',
    help: 'Choose a folder that exists, such as a USB stick, or type its full path. Caseback makes a new dated folder inside it with the data and every photo and scan.',
    choose: { text: 'Choose folder…', pick: (current) => choose.folder('Folder to back up into', current) },
    buttonText: 'Back up now', busyText: 'Backing up…',
    run: async (folder, result) => {
      const s = await api.backupNow(folder);
      fill(result, h('p', { class: 'verdict pass', testid: 'backup-result' },
        'Backed up to ', h('span', { class: 'path', text: s.path }), `: ${countsLine(s)}; integrity check passed.`));
      notify('Backup made and checked.');
    },
  });
  return form.node;
}

export function exportPart() {
  const form = pathForm({
    id: 'export-folder', buttonId: 'export-now', fieldKey: 'folder',
    label: 'Folder to export into', placeholder: '/media/usb',
    help: 'Choose a folder that exists, or type its full path. One CSV file per table, readable in any spreadsheet, with the photos and scans as files beside them. This is a copy to read, not a backup to restore.',
    choose: { text: 'Choose folder…', pick: (current) => choose.folder('Folder to export into', current) },
    buttonText: 'Export to CSV', busyText: 'Exporting…',
    run: async (folder, result) => {
      const x = await api.dataExport(folder);
      const rows = x.tables.reduce((sum, [, n]) => sum + n, 0);
      fill(result, h('div', { class: 'export-result', testid: 'export-result' },
        h('p', { class: 'verdict pass', testid: 'export-summary' },
          `Exported ${x.tables.length} tables (${rows} rows) to `, h('span', { class: 'path', text: x.folder })),
        h('ul', { class: 'table-counts', testid: 'export-tables' }, x.tables.map(([name, n]) => h('li', { testid: `export-table-${name}` },
          h('span', { text: `${name}.csv` }), h('span', { class: 'muted', text: String(n) })))),
        h('p', { class: 'help', testid: 'export-attachments',
          text: `Photos and scans: ${x.attachments} ${x.attachments === 1 ? 'file' : 'files'} in the attachments folder.` })));
      notify('Exported to CSV.');
    },
  });
  return form.node;
}
