//! Every screen's view of the demo shop (a record in every state) builds, and the forms a
//! view offers are exactly the forms that render: one `applies` rule for both.

use caseback_desk::{Desk, PaperFor};
use caseback_domain::papers::{FormKind, ReturnFormKind};
use caseback_domain::returns::ReturnId;
use caseback_domain::ticket::TicketId;
use caseback_domain::Code;
use caseback_store::demo;
use serde_json::Value;

fn demo_desk(dir: &std::path::Path) -> Desk {
    let now: jiff::Timestamp = "2026-12-01T02:00:00Z".parse().unwrap();
    let shop = demo::open_or_create(dir, now).unwrap();
    Desk::new(shop, std::sync::Arc::new(move || now))
}

fn offered(view: &Value) -> Vec<String> {
    view["forms"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_string()).collect()
}

#[test]
fn every_ticket_page_builds_and_offers_exactly_the_forms_that_render() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let rows = serde_json::to_value(desk.search_tickets("", None, Default::default()).unwrap()).unwrap();
    let ids: Vec<i64> = rows.as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert!(ids.len() >= 19, "{}", ids.len());
    for id in ids {
        let id = TicketId(id);
        let view = serde_json::to_value(desk.ticket(id).unwrap()).unwrap();
        desk.quotations(id).unwrap();
        desk.after_sale(id).unwrap();
        let forms = offered(&view);
        assert!(forms.contains(&"receipt".to_string()) && forms.contains(&"tag".to_string()), "{forms:?}");
        for kind in FormKind::ALL {
            let paper = desk.paper(PaperFor::Ticket(id, *kind));
            if forms.iter().any(|f| f == kind.name()) {
                let paper =
                    paper.unwrap_or_else(|e| panic!("{} offers {} but: {e}", view["ticket"]["number"], kind.name()));
                assert!(paper.pdf.starts_with(b"%PDF"));
            } else {
                let refused = paper
                    .err()
                    .unwrap_or_else(|| panic!("{} renders {} unoffered", view["ticket"]["number"], kind.name()));
                assert_eq!(refused.code, Code::FormNotApplicable, "{refused:?}");
            }
        }
        // A closed ticket offers no moves; an open one says what it waits for or what is next.
        if view["closed"].as_bool().unwrap() {
            assert!(view["moves"].as_array().unwrap().is_empty(), "{view}");
        }
    }
}

#[test]
fn every_return_page_builds_and_offers_exactly_the_forms_that_render() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let rows = serde_json::to_value(desk.search_returns("", None, Default::default()).unwrap()).unwrap();
    for row in rows.as_array().unwrap() {
        let id = ReturnId(row["id"].as_i64().unwrap());
        let view = serde_json::to_value(desk.return_case(id).unwrap()).unwrap();
        let forms = offered(&view);
        for kind in ReturnFormKind::ALL {
            let paper = desk.paper(PaperFor::Return(id, *kind));
            assert_eq!(paper.is_ok(), forms.iter().any(|f| f == kind.name()), "{} {}", view["title"], kind.name());
        }
        // What the page leads with agrees with what may be done.
        let step = view["step"].as_str().unwrap();
        let actions = &view["actions"];
        match step {
            "authorize" => assert!(actions["authorize"].as_bool().unwrap()),
            "await_package" => assert!(actions["extend"].as_bool().unwrap()),
            "inspect" => assert!(actions["inspect"].as_bool().unwrap()),
            "closed" => assert!(view["closed"].as_bool().unwrap()),
            _ => {}
        }
    }
    for today in [serde_json::to_value(desk.today_returns().unwrap()).unwrap()] {
        for section in ["rma_expiring", "held", "to_send_back", "inspections_due", "refunds_to_issue"] {
            assert!(!today[section].as_array().unwrap().is_empty(), "the demo fills Today's {section}");
        }
    }
}

#[test]
fn the_demo_s_watchmakers_have_queues_and_two_watches_wait_for_someone() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let today = serde_json::to_value(desk.today_bench().unwrap()).unwrap();
    assert_eq!(today["unassigned_count"], 2, "{today}");
    let people = today["people"].as_array().unwrap();
    let watchmakers: Vec<_> = people.iter().filter(|p| p["role_label"] == "Watchmaker").collect();
    assert_eq!(watchmakers.len(), 2, "{people:?}");
    for p in &watchmakers {
        assert!(p["count"].as_u64().unwrap() > 0, "{p}");
        let id = caseback_domain::staff::StaffId(p["id"].as_i64().unwrap());
        let bench = serde_json::to_value(desk.bench(Some(id)).unwrap()).unwrap();
        assert_eq!(bench["chosen"], p["id"]);
        assert_eq!(bench["rows"].as_array().unwrap().len() as u64, p["count"].as_u64().unwrap(), "{bench}");
        assert_ne!(p["time_text"], "0 min", "time logged on their work");
    }
    // A watch on a bench offers the bench's staff, and never the counter's.
    let bench = desk.bench(None).unwrap();
    let first = serde_json::to_value(&bench).unwrap()["rows"][0]["id"].as_i64().unwrap();
    let view = serde_json::to_value(desk.ticket_bench(TicketId(first)).unwrap()).unwrap();
    let offered: Vec<_> = view["choices"].as_array().unwrap().iter().map(|c| c["label"].as_str().unwrap()).collect();
    assert!(offered.iter().all(|c| !c.ends_with("Counter")), "{offered:?}");
    assert!(view["assignee"].is_i64(), "{view}");
}

#[test]
fn the_demo_s_drawers_have_parts_low_a_repair_waiting_for_one_and_signed_collections() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let today = serde_json::to_value(desk.today_parts().unwrap()).unwrap();
    let low: Vec<_> = today["low"].as_array().unwrap().iter().map(|p| p["number"].as_str().unwrap()).collect();
    assert!(low.len() >= 3 && low.contains(&"SC-301") && low.contains(&"AW6-BAT-44"), "{low:?}");
    let waiting = today["waiting"].as_array().unwrap();
    assert_eq!(waiting.len(), 1, "{today}");
    assert_eq!(waiting[0]["waits_for"], "Waits for AW6-BAT-44 Battery, Apple Watch Series 6 44 mm");
    // The waiting repair shows on its watchmaker's bench with what it waits for.
    let held = TicketId(waiting[0]["id"].as_i64().unwrap());
    let view = serde_json::to_value(desk.ticket_bench(held).unwrap()).unwrap();
    assert_eq!(view["parts"][0]["text"], "Waits for 1 piece: not in stock", "{view}");
    let staff = caseback_domain::staff::StaffId(view["assignee"].as_i64().unwrap());
    let bench = serde_json::to_value(desk.bench(Some(staff)).unwrap()).unwrap();
    assert!(bench["rows"].as_array().unwrap().iter().any(|r| r["waits_for"].is_string()), "{bench}");
    // Every watch collected at the counter was signed for on the screen.
    let collected = desk.shop().tickets_in_state(caseback_domain::ticket::TicketState::Collected, 50).unwrap();
    let mut signed = 0;
    for row in collected {
        let view = serde_json::to_value(desk.signatures(row.id).unwrap()).unwrap();
        signed += view["signed"].as_array().unwrap().iter().filter(|s| s["document"] == "collection_receipt").count();
    }
    assert!(signed >= 1, "signed collections");
}

#[test]
fn a_customer_page_lists_their_tickets() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let view = serde_json::to_value(desk.customer(caseback_domain::customer::CustomerId(1)).unwrap()).unwrap();
    assert!(view["tickets"].as_array().is_some_and(|t| !t.is_empty()), "{view}");
}

/// Every sentence in `v` (a string with a space) that still holds a date written
/// `YYYY-MM-DD`, with where it is.
fn iso_in_sentences(v: &Value, at: &str, found: &mut Vec<String>) {
    match v {
        Value::String(s) if s.contains(' ') => {
            let b = s.as_bytes();
            let iso = (0..b.len().saturating_sub(9)).any(|i| {
                let w = &b[i..i + 10];
                w[4] == b'-' && w[7] == b'-' && [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&j| w[j].is_ascii_digit())
            });
            if iso {
                found.push(format!("{at}: {s}"));
            }
        }
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, x)| iso_in_sentences(x, &format!("{at}[{i}]"), found))
        }
        Value::Object(map) => map.iter().for_each(|(k, x)| iso_in_sentences(x, &format!("{at}.{k}"), found)),
        _ => {}
    }
}

#[test]
fn in_a_shop_of_dotted_dates_no_sentence_of_any_page_writes_a_date_the_iso_way() {
    use caseback_domain::calendar::DateStyle;
    use caseback_domain::staff::RosterEntry;
    let dir = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let now = desk.now();
    let shop = desk.shop_mut();
    let mut settings = shop.settings().unwrap();
    settings.date_style = DateStyle::DayDots;
    let roster: Vec<RosterEntry> = shop.staff().unwrap().into_iter().map(RosterEntry::from).collect();
    let by = roster[0].id.unwrap();
    shop.save_settings(by, &settings, &roster, now).unwrap();

    let mut found = Vec::new();
    let tickets = serde_json::to_value(desk.search_tickets("", None, Default::default()).unwrap()).unwrap();
    for row in tickets.as_array().unwrap() {
        let id = TicketId(row["id"].as_i64().unwrap());
        let n = row["number"].as_str().unwrap().to_string();
        iso_in_sentences(&serde_json::to_value(desk.ticket(id).unwrap()).unwrap(), &n, &mut found);
        iso_in_sentences(&serde_json::to_value(desk.quotations(id).unwrap()).unwrap(), &n, &mut found);
        iso_in_sentences(&serde_json::to_value(desk.after_sale(id).unwrap()).unwrap(), &n, &mut found);
    }
    let returns = serde_json::to_value(desk.search_returns("", None, Default::default()).unwrap()).unwrap();
    for row in returns.as_array().unwrap() {
        let id = ReturnId(row["id"].as_i64().unwrap());
        iso_in_sentences(
            &serde_json::to_value(desk.return_case(id).unwrap()).unwrap(),
            &format!("return {}", id.0),
            &mut found,
        );
    }
    iso_in_sentences(&serde_json::to_value(desk.today_returns().unwrap()).unwrap(), "today", &mut found);
    iso_in_sentences(&serde_json::to_value(desk.return_options().unwrap()).unwrap(), "return options", &mut found);
    assert!(found.is_empty(), "dates written the ISO way:\n{}", found.join("\n"));
}
