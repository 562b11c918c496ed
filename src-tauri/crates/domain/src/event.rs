//! The event log's entry: who did what to which record, and when. The log is append-only.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::staff::StaffId;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub at: Timestamp,
    /// `None` only for what the app does by itself (e.g. a quotation expiring on the clock).
    pub staff: Option<StaffId>,
    /// The kind of record, e.g. `settings`, `ticket`, `quotation`.
    pub subject: String,
    pub subject_id: String,
    /// What happened, in a short stable verb phrase, e.g. `settings.saved`.
    pub action: String,
    /// What changed, for the history view; free-form JSON.
    pub detail: serde_json::Value,
}
