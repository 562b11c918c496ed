//! Parts and stock as the window shows them: the catalogue with what is in each drawer, a
//! part's page (its holds and history), a catalogue import shown before it is taken, and the
//! parts on a ticket and on Today.

use caseback_domain::event::Subject;
use caseback_domain::staff::StaffId;
use caseback_domain::stock::form::PartForm;
use caseback_domain::stock::import::{Columns, ImportPlan, ImportedPart};
use caseback_domain::stock::{parse_count, parse_pieces, Part, PartId, PartKind};
use caseback_domain::ticket::TicketId;
use caseback_domain::Currency;
use caseback_store::Shop;
use serde::Serialize;

use crate::choice::{choices, Choice};
use crate::error::Result;
use crate::history::{self, HistoryRow};
use crate::tickets::{ListDay, RowView};
use crate::Desk;

/// How many parts a catalogue search lists.
const LIST: usize = 200;
/// How many of the parts to order Today lists.
const TODAY_LOW: usize = 8;

#[derive(Clone, Debug, Serialize)]
pub struct PartView {
    pub id: PartId,
    pub number: String,
    pub description: String,
    pub kind: PartKind,
    pub kind_label: &'static str,
    pub fits: String,
    pub supplier: String,
    pub location: String,
    /// "HKD 280.00".
    pub price_text: String,
    /// "280.00": the price as a quotation line's field takes it.
    pub price_number: String,
    pub cost_text: String,
    pub on_hand: u32,
    pub reserved: u32,
    pub back_ordered: u32,
    pub free: u32,
    pub low_at: u32,
    pub low: bool,
    /// "3 in stock · 1 held · 2 free", "None in stock · 1 waited for".
    pub stock_text: String,
}

fn pieces(n: u32) -> String {
    if n == 1 {
        "1 piece".into()
    } else {
        format!("{n} pieces")
    }
}

pub(crate) fn part_view(p: Part, currency: Currency) -> PartView {
    let mut stock = vec![match p.on_hand {
        0 => "None in stock".to_string(),
        n => format!("{n} in stock"),
    }];
    if p.reserved > 0 {
        stock.push(format!("{} held", p.reserved));
        stock.push(format!("{} free", p.free()));
    }
    if p.back_ordered > 0 {
        stock.push(format!("{} waited for", p.back_ordered));
    }
    PartView {
        id: p.id,
        kind_label: p.draft.kind.label(),
        price_text: currency.format(p.draft.price),
        price_number: currency.format_number(p.draft.price),
        cost_text: currency.format(p.draft.cost),
        on_hand: p.on_hand,
        reserved: p.reserved,
        back_ordered: p.back_ordered,
        free: p.free(),
        low_at: p.draft.low_at,
        low: p.is_low(),
        stock_text: stock.join(" · "),
        number: p.draft.number,
        description: p.draft.description,
        kind: p.draft.kind,
        fits: p.draft.fits,
        supplier: p.draft.supplier,
        location: p.draft.location,
    }
}

#[derive(Serialize)]
pub struct PartsView {
    pub parts: Vec<PartView>,
    pub low_count: usize,
    pub kinds: Vec<Choice>,
    pub currency: &'static str,
    /// "10.50" in the shop's style, for the price fields' hint.
    pub amount_example: String,
}

/// A ticket holding (or waiting for) a part, as the part's page lists it.
#[derive(Serialize)]
pub struct PartHoldView {
    pub ticket_id: TicketId,
    pub number: String,
    pub customer_name: String,
    pub text: String,
    pub waiting: bool,
}

#[derive(Serialize)]
pub struct PartPage {
    pub part: PartView,
    /// The entry as the edit form fills it.
    pub form: PartForm,
    pub holds: Vec<PartHoldView>,
    pub history: Vec<HistoryRow>,
}

/// A part on a ticket: held in the drawer, or waited for.
#[derive(Clone, Serialize)]
pub struct TicketPartView {
    pub part_id: PartId,
    pub name: String,
    pub location: String,
    pub reserved: u32,
    pub back_ordered: u32,
    /// "1 piece held, in Drawer 3", "Waits for 1 piece: not in stock".
    pub text: String,
}

#[derive(Serialize)]
pub struct ImportRowView {
    pub line: usize,
    pub number: String,
    pub description: String,
    pub price_text: String,
    /// "6", or "—" when the row leaves the stock alone.
    pub quantity: String,
    /// "New", "Update: 4 → 6 in stock".
    pub action: String,
}

#[derive(Serialize)]
pub struct RefusedRowView {
    pub line: usize,
    pub reason: String,
}

/// What an import does (or did): rows taken and rows refused, each with its line.
#[derive(Serialize)]
pub struct ImportView {
    pub rows: Vec<ImportRowView>,
    pub refused: Vec<RefusedRowView>,
    pub added: usize,
    pub updated: usize,
    /// "2 parts added, 1 updated, 1 row refused".
    pub summary: String,
}

#[derive(Serialize)]
pub struct TodayParts {
    pub low: Vec<PartView>,
    pub low_count: usize,
    /// The repairs waiting for a part that is not in stock.
    pub waiting: Vec<RowView>,
}

pub(crate) fn ticket_parts(shop: &Shop, id: TicketId) -> Result<Vec<TicketPartView>> {
    Ok(shop
        .ticket_parts(id)?
        .into_iter()
        .map(|t| {
            let place = if t.part.draft.location.is_empty() {
                String::new()
            } else {
                format!(", in {}", t.part.draft.location)
            };
            let text = match (t.reserved, t.back_ordered) {
                (held, 0) => format!("{} held{place}", pieces(held)),
                (0, waits) => format!("Waits for {}: not in stock", pieces(waits)),
                (held, waits) => format!("{} held{place}; waits for {} more: not in stock", pieces(held), waits),
            };
            TicketPartView {
                part_id: t.part.id,
                name: t.part.name(),
                location: t.part.draft.location.clone(),
                reserved: t.reserved,
                back_ordered: t.back_ordered,
                text,
            }
        })
        .collect())
}

/// "Waits for SC-301 Sapphire crystal", for a ticket row, if the ticket waits for a part.
pub(crate) fn waits_for(shop: &Shop, id: TicketId) -> Result<Option<String>> {
    let waiting: Vec<String> =
        ticket_parts(shop, id)?.into_iter().filter(|p| p.back_ordered > 0).map(|p| p.name).collect();
    Ok((!waiting.is_empty()).then(|| format!("Waits for {}", waiting.join(", "))))
}

/// Reads a CSV file's rows against the catalogue's columns, each with its line in the file.
fn read_csv(text: &str, currency: Currency) -> Result<Vec<(usize, std::result::Result<ImportedPart, String>)>> {
    let file = crate::csv_file::read(text)?;
    let columns = Columns::from_header(&file.header)?;
    Ok(file.rows.into_iter().map(|(line, cells)| (line, columns.row(&cells, currency))).collect())
}

fn import_view(plan: &ImportPlan, currency: Currency, lines: &[(usize, String)]) -> ImportView {
    let line_of = |number: &str| lines.iter().find(|(_, n)| n == number).map_or(0, |(l, _)| *l);
    let row = |p: &ImportedPart, action: String| ImportRowView {
        line: line_of(&p.draft.number),
        number: p.draft.number.clone(),
        description: p.draft.description.clone(),
        price_text: currency.format(p.draft.price),
        quantity: p.quantity.map_or_else(|| "—".into(), |n| n.to_string()),
        action,
    };
    let mut rows: Vec<ImportRowView> = plan.added.iter().map(|p| row(p, "New".into())).collect();
    rows.extend(plan.updated.iter().map(|(_, had, p)| {
        row(
            p,
            match p.quantity {
                Some(n) if n != *had => format!("Update: {had} → {n} in stock"),
                _ => "Update".into(),
            },
        )
    }));
    rows.sort_by_key(|r| r.line);
    let refused = plan.refused.iter().map(|r| RefusedRowView { line: r.line, reason: r.reason.clone() }).collect();
    let n =
        |count: usize, one: &str, many: &str| if count == 1 { format!("1 {one}") } else { format!("{count} {many}") };
    let summary = format!(
        "{} added, {} updated, {} refused",
        n(plan.added.len(), "part", "parts"),
        plan.updated.len(),
        n(plan.refused.len(), "row", "rows")
    );
    ImportView { rows, refused, added: plan.added.len(), updated: plan.updated.len(), summary }
}

/// Each row's part number (as the catalogue writes it) with its line, for the preview.
fn lines_of(rows: &[(usize, std::result::Result<ImportedPart, String>)]) -> Vec<(usize, String)> {
    rows.iter().filter_map(|(l, r)| r.as_ref().ok().map(|p| (*l, p.draft.number.clone()))).collect()
}

impl Desk {
    pub fn parts(&mut self, query: &str, low_only: bool) -> Result<PartsView> {
        let (shop, _) = self.at()?;
        let currency = shop.settings()?.currency;
        let low = shop.low_parts()?;
        let found = if low_only { low.clone() } else { shop.find_parts(query, LIST)? };
        Ok(PartsView {
            low_count: low.len(),
            parts: found.into_iter().map(|p| part_view(p, currency)).collect(),
            kinds: choices(&PartKind::ALL, PartKind::label),
            currency: currency.code(),
            amount_example: currency.example(),
        })
    }

    pub fn part_page(&mut self, id: PartId) -> Result<PartPage> {
        let (shop, _) = self.at()?;
        part_page(shop, id)
    }

    pub fn add_part(&mut self, by: StaffId, form: &PartForm) -> Result<PartPage> {
        let (shop, now) = self.at()?;
        let (draft, on_hand) = form.parse(shop.settings()?.currency)?;
        let part = shop.add_part(by, &draft, on_hand, now)?;
        part_page(shop, part.id)
    }

    pub fn edit_part(&mut self, by: StaffId, id: PartId, form: &PartForm) -> Result<PartPage> {
        let (shop, now) = self.at()?;
        let (draft, _) = form.parse(shop.settings()?.currency)?;
        shop.edit_part(by, id, &draft, now)?;
        part_page(shop, id)
    }

    pub fn receive_stock(&mut self, by: StaffId, id: PartId, pieces: &str, note: &str) -> Result<PartPage> {
        let (shop, now) = self.at()?;
        shop.receive_stock(by, id, parse_pieces("pieces", pieces)?, note, now)?;
        part_page(shop, id)
    }

    pub fn count_stock(&mut self, by: StaffId, id: PartId, counted: &str) -> Result<PartPage> {
        let (shop, now) = self.at()?;
        shop.count_stock(by, id, parse_count(counted)?, now)?;
        part_page(shop, id)
    }

    pub fn write_off_stock(&mut self, by: StaffId, id: PartId, pieces: &str, reason: &str) -> Result<PartPage> {
        let (shop, now) = self.at()?;
        shop.write_off_stock(by, id, parse_pieces("pieces", pieces)?, reason, now)?;
        part_page(shop, id)
    }

    /// What importing this CSV text would do, without writing anything.
    pub fn preview_part_import(&mut self, text: &str) -> Result<ImportView> {
        let (shop, _) = self.at()?;
        let currency = shop.settings()?.currency;
        let rows = read_csv(text, currency)?;
        let lines = lines_of(&rows);
        Ok(import_view(&shop.plan_part_import(rows)?, currency, &lines))
    }

    /// Imports the rows of this CSV text that can be taken, all together.
    pub fn import_parts(&mut self, by: StaffId, file: &str, text: &str) -> Result<ImportView> {
        let (shop, now) = self.at()?;
        let currency = shop.settings()?.currency;
        let rows = read_csv(text, currency)?;
        let lines = lines_of(&rows);
        let file = caseback_domain::text::single_line("file", file, 200)?;
        Ok(import_view(&shop.import_parts(by, &file, rows, now)?, currency, &lines))
    }

    /// The parts a ticket holds or waits for.
    pub fn ticket_parts(&mut self, id: TicketId) -> Result<Vec<TicketPartView>> {
        let (shop, _) = self.at()?;
        ticket_parts(shop, id)
    }

    /// Today's parts: those to order, and the repairs waiting for one.
    pub fn today_parts(&mut self) -> Result<TodayParts> {
        let (shop, now) = self.at()?;
        let currency = shop.settings()?.currency;
        let day = ListDay::of(shop, now)?;
        let low = shop.low_parts()?;
        let mut waiting = day.rows(shop.tickets_waiting_for_parts()?);
        for row in &mut waiting {
            row.waits_for = waits_for(shop, row.row.id)?;
        }
        Ok(TodayParts {
            low_count: low.len(),
            low: low.into_iter().take(TODAY_LOW).map(|p| part_view(p, currency)).collect(),
            waiting,
        })
    }
}

fn part_page(shop: &Shop, id: PartId) -> Result<PartPage> {
    let currency = shop.settings()?.currency;
    let part = shop.part(id)?;
    let form = PartForm::of(&part.draft, currency);
    let mut holds = Vec::new();
    for hold in shop.part_stock(id)?.holds {
        let ticket = shop.ticket(hold.ticket)?;
        let customer = shop.customer(ticket.customer)?;
        let text = match (hold.reserved, hold.back_ordered) {
            (held, 0) => format!("{} held", pieces(held)),
            (0, waits) => format!("Waits for {}", pieces(waits)),
            (held, waits) => format!("{} held, waits for {waits} more", pieces(held)),
        };
        holds.push(PartHoldView {
            ticket_id: ticket.id,
            number: ticket.number.to_string(),
            customer_name: customer.details.name,
            waiting: hold.back_ordered > 0,
            text,
        });
    }
    Ok(PartPage {
        part: part_view(part, currency),
        form,
        holds,
        history: history::rows(shop, Subject::Part, &id.to_string())?,
    })
}
