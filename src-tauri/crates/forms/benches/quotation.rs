//! Issuing and rendering one quotation, fonts loaded once outside the loop. Budget: under 10 ms.

#[path = "../tests/common/mod.rs"]
mod common;

use caseback_domain::settings::PaperSize;
use caseback_forms::{quotation, QuotationDoc};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn quotations(c: &mut Criterion) {
    let fonts = common::fonts();
    let shop = common::turkish_shop(PaperSize::A4);
    let ticket = common::ticket(&shop, 42, common::seiko_details());
    let customer = common::cagri();
    let lines = common::quote_lines(true);
    c.bench_function("quotation_issue_and_render", |b| {
        b.iter(|| {
            let q = common::quotation(&shop, &ticket, black_box(lines.clone()));
            let doc = QuotationDoc { settings: &shop, ticket: &ticket, customer: &customer, quotation: &q, logo: None };
            quotation(fonts, &doc).unwrap()
        })
    });

    let q = common::quotation(&shop, &ticket, common::many_lines(25));
    let doc = QuotationDoc { settings: &shop, ticket: &ticket, customer: &customer, quotation: &q, logo: None };
    c.bench_function("quotation_25_lines_two_pages", |b| b.iter(|| quotation(fonts, black_box(&doc)).unwrap()));
}

criterion_group!(benches, quotations);
criterion_main!(benches);
