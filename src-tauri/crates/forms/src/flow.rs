//! Rows placed down the page, onto a new page when the next one does not fit.

use crate::draw::Canvas;
use crate::layout::Row;

/// A vertical flow over a canvas. Row items carry page x positions and y relative to the row.
pub(crate) struct Flow<'f> {
    pub(crate) canvas: Canvas<'f>,
    /// Where content starts on a page, and where it must end (mm from the top).
    top: f32,
    bottom: f32,
    pub(crate) y: f32,
    /// Drawn at the top of every page after the first.
    continued: Vec<Row>,
}

impl<'f> Flow<'f> {
    pub(crate) fn new(canvas: Canvas<'f>, top: f32, bottom: f32, continued: Vec<Row>) -> Flow<'f> {
        Flow { canvas, top, bottom, y: top, continued }
    }

    fn room(&self) -> f32 {
        self.bottom - self.y
    }

    /// The height a fresh continuation page offers.
    fn fresh_room(&self) -> f32 {
        self.bottom - self.top - self.continued.iter().map(|r| r.height).sum::<f32>()
    }

    fn at_page_top(&self) -> bool {
        let header: f32 =
            if self.canvas.page_count() > 1 { self.continued.iter().map(|r| r.height).sum() } else { 0.0 };
        self.y <= self.top + header + 0.01
    }

    /// Replaces what tops continuation pages (a table's header while the table runs);
    /// returns what it was.
    pub(crate) fn set_continued(&mut self, rows: Vec<Row>) -> Vec<Row> {
        std::mem::replace(&mut self.continued, rows)
    }

    pub(crate) fn continued(&self) -> &[Row] {
        &self.continued
    }

    pub(crate) fn break_page(&mut self) {
        self.canvas.new_page();
        self.y = self.top;
        let header = std::mem::take(&mut self.continued);
        for row in &header {
            self.canvas.draw(&row.items, 0.0, self.y);
            self.y += row.height;
        }
        self.continued = header;
    }

    /// One row, on a new page if it does not fit here. Empty rows vanish at a page's top.
    pub(crate) fn place(&mut self, row: &Row) {
        if row.items.is_empty() && self.at_page_top() {
            return;
        }
        if row.height > self.room() && !self.at_page_top() {
            self.break_page();
            if row.items.is_empty() {
                return;
            }
        }
        self.canvas.draw(&row.items, 0.0, self.y);
        self.y += row.height;
    }

    /// Rows whose first `keep` stay on one page (a heading with its first lines), the rest
    /// breaking between any two rows.
    pub(crate) fn place_kept(&mut self, rows: &[Row], keep: usize) {
        let keep = keep.min(rows.len());
        let head: f32 = rows[..keep].iter().map(|r| r.height).sum();
        if head > self.room() && head <= self.fresh_room() && !self.at_page_top() {
            self.break_page();
        }
        for row in rows {
            self.place(row);
        }
    }

    /// Rows that must stay together on one page (a signature block).
    pub(crate) fn place_whole(&mut self, rows: &[Row]) {
        self.place_kept(rows, rows.len());
    }

    /// Columns side by side, starting level; when the tallest does not fit even a fresh
    /// page, they are placed one after another instead.
    pub(crate) fn place_columns(&mut self, columns: &[Vec<Row>], gap_after: f32) {
        let height = |rows: &Vec<Row>| rows.iter().map(|r| r.height).sum::<f32>();
        let tallest = columns.iter().map(height).fold(0.0, f32::max);
        if tallest > self.fresh_room() {
            for rows in columns {
                self.place_kept(rows, 2);
            }
        } else {
            if tallest > self.room() {
                self.break_page();
            }
            for rows in columns {
                let mut y = self.y;
                for row in rows {
                    self.canvas.draw(&row.items, 0.0, y);
                    y += row.height;
                }
            }
            self.y += tallest;
        }
        self.place(&Row::gap(gap_after));
    }
}
