//! caseback-cli as a shop's administrator would run it, on real data folders.

use std::path::Path;
use std::process::{Command, Output};

fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_caseback-cli")).arg("--data-dir").arg(dir).args(args).output().expect("runs")
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn settings_json(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(cli(dir, &["settings", "show", "--json"]))).unwrap()
}

#[test]
fn demo_then_show_and_set_settings() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ok(cli(dir.path(), &["demo"])).contains("Harbour Watch Repair (demo)"));
    let json = settings_json(dir.path());
    assert_eq!(json["preset"], "lx_watch");
    assert_eq!(json["settings"]["policy.quotation_validity"], "14 days");
    assert_eq!(json["staff"].as_array().unwrap().len(), 3);

    let out = ok(cli(
        dir.path(),
        &["settings", "set", "policy.storage_fee_per_day=12.5", "forms.paper_size=letter", "--staff", "Mei Chan"],
    ));
    assert!(out.contains("Mei Chan"), "{out}");
    assert_eq!(ok(cli(dir.path(), &["settings", "show", "policy.storage_fee_per_day"])).trim(), "12.50");
    assert_eq!(ok(cli(dir.path(), &["settings", "show", "forms.paper_size"])).trim(), "letter");

    ok(cli(dir.path(), &["settings", "preset", "turkish_store", "--staff", "Sam Wong"]));
    assert_eq!(ok(cli(dir.path(), &["settings", "show", "policy.warranty"])).trim(), "24 months");
    assert_eq!(ok(cli(dir.path(), &["settings", "show", "shop.name"])).trim(), "Harbour Watch Repair (demo)");
}

#[test]
fn refused_changes_write_nothing_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    ok(cli(dir.path(), &["demo"]));
    let before = settings_json(dir.path());
    for (args, expected) in [
        (vec!["settings", "set", "policy.storage_fee_per_day=-1", "--staff", "Mei Chan"], "negative"),
        (vec!["settings", "set", "shop.name=  ", "--staff", "Mei Chan"], "shop's name"),
        (vec!["settings", "set", "policy.partial_refund_min=120", "--staff", "Mei Chan"], "between 0 and 100"),
        // one bad value spoils the whole change, the good one included
        (
            vec!["settings", "set", "shop.phone=+852 1111", "policy.rma_validity=soon", "--staff", "Mei Chan"],
            "not a period",
        ),
        (vec!["settings", "set", "policy.rma_validity=7 days"], "--staff"),
        (vec!["settings", "set", "policy.rma_validity=7 days", "--staff", "Nobody"], "no active staff"),
        (vec!["settings", "set", "policy.nonsense=1", "--staff", "Mei Chan"], "no setting"),
        (vec!["settings", "preset", "acme", "--staff", "Mei Chan"], "no preset"),
    ] {
        let out = cli(dir.path(), &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should be refused");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(settings_json(dir.path()), before);
}

#[test]
fn writing_is_refused_while_the_app_holds_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    ok(cli(dir.path(), &["demo"]));
    let held = caseback_store::DataFolder::lock(dir.path()).unwrap();
    let out = cli(dir.path(), &["settings", "set", "shop.phone=+852 1", "--staff", "Mei Chan"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already open"), "{}", String::from_utf8_lossy(&out.stderr));
    // reading and backing up still work, without writing
    assert!(ok(cli(dir.path(), &["settings", "show", "shop.phone"])).contains("+852 2555 0188"));
    let dest = dir.path().join("copies").join("backup.sqlite");
    assert!(ok(cli(dir.path(), &["backup", "--to", dest.to_str().unwrap()])).contains("integrity check ok"));
    drop(held);
    ok(cli(dir.path(), &["settings", "set", "shop.phone=+852 1", "--staff", "Mei Chan"]));
}

#[test]
fn a_folder_without_a_shop_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(dir.path(), &["settings", "show"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no shop"));
}

#[test]
fn tickets_are_listed_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    ok(cli(dir.path(), &["demo"]));
    let text = ok(cli(dir.path(), &["tickets"]));
    assert!(text.contains("23 tickets"), "{text}");
    assert!(text.contains("Çağrı Öztürk") && text.contains("王小明"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&ok(cli(dir.path(), &["tickets", "--json"]))).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 23);
    assert!(rows[0]["number"].as_str().unwrap().starts_with("R-"));
    let found: serde_json::Value = serde_json::from_str(&ok(cli(dir.path(), &["tickets", "ayse", "--json"]))).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 2, "Ayşe's two tickets, found without the cedilla");
}

/// What `line` shows from terminal column `col` on; None when no character starts there (a
/// wide one straddles it).
fn from_column(line: &str, col: usize) -> Option<&str> {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    for (at, c) in line.char_indices() {
        if used == col {
            return Some(&line[at..]);
        }
        if used > col {
            return None;
        }
        used += c.width().unwrap_or(0);
    }
    (used == col).then_some("")
}

#[test]
fn ticket_columns_line_up_by_display_width() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    ok(cli(dir.path(), &["demo"]));
    // A name wider than its column (36 terminal columns; 歐陽娜娜 alone is eight).
    let long = "歐陽娜娜 Ouyang Nana-Christensen Lee";
    {
        let mut shop = caseback_store::demo::open_or_create(dir.path(), jiff::Timestamp::now()).unwrap();
        let by = shop.staff().unwrap()[0].id;
        let form = caseback_store::fixture::walk_in(long, "Loses a minute a day");
        shop.book_intake(by, &form, &[], jiff::Timestamp::now()).unwrap();
    }
    let text = ok(cli(dir.path(), &["tickets"]));
    let json: serde_json::Value = serde_json::from_str(&ok(cli(dir.path(), &["tickets", "--json"]))).unwrap();
    let rows = json.as_array().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), rows.len() + 1, "{text}");
    let cell = |r: &serde_json::Value, key: &str| r[key].as_str().unwrap().to_string();
    for name in ["王小明", "陳美玲", "Çağrı Öztürk", "歐陽娜娜 Ouyang"] {
        assert!(rows.iter().any(|r| cell(r, "customer_name").starts_with(name)), "{name} is in the demo");
    }

    // Every line's columns start where the first line's do, counted in terminal columns: the
    // state after the number, each column as wide as its widest cell (names up to 24).
    let first = lines[0];
    let state_col = first[..first.find(&cell(&rows[0], "state_label")).unwrap()].width();
    let name_col = state_col + rows.iter().map(|r| cell(r, "state_label").width()).max().unwrap() + 1;
    let name_width = rows.iter().map(|r| cell(r, "customer_name").width()).max().unwrap().min(24);
    let device_col = name_col + name_width + 1;
    for (r, line) in rows.iter().zip(&lines) {
        let (name, device) = (cell(r, "customer_name"), cell(r, "device"));
        let shows = |col: usize| from_column(line, col).unwrap_or_else(|| panic!("column {col} splits {line:?}"));
        assert!(line.starts_with(&cell(r, "number")), "{line:?}");
        assert!(shows(state_col).starts_with(&cell(r, "state_label")), "the state at {state_col}: {line:?}");
        let shown = shows(name_col);
        let shown = &shown[..shown.len() - shows(device_col).len()];
        assert_eq!(shown.width(), name_width + 1, "{line:?}");
        let shown = shown.trim_end();
        if name.width() <= name_width {
            assert_eq!(shown, name, "{line:?}");
        } else {
            // Cut by width with an ellipsis, between characters.
            let kept = shown.strip_suffix('…').unwrap_or_else(|| panic!("no ellipsis: {line:?}"));
            assert!(name.starts_with(kept) && kept.width() >= name_width - 2, "{line:?}");
        }
        let device_start: String = device.chars().take(4).collect();
        assert!(shows(device_col).starts_with(&device_start), "the device at {device_col}: {line:?}");
    }
    let long_line = lines.iter().find(|l| l.contains("歐陽娜娜")).unwrap();
    assert!(long_line.contains('…'), "{long_line}");

    // Aligned by width, not by characters: 王小明 is three characters and six columns.
    let device_chars = |who: &str| {
        let line = lines.iter().find(|l| l.contains(who)).unwrap();
        line[..line.len() - from_column(line, device_col).unwrap().len()].chars().count()
    };
    assert_eq!(device_chars("Çağrı Öztürk") - device_chars("王小明"), 3, "{text}");
}

#[test]
fn renders_both_forms_of_a_ticket() {
    let dir = tempfile::tempdir().unwrap();
    ok(cli(dir.path(), &["demo"]));
    let receipt = dir.path().join("receipt.pdf");
    let tag = dir.path().join("tag.pdf");
    ok(cli(dir.path(), &["render", "receipt", "r-2026-8", "--out", receipt.to_str().unwrap()]));
    ok(cli(dir.path(), &["render", "tag", "R-2026-00008", "--out", tag.to_str().unwrap()]));
    let text = |p: &Path| {
        let out = Command::new("pdftotext")
            .args(["-layout", p.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext: run scripts/install-deps");
        String::from_utf8(out.stdout).unwrap()
    };
    let r = text(&receipt);
    assert!(r.contains("R-2026-00008") && r.contains("Çağrı Öztürk") && r.contains("Harbour Watch Repair"), "{r}");
    assert!(text(&tag).contains("Öztürk"));
    let quote = dir.path().join("quote.pdf");
    ok(cli(dir.path(), &["render", "quotation", "R-2026-00006", "--out", quote.to_str().unwrap()]));
    let q = text(&quote);
    assert!(q.contains("Q-2026-00006-1") && q.contains("Optional cosmetic work"), "{q}");
    // Kemal's quotation lapsed and the hold is over; Priya's repair is covered by warranty.
    ok(cli(dir.path(), &["render", "return-notice", "R-2026-00001", "--out", quote.to_str().unwrap()]));
    assert!(text(&quote).contains("Kemal Aydın"));
    ok(cli(dir.path(), &["render", "work-summary", "R-2026-00004", "--out", quote.to_str().unwrap()]));
    assert!(text(&quote).contains("HKD 0.00"));
    let not_covered = cli(dir.path(), &["render", "work-summary", "R-2026-00006", "--out", quote.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&not_covered.stderr).contains("no covered warranty assessment"));
    let none = cli(dir.path(), &["render", "quotation", "R-2026-00008", "--out", quote.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&none.stderr).contains("no quotation yet"));
    let missing = cli(dir.path(), &["render", "receipt", "R-2026-00999", "--out", receipt.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("R-2026-00999 was not found"));
}

#[test]
fn renders_the_after_repair_forms_of_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    ok(cli(dir.path(), &["demo"]));
    let pdf = dir.path().join("form.pdf");
    let render = |form: &str, ticket: &str| {
        ok(cli(dir.path(), &["render", form, ticket, "--out", pdf.to_str().unwrap()]));
        let out = Command::new("pdftotext").args(["-layout", pdf.to_str().unwrap(), "-"]).output().expect("pdftotext");
        String::from_utf8(out.stdout).unwrap()
    };
    // Chan Tai Man: notified 12 days ago, a deposit paid, storage accruing.
    let notice = render("collection-notice", "R-2026-00014");
    assert!(notice.contains("Chan Tai Man") && notice.contains("10.00"), "{notice}");
    // Sarah O'Neill paid in full and collected.
    assert!(render("payment-receipt", "R-2026-00018").contains("PAID IN FULL"));
    // Zhang Wei's warranty repair went by UPS.
    assert!(render("shipping-notice", "R-2026-00019").contains("1Z4F82E70412345678"));
    assert!(render("commercial-invoice", "R-2026-00019").contains("RETURNED GOODS"));
    render("shipping-label", "R-2026-00019");
    let png = dir.path().join("label");
    let status =
        Command::new("pdftoppm").args(["-png", "-r", "200", "-singlefile"]).arg(&pdf).arg(&png).status().unwrap();
    assert!(status.success());
    let out =
        Command::new("zbarimg").args(["--quiet", "--raw"]).arg(png.with_extension("png")).output().expect("zbarimg");
    let codes = String::from_utf8(out.stdout).unwrap();
    assert!(codes.lines().any(|l| l == "1Z4F82E70412345678"), "{codes}");
    assert!(codes.lines().any(|l| l == "R-2026-00019"), "{codes}");
    // Forms whose facts a ticket lacks are refused with a reason.
    let early = cli(dir.path(), &["render", "shipping-label", "R-2026-00014", "--out", pdf.to_str().unwrap()]);
    assert!(!early.status.success());
}

#[test]
fn lists_returns_and_renders_their_forms() {
    let dir = tempfile::tempdir().unwrap();
    ok(cli(dir.path(), &["demo"]));
    let rows: serde_json::Value = serde_json::from_str(&ok(cli(dir.path(), &["returns", "--json"]))).unwrap();
    let code_in = |state: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["state"] == state)
            .and_then(|r| r["rma_code"].as_str())
            .unwrap()
            .to_string()
    };
    let pdf = dir.path().join("form.pdf");
    let render = |form: &str, target: &str| {
        ok(cli(dir.path(), &["render", form, target, "--out", pdf.to_str().unwrap()]));
        let out = Command::new("pdftotext").args(["-layout", pdf.to_str().unwrap(), "-"]).output().expect("pdftotext");
        String::from_utf8(out.stdout).unwrap()
    };
    let authorized = code_in("authorized");
    assert!(render("return-form", &authorized).contains(&authorized));
    assert!(render("rma-instructions", &authorized).contains(&authorized));
    for label in ["return-label", "return-label-a4"] {
        assert!(render(label, &authorized).contains("RETURNED GOODS"));
        let png = dir.path().join(label);
        let status =
            Command::new("pdftoppm").args(["-png", "-r", "200", "-singlefile"]).arg(&pdf).arg(&png).status().unwrap();
        assert!(status.success());
        let out = Command::new("zbarimg").args(["--quiet", "--raw"]).arg(png.with_extension("png")).output().unwrap();
        let codes = String::from_utf8(out.stdout).unwrap();
        assert_eq!(codes.lines().filter(|l| *l == authorized).count(), 2, "Code 128 and QR on the {label}: {codes}");
    }
    let refunded = code_in("refunded");
    assert!(render("inspection-report", &refunded).contains(&refunded));
    // A mistyped code is refused, not matched to another return.
    let mut typo = authorized.clone();
    let last = typo.pop().unwrap();
    typo.push(if last == '2' { '3' } else { '2' });
    let err = cli(dir.path(), &["render", "return-label", &typo, "--out", pdf.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&err.stderr).contains("not a valid RMA code"));
}

#[test]
fn backs_up_with_attachments_restores_after_showing_it_and_exports_csv() {
    let (dir, usb) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    ok(cli(dir.path(), &["demo"]));
    let said = ok(cli(dir.path(), &["backup", "--folder", usb.path().to_str().unwrap()]));
    assert!(said.contains("23 tickets") && said.contains("integrity check ok"), "{said}");
    let copy = std::fs::read_dir(usb.path()).unwrap().flatten().next().unwrap().path();
    assert!(copy.join("attachments").is_dir());
    let db = copy.join("caseback.sqlite");

    // Without --yes it only shows what the backup holds.
    let shown = ok(cli(dir.path(), &["restore", db.to_str().unwrap()]));
    assert!(shown.contains("23 tickets") && shown.contains("Nothing was changed"), "{shown}");
    let restored = ok(cli(dir.path(), &["restore", db.to_str().unwrap(), "--yes"]));
    assert!(restored.contains("Restored"), "{restored}");
    let listed = ok(cli(dir.path(), &["backups"]));
    assert!(listed.contains("No automatic backups yet"), "{listed}");
    let before: Vec<_> = std::fs::read_dir(dir.path().join("backups")).unwrap().flatten().collect();
    assert_eq!(before.len(), 1, "the replaced data was backed up first");
    assert!(
        listed.contains("restore one to undo") && listed.contains(&before[0].path().display().to_string()),
        "{listed}"
    );

    let exported = ok(cli(dir.path(), &["export", "--to", usb.path().to_str().unwrap()]));
    assert!(exported.contains("tickets.csv  23 rows") && exported.contains("return_cases.csv  14 rows"), "{exported}");
    let relative = cli(dir.path(), &["export", "--to", "somewhere"]);
    assert!(String::from_utf8_lossy(&relative.stderr).contains("full path"));
}

/// A new database on the test server (`CASEBACK_TEST_POSTGRES`), as a connection string.
fn new_shared_database() -> String {
    let (url, _) = caseback_store::fixture::empty_postgres_database().expect(caseback_store::fixture::NO_POSTGRES);
    url
}

#[test]
fn a_shop_moved_to_a_shared_database_is_worked_on_from_a_second_computer_and_moved_back() {
    let (counter, bench, other) =
        (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let url = new_shared_database();
    ok(cli(counter.path(), &["demo"]));
    let tickets = ok(cli(counter.path(), &["tickets"]));

    let moved = ok(cli(counter.path(), &["database", "move-to", &url, "--computer", "Counter"]));
    assert!(moved.contains("checked"), "{moved}");
    assert!(ok(cli(counter.path(), &["database", "show"])).contains("\"Counter\""));
    assert_eq!(ok(cli(counter.path(), &["tickets"])), tickets, "the same shop, now on the server");

    // A second computer joins, changes a setting; the first sees it.
    ok(cli(bench.path(), &["database", "join", &url, "--computer", "Bench"]));
    assert_eq!(ok(cli(bench.path(), &["tickets"])), tickets);
    ok(cli(bench.path(), &["settings", "set", "shop.phone=+852 2555 0199", "--staff", "Mei Chan"]));
    assert!(ok(cli(counter.path(), &["settings", "show", "shop.phone"])).contains("+852 2555 0199"));
    // Any computer reaches it with --database, without joining.
    assert_eq!(ok(cli(other.path(), &["--database", &url, "tickets"])), tickets);
    // Moving into a database that holds a shop is refused in a sentence.
    let refused = cli(other.path(), &["demo"]);
    assert!(refused.status.success());
    let again = cli(other.path(), &["database", "move-to", &url, "--computer", "Office"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds a shop"), "{again:?}");

    // Its spreadsheets come from any computer too.
    let exported = ok(cli(bench.path(), &["export", "--to", other.path().to_str().unwrap()]));
    assert!(exported.contains("tickets.csv  23 rows"), "{exported}");
    // The backup of the shared shop is a Caseback folder any computer restores from.
    let backup = ok(cli(bench.path(), &["backup", "--folder", other.path().to_str().unwrap()]));
    assert!(backup.contains("integrity check ok") && backup.contains("23 tickets"), "{backup}");

    // Back into the folder of a computer that has no file of its own any more.
    std::fs::rename(counter.path().join("caseback-before-sharing.sqlite"), counter.path().join("old.sqlite")).unwrap();
    let back = ok(cli(counter.path(), &["database", "move-back"]));
    assert!(back.contains("no longer uses the shared database"), "{back}");
    assert!(ok(cli(counter.path(), &["database", "show"])).contains("this computer's folder"));
    assert!(ok(cli(counter.path(), &["settings", "show", "shop.phone"])).contains("+852 2555 0199"));
}

#[test]
fn a_branch_server_is_set_up_from_head_office_and_its_counter_books_as_its_branch() {
    let (office, counter) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (head_office, branch) = (new_shared_database(), new_shared_database());
    ok(cli(office.path(), &["demo"]));
    ok(cli(office.path(), &["database", "move-to", &head_office, "--computer", "Office", "--branch", "HQ"]));
    assert!(ok(cli(office.path(), &["database", "show"])).contains("at branch HQ"));

    // Head office's tickets, one branch's or all.
    let all = ok(cli(office.path(), &["tickets"]));
    assert!(ok(cli(office.path(), &["tickets", "--branch", "-"])).lines().count() == all.lines().count());
    assert!(ok(cli(office.path(), &["tickets", "--branch", "HQ"])).contains("0 tickets"));
    let bad = cli(office.path(), &["tickets", "--branch", "K"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("2 to 4 letters"), "{bad:?}");

    // The branch's server starts from head office's shop (the test server keeps logical WAL,
    // as a branch server must).
    let started = ok(cli(office.path(), &["database", "start-branch", &branch, "--number", "1", "--staff", "Ayşe"]));
    assert!(
        started.contains("Set up branch server 1 with 1 staff") && started.contains("caseback_branch"),
        "{started}"
    );
    let again = cli(office.path(), &["database", "start-branch", &branch, "--number", "2", "--staff", "Ayşe"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("holds a shop already"), "{again:?}");
    let joined =
        ok(cli(counter.path(), &["database", "join", &branch, "--computer", "KLN counter", "--branch", "kln"]));
    assert!(joined.contains("branch KLN"), "{joined}");
    assert!(ok(cli(counter.path(), &["settings", "show", "shop.name"])).contains("Harbour Watch Repair"));
    assert!(ok(cli(counter.path(), &["tickets"])).contains("0 tickets"), "a branch server starts empty");
    // Only head office subscribes; a branch server is told so.
    let wrong = cli(counter.path(), &["database", "subscribe-branch", "mk", "host=elsewhere"]);
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("head office's database subscribes"), "{wrong:?}");
}
