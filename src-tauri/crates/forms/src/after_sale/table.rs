//! A ruled table in the quotation's style: text columns that wrap, amount columns aligned
//! right, the column titles repeated on continued pages, totals under the last column.

use crate::draw::{Colour, Item};
use crate::flow::Flow;
use crate::fonts::Fonts;
use crate::layout::{fit_size, text_block, text_item, width, Row, Style};
use crate::quotation::{CELL, CELL_PAD_X, CELL_PAD_Y, TABLE_HEAD};
use crate::receipt::sections::{self, SECTION_GAP};

struct Col {
    title: String,
    left: f32,
    width: f32,
    right: bool,
}

pub(crate) struct Grid<'f> {
    fonts: &'f Fonts,
    x: f32,
    w: f32,
    cols: Vec<Col>,
}

impl<'f> Grid<'f> {
    /// Columns from (title, width in mm, aligned right); a width of 0 takes what is left.
    pub(crate) fn new(fonts: &'f Fonts, x: f32, w: f32, spec: &[(&str, f32, bool)]) -> Grid<'f> {
        let fixed: f32 = spec.iter().map(|(_, cw, _)| cw).sum();
        let mut left = x;
        let cols = spec
            .iter()
            .map(|(title, cw, right)| {
                let width = if *cw > 0.0 { *cw } else { (w - fixed).max(20.0) };
                let col = Col { title: title.to_string(), left, width, right: *right };
                left += width;
                col
            })
            .collect();
        Grid { fonts, x, w, cols }
    }

    /// `text` in column `c`: wrapped when aligned left, shrunk to fit when aligned right.
    fn cell(&self, c: usize, text: &str, style: Style, top: f32) -> (Vec<Item>, f32) {
        let col = &self.cols[c];
        let room = col.width - 2.0 * CELL_PAD_X;
        if !col.right {
            return text_block(self.fonts, text, style, col.left + CELL_PAD_X, top, room);
        }
        let style = Style { size: fit_size(self.fonts, text, style, room, 6.0), ..style };
        let x = col.left + col.width - CELL_PAD_X - width(self.fonts, text, style);
        (vec![text_item(self.fonts, text, style, x, top + style.baseline())], style.line_height())
    }

    /// The column titles on a tinted band.
    pub(crate) fn header(&self) -> Row {
        let h = TABLE_HEAD.line_height() + 2.0 * CELL_PAD_Y;
        let mut items = vec![Item::Fill { x: self.x, y: 0.0, w: self.w, h, colour: Colour::TINT }];
        for (c, col) in self.cols.iter().enumerate() {
            items.extend(self.cell(c, &col.title, TABLE_HEAD, CELL_PAD_Y).0);
        }
        Row { height: h, items }
    }

    /// One line of the table, ruled underneath.
    pub(crate) fn row(&self, cells: &[String]) -> Row {
        self.row_in(cells, CELL)
    }

    pub(crate) fn row_in(&self, cells: &[String], style: Style) -> Row {
        let mut items = Vec::new();
        let mut h: f32 = 0.0;
        for (c, text) in cells.iter().enumerate().take(self.cols.len()) {
            let (cell, cell_h) = self.cell(c, text, style, CELL_PAD_Y);
            items.extend(cell);
            h = h.max(cell_h);
        }
        let height = h + 2.0 * CELL_PAD_Y;
        let (x1, x2) = (self.x, self.x + self.w);
        items.push(Item::Rule { x1, y1: height, x2, y2: height, width_pt: 0.4, colour: Colour::RULE });
        Row { height, items }
    }

    /// A label ending where the last column starts, and its value in the last column.
    pub(crate) fn total(&self, label: &str, value: &str, style: Style, rule_above: bool) -> Row {
        let last = self.cols.len() - 1;
        let top = if rule_above { 1.2 } else { 0.5 };
        let label_right = self.cols[last].left - CELL_PAD_X;
        let room = label_right - self.x - CELL_PAD_X;
        let label_style = Style { size: fit_size(self.fonts, label, style, room, 6.0), ..style };
        let label_w = width(self.fonts, label, label_style);
        let b = top + style.baseline();
        let mut items = vec![text_item(self.fonts, label, label_style, label_right - label_w, b)];
        items.extend(self.cell(last, value, style, top).0);
        if rule_above {
            let (x1, x2) = (label_right - label_w, self.x + self.w);
            items.push(Item::Rule { x1, y1: 0.4, x2, y2: 0.4, width_pt: 0.9, colour: Colour::INK });
        }
        Row { height: top + style.line_height(), items }
    }
}

/// Rows a table may have and still be kept on one page.
const SHORT: usize = 6;

/// A heading over the table; the column titles top continued pages while it runs, and the
/// last row stays with `tail` (the totals) so they never stand alone.
pub(crate) fn place(flow: &mut Flow, title: &str, grid: &Grid, rows: &[Row], tail: &[Row]) {
    place_under(flow, &[sections::heading(grid.fonts, title, grid.x, grid.w)], grid, rows, tail);
}

/// The same, under `lead` (a heading and what goes with it) kept with the table's start.
pub(crate) fn place_under(flow: &mut Flow, lead: &[Row], grid: &Grid, rows: &[Row], tail: &[Row]) {
    let head = grid.header();
    let mut first = lead.to_vec();
    first.push(head.clone());
    // A short table moves to the next page whole rather than split.
    let whole = rows.len() <= SHORT;
    first.extend(rows.iter().take(if whole { rows.len() } else { 1 }).cloned());
    if whole {
        first.extend(tail.iter().cloned());
    }
    flow.place_kept(&first, first.len());
    if !whole {
        let page_header = flow.continued().to_vec();
        let mut with_table = page_header.clone();
        with_table.push(head);
        flow.set_continued(with_table);
        for row in &rows[1..rows.len() - 1] {
            flow.place(row);
        }
        let mut end = vec![rows[rows.len() - 1].clone()];
        end.extend(tail.iter().cloned());
        flow.place_whole(&end);
        flow.set_continued(page_header);
    }
    flow.place(&Row::gap(SECTION_GAP));
}
