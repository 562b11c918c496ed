//! The shop's warranty on the work, on the Collection Notice and the receipt, read back with
//! pdftotext: what it covers and until when, in the shop's date style, and whose warranty a
//! redo was done under.

use std::path::Path;

use caseback_domain::papers::TicketPapers;
use caseback_domain::settings::PaperSize;
use caseback_forms::{render_ticket, FormKind};

use crate::common::after_sale::*;
use crate::common::readings::*;
use crate::common::*;

const COVERS: &str = "covers the movement's service: its running and the parts replaced.";
const FORMS: [FormKind; 2] = [FormKind::CollectionNotice, FormKind::PaymentReceipt];

fn text_of_form(papers: &TicketPapers, kind: FormKind, dir: &Path) -> String {
    let bytes = render_ticket(fonts(), kind, papers).unwrap_or_else(|e| panic!("{e} ({})", e.code()));
    squeezed(&text_of(&write_pdf(dir, &format!("{}.pdf", kind.name()), &bytes)))
}

fn with_warranty(case: &Case, warranty: caseback_domain::service_warranty::ServiceWarranty) -> TicketPapers {
    TicketPapers { service_warranty: Some(warranty), ..case.papers() }
}

#[test]
fn the_notice_and_the_receipt_state_the_service_warranty_and_its_end() {
    let case = Case::ready(PaperSize::A4, NOTICE_ON);
    let expected = format!("Service warranty Full service, until 29 November 2027 — {COVERS}");
    for kind in FORMS {
        let dir = scratch();
        let text = text_of_form(&with_warranty(&case, full_service_warranty()), kind, dir.path());
        assert!(text.contains(&expected), "{kind:?}: {expected:?} missing from:\n{text}");
        assert!(!text.contains("redone"), "{kind:?}:\n{text}");
    }
}

#[test]
fn a_redo_names_the_ticket_whose_warranty_it_was_done_under() {
    let case = Case::ready(PaperSize::Letter, NOTICE_ON);
    let expected = format!(
        "Service warranty Full service, until 10 January 2027 (redone under the warranty of R-2026-00012) — {COVERS}"
    );
    for kind in FORMS {
        let dir = scratch();
        let text = text_of_form(&with_warranty(&case, redone_service_warranty()), kind, dir.path());
        assert!(text.contains(&expected), "{kind:?}: {expected:?} missing from:\n{text}");
    }
}

#[test]
fn the_end_date_is_in_the_shops_style() {
    let mut case = Case::ready(PaperSize::A4, NOTICE_ON);
    case.settings = in_turkish_style(case.settings.clone());
    for kind in FORMS {
        let dir = scratch();
        let text = text_of_form(&with_warranty(&case, full_service_warranty()), kind, dir.path());
        assert!(text.contains(&format!("Full service, until 29.11.2027 — {COVERS}")), "{kind:?}:\n{text}");
    }
}

#[test]
fn nothing_is_said_of_a_service_warranty_the_work_does_not_carry() {
    let case = Case::ready(PaperSize::A4, NOTICE_ON);
    for kind in FORMS {
        let dir = scratch();
        let text = text_of_form(&case.papers(), kind, dir.path());
        for absent in ["Service warranty", "covers the", "redone under"] {
            assert!(!text.contains(absent), "{kind:?}: {absent:?} without a service warranty:\n{text}");
        }
    }
    // Nor on the work order, which does not print one.
    let dir = scratch();
    let text = text_of_form(&covered(after_the_service(case.papers())), FormKind::WorkSummary, dir.path());
    assert!(!text.contains("Service warranty"), "{text}");
}
