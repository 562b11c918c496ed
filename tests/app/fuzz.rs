//! The command layer under hostile input: over 10,000 generated payloads sent through
//! Tauri's IPC (the mock runtime, with the app's own capabilities) to every command that
//! only touches the database. No panic; every refusal is an error the UI can show; and no
//! refused call commits anything (SQLite's data_version, seen from a second connection).

use caseback_store::demo;
use serde_json::{json, Map, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;

/// Commands that reach outside the database (a viewer, a printer, a mail client, folders and
/// files the caller names, the demo switch, files sent as raw bodies) are tested on their own
/// paths, not fuzzed.
const NOT_FUZZED: &[&str] = &[
    "form_export",
    "form_open",
    "form_print",
    "return_form_export",
    "return_form_open",
    "return_form_print",
    "mail_open",
    "backup_now",
    "data_export",
    "backup_restore",
    "backup_inspect",
    "demo_open",
    "demo_leave",
    "logo_set",
    "photo_add",
    "scan_add",
    "evidence_add",
];

fn commands() -> Vec<String> {
    caseback::COMMANDS.iter().filter(|c| !NOT_FUZZED.contains(c)).map(|c| c.to_string()).collect()
}

/// A small deterministic generator (no test depends on luck; a failure names its seed).
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
    fn string(&mut self) -> String {
        let samples = [
            "".to_string(),
            "R-2026-00003".into(),
            "RMA-K7QD-4WX".into(),
            "<script>window.__pwned=1</script>".into(),
            "\"><img src=x onerror=alert(1)>".into(),
            "javascript:alert(1)".into(),
            "'; DROP TABLE tickets; --".into(),
            "../../../../etc/passwd".into(),
            "a\u{0}b\u{7}c\u{1b}[31m".into(),
            "Ayşe Yılmaz 王小明".into(),
            "x".repeat(10_000),
            "-1".into(),
            "99999999999999999999".into(),
            "1,000.505".into(),
            "2026-02-30".into(),
            "0000-01-01".into(),
            "9999-12-31".into(),
            "\u{202e}evil".into(),
        ];
        self.pick(&samples).clone()
    }
    fn value(&mut self, depth: u32) -> Value {
        match self.next() % if depth > 2 { 7 } else { 10 } {
            0 => Value::Null,
            1 => json!(self.next().is_multiple_of(2)),
            2 => json!(*self.pick(&[0i64, 1, 2, 3, 7, 19, -1, i64::MAX, i64::MIN, 4_000_000_000])),
            3 => json!(*self.pick(&[0.5f64, -3.25, 1e300, f64::MIN_POSITIVE])),
            4..=6 => json!(self.string()),
            7 => Value::Array((0..self.next() % 4).map(|_| self.value(depth + 1)).collect()),
            _ => Value::Object(self.object(depth + 1)),
        }
    }
    fn object(&mut self, depth: u32) -> Map<String, Value> {
        const KEYS: &[&str] = &[
            "id",
            "by",
            "to",
            "kind",
            "form",
            "query",
            "filter",
            "number",
            "code",
            "details",
            "customer",
            "name",
            "phone",
            "amount",
            "method",
            "reference",
            "lines",
            "description",
            "unit_price",
            "quantity",
            "revision",
            "accepted",
            "answer",
            "channel",
            "decision",
            "inspection",
            "refund",
            "tracking",
            "dispatch",
            "collection",
            "completion",
            "values",
            "preset",
            "roster",
            "sha256",
            "reason",
            "override_reason",
            "package",
            "media",
            "order_number",
            "purchase_price",
            "currency",
            "purchase_date",
            "requested_on",
            "checklist",
            "wear",
            "percent",
            "folder",
            "path",
            "link",
            "staff",
            "photos",
            "parts",
            "work_performed",
            "courier",
            "fee",
        ];
        (0..1 + self.next() % 6).map(|_| (self.pick(KEYS).to_string(), self.value(depth))).collect()
    }
}

/// SQLite's count of commits made by other connections: it moves exactly when the app's
/// connection commits something.
fn data_version(conn: &rusqlite::Connection) -> i64 {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0)).unwrap()
}

#[test]
fn ten_thousand_hostile_payloads_change_nothing_when_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo::open_or_create(dir.path(), "2026-11-22T02:00:00Z".parse().unwrap()).unwrap());
    let db = dir.path().join(caseback_store::folder::DATABASE_FILE);
    let app = caseback::app(mock_builder(), dir.path().to_path_buf(), caseback::clock_from_env())
        .build(tauri::generate_context!())
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    let commands = commands();
    assert!(commands.len() > 50, "{commands:?}");
    let mut gen = Gen(0x5eed);
    let (mut refused, mut accepted) = (0, 0);
    let watcher = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    const PAYLOADS: usize = 10_500;
    for n in 0..PAYLOADS {
        let cmd = gen.pick(&commands).clone();
        let args = Value::Object(gen.object(0));
        // Long strings are cut in failure messages; the seed and payload number reproduce them.
        let shown_args: String = args.to_string().chars().take(300).collect();
        let request = InvokeRequest {
            cmd: cmd.clone(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args.clone()),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        let before = data_version(&watcher);
        match get_ipc_response(&webview, request) {
            Ok(_) => accepted += 1,
            Err(err) => {
                refused += 1;
                // Always the app's {code, message}, arguments of the wrong shape included.
                let shown = err.get("code").and_then(Value::as_str).is_some()
                    && err.get("message").and_then(Value::as_str).is_some_and(|m| !m.is_empty());
                assert!(shown, "payload {n}: {cmd} {shown_args} was refused without a message the UI can show: {err}");
                let after = data_version(&watcher);
                assert_eq!(after, before, "payload {n}: {cmd} {shown_args} was refused but committed a change");
            }
        }
    }
    // A wrong type is named: the field, and the app's code for it.
    let wrong = InvokeRequest {
        cmd: "ticket_get".into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(json!({ "id": "seven" })),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    let err = get_ipc_response(&webview, wrong).expect_err("a string is not a ticket id");
    assert_eq!(
        (err["code"].as_str(), err["fields"][0]["field"].as_str()),
        (Some("invalid_input"), Some("id")),
        "{err}"
    );

    // The watcher does see a commit: declining the demo's open request is one.
    let before = data_version(&watcher);
    let decline = InvokeRequest {
        cmd: "return_close".into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(json!({ "by": 1, "id": 1, "reason": "Outside the window, as agreed by phone" })),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&webview, decline).expect("a valid decline is accepted");
    assert_ne!(data_version(&watcher), before);
    println!(
        "{PAYLOADS} payloads to {} commands: {refused} refused with nothing written, {accepted} accepted",
        commands.len()
    );
    assert!(refused > PAYLOADS / 2);
}
