//! Issuing and rendering one quotation, fonts loaded once outside the loop. Budget: under 10 ms.

#[path = "../tests/common/mod.rs"]
mod common;

use caseback_domain::settings::PaperSize;
use caseback_forms::quotation;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn quotations(c: &mut Criterion) {
    let fonts = common::fonts();
    let shop = common::turkish_shop(PaperSize::A4);
    let ticket = common::ticket(&shop, 42, common::seiko_details());
    let customer = common::cagri();
    let lines = common::quote_lines(true);
    // The papers are put together once: the store's part, not what is measured.
    let mut papers = common::papers(&shop, &ticket, &customer);
    c.bench_function("quotation_issue_and_render", |b| {
        b.iter(|| {
            papers.quotation = Some(common::quotation(&shop, &ticket, black_box(lines.clone())));
            quotation(fonts, &papers).unwrap()
        })
    });

    papers.quotation = Some(common::quotation(&shop, &ticket, common::many_lines(25)));
    c.bench_function("quotation_25_lines_two_pages", |b| b.iter(|| quotation(fonts, black_box(&papers)).unwrap()));
}

criterion_group!(benches, quotations);
criterion_main!(benches);
