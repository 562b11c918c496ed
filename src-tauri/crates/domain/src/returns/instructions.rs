//! The RMA instructions in the shop's words, once: how to pack and mark the parcel, how to
//! send it and who pays, and what happens when it arrives. The message and the printed
//! instructions say the same sentences, one for each rule the shop's policy has:
//! - a parcel without its code is spoken of only where the policy requires the code on the
//!   parcel (`Policy::rma_required`), held for the policy's days or declined, never both;
//!   where the policy has no codes (the Turkish store asks for a signed return form) the
//!   code is the return's reference, asked on the parcel so it is matched at once;
//! - postage and customs as `sending` says them;
//! - the refund's deadline counted as the policy counts it.

use super::eligibility::Eligibility;
use super::request::ReturnRequest;
use super::RmaCode;
use crate::policy::RefundDueFrom;
use crate::Settings;

/// The instructions' sections, each a list of sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RmaInstructions {
    pub pack: Vec<String>,
    pub mark: Vec<String>,
    pub ship: Vec<String>,
    pub arrives: Vec<String>,
}

impl RmaInstructions {
    pub fn of(settings: &Settings, r: &ReturnRequest, code: RmaCode, eligibility: &Eligibility) -> RmaInstructions {
        let policy = &settings.policy;
        let pack = vec![
            "Use the product's original box, undamaged: no tears, stains, writing or tape on it.".to_string(),
            "Put everything back in: all accessories, manuals, tags, cards and protective films.".to_string(),
            "Pack the original box inside a sturdy outer shipping box, with padding around it.".to_string(),
            "Enclose the return form we sent you, filled in and signed.".to_string(),
        ];
        let mark = vec![
            if policy.rma_required {
                format!(
                    "Write {code} clearly on the outside of the parcel, or tape on the return label we sent: the \
                     code must be visible on the outer label."
                )
            } else {
                format!(
                    "Write {code} on the outside of the parcel, or tape on the return label we sent, so that we \
                     know at once it is your return."
                )
            },
            "Do not write the code on the product's own box.".to_string(),
        ];
        let sending = super::sending(policy, eligibility);
        let mut ship =
            vec![sending.carrier, format!("Send us the tracking number{}, quoting {code}.", contact(settings))];
        ship.push(sending.postage);
        ship.extend(sending.customs);
        let mut arrives = Vec::new();
        if policy.rma_required {
            arrives.push(if policy.no_rma_hold.is_none() {
                "Parcels without a visible, valid RMA code are declined.".to_string()
            } else {
                format!(
                    "Parcels without a visible, valid RMA code, or arriving after it has expired, are held for {} \
                     and then sent back at your cost.",
                    policy.no_rma_hold
                )
            });
        }
        arrives.push(format!(
            "Once it arrives we inspect it within {} and let you know the outcome.",
            policy.inspection_due
        ));
        let from = match policy.refund_due_from {
            RefundDueFrom::Receipt => "of the parcel reaching us",
            RefundDueFrom::Inspection => "of our decision",
        };
        arrives.push(format!(
            "A refund is paid within {} {from}, to {}.",
            policy.refund_due,
            r.paid_with.destination()
        ));
        RmaInstructions { pack, mark, ship, arrives }
    }
}

/// ", by email to … or WhatsApp …", from what the shop's profile has.
fn contact(settings: &Settings) -> String {
    let shop = &settings.shop;
    let ways: Vec<String> = [("email to", &shop.email), ("WhatsApp", &shop.whatsapp)]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(how, v)| format!("{how} {}", v.trim()))
        .collect();
    if ways.is_empty() {
        String::new()
    } else {
        format!(" by {}", ways.join(" or "))
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::presets::PresetId;
    use crate::returns::eligibility::eligibility;
    use crate::returns::tests::request;
    use crate::returns::{ReturnReason, RmaKey};
    use crate::Currency;

    fn instructions(preset: PresetId) -> (RmaInstructions, String) {
        let s = Settings::new("Saat Servisi", Currency::from_code("TRY").unwrap(), preset, "Europe/Istanbul");
        let r = request(ReturnReason::ChangeOfMind, date(2026, 12, 15), Some(date(2026, 12, 18)), date(2026, 12, 21));
        let code = RmaCode::from_sequence(7, &RmaKey::from_bytes([3; RmaKey::LEN])).unwrap();
        let i = RmaInstructions::of(&s, &r, code, &eligibility(&s.policy, &r));
        let all = [&i.pack, &i.mark, &i.ship, &i.arrives].into_iter().flatten().cloned().collect::<Vec<_>>();
        (i, all.join("\n"))
    }

    #[test]
    fn the_turkish_store_has_no_rma_rule_so_nothing_is_said_of_parcels_without_a_code() {
        let (i, all) = instructions(PresetId::TurkishStore);
        for said in ["not accepted", "held for", "declined", "at your cost", "customs"] {
            assert!(!all.contains(said), "{said}:\n{all}");
        }
        assert!(i.mark[0].contains("so that we know at once it is your return"), "{:?}", i.mark);
        assert!(all.contains("The shop pays the return postage of this first shipment"), "{all}");
        assert!(
            i.arrives
                .iter()
                .any(|a| a == "A refund is paid within 14 days of the parcel reaching us, to the card you paid with."),
            "{:?}",
            i.arrives
        );
    }

    #[test]
    fn a_shop_that_requires_the_code_says_once_what_happens_without_it() {
        let (lx, all) = instructions(PresetId::LxWatch);
        assert_eq!(all.matches("without a visible, valid RMA code").count(), 1, "{all}");
        assert!(lx.arrives[0].contains("held for 3 days and then sent back at your cost"), "{:?}", lx.arrives);
        assert!(!all.contains("not accepted"), "no second rule that contradicts the first");
        // SOFTERSPOT holds nothing: declined, and no hold spoken of.
        let (s, all) = instructions(PresetId::Softerspot);
        assert_eq!(s.arrives[0], "Parcels without a visible, valid RMA code are declined.");
        assert!(!all.contains("held for"), "{all}");
    }
}
