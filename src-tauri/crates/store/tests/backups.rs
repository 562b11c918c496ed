//! Automatic backups and their rotation, a full copy to another folder, restoring one, and
//! the CSV export, on real files.

use caseback_domain::presets::PresetId;
use caseback_domain::staff::StaffId;
use caseback_domain::Code;
use caseback_domain::{Currency, Settings};
use caseback_store::backups::{list_before_restore, list_daily};
use caseback_store::{db, fixture, Shop};
use jiff::{SignedDuration, Timestamp};

fn at(day: i64) -> Timestamp {
    "2026-01-01T02:00:00Z".parse::<Timestamp>().unwrap() + SignedDuration::from_hours(24 * day)
}

fn shop(dir: &std::path::Path) -> (Shop, StaffId) {
    fixture::new_shop(dir, at(0))
}

fn book(shop: &mut Shop, by: StaffId, name: &str, photo: bool, day: i64) {
    let photos = if photo {
        vec![shop.store_photo(by, "case.png", b"\x89PNG\r\n\x1a\ncase", at(day)).unwrap().sha256]
    } else {
        vec![]
    };
    shop.book_intake(by, &fixture::walk_in(name, "Stopped"), &photos, at(day)).unwrap();
}

#[test]
fn one_backup_a_day_rotated_to_7_days_4_weeks_and_12_months() {
    let dir = tempfile::tempdir().unwrap();
    let (mut shop, by) = shop(dir.path());
    book(&mut shop, by, "Ayşe Yılmaz", true, 0);
    assert!(shop.daily_backup(at(0)).unwrap().is_some());
    assert!(shop.daily_backup(at(0)).unwrap().is_none(), "once a day");
    for day in 1..400 {
        shop.daily_backup(at(day)).unwrap();
    }
    let backups = dir.path().join("backups");
    let days: Vec<_> = list_daily(&backups).unwrap().into_iter().map(|(d, _)| d).collect();
    let expected: Vec<_> = caseback_domain::retention::keep(&days).into_iter().collect();
    assert_eq!(days, expected);
    assert!(days.len() <= 23, "{}", days.len());
    assert_eq!(
        *days.last().unwrap(),
        Settings::new("x", Currency::from_code("HKD").unwrap(), PresetId::LxWatch, "Asia/Hong_Kong").today(at(399))
    );
    // The attachments are mirrored beside the daily copies.
    assert_eq!(walk(&backups.join("attachments")), 1);
    // Each kept copy opens and passes the integrity check.
    for (_, path) in list_daily(&backups).unwrap() {
        caseback_store::backup::summarize(&path).unwrap();
    }
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|it| it.flatten().map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 }).sum())
        .unwrap_or(0)
}

#[test]
fn a_copy_to_a_usb_stick_restores_into_another_shop_after_saving_what_it_replaces() {
    let (a, b, usb) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut first, by) = shop(a.path());
    book(&mut first, by, "Ayşe Yılmaz", true, 1);
    book(&mut first, by, "王小明", false, 2);
    let summary = first.backup_to_folder(usb.path(), at(2)).unwrap();
    assert_eq!((summary.tickets, summary.customers), (2, 2));
    assert!(summary.last_change.is_some());

    let (mut second, by2) = shop(b.path());
    book(&mut second, by2, "Someone else", false, 1);
    let shown = caseback_store::backup::summarize(&summary.path).unwrap();
    assert_eq!(shown.tickets, 2, "what the backup holds is shown before restoring");
    second.restore_from(&summary.path, "Mei Chan", at(3)).unwrap();
    let names: Vec<String> =
        second.search_tickets("", None, 10).unwrap().into_iter().map(|r| r.customer_name).collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"王小明".to_string()) && !names.contains(&"Someone else".to_string()));
    // The photo came along, and what was replaced was backed up first.
    let photo = second.ticket_by_number("R-2026-00001").unwrap().photos[0].clone();
    assert!(second.attachment(&photo).is_ok());
    let saved = list_before_restore(&b.path().join("backups")).unwrap();
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(saved[0].0, at(3));
    // The restored log says who restored, by name: the staff list is the backup's now.
    let detail: String = second
        .connection()
        .query_row("SELECT detail_json FROM events WHERE action = 'backup.restored'", [], |r| r.get(0))
        .unwrap();
    let detail: serde_json::Value = serde_json::from_str(&detail).unwrap();
    assert_eq!(detail["by"], "Mei Chan");
    assert_eq!(detail["replaced_data_saved_to"], saved[0].1.display().to_string());

    // Undoing the restore: the copy saved before it brings the replaced data back, and is
    // itself listed as replaced by the undo.
    second.restore_from(&saved[0].1, "Mei Chan", at(4)).unwrap();
    let names: Vec<String> =
        second.search_tickets("", None, 10).unwrap().into_iter().map(|r| r.customer_name).collect();
    assert_eq!(names, ["Someone else"]);
    let saved = list_before_restore(&b.path().join("backups")).unwrap();
    assert_eq!(saved.iter().map(|(t, _)| *t).collect::<Vec<_>>(), [at(4), at(3)], "newest first");
}

#[test]
fn an_older_backup_is_upgraded_and_a_newer_one_refused_leaving_the_shop_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (mut restored, by) = shop(dir.path());
    book(&mut restored, by, "Ayşe Yılmaz", false, 1);
    let old = dir.path().join("old.sqlite");
    {
        let mut conn = rusqlite::Connection::open(&old).unwrap();
        db::migrations().to_version(&mut conn, 3).unwrap();
    }
    restored.restore_from(&old, "Mei Chan", at(2)).unwrap();
    assert_eq!(db::schema_version(restored.connection()).unwrap(), db::latest_version());
    assert!(!restored.is_set_up().unwrap(), "the old backup held no shop yet");

    let other_dir = tempfile::tempdir().unwrap();
    let (mut other, by) = shop(other_dir.path());
    book(&mut other, by, "Keep me", false, 1);
    let newer = dir.path().join("newer.sqlite");
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;").unwrap();
    }
    assert_eq!(other.restore_from(&newer, "Mei Chan", at(2)).unwrap_err().code(), Code::DatabaseTooNew);
    assert_eq!(other.search_tickets("", None, 10).unwrap().len(), 1);
    assert_eq!(
        other.restore_from(&dir.path().join("missing.sqlite"), "Mei Chan", at(2)).unwrap_err().code(),
        Code::InvalidInput
    );
}

#[test]
fn every_table_exports_to_csv_with_the_attachments_as_files() {
    let (dir, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut shop, by) = shop(dir.path());
    book(&mut shop, by, "Ayşe \"Quote\", Yılmaz", true, 1);
    let summary = shop.export_csv(out.path(), at(1)).unwrap();
    let tables: Vec<&str> = summary.tables.iter().map(|(t, _)| t.as_str()).collect();
    for t in [
        "tickets",
        "customers",
        "events",
        "payments",
        "quotations",
        "return_cases",
        "rma_codes",
        "shop_settings",
        "staff",
    ] {
        assert!(tables.contains(&t), "{t} missing from {tables:?}");
    }
    // The shop's RMA key stays out: with it anyone could work out the shop's next codes.
    assert!(!tables.contains(&"shop_secrets"), "{tables:?}");
    let key: Vec<u8> = shop.connection().query_row("SELECT rma_key FROM shop_secrets", [], |r| r.get(0)).unwrap();
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    for file in std::fs::read_dir(&summary.folder).unwrap().flatten().filter(|f| f.path().is_file()) {
        let text = std::fs::read_to_string(file.path()).unwrap();
        assert!(!text.to_lowercase().contains(&hex), "{} holds the key", file.path().display());
    }
    let mut reader = csv::Reader::from_path(summary.folder.join("customers.csv")).unwrap();
    let names: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_string()).collect();
    assert_eq!(names, ["Ayşe \"Quote\", Yılmaz"], "quotes and commas survive the round trip");
    assert_eq!(summary.attachments, 1);
    assert_eq!(walk(&summary.folder.join("attachments")), 1);
    let relative = shop.export_csv(std::path::Path::new("exports"), at(1)).unwrap_err();
    assert_eq!(relative.code(), Code::InvalidInput);
    let file = summary.folder.join("customers.csv");
    assert_eq!(shop.export_csv(&file, at(1)).unwrap_err().code(), Code::InvalidInput, "a file is not a folder");
}
