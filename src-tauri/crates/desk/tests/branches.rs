//! The lists' choice of branch: none in a shop of one counter; in a chain, every branch
//! that booked here, starting on this computer's own.

use std::sync::Arc;

use caseback_desk::Desk;
use caseback_domain::branch::BranchFilter;
use caseback_store::fixture;
use jiff::Timestamp;
use serde_json::{json, Value};

fn now() -> Timestamp {
    "2026-11-09T02:00:00Z".parse().unwrap()
}

#[test]
fn a_shop_of_one_is_offered_no_branch_and_a_chain_starts_on_its_own_branch() {
    let (_dir, mut shop, by) = fixture::temp_shop(now());
    shop.book_intake(by, &fixture::walk_in("Before the chain", "Stopped"), &[], now()).unwrap();
    let mut desk = Desk::new(shop, Arc::new(now));
    let alone = serde_json::to_value(desk.branches().unwrap()).unwrap();
    assert_eq!(alone, json!({ "own": null, "choices": [], "start": "" }));

    desk.shop_mut().set_branch(Some("KLN".parse().unwrap()));
    desk.book_intake(by, &fixture::walk_in("Wong Ka Ming", "Stopped"), &[]).unwrap();
    let chain = serde_json::to_value(desk.branches().unwrap()).unwrap();
    let labels: Vec<&str> = chain["choices"].as_array().unwrap().iter().map(|c| c["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["All branches", "Branch KLN", "Booked without a branch"]);
    assert_eq!((&chain["own"], &chain["start"]), (&Value::from("KLN"), &Value::from("KLN")));

    // The list the choice makes: each key reads back as its filter.
    for (key, count) in [("", 2), ("KLN", 1), ("-", 1)] {
        let filter = BranchFilter::try_from(key.to_string()).unwrap();
        assert_eq!(desk.search_tickets("", None, filter).unwrap().len(), count, "{key:?}");
    }
}
