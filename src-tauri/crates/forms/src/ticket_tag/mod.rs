//! The bag tag tied to the watch's bag: the ticket number and its QR code, the customer's
//! name, the watch and the day it was booked in. One layout for labels wider than tall
//! (Brother DK-11209 62 x 29 mm, DYMO 99012 89 x 36 mm) and one for labels taller than wide
//! (DYMO 30252 28 x 89 mm, shipping labels 4 x 6 in and 100 x 150 mm), each sized from the
//! page; and today's intakes' tags in one print job, a page each.

mod landscape;
mod portrait;

use caseback_domain::customer::is_cjk;
use caseback_domain::papers::{FormKind, TicketPapers};
use caseback_domain::printing::{Media, PrintedForm};

use crate::draw::{Canvas, Colour, Item};
use crate::error::FormError;
use crate::fonts::{Fonts, Weight};
use crate::layout::{ellipsize, fit_size, width, wrap, Style};
use crate::media::laid_out_for;

// The 62 x 29 mm tag's type; the other stock scales it (see `landscape` and `portrait`).
const NUMBER: Style = Style::new(Weight::Bold, 14.0, Colour::BLACK);
const NAME: Style = Style::new(Weight::Bold, 12.0, Colour::BLACK);
/// The smallest the name shrinks to before it is cut with an ellipsis: still read at arm's length.
const NAME_MIN: f32 = 8.0;
const MODEL: Style = Style { leading: 1.15, ..Style::new(Weight::Regular, 8.0, Colour::BLACK) };
const DATE: Style = Style::new(Weight::Regular, 6.5, Colour::MUTED);

/// What a tag prints.
struct Tag {
    number: String,
    /// As the customer gave it, its runs of spaces made one: no rule finds the family name
    /// in every culture's names, so all of it prints.
    name: String,
    /// The watch's brand and model.
    model: String,
    /// The day it was booked in, in the shop's style.
    booked_in: String,
}

impl Tag {
    fn of(p: &TicketPapers) -> Tag {
        let device = &p.ticket.details.device;
        Tag {
            number: p.ticket.number.to_string(),
            name: p.customer.name.split_whitespace().collect::<Vec<_>>().join(" "),
            model: format!("{} {}", device.brand.trim(), device.model.trim()).trim().to_string(),
            booked_in: p.settings.date_style.format(p.ticket.received_on),
        }
    }
}

/// The bag tag as a one-page PDF of 62 x 29 mm (Brother DK-11209), the usual stock. The
/// name is printed whole, shrunk and then cut with an ellipsis to fit; the CJK face draws
/// it when it has CJK characters.
pub fn ticket_tag(fonts: &Fonts, p: &TicketPapers) -> Result<Vec<u8>, FormError> {
    ticket_tag_on(fonts, p, Media::BrotherDk11209)
}

/// The bag tag as a one-page PDF on `media`, which must be tag stock.
pub(crate) fn ticket_tag_on(fonts: &Fonts, p: &TicketPapers, media: Media) -> Result<Vec<u8>, FormError> {
    ticket_tags(fonts, std::slice::from_ref(p), media)
}

/// The bag tags of `papers` as one PDF on `media`, a page a ticket in the order given, so
/// that today's intakes go to the label printer as one job. Media other than tag stock, and
/// no tickets at all, are refused.
pub fn ticket_tags(fonts: &Fonts, papers: &[TicketPapers], media: Media) -> Result<Vec<u8>, FormError> {
    laid_out_for(PrintedForm::Ticket(FormKind::TicketTag), media)?;
    let tags: Vec<Tag> = papers.iter().map(Tag::of).collect();
    let title = match tags.as_slice() {
        [] => return Err(FormError::NotApplicable("No tickets were chosen, so there is no bag tag to print.")),
        [one] => format!("Tag {}", one.number),
        many => format!("{} bag tags", many.len()),
    };
    let (w, h) = media.size_mm();
    let mut canvas = Canvas::new(fonts, &title, w, h);
    for (i, tag) in tags.iter().enumerate() {
        if i > 0 {
            canvas.new_page();
        }
        canvas.draw(&items(fonts, tag, w, h)?, 0.0, 0.0);
    }
    canvas.finish()
}

/// The tag laid out on a page `w` x `h` mm: the QR code beside the text on a label wider
/// than tall, above it on one taller than wide.
fn items(fonts: &Fonts, tag: &Tag, w: f32, h: f32) -> Result<Vec<Item>, FormError> {
    if w >= h {
        landscape::items(fonts, tag, w, h)
    } else {
        portrait::items(fonts, tag, w, h)
    }
}

/// `style` `k` times as large.
fn scaled(style: Style, k: f32) -> Style {
    Style { size: style.size * k, ..style }
}

/// The number in `style`, shrunk as far as it must to fit `w` mm: of all the tag it is the
/// one thing never cut.
fn number_style(fonts: &Fonts, number: &str, style: Style, w: f32) -> Style {
    Style { size: fit_size(fonts, number, style, w, 0.0), ..style }
}

/// The name's style and lines on at most `max_lines` lines of `w` mm: the largest size from
/// `style`'s down to `min` pt at which no word has to be split; at `min` the lines that fit,
/// the last cut with an ellipsis.
fn name_lines(fonts: &Fonts, name: &str, style: Style, min: f32, w: f32, max_lines: usize) -> (Style, Vec<String>) {
    if max_lines <= 1 {
        let style = Style { size: fit_size(fonts, name, style, w, min), ..style };
        return (style, vec![ellipsize(fonts, name, style, w)]);
    }
    // A CJK name breaks between any two characters; other words only at spaces.
    let whole = |word: &str, s: Style| word.chars().any(is_cjk) || width(fonts, word, s) <= w;
    let fits = |s: Style| {
        let (_, lines) = wrap(fonts, name, s, w);
        lines.len() <= max_lines && name.split_whitespace().all(|word| whole(word, s))
    };
    let mut size = style.size;
    while size > min && !fits(Style { size, ..style }) {
        size = (size - 0.25).max(min);
    }
    let style = Style { size, ..style };
    let (_, mut lines) = wrap(fonts, name, style, w);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.pop().unwrap_or_default();
        lines.push(ellipsize(fonts, &format!("{last}…"), style, w));
    }
    (style, lines)
}

#[cfg(test)]
mod tests {
    use caseback_domain::printing::FormShape;

    use super::*;
    use crate::draw::MM_PER_PT;
    use crate::qr::quiet_zone;

    /// A box in mm: left, top, right, bottom.
    type Area = (f32, f32, f32, f32);

    fn overlap(a: Area, b: Area) -> bool {
        a.0 < b.2 - 0.01 && b.0 < a.2 - 0.01 && a.1 < b.3 - 0.01 && b.1 < a.3 - 0.01
    }

    /// The tag's QR symbol, and each line of text from its cap height to its descenders.
    fn placed(fonts: &Fonts, items: &[Item]) -> (Area, Vec<(String, Area)>) {
        let mut qr = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        let mut text = Vec::new();
        for item in items {
            match item {
                Item::Fill { x, y, w, h, .. } => {
                    qr = (qr.0.min(*x), qr.1.min(*y), qr.2.max(x + w), qr.3.max(y + h));
                }
                Item::Text { x, y, text: t, face, size, .. } => {
                    let mm = size * MM_PER_PT;
                    text.push((t.clone(), (*x, y - 0.8 * mm, x + fonts.width(*face, *size, t), y + 0.25 * mm)));
                }
                _ => {}
            }
        }
        (qr, text)
    }

    #[test]
    fn on_every_tag_stock_the_code_keeps_its_quiet_zone_on_the_label_and_no_text_overlaps() {
        let fonts = Fonts::load().expect("the Noto fonts (scripts/install-deps)");
        let names = ["Wong Ka Ming", "王小明", "Maximilian Alexander Konstantinopoulos-Vanderbilt de la Cruz", "Ng"];
        for media in FormShape::Tag.media() {
            let (w, h) = media.size_mm();
            for number in ["R-2026-00042", "R-ISTA-2026-1234567"] {
                for name in names {
                    let tag = Tag {
                        number: number.into(),
                        name: name.into(),
                        model: "Seiko Prospex Marinemaster Professional 1000m Diver's Automatic SBDX011".into(),
                        booked_in: "20 November 2026".into(),
                    };
                    let (qr, text) = placed(&fonts, &items(&fonts, &tag, w, h).unwrap());
                    let at = format!("{media:?}, {number}, {name}");
                    let quiet = quiet_zone(number, qr.2 - qr.0).unwrap();
                    assert!((qr.2 - qr.0 - (qr.3 - qr.1)).abs() < 0.1, "{at}: the code is not square: {qr:?}");
                    let zone = (qr.0 - quiet, qr.1 - quiet, qr.2 + quiet, qr.3 + quiet);
                    assert!(
                        zone.0 >= -0.01 && zone.1 >= -0.01 && zone.2 <= w + 0.01 && zone.3 <= h + 0.01,
                        "{at}: {zone:?}"
                    );
                    // The text keeps three quarters of the quiet zone, as the 62 x 29 mm tag always has.
                    let kept = (qr.0 - quiet * 0.75, qr.1 - quiet * 0.75, qr.2 + quiet * 0.75, qr.3 + quiet * 0.75);
                    for (i, (line, area)) in text.iter().enumerate() {
                        assert!(
                            area.0 >= 1.5 && area.1 >= 1.0 && area.2 <= w - 1.5 && area.3 <= h - 1.0,
                            "{at}: {line:?} {area:?}"
                        );
                        assert!(!overlap(*area, kept), "{at}: {line:?} is in the code's quiet zone");
                        for (other, b) in &text[i + 1..] {
                            assert!(!overlap(*area, *b), "{at}: {line:?} overlaps {other:?}");
                        }
                    }
                    let all: String = text.iter().map(|(t, _)| t.as_str()).collect();
                    assert!(all.contains(number), "{at}: {all}");
                }
            }
        }
    }
}
