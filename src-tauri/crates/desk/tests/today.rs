//! Today and the shop's date style: the home screen never looks idle while watches are
//! open, and every date a view writes follows Settings.

use std::sync::{Arc, Mutex};

use caseback_desk::Desk;
use caseback_domain::calendar::DateStyle;
use caseback_domain::staff::RosterEntry;
use caseback_store::fixture;
use jiff::Timestamp;
use serde_json::Value;

fn json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

fn desk_at(
    start: &str,
    style: DateStyle,
) -> (tempfile::TempDir, Desk, Arc<Mutex<Timestamp>>, caseback_domain::staff::StaffId) {
    let now = Arc::new(Mutex::new(start.parse::<Timestamp>().unwrap()));
    let (dir, mut shop, by) = fixture::temp_shop(*now.lock().unwrap());
    let mut settings = shop.settings().unwrap();
    settings.date_style = style;
    let roster = [RosterEntry { id: Some(by), name: fixture::STAFF.into(), active: true, role: Default::default() }];
    shop.save_settings(by, &settings, &roster, *now.lock().unwrap()).unwrap();
    let clock = now.clone();
    (dir, Desk::new(shop, Arc::new(move || *clock.lock().unwrap())), now, by)
}

#[test]
fn with_nothing_due_today_lists_what_is_open_and_next_due() {
    // Friday 27 November 2026: an empty shop has nothing open.
    let (_dir, mut desk, now, by) = desk_at("2026-11-27T02:00:00Z", DateStyle::Words);
    let empty = json(desk.today().unwrap());
    assert_eq!((empty["open"].as_u64(), empty["due"].as_array().unwrap().len()), (Some(0), 0));

    let ticket = desk.book_intake(by, &fixture::walk_in("Wong Ka Ming", "Stops at night"), &[]).unwrap();
    let booked = json(desk.today().unwrap());
    assert_eq!(booked["open"], 1);
    assert!(booked["due"].as_array().unwrap().is_empty(), "assessed within business days, not today: {booked}");
    let next = &booked["upcoming"][0];
    assert_eq!(next["number"], ticket.number.to_string(), "{booked}");
    assert!(next["next_deadline"].as_str().unwrap() > "2026-11-27");

    // On its due day it moves to the due list, and the upcoming list is not asked for.
    *now.lock().unwrap() = format!("{}T02:00:00Z", next["next_deadline"].as_str().unwrap()).parse().unwrap();
    let due = json(desk.today().unwrap());
    assert_eq!(due["due"][0]["number"], ticket.number.to_string());
    assert!(due["upcoming"].as_array().unwrap().is_empty());
}

#[test]
fn the_views_write_dates_the_shops_way() {
    let (_dir, mut desk, _now, by) = desk_at("2026-12-01T02:00:00Z", DateStyle::DayDots);
    let mut form = fixture::walk_in("Wong Ka Ming", "Stops at night");
    form.details.purchase.purchase_date = Some(jiff::civil::date(2026, 2, 28));
    let ticket = desk.book_intake(by, &form, &[]).unwrap();
    let view = json(desk.ticket(ticket.id).unwrap());
    let warranty = view["warranty_text"].as_str().unwrap();
    assert!(warranty.contains("28.02.2026") && !warranty.contains("2026-02"), "{warranty}");
    // The history keeps its instants in the same style, local time beside them.
    let history = view["history"][0]["at"].as_str().unwrap();
    assert!(history.starts_with("01.12.2026 "), "{history}");
}
