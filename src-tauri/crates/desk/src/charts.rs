//! The reports' charts, drawn by plotters as SVG from the figures the report counted: the
//! window shows the SVG as a picture, and the PDF report embeds the same SVG, so what is
//! printed is what was on the screen.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A bar chart: one bar a label (a month, a payment method, an age), its height a figure.
pub struct BarChart<'a> {
    /// The figure's unit, written on the value axis ("days", "HK$", "tickets").
    pub unit: &'a str,
    pub bars: &'a [(String, f64)],
    /// How a bar's figure is written over it ("3.5", "HK$1,200").
    pub label: &'a dyn Fn(f64) -> String,
    /// The figures are counts: the axis is marked in whole numbers only.
    pub whole_numbers: bool,
}

/// The shop's ink and accent (ui/css/app.css), so a chart looks like the rest of the window.
const INK: RGBColor = RGBColor(0x1d, 0x2a, 0x2f);
const MUTED: RGBColor = RGBColor(0x5d, 0x6b, 0x70);
const ACCENT: RGBColor = RGBColor(0x1f, 0x6f, 0x68);
const RULE: RGBColor = RGBColor(0xd9, 0xe0, 0xe1);

pub const WIDTH: u32 = 640;
pub const HEIGHT: u32 = 240;

/// The chart as an SVG document of `WIDTH` x `HEIGHT` px. No bars, or only zeros, still
/// draws the axes, so an empty period looks empty rather than broken.
pub fn bar_chart(chart: &BarChart) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        // Drawing into a String cannot fail; a failure would be a plotters bug, and the
        // chart is then left as far as it got rather than taking the report down.
        let _ = draw(&root, chart);
        let _ = root.present();
    }
    svg
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    chart: &BarChart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let top = chart.bars.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max);
    // Nothing to draw: the axis runs 0 to 1 in whole numbers, not 0.2, 0.4…
    let whole_numbers = chart.whole_numbers || top <= 0.0;
    let top = match (top <= 0.0, whole_numbers) {
        (true, _) => 1.0,
        (false, true) => (top * 1.15).ceil(),
        (false, false) => top * 1.15,
    };
    let n = chart.bars.len().max(1) as u32;
    // Noto Sans, which the forms embed too; any sans-serif where it is missing.
    let font =
        |size: u32, colour: RGBColor| (FontFamily::Name("Noto Sans, sans-serif"), size).into_font().color(&colour);
    let mut c = ChartBuilder::on(root)
        .margin_top(14)
        .margin_right(12)
        .margin_left(6)
        .x_label_area_size(34)
        .y_label_area_size(58)
        // Bar i stands on [i, i + 1); its label goes under i + 0.5 (drawn below, by hand, as
        // plotters' own ticks would fall on round numbers, not on the bars).
        .build_cartesian_2d(0.0..f64::from(n), 0.0..top)?;
    // A label longer than its bar's room is cut with an ellipsis (the table under the chart
    // has it whole): about 7 px a character at 12 px.
    let room = ((WIDTH - 76) / n / 7).max(3) as usize;
    let mut mesh = c.configure_mesh();
    if whole_numbers {
        // Counts: a tick for each whole number up to the top, at most six.
        mesh.y_labels((top.floor() as usize + 1).min(6));
    }
    mesh.disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RULE)
        .axis_style(MUTED)
        .x_labels(0)
        .y_label_style(font(11, MUTED))
        .y_desc(chart.unit)
        .axis_desc_style(font(12, MUTED))
        .y_label_formatter(&|v| (chart.label)(*v))
        .draw()?;
    // Bars no wider than 72 px: three months are three bars, not three walls.
    let slot = (WIDTH - 76) / n;
    let side = ((slot.saturating_sub(72)) / 2).max(6);
    c.draw_series(chart.bars.iter().enumerate().map(|(i, (_, v))| {
        let i = i as f64;
        let mut bar = Rectangle::new([(i, 0.0), (i + 1.0, *v)], ACCENT.filled());
        bar.set_margin(0, 0, side, side);
        bar
    }))?;
    let above = Pos::new(HPos::Center, VPos::Bottom);
    c.draw_series(
        chart
            .bars
            .iter()
            .enumerate()
            .filter(|(_, (_, v))| *v > 0.0)
            .map(|(i, (_, v))| Text::new((chart.label)(*v), (i as f64 + 0.5, *v), font(12, INK).pos(above))),
    )?;
    let under = Pos::new(HPos::Center, VPos::Top);
    for (i, (label, _)) in chart.bars.iter().enumerate() {
        let (x, y) = c.backend_coord(&(i as f64 + 0.5, 0.0));
        root.draw(&Text::new(cut(label, room), (x, y + 8), font(12, INK).pos(under)))?;
    }
    Ok(())
}

fn cut(label: &str, room: usize) -> String {
    if label.chars().count() <= room {
        return label.to_string();
    }
    let kept: String = label.chars().take(room.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_has_a_bar_and_a_figure_for_each_label_and_an_empty_one_still_draws() {
        let bars = vec![("Sep".to_string(), 4.0), ("Oct".to_string(), 0.0), ("Nov".to_string(), 2.5)];
        let svg =
            bar_chart(&BarChart { unit: "days", bars: &bars, label: &|v| format!("{v:.1}"), whole_numbers: false });
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        for text in ["Sep", "Oct", "Nov", "4.0", "2.5", "days"] {
            assert!(
                svg.contains(&format!(">\n{text}\n</text>")) || svg.contains(&format!(">{text}</text>")),
                "{text}: {svg}"
            );
        }
        // A bar is an accent rectangle, one a label (October's has no height).
        assert_eq!(svg.matches(r##"fill="#1F6F68""##).count(), 3, "{svg}");

        let one =
            bar_chart(&BarChart { unit: "tickets", bars: &bars[..1], label: &|v| format!("{v}"), whole_numbers: true });
        assert!(one.contains("Sep"));
        // One bar is drawn, wide and as tall as its figure (a chart of one month once drew none).
        let bar = one.lines().find(|l| l.contains(r##"fill="#1F6F68""##)).expect("the bar");
        let size = |name: &str| -> f64 {
            bar.split(&format!(" {name}=\"")).nth(1).and_then(|v| v.split('"').next()).unwrap().parse().unwrap()
        };
        assert!(size("width") > 30.0 && size("height") > 100.0, "{bar}");
        assert_eq!(cut("Change of mind", 8), "Change…");
        assert_eq!(cut("Card", 8), "Card");
        let empty =
            bar_chart(&BarChart { unit: "tickets", bars: &[], label: &|v| format!("{v}"), whole_numbers: true });
        assert!(empty.contains("tickets") && empty.trim_end().ends_with("</svg>"));
    }
}
