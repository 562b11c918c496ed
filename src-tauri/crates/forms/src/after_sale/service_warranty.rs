//! The shop's own warranty on the completed work, as the Collection Notice and the receipt
//! state it: on the tinted band the intake's warranty is printed on, under the title
//! "Service warranty".

use caseback_domain::papers::TicketPapers;
use caseback_domain::service_warranty::ServiceWarranty;
use caseback_domain::DateStyle;

use crate::fonts::Fonts;
use crate::layout::Row;
use crate::receipt::sections;

const TITLE: &str = "Service warranty";

/// "Full service, until 10 January 2027 — covers the movement's service: its running and
/// the parts replaced." A redo keeps the dates of the work it puts right, so it says whose.
pub(crate) fn terms(warranty: &ServiceWarranty, style: DateStyle) -> String {
    let redo = warranty.redo_of.map(|n| format!(" (redone under the warranty of {n})")).unwrap_or_default();
    format!("{}{redo} — covers {}.", warranty.describe(style), warranty.kind.covers())
}

/// The band, when the work carries the shop's warranty; none otherwise.
pub(crate) fn service_warranty(fonts: &Fonts, p: &TicketPapers, x: f32, w: f32) -> Option<Row> {
    let warranty = p.service_warranty.as_ref()?;
    Some(sections::band(fonts, TITLE, &terms(warranty, p.settings.date_style), x, w))
}
