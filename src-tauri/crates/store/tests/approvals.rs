//! Managers' PINs on both engines: nothing is asked until a manager sets one; then the
//! guarded actions need a manager's PIN, the wrong one is refused, and the PIN is kept only
//! as a hash (never in the database or the log as typed).

use caseback_domain::approval::{Approval, Guarded};
use caseback_domain::staff::{Role, RosterEntry};
use caseback_domain::Code;
use caseback_store::{fixture, vals, Shop};
use jiff::Timestamp;

fn at(instant: &str) -> Timestamp {
    instant.parse().unwrap()
}

fn code(shop: &Shop, guarded: Guarded, approval: Option<&Approval>) -> Option<Code> {
    shop.check_approval(guarded, approval).err().map(|e| e.code())
}

#[test]
fn once_a_manager_sets_a_pin_the_guarded_actions_need_it_and_a_wrong_one_is_refused() {
    fixture::on_each_engine(at("2026-11-01T02:00:00Z"), |shop, by, _| {
        let mut roster: Vec<RosterEntry> = shop.staff().unwrap().into_iter().map(RosterEntry::from).collect();
        roster.push(RosterEntry { id: None, name: "Sam Wong".into(), active: true, role: Role::Watchmaker });
        let settings = shop.settings().unwrap();
        shop.save_settings(by, &settings, &roster, at("2026-11-01T03:00:00Z")).unwrap();
        let sam = shop.staff().unwrap().into_iter().find(|m| m.name == "Sam Wong").unwrap().id;
        let now = at("2026-11-02T02:00:00Z");

        assert_eq!(code(shop, Guarded::Refund, None), None, "no PIN set: nothing is asked");
        let refused = shop.set_pin(by, sam, Some("1234"), None, now).unwrap_err();
        assert!(refused.to_string().contains("Sam Wong is not a manager"), "{refused}");
        assert_eq!(shop.set_pin(by, by, Some("12"), None, now).unwrap_err().code(), Code::InvalidInput);
        shop.set_pin(by, by, Some("0427"), None, now).unwrap();

        for guarded in [Guarded::Refund, Guarded::Restore, Guarded::Settings, Guarded::VoidPayment] {
            assert_eq!(code(shop, guarded, None), Some(Code::ApprovalNeeded));
        }
        let asked = shop.check_approval(Guarded::Refund, None).unwrap_err().to_string();
        assert_eq!(asked, format!("A refund needs a manager's PIN: {} may approve it.", fixture::STAFF));
        let with = |manager, pin: &str| Approval { manager, pin: pin.into() };
        assert_eq!(code(shop, Guarded::Refund, Some(&with(by, "0428"))), Some(Code::ApprovalRefused));
        assert_eq!(code(shop, Guarded::Refund, Some(&with(sam, "0427"))), Some(Code::ApprovalRefused));
        assert_eq!(code(shop, Guarded::Refund, Some(&with(by, " 0427 "))), None);

        // Changing or clearing a PIN is itself a change of settings.
        assert_eq!(shop.set_pin(by, by, Some("9999"), None, now).unwrap_err().code(), Code::ApprovalNeeded);
        shop.set_pin(by, by, Some("9999"), Some(&with(by, "0427")), now).unwrap();
        assert_eq!(code(shop, Guarded::Settings, Some(&with(by, "0427"))), Some(Code::ApprovalRefused));
        assert_eq!(code(shop, Guarded::Settings, Some(&with(by, "9999"))), None);

        // Kept as a hash only; the log says whose PIN changed, never what it is.
        let stored: String = shop.db().value("SELECT pin_hash FROM staff WHERE id = ?1", vals![by.0]).unwrap();
        assert!(stored.starts_with("$argon2id$") && !stored.contains("9999"), "{stored}");
        let logged: String = shop
            .db()
            .value("SELECT detail_json FROM events WHERE action = 'settings.pin' ORDER BY id DESC LIMIT 1", vals![])
            .unwrap();
        assert!(!logged.contains("9999") && !logged.contains("0427") && logged.contains(fixture::STAFF), "{logged}");

        shop.set_pin(by, by, None, Some(&with(by, "9999")), now).unwrap();
        assert_eq!(code(shop, Guarded::Refund, None), None, "cleared: nothing is asked again");
    });
}
