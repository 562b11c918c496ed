//! Photos made fit to embed. A phone photo is several megabytes and printpdf would store its
//! pixels raw, so: a JPEG of modest size that is already upright goes in as it is
//! (DCTDecode, no re-compression); anything else (PNG, a large JPEG, one the camera marked
//! as rotated) is decoded, turned upright, scaled down and re-encoded as JPEG.

use caseback_domain::papers::Image;
use printpdf::{OutputImageFormat, RawImage, RawImageData, RawImageFormat};

use crate::draw::{Canvas, Item, Placed};

/// The longest side kept, pixels: about 400 dpi across the widest photo a form prints.
const MAX_PX: usize = 1600;
/// Source pixels averaged per output pixel along each axis, at most: enough to smooth.
const MAX_SAMPLES: usize = 4;

/// Registers `image` on the canvas; `None` when it is not a readable PNG or JPEG.
pub(crate) fn embed(canvas: &mut Canvas, image: &Image) -> Option<Placed> {
    let bytes = image.bytes.as_slice();
    if !bytes.starts_with(b"\xFF\xD8") && !bytes.starts_with(b"\x89PNG") {
        return None;
    }
    let jpeg = jpeg_info(bytes);
    if let Some(j) = jpeg.filter(|j| j.orientation == 1 && j.width.max(j.height) <= MAX_PX) {
        return Some(canvas.add_jpeg(bytes.to_vec(), j.width, j.height, j.components == 1));
    }
    let raw = RawImage::decode_from_bytes(bytes, &mut Vec::new()).ok()?;
    let (pixels, w, h) = upright_rgb(&raw, jpeg.map_or(1, |j| j.orientation))?;
    let out = RawImage {
        pixels: RawImageData::U8(pixels),
        width: w,
        height: h,
        data_format: RawImageFormat::RGB8,
        tag: vec![],
    };
    let (encoded, _) = out.encode_to_bytes(&[OutputImageFormat::Jpeg]).ok()?;
    Some(canvas.add_jpeg(encoded, w, h, false))
}

/// `image` as large as fits a `w` x `h` box, centred in it, its aspect kept.
pub(crate) fn fitted(image: &Placed, x: f32, y: f32, w: f32, h: f32) -> Item {
    let (px_w, px_h) = (image.1 as f32, image.2 as f32);
    let scale = (w / px_w).min(h / px_h);
    let (iw, ih) = (px_w * scale, px_h * scale);
    Item::Image { x: x + (w - iw) / 2.0, y: y + (h - ih) / 2.0, w: iw, image: image.clone() }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct JpegInfo {
    width: usize,
    height: usize,
    components: u8,
    /// EXIF orientation, 1 (upright) to 8.
    orientation: u8,
}

/// Size and colour components from the frame header, orientation from EXIF; `None` for a
/// JPEG that cannot go in as it is (not 8-bit, CMYK).
fn jpeg_info(bytes: &[u8]) -> Option<JpegInfo> {
    let mut orientation = 1;
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF {
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let data = bytes.get(i + 4..i + 2 + len)?;
        match marker {
            0xE1 if data.starts_with(b"Exif\0\0") => orientation = exif_orientation(&data[6..]).unwrap_or(1),
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let (precision, components) = (*data.first()?, *data.get(5)?);
                let height = usize::from(u16::from_be_bytes([*data.get(1)?, *data.get(2)?]));
                let width = usize::from(u16::from_be_bytes([*data.get(3)?, *data.get(4)?]));
                let ok = precision == 8 && matches!(components, 1 | 3) && width > 0 && height > 0;
                return ok.then_some(JpegInfo { width, height, components, orientation });
            }
            0xDA => return None,
            _ => {}
        }
        i += 2 + len;
    }
    None
}

/// The orientation tag (0x0112) of IFD0 in a TIFF block.
fn exif_orientation(tiff: &[u8]) -> Option<u8> {
    let little = tiff.starts_with(b"II");
    let u16_at = |at: usize| {
        let b = [*tiff.get(at)?, *tiff.get(at + 1)?];
        Some(if little { u16::from_le_bytes(b) } else { u16::from_be_bytes(b) })
    };
    let u32_at = |at: usize| {
        let b = [*tiff.get(at)?, *tiff.get(at + 1)?, *tiff.get(at + 2)?, *tiff.get(at + 3)?];
        Some(if little { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) })
    };
    let ifd = u32_at(4)? as usize;
    (0..usize::from(u16_at(ifd)?))
        .map(|n| ifd + 2 + n * 12)
        .find(|&entry| u16_at(entry) == Some(0x0112))
        .and_then(|entry| u16_at(entry + 8))
        .and_then(|o| u8::try_from(o).ok())
        .filter(|o| (1..=8).contains(o))
}

/// RGB pixels turned upright (EXIF `orientation`), transparency on white, the longest side
/// at most `MAX_PX`: each output pixel the average of a few source pixels under it.
fn upright_rgb(raw: &RawImage, orientation: u8) -> Option<(Vec<u8>, usize, usize)> {
    let (sw, sh) = (raw.width, raw.height);
    let channels = match raw.data_format {
        RawImageFormat::R8 | RawImageFormat::R16 => 1,
        RawImageFormat::RG8 | RawImageFormat::RG16 => 2,
        RawImageFormat::RGB8 | RawImageFormat::RGB16 => 3,
        RawImageFormat::RGBA8 | RawImageFormat::RGBA16 => 4,
        _ => return None,
    };
    let value = |i: usize| -> f32 {
        match &raw.pixels {
            RawImageData::U8(v) => f32::from(v[i]),
            RawImageData::U16(v) => f32::from(v[i]) / 257.0,
            RawImageData::F32(v) => v[i] * 255.0,
        }
    };
    let len = match &raw.pixels {
        RawImageData::U8(v) => v.len(),
        RawImageData::U16(v) => v.len(),
        RawImageData::F32(v) => v.len(),
    };
    if sw == 0 || sh == 0 || len < sw * sh * channels {
        return None;
    }
    // Display size, and where display pixel (x, y) is stored.
    let turned = orientation >= 5;
    let (dw, dh) = if turned { (sh, sw) } else { (sw, sh) };
    let source = |x: usize, y: usize| -> (usize, usize) {
        match orientation {
            2 => (sw - 1 - x, y),
            3 => (sw - 1 - x, sh - 1 - y),
            4 => (x, sh - 1 - y),
            5 => (y, x),
            6 => (y, sh - 1 - x),
            7 => (sw - 1 - y, sh - 1 - x),
            8 => (sw - 1 - y, x),
            _ => (x, y),
        }
    };
    let scale = (dw.max(dh) as f32 / MAX_PX as f32).max(1.0);
    let (w, h) = (((dw as f32 / scale).round() as usize).max(1), ((dh as f32 / scale).round() as usize).max(1));
    let mut out = Vec::with_capacity(w * h * 3);
    for y in 0..h {
        let (y0, y1) = (y * dh / h, ((y + 1) * dh / h).max(y * dh / h + 1));
        for x in 0..w {
            let (x0, x1) = (x * dw / w, ((x + 1) * dw / w).max(x * dw / w + 1));
            let mut sum = [0.0f32; 3];
            let mut n = 0.0;
            for yy in (y0..y1).step_by((y1 - y0).div_ceil(MAX_SAMPLES)) {
                for xx in (x0..x1).step_by((x1 - x0).div_ceil(MAX_SAMPLES)) {
                    let (sx, sy) = source(xx, yy);
                    let at = (sy * sw + sx) * channels;
                    let (colour, alpha) = match channels {
                        1 => ([value(at); 3], 255.0),
                        2 => ([value(at); 3], value(at + 1)),
                        3 => ([value(at), value(at + 1), value(at + 2)], 255.0),
                        _ => ([value(at), value(at + 1), value(at + 2)], value(at + 3)),
                    };
                    let a = alpha / 255.0;
                    for c in 0..3 {
                        sum[c] += colour[c] * a + 255.0 * (1.0 - a);
                    }
                    n += 1.0;
                }
            }
            out.extend(sum.map(|s| (s / n).round().clamp(0.0, 255.0) as u8));
        }
    }
    Some((out, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3 x 2 RGB image whose pixels are numbered 0..6 in their red channel.
    fn numbered() -> RawImage {
        let pixels = (0..6u8).flat_map(|i| [i * 10, 0, 0]).collect();
        RawImage {
            pixels: RawImageData::U8(pixels),
            width: 3,
            height: 2,
            data_format: RawImageFormat::RGB8,
            tag: vec![],
        }
    }

    #[test]
    fn a_photo_marked_rotated_is_turned_upright() {
        let red =
            |(pixels, w, h): (Vec<u8>, usize, usize)| (pixels.chunks(3).map(|p| p[0] / 10).collect::<Vec<_>>(), w, h);
        // Stored 0 1 2 / 3 4 5; orientation 6 is shown turned a quarter clockwise.
        assert_eq!(red(upright_rgb(&numbered(), 6).unwrap()), (vec![3, 0, 4, 1, 5, 2], 2, 3));
        assert_eq!(red(upright_rgb(&numbered(), 8).unwrap()), (vec![2, 5, 1, 4, 0, 3], 2, 3));
        assert_eq!(red(upright_rgb(&numbered(), 3).unwrap()), (vec![5, 4, 3, 2, 1, 0], 3, 2));
        assert_eq!(red(upright_rgb(&numbered(), 1).unwrap()), (vec![0, 1, 2, 3, 4, 5], 3, 2));
    }

    #[test]
    fn exif_orientation_is_read_in_either_byte_order() {
        let mut little = b"II\x2a\x00\x08\x00\x00\x00\x01\x00".to_vec();
        little.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
        assert_eq!(exif_orientation(&little), Some(6));
        let mut big = b"MM\x00\x2a\x00\x00\x00\x08\x00\x01".to_vec();
        big.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0]);
        assert_eq!(exif_orientation(&big), Some(8));
    }
}
