//! The bench readings on the Collection Notice and the warranty work order, read back with
//! pdftotext: the figures before and after the work, the one outside the shop's tolerances
//! marked, and nothing at all without after-readings.

use std::path::{Path, PathBuf};

use caseback_domain::papers::TicketPapers;
use caseback_domain::settings::PaperSize;
use caseback_forms::{render_ticket, FormKind};

use crate::common::after_sale::*;
use crate::common::readings::*;
use crate::common::*;

const MARK: &str = "▲";

fn pdf_of(papers: &TicketPapers, kind: FormKind, dir: &Path) -> PathBuf {
    let bytes = render_ticket(fonts(), kind, papers).unwrap_or_else(|e| panic!("{e} ({})", e.code()));
    write_pdf(dir, &format!("{}.pdf", kind.name()), &bytes)
}

/// The Collection Notice and the work order of the serviced Seiko, with `papers` changed.
fn both_forms(paper: PaperSize, change: impl Fn(TicketPapers) -> TicketPapers) -> Vec<(FormKind, TicketPapers)> {
    let papers = change(covered(Case::ready(paper, NOTICE_ON).papers()));
    vec![(FormKind::CollectionNotice, papers.clone()), (FormKind::WorkSummary, papers)]
}

#[test]
fn readings_before_and_after_are_printed_with_the_fast_dial_up_marked() {
    for paper in [PaperSize::A4, PaperSize::Letter] {
        for (kind, papers) in both_forms(paper, after_the_service) {
            let dir = scratch();
            let text = squeezed(&text_of(&pdf_of(&papers, kind, dir.path())));
            for expected in [
                "Bench readings",
                "Reading Before After",
                // Every rate is printed; only dial up, at +9.0 s/d, is outside -4/+6.
                &format!("Rate dial up -38.0 s/d {FAST_DIAL_UP} {MARK}"),
                "Rate dial down -35.5 s/d +5.0 s/d",
                "Rate crown right -44.0 s/d +4.0 s/d",
                &format!("Mean rate -43.0 s/d {MEAN_AFTER}"),
                "Delta between positions 16.5 s/d 8.0 s/d",
                "Amplitude dial up 198° 285°",
                "Amplitude drop, dial up to vertical 33° 30°",
                "Beat error 1.2 ms 0.3 ms",
                "Beat rate 21600 bph 21600 bph",
                "Lift angle 53° 53°",
                // Taken after the work only.
                "Timegrapher —",
                "Witschi",
                &format!("{MARK} Outside the shop's tolerance."),
                RUNS_FAST,
            ] {
                assert!(text.contains(expected), "{kind:?} {paper:?}: {expected:?} missing from:\n{text}");
            }
            // The mark beside the one figure out of tolerance, and once in its legend.
            assert_eq!(text.matches(MARK).count(), 2, "{kind:?} {paper:?}:\n{text}");
        }
    }
}

#[test]
fn the_before_column_is_there_only_when_readings_were_taken_before_the_work() {
    let after_only = |p| TicketPapers { readings_before: None, ..after_the_service(p) };
    for (kind, papers) in both_forms(PaperSize::A4, after_only) {
        let dir = scratch();
        let text = squeezed(&text_of(&pdf_of(&papers, kind, dir.path())));
        for expected in [
            "Reading After".to_string(),
            format!("Rate dial up {FAST_DIAL_UP} {MARK}"),
            format!("Mean rate {MEAN_AFTER}"),
            "Timegrapher Witschi".into(),
        ] {
            assert!(text.contains(&expected), "{kind:?}: {expected:?} missing from:\n{text}");
        }
        for absent in ["Before", "-38.0 s/d", "198°", "Timegrapher —"] {
            assert!(!text.contains(absent), "{kind:?}: {absent:?} without before-readings:\n{text}");
        }
    }
}

#[test]
fn a_watch_within_tolerance_has_no_mark_and_a_reading_without_a_note_no_note() {
    let mut within = after_the_work();
    within.mechanical.as_mut().unwrap().rate.dial_up = Some(50);
    within.note.clear();
    for (kind, papers) in both_forms(PaperSize::A4, |p| TicketPapers { readings_after: Some(within.clone()), ..p }) {
        let dir = scratch();
        let text = squeezed(&text_of(&pdf_of(&papers, kind, dir.path())));
        assert!(text.contains("Rate dial up +5.0 s/d"), "{kind:?}:\n{text}");
        assert!(!text.contains(MARK) && !text.contains("tolerance"), "{kind:?}: a mark on figures within tolerance");
        assert!(!text.contains("runs a little fast"), "{kind:?}:\n{text}");
    }
}

#[test]
fn the_readings_keep_together_after_the_notice_which_keeps_its_page() {
    let mut case = Case::ready(PaperSize::A4, NOTICE_ON);
    for i in 0..2 {
        case.photos.push(("image/jpeg", photo_jpeg(480 + 80 * i, 360)));
    }
    let dir = scratch();
    let plain = pdf_of(&case.papers(), FormKind::CollectionNotice, dir.path());
    let plain = squeezed(&text_of(&plain));
    let pdf = pdf_of(&after_the_service(case.papers()), FormKind::CollectionNotice, dir.path());
    assert_eq!(page_count(&pdf), 2, "four photos fill the first page: the readings go on a second");
    let text = text_of(&pdf);
    let pages: Vec<String> = text.split('\x0c').map(squeezed).collect();
    // The notice's first page as it is without them, from its title to the way back.
    let first = pages[0].split(" Lx Watch Repair · Collection Notice").next().unwrap();
    assert!(plain.starts_with(first), "the first page changed:\n{}\n---\n{plain}", pages[0]);
    assert!(first.contains("How to get your watch back") && first.contains("Storage is free through"), "{first}");
    // The table is not split: its heading, first and last rows and its note on one page.
    let second = &pages[1];
    for expected in ["Bench readings", "Rate dial up", "Timegrapher", RUNS_FAST] {
        assert!(second.contains(expected), "{expected:?} not on page 2:\n{second}");
    }

    // The work order is short: the readings fit its page.
    let papers = covered(after_the_service(case.papers()));
    assert_eq!(page_count(&pdf_of(&papers, FormKind::WorkSummary, dir.path())), 1);
}

#[test]
fn nothing_is_printed_without_after_readings() {
    // Readings taken when the watch came in, and none after: there is nothing to compare.
    let before_only = |p| TicketPapers { readings_before: Some(before_the_work()), ..p };
    for change in [|p| p, before_only] {
        for (kind, papers) in both_forms(PaperSize::A4, change) {
            let dir = scratch();
            let pdf = pdf_of(&papers, kind, dir.path());
            let text = squeezed(&text_of(&pdf));
            for absent in ["Bench readings", "Rate dial up", "-38.0 s/d", MARK, "tolerance"] {
                assert!(!text.contains(absent), "{kind:?}: {absent:?} without after-readings:\n{text}");
            }
            assert_eq!(page_count(&pdf), 1, "{kind:?}");
        }
    }
}
