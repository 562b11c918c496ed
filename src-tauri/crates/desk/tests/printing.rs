//! Print, through a real CUPS scheduler (`scripts/test-cups`, whose printers keep every job):
//! each form kind goes to the printer Settings → Printing chose, with its media and copies,
//! and what arrived reads back (text with pdftotext, codes with zbarimg). A missing or paused
//! printer is a sentence, and the PDF is kept.

use std::path::{Path, PathBuf};
use std::process::Command;

use caseback_desk::{Cups, Desk, PaperFor, PrintFormRow, PrintedView};
use caseback_domain::papers::{FormKind, ReturnFormKind};
use caseback_domain::printing::{Media, PrintedForm};
use caseback_domain::returns::ReturnId;
use caseback_domain::ticket::TicketId;
use caseback_domain::Code;
use caseback_store::demo;

const NO_CUPS: &str = "CASEBACK_TEST_CUPS is not set, so the printing tests have no printers. Start a scheduler \
                       with `eval \"$(scripts/test-cups)\"` (scripts/test does), then run the tests again.";

/// The tests' scheduler: its address and its folder (the kept jobs are in `spool/`).
fn cups() -> (String, PathBuf) {
    let server = std::env::var("CASEBACK_TEST_CUPS").expect(NO_CUPS);
    let dir = std::env::var("CASEBACK_TEST_CUPS_DIR").expect(NO_CUPS);
    (server, PathBuf::from(dir))
}

fn demo_desk(dir: &Path) -> Desk {
    let now: jiff::Timestamp = "2026-12-01T02:00:00Z".parse().unwrap();
    let shop = demo::open_or_create(dir, now).unwrap();
    let mut desk = Desk::new(shop, std::sync::Arc::new(move || now));
    desk.print_through(Cups::at(cups().0));
    desk
}

fn line(form: PrintedForm, printer: &str, media: Media, copies: u32) -> PrintFormRow {
    PrintFormRow { key: form.key(), printer: printer.into(), media: media.key().into(), copies }
}

/// A job as the scheduler kept it: its media and copies (asked with ipptool), and the file.
struct Arrived {
    media: String,
    copies: u32,
    printer: String,
    pdf: PathBuf,
}

fn arrived(printed: &PrintedView, pdf_dir: &Path) -> Arrived {
    let (server, dir) = cups();
    let (printer, job) = printed.job.rsplit_once('-').unwrap();
    let (printer, job): (String, u32) = (printer.to_string(), job.parse().unwrap());
    assert!(printed.text.contains(&format!("\u{201c}{printer}\u{201d}")), "{}", printed.text);
    let test = pdf_dir.join(format!("get-job-{job}.test"));
    std::fs::write(
        &test,
        "{\n OPERATION Get-Job-Attributes\n GROUP operation-attributes-tag\n ATTR charset attributes-charset utf-8\n \
         ATTR naturalLanguage attributes-natural-language en\n ATTR uri printer-uri $uri\n ATTR integer job-id $job_id\n \
         ATTR name requesting-user-name caseback\n ATTR keyword requested-attributes all\n STATUS successful-ok\n}\n",
    )
    .unwrap();
    let asked = Command::new("ipptool")
        .args(["-tv", "-d", &format!("job_id={job}"), &format!("ipp://{server}/printers/{printer}")])
        .arg(&test)
        .output()
        .expect("ipptool: run scripts/install-deps (cups-ipp-utils)");
    let said = String::from_utf8_lossy(&asked.stdout);
    let value = |name: &str| {
        said.lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix(&format!("{name} ("))
                    .and_then(|r| r.split_once("= "))
                    .map(|(_, v)| v.trim().to_string())
            })
            .unwrap_or_else(|| panic!("job {job} has no {name}: {said}"))
    };
    let pdf = dir.join("spool").join(format!("d{job:05}-001"));
    assert!(pdf.exists(), "the job's file is kept: {}", pdf.display());
    Arrived { media: value("media"), copies: value("copies").parse().unwrap(), printer, pdf }
}

fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext").args(["-layout"]).arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every QR code and barcode zbarimg reads on the PDF's pages (rendered by pdftoppm).
fn codes_of(pdf: &Path, scratch: &Path) -> Vec<String> {
    let prefix = scratch.join(pdf.file_name().unwrap());
    let rendered = Command::new("pdftoppm").args(["-png", "-r", "300"]).arg(pdf).arg(&prefix).output().unwrap();
    assert!(rendered.status.success());
    let mut codes = Vec::new();
    for page in std::fs::read_dir(scratch).unwrap().flatten() {
        let path = page.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with(&*prefix.file_name().unwrap().to_string_lossy()) && name.ends_with(".png") {
            let read = Command::new("zbarimg").args(["--quiet", "--raw"]).arg(&path).output().unwrap();
            codes.extend(String::from_utf8_lossy(&read.stdout).lines().map(str::to_string));
            std::fs::remove_file(&path).unwrap();
        }
    }
    codes
}

/// The first page's width and height in millimetres, as pdfinfo reads them (in points).
fn page_size_mm(pdf: &Path) -> (f32, f32) {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    let line = info.lines().find_map(|l| l.strip_prefix("Page size:")).unwrap_or_default().to_string();
    let mut numbers = line.split_whitespace().filter_map(|w| w.parse::<f32>().ok()).map(|pt| pt / 72.0 * 25.4);
    (numbers.next().unwrap_or_default(), numbers.next().unwrap_or_default())
}

#[test]
fn every_form_kind_goes_to_its_printer_with_its_stock_and_copies_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let tag = PrintedForm::Ticket(FormKind::TicketTag);
    let shipping = PrintedForm::Ticket(FormKind::ShippingLabel);
    let return_label = PrintedForm::Return(ReturnFormKind::ReturnLabel);
    desk.set_printing(vec![
        line(tag, "Labels", Media::Dymo30252, 2),
        line(shipping, "Parcels", Media::Label100x150mm, 1),
        line(return_label, "Parcels", Media::Label4x6in, 1),
        line(PrintedForm::Ticket(FormKind::Quotation), "Office", Media::Letter, 3),
    ])
    .unwrap();

    // A record for every form kind: the demo has one in every state.
    let rows = serde_json::to_value(desk.search_tickets("", None, Default::default()).unwrap()).unwrap();
    let ids: Vec<TicketId> = rows.as_array().unwrap().iter().map(|r| TicketId(r["id"].as_i64().unwrap())).collect();
    for kind in FormKind::ALL {
        let (id, number) = ids
            .iter()
            .find_map(|id| {
                let view = serde_json::to_value(desk.ticket(*id).unwrap()).unwrap();
                let offered = view["forms"].as_array().unwrap().iter().any(|f| f["name"] == kind.name());
                offered.then(|| (*id, view["ticket"]["number"].as_str().unwrap().to_string()))
            })
            .unwrap_or_else(|| panic!("the demo has a ticket with a {}", kind.name()));
        let printed = desk.print_paper(PaperFor::Ticket(id, *kind)).unwrap();
        let job = arrived(&printed, scratch.path());
        let form = PrintedForm::Ticket(*kind);
        let (printer, media, copies) = match kind {
            FormKind::TicketTag => ("Labels", Media::Dymo30252, 2),
            FormKind::ShippingLabel => ("Parcels", Media::Label100x150mm, 1),
            FormKind::Quotation => ("Office", Media::Letter, 3),
            // The rest go to the system's default printer on the shop's paper (A4).
            _ => ("Office", Media::A4, 1),
        };
        assert_eq!(
            (job.printer.as_str(), job.media.as_str(), job.copies),
            (printer, media.pwg_name(), copies),
            "{}",
            form.key()
        );
        let ((w, h), (pw, ph)) = (media.size_mm(), page_size_mm(&job.pdf));
        assert!(
            (w - pw).abs() < 0.1 && (h - ph).abs() < 0.1,
            "{} drawn for {}: {pw} x {ph} mm",
            form.key(),
            media.title()
        );
        assert!(text_of(&job.pdf).contains(&number), "{} prints {number}", form.key());
        assert_eq!(
            std::fs::read(&job.pdf).unwrap(),
            std::fs::read(&printed.path).unwrap(),
            "the kept PDF is what was sent"
        );
        if matches!(kind, FormKind::TicketTag | FormKind::ShippingLabel) {
            let codes = codes_of(&job.pdf, scratch.path());
            assert!(codes.iter().any(|c| c.contains(&number)), "{} scans as {number}: {codes:?}", form.key());
        }
    }

    let returns = serde_json::to_value(desk.search_returns("", None, Default::default()).unwrap()).unwrap();
    let cases: Vec<ReturnId> =
        returns.as_array().unwrap().iter().map(|r| ReturnId(r["id"].as_i64().unwrap())).collect();
    for kind in ReturnFormKind::ALL {
        let (id, title) = cases
            .iter()
            .find_map(|id| {
                let view = serde_json::to_value(desk.return_case(*id).unwrap()).unwrap();
                let offered = view["forms"].as_array().unwrap().iter().any(|f| f["name"] == kind.name());
                offered.then(|| (*id, view["title"].as_str().unwrap().to_string()))
            })
            .unwrap_or_else(|| panic!("the demo has a return with a {}", kind.name()));
        let printed = desk.print_paper(PaperFor::Return(id, *kind)).unwrap();
        let job = arrived(&printed, scratch.path());
        let media = if *kind == ReturnFormKind::ReturnLabel { Media::Label4x6in } else { Media::A4 };
        assert_eq!(job.media, media.pwg_name(), "{}", kind.name());
        let text = text_of(&job.pdf);
        let code = title.split_whitespace().last().unwrap();
        assert!(text.contains(code) || text.contains(&title), "{} prints {title}: {text}", kind.name());
        if *kind == ReturnFormKind::ReturnLabel {
            assert!(!codes_of(&job.pdf, scratch.path()).is_empty(), "the return label's code scans");
        }
    }
}

#[test]
fn a_missing_or_paused_printer_is_a_sentence_and_the_pdf_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let rows = serde_json::to_value(desk.search_tickets("", None, Default::default()).unwrap()).unwrap();
    let id = TicketId(rows[0]["id"].as_i64().unwrap());
    let receipt = PrintedForm::Ticket(FormKind::IntakeReceipt);

    desk.set_printing(vec![line(receipt, "Jammed", Media::A4, 1)]).unwrap();
    let paused = desk.print_paper(PaperFor::Ticket(id, FormKind::IntakeReceipt)).err().unwrap();
    assert_eq!(paused.code, Code::PrinterUnavailable);
    assert!(
        paused.message.starts_with("The printer \u{201c}Jammed\u{201d} is paused: resume it"),
        "{}",
        paused.message
    );
    let kept = paused.message.split("The PDF is kept at ").nth(1).unwrap().trim_end_matches('.');
    assert!(std::fs::read(kept).unwrap().starts_with(b"%PDF"), "{kept}");

    desk.set_printing(vec![line(receipt, "Gone", Media::A4, 1)]).unwrap();
    let view = serde_json::to_value(desk.printing().unwrap()).unwrap();
    let labels: Vec<_> =
        view["printer_choices"].as_array().unwrap().iter().map(|c| c["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"Gone (not set up)") && labels.contains(&"Jammed (paused)"), "{labels:?}");
    assert!(labels[0] == "Default printer (Office)", "{labels:?}");
    let missing = desk.print_paper(PaperFor::Ticket(id, FormKind::IntakeReceipt)).err().unwrap();
    assert!(
        missing.message.starts_with("The printer \u{201c}Gone\u{201d} is not set up on this computer"),
        "{}",
        missing.message
    );

    // With no printing system at all (a scheduler that does not answer), the same: a sentence.
    desk.print_through(Cups::at("127.0.0.1:9"));
    let none = desk.print_paper(PaperFor::Ticket(id, FormKind::IntakeReceipt)).err().unwrap();
    assert_eq!(none.code, Code::PrinterUnavailable);
    assert!(none.message.contains("The PDF is kept at"), "{}", none.message);
    let view = serde_json::to_value(desk.printing().unwrap()).unwrap();
    assert!(view["printers_note"].as_str().unwrap().contains("CUPS"), "{view}");
}

#[test]
fn a_choice_that_does_not_fit_is_refused_at_its_field_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let tag = PrintedForm::Ticket(FormKind::TicketTag);
    let label = PrintedForm::Return(ReturnFormKind::ReturnLabel);
    let refused = desk
        .set_printing(vec![line(tag, "Labels", Media::BrotherDk11209, 0), line(label, "Parcels", Media::Dymo99012, 1)])
        .err()
        .unwrap();
    let fields: Vec<_> = refused.fields.iter().map(|f| (f.field.as_str(), f.message.as_str())).collect();
    assert_eq!(
        fields,
        [
            ("ticket/tag.copies", "Print between 1 and 20 copies."),
            ("return/return-label.media", "The return label is not laid out for DYMO 99012 (89 × 36 mm)."),
        ]
    );
    let view = serde_json::to_value(desk.printing().unwrap()).unwrap();
    let tag_line = view["forms"].as_array().unwrap().iter().find(|f| f["key"] == "ticket/tag").unwrap().clone();
    assert_eq!((tag_line["printer"].as_str(), tag_line["media"].as_str()), (Some(""), Some("dk-11209")), "{tag_line}");
    let stocks: Vec<_> =
        tag_line["media_choices"].as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert_eq!(stocks, ["dk-11209", "dymo-99012", "dymo-30252", "4x6in", "100x150mm"]);

    // A damaged settings file: the usual choices, said so, and saving writes it anew.
    std::fs::write(desk.shop().folder().root().join("printing.json"), "{ not json").unwrap();
    let view = serde_json::to_value(desk.printing().unwrap()).unwrap();
    assert!(view["setup_note"].as_str().unwrap().contains("could not be read"), "{view}");
    desk.set_printing(vec![line(tag, "Labels", Media::Dymo99012, 1)]).unwrap();
    let view = serde_json::to_value(desk.printing().unwrap()).unwrap();
    assert!(view["setup_note"].is_null(), "{view}");
}

#[test]
fn today_s_bag_tags_go_out_in_one_job_a_tag_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let mut desk = demo_desk(dir.path());
    let tag = PrintedForm::Ticket(FormKind::TicketTag);
    desk.set_printing(vec![line(tag, "Labels", Media::Dymo99012, 1)]).unwrap();
    let by = desk.shop().staff().unwrap()[0].id;
    let mut numbers = Vec::new();
    for name in ["Ayşe Kaya", "陳大文"] {
        let ticket = desk.book_intake(by, &caseback_store::fixture::walk_in(name, "Stopped"), &[]).unwrap();
        numbers.push(ticket.number.to_string());
    }
    let today = serde_json::to_value(desk.search_tickets("", None, Default::default()).unwrap()).unwrap();
    let booked_today: Vec<String> = today
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["received_on"] == "2026-12-01")
        .map(|r| r["number"].as_str().unwrap().to_string())
        .collect();
    assert!(numbers.iter().all(|n| booked_today.contains(n)), "{booked_today:?}");

    let printed = desk.print_todays_tags().unwrap();
    let said = format!("{} bag tags sent to \u{201c}Labels\u{201d} on DYMO 99012 (89 × 36 mm).", booked_today.len());
    assert_eq!(printed.text, said);
    let job = arrived(&printed, scratch.path());
    assert_eq!(job.media, Media::Dymo99012.pwg_name());
    let info = Command::new("pdfinfo").arg(&job.pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(str::trim);
    assert_eq!(pages, Some(booked_today.len().to_string().as_str()), "a tag a page");
    let mut codes = codes_of(&job.pdf, scratch.path());
    codes.sort();
    let mut expected = booked_today.clone();
    expected.sort();
    assert_eq!(codes, expected, "each page scans as its own ticket");
}
