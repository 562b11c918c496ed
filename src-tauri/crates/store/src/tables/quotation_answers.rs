//! Table `quotation_answers`: the customer's written answer to one revision, once. Read
//! back with its revision by `quotations::for_ticket`.

use crate::sql::Db;
use crate::vals;
use caseback_domain::assessment::WrittenAnswer;
use caseback_domain::staff::StaffId;
use jiff::Timestamp;

use super::columns::to_json;
use crate::error::Result;

pub(crate) fn insert(
    conn: &Db,
    quotation_id: i64,
    accepted: bool,
    answer: &WrittenAnswer,
    by: StaffId,
    now: Timestamp,
) -> Result<()> {
    conn.exec(
        "INSERT INTO quotation_answers (quotation_id, accepted, answer_json, answered_at, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        vals![quotation_id, accepted, to_json(answer)?, now.to_string(), by.0],
    )?;
    Ok(())
}
