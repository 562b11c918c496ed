//! Code 128 barcodes (tracking numbers) drawn as filled rectangles, one per bar.

use barcoders::sym::code128::Code128;

use crate::draw::{Colour, Item};
use crate::error::FormError;

/// Modules of light margin a scanner needs on each side of the symbol.
pub(crate) const QUIET_MODULES: usize = 10;

/// The symbol's bars, one entry per module (1 dark, 0 light), without quiet zones.
pub(crate) fn modules(data: &str) -> Result<Vec<u8>, FormError> {
    let failed = |e: barcoders::error::Error| FormError::RenderFailed(format!("Code 128 of {data:?}: {e}"));
    Ok(Code128::new(with_sets(data)).map_err(failed)?.encode())
}

/// The barcode of `data` as items: bars `height` mm tall, `module` mm a module, the
/// symbol's left edge at `x`. Leave `QUIET_MODULES` modules clear on each side.
pub(crate) fn code128_items(data: &str, x: f32, y: f32, module: f32, height: f32) -> Result<Vec<Item>, FormError> {
    let bars = modules(data)?;
    let mut items = Vec::new();
    let mut i = 0;
    while i < bars.len() {
        if bars[i] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < bars.len() && bars[i] == 1 {
            i += 1;
        }
        let (bx, w) = (x + start as f32 * module, (i - start) as f32 * module);
        items.push(Item::Fill { x: bx, y, w, h: height, colour: Colour::BLACK });
    }
    Ok(items)
}

/// `data` in barcoders' notation: character set B (`Ɓ`), switching to the double-density
/// digit set C (`Ć`) for runs of digits long enough to make the symbol shorter.
fn with_sets(data: &str) -> String {
    let chars: Vec<char> = data.chars().collect();
    let mut out = String::new();
    let mut set = None;
    let mut switch = |out: &mut String, to: char| {
        if set != Some(to) {
            out.push(to);
            set = Some(to);
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let at_edge = i == 0 || i + run == chars.len();
        // A switch costs a symbol each way, so C pays off from 4 digits at an end, 6 inside.
        if run >= 4 && (at_edge || run >= 6) {
            if run % 2 == 1 {
                switch(&mut out, 'Ɓ');
                out.push(chars[i]);
                i += 1;
            }
            switch(&mut out, 'Ć');
            out.extend(&chars[i..i + run / 2 * 2]);
            i += run / 2 * 2;
        } else {
            switch(&mut out, 'Ɓ');
            let n = run.max(1);
            out.extend(&chars[i..i + n]);
            i += n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_digit_runs_use_set_c() {
        assert_eq!(with_sets("1Z999AA10123456784"), "Ɓ1Z999AA1Ć0123456784");
        assert_eq!(with_sets("123456789012"), "Ć123456789012");
        assert_eq!(with_sets("EA123456789CN"), "ƁEA1Ć23456789ƁCN");
        assert_eq!(with_sets("R-2026-00042"), "ƁR-2026-0Ć0042");
        assert_eq!(with_sets("12345"), "Ɓ1Ć2345");
    }

    #[test]
    fn set_c_makes_numeric_tracking_shorter() {
        let b_only = Code128::new("Ɓ123456789012").unwrap().encode().len();
        assert!(modules("123456789012").unwrap().len() < b_only);
        assert!(modules("Grüße").is_err(), "set B is ASCII only");
    }
}
