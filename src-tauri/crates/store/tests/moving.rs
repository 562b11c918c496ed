//! Moving a shop between engines: the demo shop from its SQLite file to a shared PostgreSQL
//! database and back is the same shop at every step, table by table and attachment by
//! attachment, and works on the new side as on the old.

use caseback_store::sql::Engine;
use caseback_store::{demo, fixture, DataFolder, Shop};
use jiff::Timestamp;

fn now() -> Timestamp {
    "2026-11-22T09:30:00Z".parse().unwrap()
}

fn shared_shop(dir: &std::path::Path) -> Shop {
    let (_, pg) = fixture::empty_postgres_database().expect(fixture::NO_POSTGRES);
    Shop::open_shared(DataFolder::lock(dir).unwrap(), pg).unwrap()
}

#[test]
fn the_demo_shop_moved_to_postgresql_and_back_is_identical() {
    let (a, b, c) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = demo::open_or_create(a.path(), now()).unwrap();
    let before = file.fingerprint().unwrap();
    assert!(before.attachments > 0, "the demo has photos and a logo to move");
    assert!(before.tables.iter().filter(|t| t.rows > 0).count() > 15, "{:?}", before.tables);

    let mut shared = shared_shop(b.path());
    assert_eq!(shared.db().engine(), Engine::Postgres);
    let moved = file.copy_into(&mut shared).unwrap();
    assert_eq!(moved, before, "every table and attachment, on PostgreSQL");

    let mut back = Shop::open(DataFolder::lock(c.path()).unwrap()).unwrap();
    let returned = shared.copy_into(&mut back).unwrap();
    assert_eq!(returned, before, "and back in a SQLite file");
    // The attachments are files again, in the new folder.
    assert!(std::fs::read_dir(c.path().join("attachments")).unwrap().count() > 0);

    // The same shop works on either side: its lists and pages read the same.
    let list = |shop: &Shop| -> Vec<String> {
        shop.search_tickets("", None, 100).unwrap().iter().map(|t| format!("{t:?}")).collect()
    };
    for shop in [&shared, &back] {
        assert_eq!(shop.settings().unwrap(), file.settings().unwrap());
        assert_eq!(shop.logo().unwrap(), file.logo().unwrap());
        assert_eq!(list(shop), list(&file));
        assert_eq!(
            shop.search_tickets("wong", None, 100).unwrap().len(),
            file.search_tickets("wong", None, 100).unwrap().len()
        );
    }
}

#[test]
fn a_shop_moved_to_postgresql_goes_on_numbering_from_where_it_was() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut file, by) = fixture::new_shop(a.path(), now());
    for i in 0..3 {
        file.book_intake(by, &fixture::numbered_intake(i), &[], now()).unwrap();
    }
    let mut shared = shared_shop(b.path());
    file.copy_into(&mut shared).unwrap();
    let next = shared.book_intake(by, &fixture::numbered_intake(3), &[], now()).unwrap();
    assert_eq!(next.number.to_string(), "R-2026-00004", "the next number, not a collision");
    assert!(next.id.0 > 3, "a new id past the moved ones");
}

#[test]
fn a_database_that_already_holds_a_shop_is_not_moved_into() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (file, _) = fixture::new_shop(a.path(), now());
    let (mut other, _) = fixture::new_shop_on(Engine::Postgres, b.path(), now());
    let before = other.fingerprint().unwrap();
    let refused = file.copy_into(&mut other).unwrap_err();
    assert!(refused.to_string().contains("already holds a shop"), "{refused}");
    assert_eq!(other.fingerprint().unwrap(), before, "nothing written");
}
