//! What Caseback's window and its command line share: one entry point (`Desk`) for every
//! caller, the views each screen shows with the decisions made for it (closed or not, what
//! may be done, which forms apply, the choices of every select), and the papers of every
//! form, rendered.
//!
//! Every call goes through `Desk::at`, which first applies the calendar's moves (an
//! unanswered quotation expiring, an RMA code running out, a hold ending), so whichever
//! screen is open, and in the CLI too, a record is seen in the state the calendar says.

mod after_sale;
mod bench;
mod branches;
mod charts;
mod choice;
mod csv_file;
mod cups;
mod customer_imports;
mod data;
mod dates;
mod error;
mod history;
mod mail;
mod papers;
mod printing;
mod quotations;
mod report_files;
mod reports;
mod returns;
mod settings;
mod shared;
mod signatures;
mod stock;
mod tickets;
mod today;
mod watches;

use std::sync::Arc;

use caseback_store::Shop;
use jiff::Timestamp;

pub use after_sale::{AccountView, AfterSaleView, CostsView};
pub use bench::{BenchPerson, BenchView, TicketBenchView, TodayBench, WorkRow};
pub use branches::BranchesView;
pub use choice::Choice;
pub use cups::{Cups, Job, Printer};
pub use customer_imports::CustomerImportView;
pub use data::{inspect_backup, DataOverview};
pub use error::{Error, Result};
pub use history::HistoryRow;
pub use mail::{
    MailAccountForm, MailAccountView, MailTestView, OutboxRowView, OutboxView, SendRoundView, TestMessage, OUTBOX_LIMIT,
};
pub use papers::{form_names, Paper, PaperFor};
pub use printing::{PrintFormRow, PrintFormView, PrintedView, PrintingView};
pub use quotations::{Preview, QuotationsView};
pub use reports::{PeriodChoice, ReportRowView, ReportSectionView, ReportView, MONEY_BASIS};
pub use returns::{EligibilityView, ReturnOptions, ReturnRowView, ReturnView, SettlementView};
pub use settings::{FieldView, SettingsView, SetupForm, SetupFormView};
pub use shared::{MovedView, ProbeView, SharedForm, SharedView};
pub use signatures::{SignOffer, SignatureView, SignaturesView};
pub use stock::{ImportView, PartHoldView, PartPage, PartView, PartsView, TicketPartView, TodayParts};
pub use tickets::LIST_LIMIT;
pub use tickets::{CustomerView, IntakeOptions, IntakePreview, RowView, TicketView};
pub use today::{TodayDue, TodayQuotes, TodayRelease, TodayReturns};
pub use watches::{KnownWatch, OwnerView, ReadingsView, TicketReadingsView, WatchLookupView, WatchView};

/// Where the time comes from: the system clock, or a test's.
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

/// An open shop and the clock it is read by.
pub struct Desk {
    shop: Shop,
    clock: Clock,
    /// Why the calendar's moves could not be written (the data is only readable here).
    calendar_note: Option<String>,
    /// The printing system Print sends to.
    cups: cups::Cups,
}

impl Desk {
    pub fn new(shop: Shop, clock: Clock) -> Desk {
        Desk { shop, clock, calendar_note: None, cups: cups::Cups::system() }
    }

    /// The system clock.
    pub fn system_clock() -> Clock {
        Arc::new(Timestamp::now)
    }

    pub fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// The shop, for what the desk does not put in views (backups, set-up).
    pub fn shop(&self) -> &Shop {
        &self.shop
    }

    pub fn shop_mut(&mut self) -> &mut Shop {
        &mut self.shop
    }

    pub fn into_shop(self) -> Shop {
        self.shop
    }

    /// A refusal as the shop reads it: the dates the domain wrote into its sentences
    /// (`held through 2026-11-30`) in the shop's style. Left as it is before set-up.
    pub fn in_shop_style(&self, mut e: Error) -> Error {
        if let Ok(style) = self.shop.settings().map(|s| s.date_style) {
            e.message = style.restyle(&e.message);
            e.fields.iter_mut().for_each(|f| f.message = style.restyle(&f.message));
        }
        e
    }

    /// Set when the calendar's moves could not be saved because the data is read-only here:
    /// what is shown may lag the calendar, and the CLI says so.
    pub fn calendar_note(&self) -> Option<&str> {
        self.calendar_note.as_deref()
    }

    /// The shop as of now, after the calendar's moves, and the instant: the one way in for
    /// every read and change.
    fn at(&mut self) -> Result<(&mut Shop, Timestamp)> {
        let now = self.now();
        if self.shop.is_set_up()? {
            match self.shop.apply_clock(now) {
                Ok(_) => self.calendar_note = None,
                Err(e) if e.code() == caseback_domain::Code::ReadOnly => {
                    self.calendar_note = Some(format!("The calendar's moves since the last change are not shown: {e}"));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok((&mut self.shop, now))
    }
}
