//! Rendering one intake receipt, fonts loaded once outside the loop. Budget: under 10 ms.

#[path = "../tests/common/mod.rs"]
mod common;

use caseback_domain::papers::TicketPapers;
use caseback_domain::settings::PaperSize;
use caseback_forms::{intake_receipt, ticket_tag};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn receipts(c: &mut Criterion) {
    let fonts = common::fonts();
    let shop = common::turkish_shop(PaperSize::A4);
    let ticket = common::ticket(&shop, 42, common::kospet_details());
    let customer = common::cagri();
    let doc = TicketPapers { received_by: "Ayşe Yılmaz".into(), ..common::papers(&shop, &ticket, &customer) };
    c.bench_function("intake_receipt", |b| b.iter(|| intake_receipt(fonts, black_box(&doc)).unwrap()));

    let png = common::logo_png();
    let hk = common::hong_kong_shop(PaperSize::Letter);
    let hk_ticket = common::ticket(&hk, 1307, common::seiko_details());
    let wang = common::wang();
    let logo = Some(common::stored_image("image/png", &png));
    let cjk = TicketPapers { received_by: "Mei Chan".into(), logo, ..common::papers(&hk, &hk_ticket, &wang) };
    c.bench_function("intake_receipt_cjk_logo", |b| b.iter(|| intake_receipt(fonts, black_box(&cjk)).unwrap()));

    let tag = common::papers(&shop, &ticket, &customer);
    c.bench_function("ticket_tag", |b| b.iter(|| ticket_tag(fonts, black_box(&tag)).unwrap()));
}

criterion_group!(benches, receipts);
criterion_main!(benches);
