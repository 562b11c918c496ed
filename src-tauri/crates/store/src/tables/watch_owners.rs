//! Table `watch_owners`: who owned each watch from when; the present owner has no end.

use caseback_domain::customer::CustomerId;
use caseback_domain::watch::{Ownership, WatchId};

use super::columns::date;
use crate::error::Result;
use crate::sql::Db;
use crate::vals;

pub(crate) fn for_watch(conn: &Db, watch: WatchId) -> Result<Vec<Ownership>> {
    conn.rows(
        "SELECT customer_id, from_on, until_on FROM watch_owners WHERE watch_id = ?1 ORDER BY from_on",
        vals![watch.0],
        |r| {
            Ok(Ownership {
                customer: CustomerId(r.get(0)?),
                from: date("owner's first day", &r.get::<String>(1)?)?,
                until: r.get::<Option<String>>(2)?.map(|d| date("owner's last day", &d)).transpose()?,
            })
        },
    )
}

/// Writes the watch's whole history of owners (a change ends one and adds one).
pub(crate) fn put(conn: &Db, watch: WatchId, history: &[Ownership]) -> Result<()> {
    conn.exec("DELETE FROM watch_owners WHERE watch_id = ?1", vals![watch.0])?;
    for o in history {
        conn.exec(
            "INSERT INTO watch_owners (watch_id, customer_id, from_on, until_on) VALUES (?1, ?2, ?3, ?4)",
            vals![watch.0, o.customer.0, o.from.to_string(), o.until.map(|d| d.to_string())],
        )?;
    }
    Ok(())
}
