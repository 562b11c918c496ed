//! QR codes drawn as filled rectangles (one per horizontal run of dark modules).

use qrcode::{Color, EcLevel, QrCode};

use crate::draw::{Colour, Item};
use crate::error::FormError;

/// Modules of light margin a reader needs around the symbol.
pub(crate) const QUIET_MODULES: usize = 4;

/// The QR code of `data` as items, its symbol `size` mm square with its top-left corner at
/// (`x`, `y`). Leave `quiet_zone(data, size)` mm clear around it.
pub(crate) fn qr_items(data: &str, x: f32, y: f32, size: f32) -> Result<Vec<Item>, FormError> {
    let code = encode(data)?;
    let n = code.width();
    let module = size / n as f32;
    let colours = code.to_colors();
    let mut items = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colours[row * n + col] != Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && colours[row * n + col] == Color::Dark {
                col += 1;
            }
            // A hair of overlap with the next row hides seams between rows in viewers.
            let overlap = if row + 1 < n { module * 0.03 } else { 0.0 };
            items.push(Item::Fill {
                x: x + start as f32 * module,
                y: y + row as f32 * module,
                w: (col - start) as f32 * module,
                h: module + overlap,
                colour: Colour::BLACK,
            });
        }
    }
    Ok(items)
}

/// The light margin, mm, that a symbol of `size` mm for `data` needs on each side.
pub(crate) fn quiet_zone(data: &str, size: f32) -> Result<f32, FormError> {
    let n = encode(data)?.width();
    Ok(size / n as f32 * QUIET_MODULES as f32)
}

fn encode(data: &str) -> Result<QrCode, FormError> {
    QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)
        .map_err(|e| FormError::RenderFailed(format!("QR code of {data:?}: {e}")))
}
