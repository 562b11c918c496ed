//! A signature given on the screen, printed where the customer would have signed on paper:
//! the picture above the line, and beside the line who signed and when, on the screen.

use caseback_domain::papers::TicketPapers;
use caseback_domain::signature::SignedDocument;

use crate::dates::day;
use crate::draw::{Canvas, Item, Placed};
use crate::photo;

/// A signature ready to print: its picture registered on the canvas, and its words.
pub(crate) struct Ink {
    pub placed: Placed,
    pub signer: String,
    pub day: String,
}

impl Ink {
    /// "Signed on the screen by Chan Tai Man on 1 December 2026".
    pub(crate) fn words(&self) -> String {
        format!("Signed on the screen by {} on {}", self.signer, self.day)
    }

    /// The picture as large as fits above a signature line at `lx`, `line_w` wide, with
    /// `space` mm to write in above it.
    pub(crate) fn over_line(&self, lx: f32, line_w: f32, space: f32) -> Item {
        photo::fitted(&self.placed, lx, 0.3, line_w, space - 0.8)
    }
}

/// The signature given on `document`, if there is one and its picture reads.
pub(crate) fn ink(canvas: &mut Canvas, p: &TicketPapers, document: SignedDocument) -> Option<Ink> {
    let (s, image) = p.signature(document)?;
    let placed = photo::embed(canvas, image)?;
    let on = day(p.settings.date_style, p.settings.today(s.signed_at));
    Some(Ink { placed, signer: s.signer.clone(), day: on })
}

/// Room above a signature line for a picture: more than a pen needs.
pub(crate) const INKED_SPACE: f32 = 15.0;
