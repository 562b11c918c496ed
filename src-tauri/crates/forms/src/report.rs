//! A report as a PDF, on the shop's letterhead and paper: the period and how money is
//! counted, then each section's table and its chart, the same chart the window shows (the
//! SVG plotters drew, embedded as a drawing, not a picture of one).

use caseback_domain::papers::Image;
use caseback_domain::settings::Settings;

use crate::after_sale::table::{self, Grid};
use crate::draw::Colour;
use crate::draw::Item;
use crate::error::FormError;
use crate::fonts::Weight;
use crate::layout::Row;
use crate::layout::Style;
use crate::notices::{block, Form, BODY, NOTE};
use crate::receipt::sections::{self, SECTION_GAP};
use crate::Fonts;

const TITLE: &str = "Report";
/// A section's total line: the table's cells, in bold.
const TOTAL: Style = Style::new(Weight::Bold, 8.5, Colour::INK);

/// A report's values, as the desk wrote them.
pub struct ReportPaper<'a> {
    pub settings: &'a Settings,
    pub logo: Option<&'a Image>,
    /// "01/11/2026 to 30/11/2026".
    pub period: String,
    /// How money is counted, in a sentence.
    pub basis: String,
    pub sections: Vec<ReportTable>,
}

/// One section: its table and, when it has one, its chart.
pub struct ReportTable {
    pub title: String,
    pub sentence: String,
    /// Column titles and whether each is a figure (aligned right); the first is the rows' label.
    pub columns: Vec<(String, bool)>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
    /// The chart as SVG, `width` x `height` px (none, or an empty SVG, for a section that
    /// counted nothing).
    pub chart: Option<(String, usize, usize)>,
}

/// The width of a figure column, mm: room for "HKD 1,234,567.89".
const FIGURE_W: f32 = 27.0;

pub fn report(fonts: &Fonts, r: &ReportPaper) -> Result<Vec<u8>, FormError> {
    let mut form = Form::begin(fonts, r.settings, ("Period", &r.period), TITLE, r.logo, &[])?;
    let (x, w) = (form.x, form.w);
    form.flow.place(&block(fonts, &r.basis, NOTE, x, w, SECTION_GAP));
    for section in &r.sections {
        let spec: Vec<(&str, f32, bool)> = section
            .columns
            .iter()
            .enumerate()
            .map(|(i, (title, right))| (title.as_str(), if i == 0 { 0.0 } else { FIGURE_W }, *right))
            .collect();
        let grid = Grid::new(fonts, x, w, &spec);
        let rows: Vec<Row> = section.rows.iter().map(|cells| grid.row(cells)).collect();
        let mut tail: Vec<Row> = section.total.iter().map(|cells| grid.row_in(cells, TOTAL)).collect();
        // The chart stays with the table's end, never alone at the top of a page.
        if let Some((svg, px_w, px_h)) = section.chart.as_ref().filter(|(svg, _, _)| !svg.is_empty()) {
            let placed = form.flow.canvas.add_svg(svg, *px_w, *px_h)?;
            let chart_w = w.min(150.0);
            let chart_h = chart_w * *px_h as f32 / *px_w as f32;
            tail.push(Row::gap(2.0));
            tail.push(Row { height: chart_h, items: vec![Item::Image { x, y: 0.0, w: chart_w, image: placed }] });
        }
        let lead = [sections::heading(fonts, &section.title, x, w), block(fonts, &section.sentence, BODY, x, w, 1.5)];
        if rows.is_empty() {
            let mut lead = lead.to_vec();
            lead.push(block(fonts, "Nothing in this period.", NOTE, x, w, SECTION_GAP));
            form.flow.place_whole(&lead);
        } else {
            table::place_under(&mut form.flow, &lead, &grid, &rows, &tail);
        }
    }
    form.finish(TITLE)
}
