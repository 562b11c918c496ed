//! Budgets from the intake issue: search over 100,000 tickets under 10 ms median; saving an
//! intake under 5 ms. Run with `cargo bench -p caseback-store`.

use caseback_store::fixture;
use caseback_store::Shop;
use criterion::{criterion_group, criterion_main, Criterion};
use jiff::Timestamp;

fn now() -> Timestamp {
    "2026-11-20T02:00:00Z".parse().unwrap()
}

/// The test shop with `n` tickets loaded in bulk (the rows intake writes).
fn shop_with(n: usize) -> (tempfile::TempDir, Shop) {
    let (dir, mut shop, _) = fixture::temp_shop(now());
    fixture::bulk_tickets(&mut shop, n);
    (dir, shop)
}

fn search_100k(c: &mut Criterion) {
    let (_dir, shop) = shop_with(100_000);
    let mut group = c.benchmark_group("search 100k tickets");
    for (name, query) in [
        ("name", "ayse yilmaz 4242"),
        ("phone", "+852 5004 2424"),
        ("number", "R-2026-04242"),
        ("serial", "sn-0042424"),
        ("partial", "04242"),
        ("no query", ""),
    ] {
        assert!(!shop.search_tickets(query, None, 200).unwrap().is_empty(), "{query} finds something");
        group.bench_function(name, |b| b.iter(|| shop.search_tickets(query, None, 200).unwrap()));
    }
    group.finish();
}

fn save_intake(c: &mut Criterion) {
    let (_dir, mut shop) = shop_with(1_000);
    let by = shop.staff().unwrap()[0].id;
    let mut i = 1_000_000;
    c.bench_function("save an intake", |b| {
        b.iter(|| {
            i += 1;
            shop.book_intake(by, &fixture::numbered_intake(i), &[], now()).unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = search_100k, save_intake
}
criterion_main!(benches);
