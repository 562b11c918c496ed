//! The poppler and zbar tools that read a form back as a person or a scanner would: its
//! text, page size and count, and the codes on it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a tool the forms are checked with; a missing tool fails the test with the fix.
pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} could not be run ({e}): it is needed to check the printed forms; run scripts/install-deps")
    });
    assert!(out.status.success(), "{tool} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("tool output is UTF-8")
}

/// A fresh folder for one test's files.
pub fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

pub fn write_pdf(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    assert!(bytes.starts_with(b"%PDF-"), "{name} is not a PDF");
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn text_of(pdf: &Path) -> String {
    run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

pub fn info_of(pdf: &Path) -> String {
    run("pdfinfo", &[pdf.to_str().unwrap()])
}

pub fn page_count(pdf: &Path) -> usize {
    let info = info_of(pdf);
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("pdfinfo prints Pages");
    line["Pages:".len()..].trim().parse().unwrap()
}

/// What the QR codes and barcodes on `page` (1-based) decode to, read from a 200 dpi rendering.
pub fn qr_codes(pdf: &Path, page: usize) -> Vec<String> {
    let dir = pdf.parent().unwrap();
    let stem = dir.join(format!("{}-page", pdf.file_stem().unwrap().to_str().unwrap()));
    let page = page.to_string();
    run(
        "pdftoppm",
        &["-r", "200", "-png", "-f", &page, "-l", &page, "-singlefile", pdf.to_str().unwrap(), stem.to_str().unwrap()],
    );
    let png = stem.with_extension("png");
    let out = Command::new("zbarimg").args(["--raw", "-q", png.to_str().unwrap()]).output().unwrap_or_else(|e| {
        panic!("zbarimg could not be run ({e}): it is needed to check the printed QR codes; run scripts/install-deps")
    });
    // zbarimg exits 4 when it finds no symbol: report that as an empty list.
    assert!(matches!(out.status.code(), Some(0 | 4)), "zbarimg failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

/// Every symbol on `page` (1-based) as (type, data), e.g. ("CODE-128", "RMA-K7QD-4WX"),
/// read from a 200 dpi rendering.
pub fn symbols(pdf: &Path, page: usize) -> Vec<(String, String)> {
    let dir = pdf.parent().unwrap();
    let stem = dir.join(format!("{}-symbols", pdf.file_stem().unwrap().to_str().unwrap()));
    let page = page.to_string();
    run(
        "pdftoppm",
        &["-r", "200", "-png", "-f", &page, "-l", &page, "-singlefile", pdf.to_str().unwrap(), stem.to_str().unwrap()],
    );
    let png = stem.with_extension("png");
    let out = Command::new("zbarimg").args(["-q", png.to_str().unwrap()]).output().unwrap_or_else(|e| {
        panic!("zbarimg could not be run ({e}): it is needed to check the printed codes; run scripts/install-deps")
    });
    assert!(matches!(out.status.code(), Some(0 | 4)), "zbarimg failed: {}", String::from_utf8_lossy(&out.stderr));
    let mut found: Vec<(String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once(':').map(|(kind, data)| (kind.to_string(), data.to_string())))
        .collect();
    found.sort();
    found
}

/// Whitespace-insensitive: every run of spaces and line breaks counts as one space.
pub fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One word as pdftotext places it, in points from the page's top-left.
#[derive(Debug)]
pub struct WordBox {
    pub page: usize,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
    pub text: String,
}

/// The page size (points) and every word's box.
pub fn word_boxes(pdf: &Path) -> ((f32, f32), Vec<WordBox>) {
    let html = run("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    let mut size = (0.0, 0.0);
    let mut page = 0;
    let mut words = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
            size = (attr(line, "width"), attr(line, "height"));
        } else if line.starts_with("<word ") {
            let text = line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()].to_string();
            words.push(WordBox {
                page,
                x_min: attr(line, "xMin"),
                y_min: attr(line, "yMin"),
                x_max: attr(line, "xMax"),
                y_max: attr(line, "yMax"),
                text,
            });
        }
    }
    (size, words)
}
