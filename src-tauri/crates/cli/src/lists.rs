//! The ticket and return lists as the CLI prints them: one line each, or JSON.

use anyhow::Result;
use caseback_desk::{ReturnRowView, RowView};
use jiff::civil::Date;

fn due(deadline: Option<Date>) -> String {
    deadline.map(|d| format!("due {d}")).unwrap_or_default()
}

pub fn tickets(rows: &[RowView], json: bool) -> Result<String> {
    if json {
        return Ok(format!("{}\n", serde_json::to_string_pretty(rows)?));
    }
    let mut out = String::new();
    for r in rows {
        let t = &r.row;
        out.push_str(&format!(
            "{:<13} {:<22} {:<24} {:<26} {}\n",
            t.number,
            r.state_label,
            t.customer_name,
            t.device,
            due(t.next_deadline)
        ));
    }
    out.push_str(&format!("{} tickets\n", rows.len()));
    Ok(out)
}

pub fn returns(rows: &[ReturnRowView], json: bool) -> Result<String> {
    if json {
        return Ok(format!("{}\n", serde_json::to_string_pretty(rows)?));
    }
    let mut out = String::new();
    for r in rows {
        let c = &r.row;
        out.push_str(&format!(
            "{:<13} {:<20} {:<24} {:<28} {}\n",
            r.title,
            r.state_label,
            c.customer_name,
            c.item,
            due(c.next_deadline)
        ));
    }
    out.push_str(&format!("{} returns\n", rows.len()));
    Ok(out)
}
