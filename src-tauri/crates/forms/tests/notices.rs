//! The return-unrepaired notice and the warranty work order read back with pdftotext.

use caseback_domain::assessment::{Assessment, CoveredReason, WarrantyDecision};
use caseback_domain::papers::TicketPapers;
use caseback_domain::quotation::{LineKind, Quantity, QuotationDraft, QuoteLine, Section};
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
    }]
}

#[test]
fn return_notice_names_the_expired_quotation_the_hold_end_and_the_fee() {
    for paper in [PaperSize::Letter, PaperSize::A4] {
        let shop = hong_kong_shop(paper);
        let ticket = ticket(&shop, 1307, seiko_details());
        let customer = wang();
        let q = QuotationDraft { lines: inspection_only(), timeline_working_days: 5, parts_returned: false }
            .issue(ticket.number, 1, &shop.policy, shop.tax.rate, ISSUED_ON)
            .expect("a valid draft");
        let doc = TicketPapers { quotation: Some(q.clone()), refused: false, ..papers(&shop, &ticket, &customer) };
        let bytes = return_notice(fonts(), &doc).unwrap_or_else(|e| panic!("{e} ({})", e.code()));
        let dir = scratch();
        let pdf = write_pdf(dir.path(), "return.pdf", &bytes);
        assert_eq!(page_count(&pdf), 1, "{paper:?}");

        let fee = inspection_fee(&q);
        assert_eq!(fee, Amount(35_000));
        let hold = q.hold_until(&shop.policy).to_string();
        let text = squeezed(&text_of(&pdf));
        for expected in [
            "Return unrepaired notice".to_string(),
            ticket.number.to_string(),
            q.number.to_string(),
            q.valid_through.to_string(),
            hold,
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
        ticket.warranty.describe(),
        "Çağrı Öztürk".into(),
        "Technician".into(),
        "Signature".into(),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing from:\n{text}");
    }
}
