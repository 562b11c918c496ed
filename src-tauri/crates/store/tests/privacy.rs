//! The shop's data is private to the user's account: every folder of it is 0700 and every
//! file 0600, in the data folder and in the copies made of it (a backup to another folder, a
//! restore, the CSV export), whatever the umask, and an earlier version's looser folder is
//! tightened when it is opened.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use caseback_store::{demo, fixture, DataFolder, Shop};
use jiff::{SignedDuration, Timestamp};

fn at(day: i64) -> Timestamp {
    "2026-03-02T02:00:00Z".parse::<Timestamp>().unwrap() + SignedDuration::from_hours(24 * day)
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

/// Every folder and file from `root` down (`root` included), with its mode.
fn tree(root: &Path) -> Vec<(PathBuf, bool, u32)> {
    let mut out = vec![(root.to_path_buf(), true, mode(root))];
    for entry in std::fs::read_dir(root).unwrap().flatten() {
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            out.extend(tree(&entry.path()));
        } else {
            out.push((entry.path(), false, mode(&entry.path())));
        }
    }
    out
}

/// Panics naming every folder not 0700 and every file not 0600 under `root`; returns how many
/// files it checked.
fn assert_private(root: &Path) -> usize {
    let all = tree(root);
    let loose: Vec<String> = all
        .iter()
        .filter(|(_, dir, m)| *m != if *dir { 0o700 } else { 0o600 })
        .map(|(p, _, m)| format!("{:o} {}", m, p.display()))
        .collect();
    assert!(loose.is_empty(), "open to other accounts:\n{}", loose.join("\n"));
    all.iter().filter(|(_, dir, _)| !dir).count()
}

fn names(root: &Path) -> Vec<String> {
    tree(root).into_iter().filter(|(_, dir, _)| !dir).map(|(p, _, _)| p.display().to_string()).collect()
}

fn has(files: &[String], end: &str) -> bool {
    files.iter().any(|f| f.ends_with(end))
}

/// A shop's life: opened in a new folder, an intake with a photo, a daily backup, a backup to
/// a stick, the CSV export, a restore from the stick, then the next day's backup. Every file
/// and folder of the shop and of its copies ends up private.
fn a_shop_and_its_copies_stay_private(base: &Path) {
    let (root, usb, out) = (base.join("shop"), base.join("usb"), base.join("out"));
    for d in [&usb, &out] {
        std::fs::create_dir(d).unwrap();
    }
    let (mut shop, by) = fixture::new_shop(&root, at(0));
    let photo = shop.store_photo(by, "case.png", b"\x89PNG\r\n\x1a\nthe case back", at(0)).unwrap().sha256;
    shop.book_intake(by, &fixture::walk_in("Ayşe Yılmaz", "Stopped"), &[photo], at(0)).unwrap();
    shop.daily_backup(at(0)).unwrap().expect("the day's first backup");
    let copy = shop.backup_to_folder(&usb, at(0)).unwrap();
    let export = shop.export_csv(&out, at(0)).unwrap();
    shop.restore_from(&copy.path, "Mei Chan", at(1)).unwrap();
    shop.daily_backup(at(1)).unwrap().expect("the next day's backup");

    // While the shop is open: its WAL, shared memory and lock are there too.
    let files = names(&root);
    for end in [
        "/caseback.sqlite",
        "/caseback.sqlite-wal",
        "/caseback.sqlite-shm",
        "/caseback.lock",
        "/backups/caseback-2026-03-02.sqlite",
        "/backups/caseback-2026-03-03.sqlite",
        "/backups/before-restore-20260303T020000Z.sqlite",
    ] {
        assert!(has(&files, end), "{end} missing from {files:#?}");
    }
    assert!(files.iter().filter(|f| f.contains("/attachments/")).count() >= 2, "the photo and its mirror: {files:#?}");
    assert_private(&root);

    let backup = copy.path.parent().unwrap();
    assert!(backup.starts_with(&usb) && backup != usb);
    assert_eq!(assert_private(backup), 2, "the database and the photo: {:#?}", names(backup));
    assert_eq!(mode(&usb), 0o777 & !umask_now(), "the stick's own folder is not Caseback's to change");
    let exported = assert_private(&export.folder);
    assert_eq!(exported, export.tables.len() + 1, "every table's CSV and the photo: {:#?}", names(&export.folder));
    drop(shop);
    assert_private(&root);
}

/// The process's umask, read back from a folder made with 0777 by `mkdir`.
fn umask_now() -> u32 {
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    std::fs::create_dir(&probe).unwrap();
    0o777 & !mode(&probe)
}

#[test]
fn the_shop_and_every_copy_of_it_are_private_to_the_account() {
    let base = tempfile::tempdir().unwrap();
    a_shop_and_its_copies_stay_private(base.path());
}

#[test]
#[ignore = "run under umask 000 by every_file_is_private_whatever_the_umask"]
fn under_umask_000() {
    assert_eq!(umask_now(), 0, "run with umask 000");
    let base = tempfile::tempdir().unwrap();
    // What a plain write would have given: readable and writable by everyone.
    let plain = base.path().join("plain");
    std::fs::write(&plain, b"x").unwrap();
    assert_eq!(mode(&plain), 0o666);
    std::fs::remove_file(&plain).unwrap();
    a_shop_and_its_copies_stay_private(base.path());
    println!("private under umask 000");
}

#[test]
fn every_file_is_private_whatever_the_umask() {
    let exe = std::env::current_exe().unwrap();
    let test = crate::test_name(module_path!(), "under_umask_000");
    let out = Command::new("sh")
        .arg("-ec")
        .arg(r#"umask 000; exec "$0" --ignored --exact "$1" --nocapture --test-threads=1"#)
        .arg(&exe)
        .arg(&test)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}\n{text}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("private under umask 000"), "the child test did not run:\n{text}");
}

/// Makes every folder under `root` 0755 and every file 0644, as an earlier version (or a
/// umask of 022) left them.
fn loosen(root: &Path) {
    for (path, dir, _) in tree(root) {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(if dir { 0o755 } else { 0o644 })).unwrap();
    }
}

#[test]
fn an_earlier_versions_folder_is_tightened_when_opened() {
    let base = tempfile::tempdir().unwrap();
    let root = base.path().join("shop");
    let (mut shop, by) = fixture::new_shop(&root, at(0));
    let photo = shop.store_photo(by, "case.png", b"\x89PNG\r\n\x1a\nold photo", at(0)).unwrap().sha256;
    shop.book_intake(by, &fixture::walk_in("Tom Richards", "Stopped"), &[photo], at(0)).unwrap();
    shop.daily_backup(at(0)).unwrap();
    drop(shop);
    let exports = root.join("exports");
    std::fs::create_dir(&exports).unwrap();
    std::fs::write(exports.join("R-2026-00001-receipt.pdf"), b"%PDF-").unwrap();
    // A WAL and shared memory a crash left behind (a reader still holds them here).
    let reader = rusqlite::Connection::open(root.join("caseback.sqlite")).unwrap();
    reader.execute_batch("PRAGMA journal_mode = WAL; SELECT COUNT(*) FROM tickets;").unwrap();
    // A file of someone else's in the folder is not Caseback's to change.
    std::fs::write(root.join("notes.txt"), b"mine").unwrap();
    loosen(&root);
    for end in ["/caseback.sqlite-wal", "/caseback.sqlite-shm", "/backups/attachments", "/exports"] {
        assert!(tree(&root).iter().any(|(p, _, m)| p.display().to_string().ends_with(end) && *m & 0o077 != 0), "{end}");
    }

    let shop = Shop::open(DataFolder::lock(&root).unwrap()).unwrap();
    assert_eq!(mode(&root.join("notes.txt")), 0o644);
    std::fs::remove_file(root.join("notes.txt")).unwrap();
    assert!(assert_private(&root) >= 6, "{:#?}", names(&root));
    assert_eq!(shop.search_tickets("", None, 10).unwrap().len(), 1, "nothing else changed");
    drop((shop, reader));
}

#[test]
fn the_demo_folder_is_private_too() {
    let base = tempfile::tempdir().unwrap();
    let root = DataFolder::demo_root(base.path());
    // The demo's stories are dated up to its day.
    let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
    drop(demo::open_or_create(&root, now).unwrap());
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("caseback.sqlite")), 0o600);
    // The demo's marker is written by the demo itself; the next open tightens it with the rest.
    let shop = demo::open_or_create(&root, now).unwrap();
    assert_private(&root);
    drop(shop);
}
