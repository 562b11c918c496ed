//! The return-unrepaired notice and the warranty work order read back with pdftotext.

use caseback_domain::assessment::{Assessment, CoveredReason, WarrantyDecision};
use caseback_domain::papers::TicketPapers;
use caseback_domain::quotation::{LineKind, Quantity, Quotation, QuotationDraft, QuoteLine, Section};
use caseback_domain::settings::PaperSize;
use caseback_domain::Amount;
use caseback_forms::{inspection_fee, return_notice, work_summary};

use crate::common::{self, *};

fn inspection_only() -> Vec<QuoteLine> {
    vec![QuoteLine {
        kind: LineKind::InspectionFee,
        section: Section::Repair,
        description: "Movement inspection and diagnosis".into(),
        quantity: Quantity(100),
        unit_price: Amount(35_000),
        taxable: true,
        part: None,
    }]
}

/// The return notice of the Hong Kong shop's inspection-only quotation, the customer's answer
/// as `refused`, written to `dir`.
fn return_notice_pdf(paper: PaperSize, refused: bool, dir: &std::path::Path) -> (std::path::PathBuf, Quotation) {
    let shop = hong_kong_shop(paper);
    let ticket = ticket(&shop, 1307, seiko_details());
    let customer = wang();
    let q = QuotationDraft { lines: inspection_only(), timeline_working_days: 5, parts_returned: false }
        .issue(ticket.number, 1, &shop.policy, shop.tax.rate, ISSUED_ON)
        .expect("a valid draft");
    let doc = TicketPapers { quotation: Some(q.clone()), refused, ..papers(&shop, &ticket, &customer) };
    let bytes = return_notice(fonts(), &doc).unwrap_or_else(|e| panic!("{e} ({})", e.code()));
    (write_pdf(dir, &format!("return-{refused}.pdf"), &bytes), q)
}

#[test]
fn return_notice_names_the_expired_quotation_the_hold_end_and_the_fee() {
    for paper in [PaperSize::Letter, PaperSize::A4] {
        let shop = hong_kong_shop(paper);
        let dir = scratch();
        let (pdf, q) = return_notice_pdf(paper, false, dir.path());
        assert_eq!(page_count(&pdf), 1, "{paper:?}");

        let fee = inspection_fee(&q);
        assert_eq!(fee, Amount(35_000));
        let hold = q.hold_until(&shop.policy);
        let text = squeezed(&text_of(&pdf));
        for expected in [
            "Return unrepaired notice".to_string(),
            "R-2026-01307".into(),
            q.number.to_string(),
            "Quotation expired unanswered".into(),
            format!("Valid through {}", long(&shop, q.valid_through)),
            format!("Held until {}", long(&shop, hold)),
            format!("until {}. Your watch has not been repaired", long(&shop, hold)),
            shop.currency.format(fee),
            "王小明".into(),
            "not been repaired".into(),
            "return shipping at your own cost".into(),
            "Collect the watch in person".into(),
            format!("{} a day", shop.currency.format(shop.policy.storage_fee_per_day)),
            "FPS 1234567".into(),
            "Collected by".into(),
            "Signature".into(),
        ] {
            assert!(text.contains(&expected), "{expected:?} missing ({paper:?}) from:\n{text}");
        }
        assert!(!text.contains("declined"), "an unanswered quotation was not declined: {text}");
    }
}

#[test]
fn return_notice_of_a_declined_quotation_says_so_with_its_date_and_no_hold() {
    let shop = hong_kong_shop(PaperSize::A4);
    let dir = scratch();
    let (pdf, q) = return_notice_pdf(PaperSize::A4, true, dir.path());
    assert_eq!(page_count(&pdf), 1);
    let text = squeezed(&text_of(&pdf));
    for expected in [
        "Quotation declined".to_string(),
        "Answer Declined in writing".into(),
        "Quotation Quotation date Answer".into(),
        short(&shop, q.issued_on),
        format!("Dated {}", long(&shop, q.issued_on)),
        format!("You declined quotation {} of {} in writing.", q.number, long(&shop, q.issued_on)),
        "not been repaired".into(),
        shop.currency.format(inspection_fee(&q)),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing from:\n{text}");
    }
    // Nothing of an expiry: no validity, no hold, no "expired".
    let hold = long(&shop, q.hold_until(&shop.policy));
    for absent in ["expired", "Expired", "Valid through", "Held", &hold, &long(&shop, q.valid_through)] {
        assert!(!text.contains(absent), "{absent:?} on the notice of a declined quotation:\n{text}");
    }
}

#[test]
fn inspection_fee_sums_only_repair_inspection_lines() {
    let shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&shop, 42, seiko_details());
    let mut lines = quote_lines(true);
    let mut second = lines[0].clone();
    second.quantity = Quantity(50);
    lines.push(second);
    let mut cosmetic = lines[0].clone();
    cosmetic.section = Section::Cosmetic;
    lines.push(cosmetic);
    let q = common::quotation(&shop, &ticket, lines);
    // 250.00 + 0.5 × 250.00; the cosmetic inspection line is not counted.
    assert_eq!(inspection_fee(&q), Amount(37_500));
}

#[test]
fn work_summary_prints_findings_decision_and_no_cost() {
    let shop = turkish_shop(PaperSize::A4);
    let ticket = ticket(&shop, 42, kospet_details());
    let customer = cagri();
    let findings = "Charging coil cracked at the solder joint; replaced the charging module and tested a full \
                    charge cycle. Bobin lehim noktasında çatlak.";
    let assessment = Assessment {
        findings: findings.into(),
        decision: WarrantyDecision::Covered(CoveredReason::ManufacturingDefect),
        photos: vec![],
    };
    let doc = TicketPapers { assessment: Some(assessment), ..papers(&shop, &ticket, &customer) };
    let bytes = work_summary(fonts(), &doc).unwrap_or_else(|e| panic!("{e} ({})", e.code()));
    let dir = scratch();
    let pdf = write_pdf(dir.path(), "warranty.pdf", &bytes);
    assert_eq!(page_count(&pdf), 1);
    let text = squeezed(&text_of(&pdf));
    for expected in [
        "Warranty work order".to_string(),
        ticket.number.to_string(),
        squeezed(findings),
        "Covered by warranty: manufacturing defect".into(),
        "Cost to you: TRY 0.00".into(),
        "0.00".into(),
        "In warranty until 2 March 2028 (24 months from purchase on 2 March 2026)".into(),
        "Çağrı Öztürk".into(),
        "Technician".into(),
        "Signature".into(),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing from:\n{text}");
    }
}
