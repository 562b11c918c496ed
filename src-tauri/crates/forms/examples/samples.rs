//! Writes sample forms for a person to look at:
//! `cargo run -p caseback-forms --example samples -- shots/forms`, then `pdftoppm -png -r 80`.

#[path = "../tests/common/mod.rs"]
mod common;

use caseback_domain::after_sale::EntryKind;
use caseback_domain::assessment::{Assessment, CoveredReason, WarrantyDecision};
use caseback_domain::customer::CustomerDetails;
use caseback_domain::papers::TicketPapers;
use caseback_domain::settings::PaperSize;
use caseback_forms::{
    intake_receipt, quotation, render_return_case, render_ticket, return_label, return_label_a4, return_notice,
    ticket_tag, work_summary, FormKind, ReturnFormKind,
};
use common::after_sale::{payment, Case, NOTICE_ON};
use common::returns::Return;
use common::*;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "shots/forms".into()));
    std::fs::create_dir_all(&dir).unwrap();
    let tr = turkish_shop(PaperSize::A4);
    let tr_ticket = ticket(&tr, 42, kospet_details());
    let hk = hong_kong_shop(PaperSize::Letter);
    let hk_ticket = ticket(&hk, 1307, seiko_details());
    let (cagri, wang) = (cagri(), wang());
    let mut long = kospet_details();
    long.fault = "The crown slips and the hands do not move when it is pulled out to set the time. ".repeat(24);
    long.tried = "Wound it fully by hand and left it overnight; it still stops after a few hours. ".repeat(24);
    let long_ticket = ticket(&tr, 9, long);
    let receipts = [
        ("receipt-a4-tr", &tr, &tr_ticket, &cagri),
        ("receipt-letter-zh", &hk, &hk_ticket, &wang),
        ("receipt-a4-long", &tr, &long_ticket, &cagri),
    ];
    let png = logo_png();
    let logo_if = |wanted: bool| wanted.then(|| stored_image("image/png", &png));
    for (name, settings, ticket, customer) in receipts {
        let (received_by, logo) = ("Ayşe Yılmaz".into(), logo_if(name == "receipt-a4-tr"));
        let doc = TicketPapers { received_by, logo, ..papers(settings, ticket, customer) };
        write_pdf(&dir, &format!("{name}.pdf"), &intake_receipt(fonts(), &doc).unwrap());
    }
    write_pdf(&dir, "tag-tr.pdf", &ticket_tag(fonts(), &papers(&tr, &tr_ticket, &cagri)).unwrap());
    let mut diver = seiko_details();
    diver.device.model = "Prospex Marinemaster Professional 1000m Diver's Automatic SBDX011 Limited".into();
    let diver = ticket(&hk, 123_456, diver);
    write_pdf(&dir, "tag-long.pdf", &ticket_tag(fonts(), &papers(&hk, &diver, &cagri)).unwrap());
    write_pdf(&dir, "tag-zh.pdf", &ticket_tag(fonts(), &papers(&hk, &hk_ticket, &wang)).unwrap());
    let long_name = CustomerDetails {
        name: "Maximilian Alexander Konstantinopoulos-Vanderbilt de la Cruz".into(),
        ..cagri.clone()
    };
    write_pdf(&dir, "tag-long-name.pdf", &ticket_tag(fonts(), &papers(&hk, &hk_ticket, &long_name)).unwrap());

    // A shop writing 12.499,00 and 01.12.2026, a shop without terms, and one with no tax.
    let tr_style = in_turkish_style(tr.clone());
    let doc = TicketPapers { received_by: "Ayşe Yılmaz".into(), ..papers(&tr_style, &tr_ticket, &cagri) };
    write_pdf(&dir, "receipt-a4-tr-style.pdf", &intake_receipt(fonts(), &doc).unwrap());
    let mut no_terms = tr.clone();
    no_terms.shop.terms.clear();
    let doc = TicketPapers { received_by: "Ayşe Yılmaz".into(), ..papers(&no_terms, &tr_ticket, &cagri) };
    write_pdf(&dir, "receipt-a4-no-terms.pdf", &intake_receipt(fonts(), &doc).unwrap());

    let tr_seiko = ticket(&tr, 42, seiko_details());
    let tr_quote = common::quotation(&tr, &tr_seiko, quote_lines(true));
    let tr_long = common::quotation(&tr, &tr_ticket, many_lines(25));
    let hk_quote = common::quotation(&hk, &hk_ticket, quote_lines(false));
    let quotes = [
        ("quotation-a4-tr", &tr, &tr_seiko, &cagri, &tr_quote),
        ("quotation-a4-long", &tr, &tr_ticket, &cagri, &tr_long),
        ("quotation-letter-zh", &hk, &hk_ticket, &wang, &hk_quote),
    ];
    for (name, settings, ticket, customer, quotation_) in quotes {
        let (quotation_, logo) = (Some(quotation_.clone()), logo_if(name == "quotation-a4-tr"));
        let doc = TicketPapers { quotation: quotation_, logo, ..papers(settings, ticket, customer) };
        write_pdf(&dir, &format!("{name}.pdf"), &quotation(fonts(), &doc).unwrap());
    }

    let tr_style_quote = common::quotation(&tr_style, &tr_seiko, quote_lines(true));
    let doc = TicketPapers { quotation: Some(tr_style_quote), ..papers(&tr_style, &tr_seiko, &cagri) };
    write_pdf(&dir, "quotation-a4-tr-style.pdf", &quotation(fonts(), &doc).unwrap());
    let mut untaxed = hk.clone();
    untaxed.tax.rate = caseback_domain::Percent(0);
    let untaxed_quote = common::quotation(&untaxed, &hk_ticket, quote_lines(true));
    let doc = TicketPapers { quotation: Some(untaxed_quote), ..papers(&untaxed, &hk_ticket, &wang) };
    write_pdf(&dir, "quotation-letter-no-tax.pdf", &quotation(fonts(), &doc).unwrap());

    let notices = [
        ("return-a4-tr", &tr, &tr_seiko, &cagri, &tr_quote, false),
        ("return-a4-tr-declined", &tr, &tr_seiko, &cagri, &tr_quote, true),
        ("return-letter-zh", &hk, &hk_ticket, &wang, &hk_quote, false),
    ];
    for (name, settings, ticket, customer, quotation_, refused) in notices {
        let (quotation_, logo) = (Some(quotation_.clone()), logo_if(name.starts_with("return-a4-tr")));
        let doc = TicketPapers { quotation: quotation_, logo, refused, ..papers(settings, ticket, customer) };
        write_pdf(&dir, &format!("{name}.pdf"), &return_notice(fonts(), &doc).unwrap());
    }
    let findings = "Charging coil cracked at the solder joint; replaced the charging module, resealed the case back \
                    and tested a full charge cycle and two days of normal use.";
    let summaries = [("warranty-a4-tr", &tr, &tr_ticket, &cagri), ("warranty-letter-zh", &hk, &hk_ticket, &wang)];
    let covered = WarrantyDecision::Covered(CoveredReason::ManufacturingDefect);
    let assessment = Assessment { findings: findings.into(), decision: covered, photos: vec![] };
    for (name, settings, ticket, customer) in summaries {
        let (assessment, logo) = (Some(assessment.clone()), logo_if(name == "warranty-a4-tr"));
        let doc = TicketPapers { assessment, logo, ..papers(settings, ticket, customer) };
        write_pdf(&dir, &format!("{name}.pdf"), &work_summary(fonts(), &doc).unwrap());
    }

    after_sale(&dir, &png);
    after_the_work(&dir);
    returns(&dir, &png);
}

/// The bench readings and the service warranty: on the notice with four photos (A4) and
/// without any (Letter), after-readings alone, on the receipt, and on the work order of a
/// covered repair.
fn after_the_work(dir: &std::path::Path) {
    use common::readings::{after_the_work, before_the_work, full_service_warranty, redone_service_warranty};
    let with = |case: &Case| TicketPapers {
        readings_before: Some(before_the_work()),
        readings_after: Some(after_the_work()),
        service_warranty: Some(full_service_warranty()),
        ..case.papers()
    };
    let mut photos = Case::ready(PaperSize::A4, NOTICE_ON);
    for i in 0..2 {
        photos.photos.push(("image/jpeg", common::after_sale::photo_jpeg(480 + 80 * i, 360)));
    }
    let mut no_photos = Case::ready(PaperSize::Letter, NOTICE_ON);
    no_photos.photos.clear();
    let mut after_only = with(&no_photos);
    after_only.readings_before = None;
    after_only.service_warranty = Some(redone_service_warranty());
    let forms = [
        ("collection-notice-readings-a4", with(&photos), FormKind::CollectionNotice),
        ("collection-notice-readings-letter", with(&no_photos), FormKind::CollectionNotice),
        ("collection-notice-after-only-letter", after_only, FormKind::CollectionNotice),
        ("receipt-service-warranty-a4", with(&photos), FormKind::PaymentReceipt),
    ];
    for (name, papers, kind) in forms {
        write_pdf(dir, &format!("{name}.pdf"), &render_ticket(fonts(), kind, &papers).unwrap());
    }
    let covered = WarrantyDecision::Covered(CoveredReason::ManufacturingDefect);
    let findings = "Mainspring broken at the barrel hook; replaced it and serviced the movement.";
    let assessment = Assessment { findings: findings.into(), decision: covered, photos: vec![] };
    let doc = TicketPapers { assessment: Some(assessment), ..with(&photos) };
    write_pdf(dir, "warranty-readings-a4.pdf", &work_summary(fonts(), &doc).unwrap());
}

/// The return forms: a Turkish store's (A4, with its logo) for Ayşe Yılmaz, a Hong Kong
/// shop's (Letter) for 王小明, and labels for a parcel from nobody known.
fn returns(dir: &std::path::Path, png: &[u8]) {
    let tr = Return::decided(turkish_shop(PaperSize::A4), Some(common::returns::ayse()));
    let mut hk = Return::decided(hong_kong_shop(PaperSize::Letter), Some(wang()));
    for i in 0..5 {
        hk.photos.push(("image/jpeg", common::after_sale::photo_jpeg(480 + 80 * i, 360)));
    }
    let mut unknown = Return::authorized(hong_kong_shop(PaperSize::A4), None);
    unknown.case.request = None;
    let kinds = [
        ReturnFormKind::ReturnAuthorization,
        ReturnFormKind::RmaInstructions,
        ReturnFormKind::ReturnLabel,
        ReturnFormKind::ReturnLabelA4,
        ReturnFormKind::InspectionReport,
    ];
    for (name, case) in [("tr", &tr), ("zh", &hk)] {
        for kind in kinds {
            let mut papers = case.papers();
            papers.logo = (name == "tr").then(|| stored_image("image/png", png));
            let bytes = render_return_case(fonts(), kind, &papers).unwrap();
            write_pdf(dir, &format!("{}-{name}.pdf", kind.name()), &bytes);
        }
    }
    // As the demo shop's: no photos, a short note.
    let mut short = Return::decided(hong_kong_shop(PaperSize::A4), Some(common::returns::ayse()));
    short.photos.clear();
    let inspection = short.case.inspection.as_mut().unwrap();
    inspection.photos.clear();
    inspection.notes = "Clasp scratched; strap adjusted.".into();
    let bytes = render_return_case(fonts(), ReturnFormKind::InspectionReport, &short.papers()).unwrap();
    write_pdf(dir, "inspection-report-short.pdf", &bytes);
    // The domain offers no form for a package with no request on file; the labels still
    // print one from the RMA code and the shop.
    write_pdf(dir, "return-label-unknown.pdf", &return_label(fonts(), &unknown.papers()).unwrap());
    write_pdf(dir, "return-label-a4-unknown.pdf", &return_label_a4(fonts(), &unknown.papers()).unwrap());
}

/// The after-sale forms: a notice with a logo and photos (A4), the rest of a shipped watch
/// (Letter), a receipt still owing, and a label with a long name and address.
fn after_sale(dir: &std::path::Path, png: &[u8]) {
    let mut ready = Case::ready(PaperSize::A4, NOTICE_ON);
    for i in 0..5 {
        ready.photos.push(("image/jpeg", common::after_sale::photo_jpeg(480 + 80 * i, 360)));
    }
    let two_photos = Case::ready(PaperSize::Letter, NOTICE_ON);
    let shipped = Case::shipped(PaperSize::Letter);
    let mut long = Case::shipped(PaperSize::Letter);
    long.customer.name = "Alexandrina Konstantinopoulou-Vanderbilt-Montgomery".into();
    long.shipping.as_mut().unwrap().address =
        (1..=9).map(|i| format!("Line {i} of a very long delivery address, Unit {i}")).collect::<Vec<_>>().join("\n");
    // Paid too much, and part of it given back; and a shop writing 12.499,00 and 01.12.2026.
    let mut refunded = Case::ready(PaperSize::A4, NOTICE_ON);
    let (cash, change) = (caseback_domain::after_sale::PaymentMethod::Cash, "change");
    refunded.payments.push(payment(2, EntryKind::Payment, 300_000, cash, "", NOTICE_ON));
    refunded.payments.push(payment(3, EntryKind::Refund, 10_000, cash, change, NOTICE_ON));
    refunded.recompute();
    let mut tr_style = Case::shipped(PaperSize::A4);
    tr_style.settings = in_turkish_style(tr_style.settings.clone());
    let forms = [
        ("collection-notice-refunded-a4", &refunded, FormKind::CollectionNotice),
        ("receipt-refunded-a4", &refunded, FormKind::PaymentReceipt),
        ("receipt-paid-a4-tr-style", &tr_style, FormKind::PaymentReceipt),
        ("collection-notice-a4", &ready, FormKind::CollectionNotice),
        ("collection-notice-letter", &two_photos, FormKind::CollectionNotice),
        ("receipt-owing-a4", &ready, FormKind::PaymentReceipt),
        ("receipt-paid-letter", &shipped, FormKind::PaymentReceipt),
        ("shipping-notice-letter", &shipped, FormKind::ShippingNotice),
        ("commercial-invoice-letter", &shipped, FormKind::CommercialInvoice),
        ("shipping-label", &shipped, FormKind::ShippingLabel),
        ("shipping-label-long", &long, FormKind::ShippingLabel),
    ];
    for (name, case, kind) in forms {
        let mut papers = case.papers();
        papers.logo = (kind == FormKind::CollectionNotice).then(|| stored_image("image/png", png));
        write_pdf(dir, &format!("{name}.pdf"), &render_ticket(fonts(), kind, &papers).unwrap());
    }
}
