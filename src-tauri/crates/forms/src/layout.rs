//! Text measuring and wrapping, and rows: the unit a flowing form places and breaks pages at.

use caseback_domain::customer::is_cjk;

use crate::draw::{Colour, Item, MM_PER_PT};
use crate::fonts::{Face, Fonts, Weight};

/// How a run of text looks.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub weight: Weight,
    /// Points.
    pub size: f32,
    pub colour: Colour,
    /// Line height as a multiple of the size.
    pub leading: f32,
}

impl Style {
    pub(crate) const fn new(weight: Weight, size: f32, colour: Colour) -> Style {
        Style { weight, size, colour, leading: 1.3 }
    }

    /// Height of one line, mm.
    pub(crate) fn line_height(&self) -> f32 {
        self.size * self.leading * MM_PER_PT
    }

    /// From the top of a line box to its baseline, mm.
    pub(crate) fn baseline(&self) -> f32 {
        let size = self.size * MM_PER_PT;
        (self.line_height() - size) / 2.0 + size * 0.8
    }
}

/// Something placed in a flow: a fixed height and what to draw, relative to its top-left.
#[derive(Clone, Debug, Default)]
pub(crate) struct Row {
    pub height: f32,
    pub items: Vec<Item>,
}

impl Row {
    pub(crate) fn gap(height: f32) -> Row {
        Row { height, items: Vec::new() }
    }
}

/// One string drawn at a baseline, in the face its characters need.
pub(crate) fn text_item(fonts: &Fonts, text: &str, style: Style, x: f32, baseline: f32) -> Item {
    let face = fonts.pick(style.weight, text);
    Item::Text { x, y: baseline, text: text.to_string(), face, size: style.size, colour: style.colour }
}

/// Width of `text` in `style`, mm.
pub(crate) fn width(fonts: &Fonts, text: &str, style: Style) -> f32 {
    fonts.width(fonts.pick(style.weight, text), style.size, text)
}

/// The lines of `text` wrapped to `max_width` mm: at spaces, between CJK characters, and
/// inside a word only when it is longer than a whole line. Line breaks in the text are kept.
pub(crate) fn wrap(fonts: &Fonts, text: &str, style: Style, max_width: f32) -> (Face, Vec<String>) {
    let face = fonts.pick(style.weight, text);
    let measure = |s: &str| fonts.width(face, style.size, s);
    let mut lines = Vec::new();
    for paragraph in text.trim_end().lines() {
        wrap_paragraph(paragraph.trim_end(), max_width, &measure, &mut lines);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    (face, lines)
}

fn wrap_paragraph(paragraph: &str, max_width: f32, measure: &dyn Fn(&str) -> f32, lines: &mut Vec<String>) {
    let mut line = String::new();
    for (spaced, token) in tokens(paragraph) {
        let candidate = if line.is_empty() {
            token.to_string()
        } else if spaced {
            format!("{line} {token}")
        } else {
            format!("{line}{token}")
        };
        if measure(&candidate) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The token alone: split it by characters when even that is too wide.
        for c in token.chars() {
            let mut next = line.clone();
            next.push(c);
            if !line.is_empty() && measure(&next) > max_width {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = next;
            }
        }
    }
    lines.push(line);
}

/// Break opportunities: words (with whether a space preceded them) and single CJK characters.
fn tokens(paragraph: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    for (w, word) in paragraph.split_whitespace().enumerate() {
        let mut spaced = w > 0;
        let mut start = 0;
        for (i, c) in word.char_indices() {
            if is_cjk(c) {
                if start < i {
                    out.push((spaced, &word[start..i]));
                    spaced = false;
                }
                let end = i + c.len_utf8();
                out.push((spaced, &word[i..end]));
                spaced = false;
                start = end;
            }
        }
        if start < word.len() {
            out.push((spaced, &word[start..]));
        }
    }
    out
}

/// A wrapped text block at (`x`, `top`): its items and its height.
pub(crate) fn text_block(fonts: &Fonts, text: &str, style: Style, x: f32, top: f32, width: f32) -> (Vec<Item>, f32) {
    let (face, lines) = wrap(fonts, text, style, width);
    let lh = style.line_height();
    let height = lines.len() as f32 * lh;
    let items = lines
        .into_iter()
        .enumerate()
        .filter(|(_, line)| !line.is_empty())
        .map(|(i, line)| Item::Text {
            x,
            y: top + i as f32 * lh + style.baseline(),
            text: line,
            face,
            size: style.size,
            colour: style.colour,
        })
        .collect();
    (items, height)
}

/// Each wrapped line of `text` as its own row, so a long text can break across pages.
pub(crate) fn paragraph_rows(fonts: &Fonts, text: &str, style: Style, x: f32, width: f32) -> Vec<Row> {
    let (face, lines) = wrap(fonts, text, style, width);
    let lh = style.line_height();
    lines
        .into_iter()
        .map(|line| {
            let items = if line.is_empty() {
                Vec::new()
            } else {
                vec![Item::Text { x, y: style.baseline(), text: line, face, size: style.size, colour: style.colour }]
            };
            Row { height: lh, items }
        })
        .collect()
}

/// The largest size up to `max` (points) at which `text` fits `width` mm, not below `min`.
pub(crate) fn fit_size(fonts: &Fonts, text: &str, style: Style, width: f32, min: f32) -> f32 {
    let at_one = self::width(fonts, text, Style { size: 1.0, ..style });
    if at_one <= 0.0 {
        return style.size;
    }
    (width / at_one).min(style.size).max(min)
}

/// `text` cut with an ellipsis to fit `w` mm.
pub(crate) fn ellipsize(fonts: &Fonts, text: &str, style: Style, w: f32) -> String {
    if width(fonts, text, style) <= w {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.trim_end_matches('…').chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if width(fonts, &candidate, style) <= w {
            return candidate;
        }
    }
    String::new()
}

/// `text` wrapped to `w` mm from (`x`, `top`), at most `max` lines, the last cut with an
/// ellipsis when more would follow: its items and the y below them.
pub(crate) fn lines(fonts: &Fonts, text: &str, style: Style, x: f32, top: f32, w: f32, max: usize) -> (Vec<Item>, f32) {
    let text = text.trim();
    if text.is_empty() || max == 0 {
        return (Vec::new(), top);
    }
    let (_, wrapped) = wrap(fonts, text, style, w);
    let shown = wrapped.len().min(max);
    let mut items = Vec::new();
    let mut y = top;
    for (i, line) in wrapped.iter().take(shown).enumerate() {
        let line = if i + 1 == shown && wrapped.len() > shown {
            ellipsize(fonts, &format!("{line}…"), style, w)
        } else {
            line.clone()
        };
        items.push(text_item(fonts, &line, style, x, y + style.baseline()));
        y += style.line_height();
    }
    (items, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_break_between_cjk_characters_and_at_spaces() {
        assert_eq!(tokens("Does not  charge"), vec![(false, "Does"), (true, "not"), (true, "charge")]);
        assert_eq!(tokens("王小明 ok"), vec![(false, "王"), (false, "小"), (false, "明"), (true, "ok")]);
        assert_eq!(tokens("号码12号"), vec![(false, "号"), (false, "码"), (false, "12"), (false, "号")]);
    }

    #[test]
    fn wrapping_keeps_every_word_and_splits_only_overlong_ones() {
        let measure = |s: &str| s.chars().count() as f32;
        let mut lines = Vec::new();
        wrap_paragraph("the quick brown fox jumps over a dog abcdefghijklmnop", 10.0, &measure, &mut lines);
        assert_eq!(lines, ["the quick", "brown fox", "jumps over", "a dog", "abcdefghij", "klmnop"]);
        assert!(lines.iter().all(|l| measure(l) <= 10.0));
    }
}
