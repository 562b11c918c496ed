//! The bench readings after the work, beside those before it where they were taken: the
//! Collection Notice and the warranty work order print the domain's comparison rows as a
//! small table. A mechanical watch has a dozen figures or more, so a longer table is set in
//! two halves side by side and takes the height of half its rows.

use caseback_domain::papers::TicketPapers;
use caseback_domain::readings::{comparison, ComparisonRow};

use crate::draw::{Colour, Item};
use crate::fonts::{Fonts, Weight};
use crate::layout::{text_block, text_item, width, wrap, Row, Style};
use crate::notices::NOTE;
use crate::quotation::{CELL_PAD_X, TABLE_HEAD};
use crate::receipt::sections;

const TITLE: &str = "Bench readings";
/// The crate's small size, a point under the other tables', so the table stays compact.
const CELL: Style = Style::new(Weight::Regular, 7.5, Colour::INK);
/// A figure outside the shop's tolerances: bold, with [`MARK`] after it.
const OUT: Style = Style::new(Weight::Bold, 7.5, Colour::INK);
/// Only the CJK face has the triangle: it is drawn on its own, so the figure keeps its face.
const MARK: &str = "▲";
const MARK_STYLE: Style = Style::new(Weight::Regular, 6.5, Colour::ACCENT);
const LEGEND: &str = "Outside the shop's tolerance.";
const PAD_Y: f32 = 0.45;
const HALF_GAP: f32 = 6.0;
/// Rows a table may have before it is set in two halves.
const ONE_HALF: usize = 6;
/// The bounds of a figure column's width, mm: "+9.0 s/d" and its mark fit the least.
const FIGURE_MIN: f32 = 16.0;
const FIGURE_MAX: f32 = 21.0;

/// The section's rows, to place whole, when there are after-readings; none otherwise.
pub(crate) fn bench_readings(fonts: &Fonts, p: &TicketPapers, x: f32, w: f32) -> Option<Vec<Row>> {
    let after = p.readings_after.as_ref()?;
    let rows = comparison(p.readings_before.as_ref(), after, &p.settings.tolerances);
    if rows.is_empty() {
        return None;
    }
    let half_w = (w - HALF_GAP) / 2.0;
    let columns = Columns::of(fonts, &rows, half_w, p.readings_before.is_some());
    // Down the left half, then down the right: the rows keep the domain's order.
    let halves = if rows.len() > ONE_HALF { 2 } else { 1 };
    let mut table = Row::default();
    for (h, half) in rows.chunks(rows.len().div_ceil(halves)).enumerate() {
        let (items, height) = columns.half(fonts, half, x + h as f32 * (half_w + HALF_GAP));
        table.items.extend(items);
        table.height = table.height.max(height);
    }
    let mut out = vec![sections::heading(fonts, TITLE, x, w), table];
    if rows.iter().any(|r| r.out_of_tolerance) {
        out.push(legend(fonts, x));
    }
    let note = after.note.trim();
    if !note.is_empty() {
        let (items, h) = text_block(fonts, note, CELL, x, 0.6, w);
        out.push(Row { height: h + 0.6, items });
    }
    Some(out)
}

/// A half's columns, the same in both halves: Reading, Before (when taken), After. Each as
/// its title, its offset from the half's left edge and its width.
struct Columns {
    cols: Vec<(&'static str, f32, f32)>,
    half_w: f32,
}

impl Columns {
    /// Each figure column as wide as its longest figure within bounds, the labels as wide as
    /// the longest within what the figures leave, the after-figures any rest: a long text
    /// figure (the timegrapher's name) wraps rather than a label.
    fn of(fonts: &Fonts, rows: &[ComparisonRow], half_w: f32, before: bool) -> Columns {
        let longest = |text: &dyn Fn(&ComparisonRow) -> &str, style: Style| {
            rows.iter().map(|r| width(fonts, text(r), style)).fold(0.0, f32::max) + 2.0 * CELL_PAD_X + 0.5
        };
        let mark = width(fonts, MARK, MARK_STYLE) + 1.0;
        let before_w = if before { longest(&|r| &r.before, CELL).clamp(FIGURE_MIN, FIGURE_MAX) } else { 0.0 };
        let after_w = (longest(&|r| &r.after, OUT) + mark).clamp(FIGURE_MIN, FIGURE_MAX);
        let label_w = longest(&|r| &r.label, CELL).min(half_w - before_w - after_w);
        let mut cols = vec![("Reading", 0.0, label_w)];
        if before {
            cols.push(("Before", label_w, before_w));
        }
        cols.push(("After", label_w + before_w, half_w - label_w - before_w));
        Columns { cols, half_w }
    }

    /// `rows` under the column titles at `x`, each ruled underneath: the items and their height.
    fn half(&self, fonts: &Fonts, rows: &[ComparisonRow], x: f32) -> (Vec<Item>, f32) {
        let head_h = TABLE_HEAD.line_height() + 2.0 * PAD_Y;
        let mut items = vec![Item::Fill { x, y: 0.0, w: self.half_w, h: head_h, colour: Colour::TINT }];
        for (title, left, _) in &self.cols {
            items.push(text_item(fonts, title, TABLE_HEAD, x + left + CELL_PAD_X, PAD_Y + TABLE_HEAD.baseline()));
        }
        let mut y = head_h;
        for row in rows {
            let mut texts = vec![row.label.as_str()];
            if self.cols.len() == 3 {
                texts.push(row.before.as_str());
            }
            let mut h: f32 = 0.0;
            for ((_, left, cw), text) in self.cols.iter().zip(texts) {
                let (cell, cell_h) =
                    text_block(fonts, text, CELL, x + left + CELL_PAD_X, y + PAD_Y, cw - 2.0 * CELL_PAD_X);
                items.extend(cell);
                h = h.max(cell_h);
            }
            let (_, left, cw) = self.cols[self.cols.len() - 1];
            let (cell, cell_h) = after_cell(fonts, row, x + left + CELL_PAD_X, y + PAD_Y, cw - 2.0 * CELL_PAD_X);
            items.extend(cell);
            y += h.max(cell_h) + 2.0 * PAD_Y;
            let (x1, x2) = (x, x + self.half_w);
            items.push(Item::Rule { x1, y1: y, x2, y2: y, width_pt: 0.4, colour: Colour::RULE });
        }
        (items, y)
    }
}

/// The after-figure at (`x`, `top`), in bold with the mark after it when out of tolerance.
fn after_cell(fonts: &Fonts, row: &ComparisonRow, x: f32, top: f32, room: f32) -> (Vec<Item>, f32) {
    if !row.out_of_tolerance {
        return text_block(fonts, &row.after, CELL, x, top, room);
    }
    let room = room - width(fonts, MARK, MARK_STYLE) - 1.0;
    let (mut items, h) = text_block(fonts, &row.after, OUT, x, top, room);
    let (_, lines) = wrap(fonts, &row.after, OUT, room);
    let last = lines.last().map_or(0.0, |l| width(fonts, l, OUT));
    let baseline = top + (lines.len() - 1) as f32 * OUT.line_height() + OUT.baseline();
    items.push(text_item(fonts, MARK, MARK_STYLE, x + last + 1.0, baseline));
    (items, h)
}

/// What the mark means, under the table.
fn legend(fonts: &Fonts, x: f32) -> Row {
    let b = 0.8 + NOTE.baseline();
    let text_x = x + width(fonts, MARK, MARK_STYLE) + 1.2;
    let items = vec![text_item(fonts, MARK, MARK_STYLE, x, b), text_item(fonts, LEGEND, NOTE, text_x, b)];
    Row { height: 0.8 + NOTE.line_height(), items }
}
