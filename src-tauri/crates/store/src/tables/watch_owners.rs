//! Table `watch_owners`: who owned each watch from when; the present owner has no end.

use caseback_domain::customer::CustomerId;
use caseback_domain::watch::{Ownership, WatchId};

use super::columns::date;
use crate::error::Result;
use crate::sql::{Db, Value};
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

/// The owners of many watches, each watch's in order.
pub(crate) fn for_watches(conn: &Db, watches: &[WatchId]) -> Result<Vec<(WatchId, Ownership)>> {
    if watches.is_empty() {
        return Ok(Vec::new());
    }
    let marks = (1..=watches.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let args: Vec<Value> = watches.iter().map(|w| Value::Int(w.0)).collect();
    conn.rows(
        &format!(
            "SELECT watch_id, customer_id, from_on, until_on FROM watch_owners WHERE watch_id IN ({marks})
             ORDER BY watch_id, from_on"
        ),
        &args,
        |r| {
            Ok((
                WatchId(r.get(0)?),
                Ownership {
                    customer: CustomerId(r.get(1)?),
                    from: date("owner's first day", &r.get::<String>(2)?)?,
                    until: r.get::<Option<String>>(3)?.map(|d| date("owner's last day", &d)).transpose()?,
                },
            ))
        },
    )
}

/// Writes many watches' whole histories of owners at once.
pub(crate) fn put_many(conn: &Db, histories: &[(WatchId, Vec<Ownership>)]) -> Result<()> {
    if histories.is_empty() {
        return Ok(());
    }
    let marks = (1..=histories.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let ids: Vec<Value> = histories.iter().map(|(w, _)| Value::Int(w.0)).collect();
    conn.exec(&format!("DELETE FROM watch_owners WHERE watch_id IN ({marks})"), &ids)?;
    let mut args = Vec::new();
    for (watch, history) in histories {
        for o in history {
            args.extend_from_slice(vals![watch.0, o.customer.0, o.from.to_string(), o.until.map(|d| d.to_string())]);
        }
    }
    let rows = super::tickets::value_rows(args.len() / 4, 4);
    conn.exec(&format!("INSERT INTO watch_owners (watch_id, customer_id, from_on, until_on) VALUES {rows}"), &args)?;
    Ok(())
}
