// The one place the UI talks to the app. Every command resolves with its value or throws an
// IpcError carrying the stable machine code, the message to show and per-field messages.

export class IpcError extends Error {
  constructor({ code, message, fields }) {
    super(message);
    this.code = code ?? 'unknown';
    this.fields = fields ?? [];
  }
}

function invoke(cmd, args, options) {
  const tauri = window.__TAURI__;
  if (!tauri?.core?.invoke) {
    return Promise.reject(new IpcError({ code: 'no_app', message: 'Caseback must be opened as the desktop app.' }));
  }
  return tauri.core.invoke(cmd, args, options);
}

/** Calls `handler(payload)` with each change another computer made to a shared shop. */
export function onShopChanged(handler) {
  window.__TAURI__?.event?.listen('shop-changed', (e) => handler(e.payload ?? {}));
}

// The postman's news (a message sent, refused or still waiting) as a window event, heard
// by whichever e-mail list is on show.
globalThis.__TAURI__?.event?.listen('outbox-changed', () => globalThis.dispatchEvent(new CustomEvent('outbox-changed')));

/** Calls `handler` each time the outbox changes, while `node` is on the page. */
export function whileShownOnOutbox(node, handler) {
  const heard = () => (node.isConnected ? handler() : window.removeEventListener('outbox-changed', heard));
  window.addEventListener('outbox-changed', heard);
}

/** Tells the frame how the app answered (live.js: the shared database's server away or back). */
const told = (name, detail) => window.dispatchEvent(new CustomEvent(name, { detail }));

export async function call(cmd, args = {}) {
  try {
    const answer = await invoke(cmd, args);
    told('caseback-answered');
    return answer;
  } catch (err) {
    const e = err instanceof IpcError ? err
      : err && typeof err === 'object' && 'code' in err ? new IpcError(err)
        : new IpcError({ code: 'unexpected', message: String(err?.message ?? err) });
    told('caseback-refused', e.code);
    throw e;
  }
}

/** Sends raw bytes (a file) as the body, with small facts in headers. */
export async function callWithBytes(cmd, bytes, headers) {
  try {
    return await invoke(cmd, bytes, { headers });
  } catch (err) {
    if (err && typeof err === 'object' && 'code' in err) throw new IpcError(err);
    throw new IpcError({ code: 'unexpected', message: String(err?.message ?? err) });
  }
}

export const api = {
  status: () => call('app_status'),
  setupForm: (timeZone) => call('setup_form', { timeZone }),
  setupShop: (form) => call('setup_shop', { form }),
  demoOpen: () => call('demo_open'),
  demoLeave: () => call('demo_leave'),
  settings: () => call('settings_get'),
  settingsWithPreset: (preset) => call('settings_with_preset', { preset }),
  saveSettings: (by, preset, values, roster, approval = null) => call('settings_save', { by, preset, values, roster, approval }),
  pinSet: (by, manager, pin, approval = null) => call('pin_set', { by, manager, pin, approval }),
  settingsHistory: () => call('settings_history'),
  sharedGet: () => call('shared_get'),
  sharedCheck: (form) => call('shared_check', { form }),
  sharedMove: (form) => call('shared_move', { form }),
  sharedJoin: (form) => call('shared_join', { form }),
  sharedLeave: () => call('shared_leave'),
  sharedBranchSet: (branch) => call('shared_branch_set', { branch }),
  logo: () => call('logo_get'),
  setLogo: (by, file, bytes) => callWithBytes('logo_set', bytes, { 'x-staff-id': String(by), 'x-file-name': encodeURIComponent(file.name) }),
  clearLogo: (by) => call('logo_clear', { by }),
  intakeOptions: () => call('intake_options'),
  intakePreview: (details) => call('intake_preview', { details }),
  photoAdd: (by, file, bytes) => callWithBytes('photo_add', bytes, { 'x-staff-id': String(by), 'x-file-name': encodeURIComponent(file.name) }),
  photoGet: (sha256) => call('photo_get', { sha256 }),
  scanAdd: (by, file, bytes) => callWithBytes('scan_add', bytes, { 'x-staff-id': String(by), 'x-file-name': encodeURIComponent(file.name) }),
  intakeCheck: (form) => call('intake_check', { form }),
  intakeBook: (by, form, photos) => call('intake_book', { by, form, photos }),
  /** branch: '' for every branch's, a branch code, or '-' for those booked without one. */
  ticketsSearch: (query, filter = null, branch = '') => call('tickets_search', { query, filter, branch }),
  branchesGet: () => call('branches_get'),
  watchGet: (id) => call('watch_get', { id }),
  watchEdit: (by, id, details) => call('watch_edit', { by, id, details }),
  /** on: "YYYY-MM-DD", the new owner's first day. */
  watchPass: (by, id, customer, on) => call('watch_pass', { by, id, customer, on }),
  /** What a brand and serial typed or scanned at intake find: the watch, or near matches to offer. */
  watchFind: (brand, serial) => call('watch_find', { brand, serial }),
  watchBySerial: (serial) => call('watch_by_serial', { serial }),
  readingsGet: (ticket) => call('readings_get', { ticket }),
  readingsRecord: (by, ticket, form) => call('readings_record', { by, ticket, form }),
  ticketBenchGet: (ticket) => call('ticket_bench_get', { ticket }),
  ticketAssign: (by, ticket, to) => call('ticket_assign', { by, ticket, to }),
  workTimeLog: (by, ticket, minutes, note) => call('work_time_log', { by, ticket, minutes, note }),
  workClock: (by, ticket, start) => call('work_clock', { by, ticket, start }),
  benchGet: (staff) => call('bench_get', { staff }),
  todayBench: () => call('today_bench'),
  customersImportPreview: (text, mapping = null) => call('customers_import_preview', { text, mapping }),
  customersImport: (by, file, text, mapping) => call('customers_import', { by, file, text, mapping }),
  partsGet: (query, lowOnly = false) => call('parts_get', { query, lowOnly }),
  partGet: (part) => call('part_get', { part }),
  partAdd: (by, form) => call('part_add', { by, form }),
  partEdit: (by, part, form) => call('part_edit', { by, part, form }),
  stockReceive: (by, part, pieces, note) => call('stock_receive', { by, part, pieces, note }),
  stockCount: (by, part, counted) => call('stock_count', { by, part, counted }),
  stockWriteOff: (by, part, pieces, reason) => call('stock_write_off', { by, part, pieces, reason }),
  partsImportPreview: (text) => call('parts_import_preview', { text }),
  partsImport: (by, file, text) => call('parts_import', { by, file, text }),
  ticketParts: (ticket) => call('ticket_parts', { ticket }),
  todayParts: () => call('today_parts'),
  signaturesGet: (ticket) => call('signatures_get', { ticket }),
  signatureAdd: (by, ticket, document, signer, bytes) => callWithBytes('signature_add', bytes, {
    'x-staff-id': String(by), 'x-ticket-id': String(ticket), 'x-document': document, 'x-file-name': encodeURIComponent(signer),
  }),
  todayList: () => call('today_list'),
  todayQuotes: () => call('today_quotes'),
  todayRelease: () => call('today_release'),
  todayReturns: () => call('today_returns'),
  ticketFind: (number) => call('ticket_find', { number }),
  ticketGet: (id) => call('ticket_get', { id }),
  ticketMove: (by, id, to, approval = null) => call('ticket_move', { by, id, to, approval }),
  customersFind: (query) => call('customers_find', { query }),
  customerGet: (id) => call('customer_get', { id }),
  customerEdit: (by, id, details) => call('customer_edit', { by, id, details }),
  quotationPreview: (form) => call('quotation_preview', { form }),
  quotationsGet: (id) => call('quotations_get', { id }),
  assessmentRecord: (by, id, assessment) => call('assessment_record', { by, id, assessment }),
  quotationIssue: (by, id, form) => call('quotation_issue', { by, id, form }),
  quotationAnswer: (by, id, revision, accepted, answer) => call('quotation_answer', { by, id, revision, accepted, answer }),
  mailOpen: (link) => call('mail_open', { link }),
  whatsappOpen: (link) => call('whatsapp_open', { link }),
  afterSaleGet: (id) => call('after_sale_get', { id }),
  repairComplete: (by, id, completion) => call('repair_complete', { by, id, completion }),
  collectionNoticeIssue: (by, id) => call('collection_notice_issue', { by, id }),
  paymentRecord: (by, id, form) => call('payment_record', { by, id, form }),
  paymentVoid: (by, id, form, approval = null) => call('payment_void', { by, id, form, approval }),
  shippingPreview: (id, form) => call('shipping_preview', { id, form }),
  shippingChoose: (by, id, form) => call('shipping_choose', { by, id, form }),
  ticketCollect: (by, id, collection) => call('ticket_collect', { by, id, collection }),
  ticketDispatch: (by, id, dispatch) => call('ticket_dispatch', { by, id, dispatch }),
  dataOverview: () => call('data_overview'),
  backupNow: (folder) => call('backup_now', { folder }),
  backupInspect: (path) => call('backup_inspect', { path }),
  backupRestore: (by, path, approval = null) => call('backup_restore', { by, path, approval }),
  dataExport: (folder) => call('data_export', { folder }),
  returnOptions: () => call('return_options'),
  returnPreview: (form) => call('return_preview', { form }),
  returnGet: (id) => call('return_get', { id }),
  returnFind: (code) => call('return_find', { code }),
  evidenceAdd: (by, file, bytes) => callWithBytes('evidence_add', bytes, { 'x-staff-id': String(by), 'x-file-name': encodeURIComponent(file.name) }),
  returnRequest: (by, form) => call('return_request', { by, form }),
  returnCorrect: (by, id, form) => call('return_correct', { by, id, form }),
  returnMediaAdd: (by, id, media) => call('return_media_add', { by, id, media }),
  returnAuthorize: (by, id, overrideReason = null) => call('return_authorize', { by, id, overrideReason }),
  returnClose: (by, id, reason) => call('return_close', { by, id, reason }),
  returnExtend: (by, id) => call('return_extend', { by, id }),
  packageReceive: (by, code, pkg) => call('package_receive', { by, code, package: pkg }),
  returnAcceptHeld: (by, id, reason) => call('return_accept_held', { by, id, reason }),
  returnSettlePreview: (id, decision) => call('return_settle_preview', { id, decision }),
  returnDecide: (by, id, inspection, decision) => call('return_decide', { by, id, inspection, decision }),
  returnRevise: (by, id, inspection, decision) => call('return_revise', { by, id, inspection, decision }),
  returnTakeIn: (by, id, overrideReason = null) => call('return_take_in', { by, id, overrideReason }),
  returnHandOver: (by, id) => call('return_hand_over', { by, id }),
  returnRefund: (by, id, refund, approval = null) => call('return_refund', { by, id, refund, approval }),
  returnExchangeFee: (by, id, fee) => call('return_exchange_fee', { by, id, fee }),
  returnLinkPackage: (by, id, code) => call('return_link_package', { by, id, code }),
  returnShipOut: (by, id, tracking) => call('return_ship_out', { by, id, tracking }),
  returnsSearch: (query, filter = null, branch = '') => call('returns_search', { query, filter, branch }),
  /** kind: return_authorization, rma_instructions, return_label, return_label_a4, inspection_report or decline_letter. */
  returnFormOpen: (id, kind) => call('return_form_open', { id, kind }),
  returnFormPrint: (id, kind) => call('return_form_print', { id, kind }),
  /** Saves the form as `path`, the file chosen in the save dialog (choose.js). */
  returnFormExport: (id, kind, path) => call('return_form_export', { id, kind, path }),
  /** kind: a caseback_forms::FormKind, e.g. 'intake_receipt', 'quotation', 'shipping_label'. */
  formOpen: (id, kind) => call('form_open', { id, kind }),
  /** Prints on the form's printer and stock (Settings → Printing); says what was sent where. */
  formPrint: (id, kind) => call('form_print', { id, kind }),
  /** The bag tags of today's intakes, in one job. */
  tagsPrintToday: () => call('tags_print_today'),
  /** Settings → Printing: the system's printers and each form's printer, stock and copies. */
  printingGet: () => call('printing_get'),
  /** forms: [{key, printer, media, copies}]; every line checked, each refused at its own field. */
  printingSet: (forms) => call('printing_set', { forms }),
  /** Settings → E-mail: this computer's mail account (never its password). */
  mailAccountGet: () => call('mail_account_get'),
  /** form: {host, port, security, user, from_address, from_name, password?}; each refusal at its field. */
  mailAccountSave: (form) => call('mail_account_save', { form }),
  /** A test message through the server, answered with what the server said. */
  mailTest: (to) => call('mail_test', { to }),
  /** Queues the form for the customer's e-mail, with its message; the outbox sends it. */
  formEmail: (by, id, kind) => call('form_email', { by, id, kind }),
  returnFormEmail: (by, id, kind) => call('return_form_email', { by, id, kind }),
  ticketOutbox: (id) => call('ticket_outbox', { id }),
  returnOutbox: (id) => call('return_outbox', { id }),
  outbox: () => call('outbox_get'),
  /** A refused message back in the outbox. */
  outboxRetry: (by, message) => call('outbox_retry', { by, message }),
  /** Sends what waits now, in the background (the window hears `outbox-changed`). */
  outboxSend: () => call('outbox_send'),
  /** The Reports screen's periods (this month, last month, this year, last year). */
  reportPeriods: () => call('report_periods'),
  /** A period's figures, from and to as YYYY-MM-DD, both included. */
  report: (from, to) => call('report_get', { from, to }),
  /** Saves the report at `path` (from the save dialog): CSV for a .csv name, else PDF. */
  reportSave: (from, to, path) => call('report_save', { from, to, path }),
  /** Saves the form as `path`, the file chosen in the save dialog (choose.js). */
  formExport: (id, kind, path) => call('form_export', { id, kind, path }),
};
