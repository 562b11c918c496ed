//! A page canvas in millimetres measured from the top-left corner, over printpdf's
//! bottom-left points, and the display items the layouts are built from.

use printpdf::{
    Color, DictItem, ExternalStream, ExternalXObject, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Px, RawImage, Rect, Rgb, TextItem, TextRenderingMode,
    WindingOrder, XObjectId, XObjectTransform,
};

use crate::error::FormError;
use crate::fonts::{Face, Fonts};

pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;

/// An sRGB colour, 0-255 per channel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    pub(crate) const INK: Colour = Colour(0x1c, 0x1f, 0x23);
    pub(crate) const MUTED: Colour = Colour(0x5b, 0x62, 0x6a);
    pub(crate) const ACCENT: Colour = Colour(0x1f, 0x4e, 0x5f);
    pub(crate) const RULE: Colour = Colour(0xbf, 0xc5, 0xcb);
    pub(crate) const TINT: Colour = Colour(0xee, 0xf3, 0xf5);
    pub(crate) const BLACK: Colour = Colour(0, 0, 0);

    fn pdf(self) -> Color {
        let c = |v: u8| f32::from(v) / 255.0;
        Color::Rgb(Rgb { r: c(self.0), g: c(self.1), b: c(self.2), icc_profile: None })
    }
}

/// Something to draw, placed relative to the top-left corner of whatever holds it (mm).
#[derive(Clone, Debug)]
pub(crate) enum Item {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        text: String,
        face: Face,
        size: f32,
        colour: Colour,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width_pt: f32,
        colour: Colour,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        colour: Colour,
    },
    /// A registered image `w` mm wide (its height follows its aspect), top-left at (`x`, `y`).
    Image {
        x: f32,
        y: f32,
        w: f32,
        image: Placed,
    },
}

/// A registered image: its id and its pixel size.
pub(crate) type Placed = (XObjectId, usize, usize);

/// A PDF being drawn: a list of pages of operations, fonts registered as first used.
pub(crate) struct Canvas<'f> {
    pub(crate) fonts: &'f Fonts,
    doc: PdfDocument,
    font_ids: [Option<FontId>; 3],
    pub(crate) width: f32,
    pub(crate) height: f32,
    pages: Vec<Vec<Op>>,
}

impl<'f> Canvas<'f> {
    /// A document of one blank page of `width` x `height` mm.
    pub(crate) fn new(fonts: &'f Fonts, title: &str, width: f32, height: f32) -> Canvas<'f> {
        Canvas { fonts, doc: PdfDocument::new(title), font_ids: Default::default(), width, height, pages: vec![vec![]] }
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
    }

    pub(crate) fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn font_id(&mut self, face: Face) -> FontId {
        let slot = &mut self.font_ids[face.slot()];
        if let Some(id) = slot {
            return id.clone();
        }
        let id = self.doc.add_font(&self.fonts.face(face).parsed);
        *slot = Some(id.clone());
        id
    }

    fn pt(&self, x: f32, y_from_top: f32) -> Point {
        Point { x: Mm(x).into_pt(), y: Mm(self.height - y_from_top).into_pt() }
    }

    /// Draws items on the last page, offset by (`dx`, `dy`).
    pub(crate) fn draw(&mut self, items: &[Item], dx: f32, dy: f32) {
        let last = self.pages.len() - 1;
        self.draw_on(last, items, dx, dy);
    }

    pub(crate) fn draw_on(&mut self, page: usize, items: &[Item], dx: f32, dy: f32) {
        for item in items {
            let ops = self.item_ops(item, dx, dy);
            self.pages[page].extend(ops);
        }
    }

    fn item_ops(&mut self, item: &Item, dx: f32, dy: f32) -> Vec<Op> {
        match item {
            Item::Text { x, y, text, face, size, colour } => {
                let font = PdfFontHandle::External(self.font_id(*face));
                let mut ops = vec![
                    Op::StartTextSection,
                    Op::SetFont { font, size: Pt(*size) },
                    Op::SetFillColor { col: colour.pdf() },
                    Op::SetTextCursor { pos: self.pt(x + dx, y + dy) },
                ];
                let bold = face.synthetic_bold();
                if bold {
                    ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
                    ops.push(Op::SetOutlineColor { col: colour.pdf() });
                    ops.push(Op::SetOutlineThickness { pt: Pt(size * 0.035) });
                }
                ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
                if bold {
                    ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
                }
                ops.push(Op::EndTextSection);
                ops
            }
            Item::Rule { x1, y1, x2, y2, width_pt, colour } => {
                let point = |x: f32, y: f32| LinePoint { p: self.pt(x + dx, y + dy), bezier: false };
                vec![
                    Op::SetOutlineColor { col: colour.pdf() },
                    Op::SetOutlineThickness { pt: Pt(*width_pt) },
                    Op::DrawLine { line: Line { points: vec![point(*x1, *y1), point(*x2, *y2)], is_closed: false } },
                ]
            }
            Item::Fill { x, y, w, h, colour } => {
                let lower_left = self.pt(x + dx, y + dy + h);
                vec![
                    Op::SetFillColor { col: colour.pdf() },
                    Op::DrawRectangle {
                        rectangle: Rect {
                            x: lower_left.x,
                            y: lower_left.y,
                            width: Mm(*w).into_pt(),
                            height: Mm(*h).into_pt(),
                            mode: Some(PaintMode::Fill),
                            winding_order: Some(WindingOrder::NonZero),
                        },
                    },
                ]
            }
            Item::Image { x, y, w, image } => vec![self.image_op(image, x + dx, y + dy, *w)],
        }
    }

    /// Registers a decoded image; returns its id and its pixel size.
    pub(crate) fn add_image(&mut self, image: &RawImage) -> Placed {
        (self.doc.add_image(image), image.width, image.height)
    }

    /// Registers an SVG drawing (a report's chart) as a form XObject, its size in px taken as
    /// points. Its text is set in the system's fonts (the chart asks for Noto Sans).
    pub(crate) fn add_svg(&mut self, svg: &str, px_w: usize, px_h: usize) -> Result<Placed, FormError> {
        let mut warnings = Vec::new();
        let object = printpdf::Svg::parse(svg, &mut warnings).map_err(FormError::RenderFailed)?;
        Ok((self.doc.add_xobject(&object), px_w, px_h))
    }

    /// Registers a JPEG as it is (DCTDecode): no decoding, no re-compression.
    pub(crate) fn add_jpeg(&mut self, jpeg: Vec<u8>, px_w: usize, px_h: usize, grey: bool) -> Placed {
        let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
        let dict = [
            ("Type", name("XObject")),
            ("Subtype", name("Image")),
            ("Width", DictItem::Int(px_w as i64)),
            ("Height", DictItem::Int(px_h as i64)),
            ("ColorSpace", name(if grey { "DeviceGray" } else { "DeviceRGB" })),
            ("BitsPerComponent", DictItem::Int(8)),
            ("Filter", name("DCTDecode")),
        ];
        let stream = ExternalStream {
            dict: dict.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            content: jpeg,
            compress: false,
        };
        let object = ExternalXObject { stream, width: Some(Px(px_w)), height: Some(Px(px_h)), dpi: None };
        (self.doc.add_xobject(&object), px_w, px_h)
    }

    /// Places an image `w` mm wide with its top-left corner at (`x`, `y`) on the last page.
    pub(crate) fn image(&mut self, image: &Placed, x: f32, y: f32, w: f32) {
        let op = self.image_op(image, x, y, w);
        self.pages.last_mut().expect("a page").push(op);
    }

    fn image_op(&self, image: &Placed, x: f32, y: f32, w: f32) -> Op {
        let (id, px_w, px_h) = image;
        let h = w * *px_h as f32 / *px_w as f32;
        let dpi = *px_w as f32 * 25.4 / w;
        let at = self.pt(x, y + h);
        let transform =
            XObjectTransform { translate_x: Some(at.x), translate_y: Some(at.y), dpi: Some(dpi), ..Default::default() };
        Op::UseXobject { id: id.clone(), transform }
    }

    /// Writes the PDF: fonts subset to the glyphs used, streams compressed.
    pub(crate) fn finish(mut self) -> Result<Vec<u8>, FormError> {
        let (w, h) = (Mm(self.width), Mm(self.height));
        let pages = std::mem::take(&mut self.pages).into_iter().map(|ops| PdfPage::new(w, h, ops)).collect();
        let options = PdfSaveOptions { image_optimization: None, ..PdfSaveOptions::default() };
        let mut warnings = Vec::new();
        let bytes = self.doc.with_pages(pages).save(&options, &mut warnings);
        let errors: Vec<_> = warnings
            .iter()
            .filter(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
            .map(|w| w.msg.as_str())
            .collect();
        if !errors.is_empty() || !bytes.starts_with(b"%PDF") {
            return Err(FormError::RenderFailed(errors.join("; ")));
        }
        Ok(bytes)
    }
}
