//! A spreadsheet saved as CSV, as staff bring one in: its header and its rows, each with its
//! line in the file. Commas or semicolons (as a spreadsheet in a comma-decimal locale saves
//! it), with or without a byte-order mark; blank rows skipped.

use caseback_domain::DomainError;

use crate::error::Result;

/// The largest file read: a shop's whole list is far smaller.
const MAX_BYTES: usize = 5 * 1024 * 1024;

pub(crate) struct CsvFile {
    pub header: Vec<String>,
    /// Each row's line in the file (the header is line 1) and its cells.
    pub rows: Vec<(usize, Vec<String>)>,
}

pub(crate) fn read(text: &str) -> Result<CsvFile> {
    if text.len() > MAX_BYTES {
        return Err(DomainError::invalid(
            "file",
            "That file is larger than a shop's list (5 MB): check it is the right one.",
        )
        .into());
    }
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(r)) => r.iter().map(|c| c.trim().to_string()).collect(),
        _ => return Err(DomainError::invalid("file", "The file is empty: its first row must name the columns.").into()),
    };
    let mut rows = Vec::new();
    let mut last = 1;
    for record in records {
        // The row's line in the file as the reader counted it (a quoted address may span
        // lines); a row it cannot split is placed after the last one read.
        let line = match &record {
            Ok(r) => r.position().map_or(last + 1, |p| p.line() as usize),
            Err(e) => e.position().map_or(last + 1, |p| p.line() as usize),
        };
        last = line;
        match record {
            Ok(r) if r.iter().all(|c| c.trim().is_empty()) => {}
            Ok(r) => rows.push((line, r.iter().map(str::to_string).collect())),
            // A row the reader cannot split (an unclosed quote) is kept, empty, to be refused.
            Err(_) => rows.push((line, Vec::new())),
        }
    }
    if rows.is_empty() {
        return Err(DomainError::invalid("file", "The file names its columns but has no rows.").into());
    }
    Ok(CsvFile { header, rows })
}
