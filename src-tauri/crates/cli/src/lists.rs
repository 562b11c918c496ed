//! The ticket and return lists as the CLI prints them: one line each, or JSON.
//!
//! Columns line up by what a terminal shows, not by characters or bytes: a Chinese character
//! takes two columns (王小明 is six wide), a combining accent none (`unicode-width`). Names and
//! devices have a widest a column grows to; longer ones are cut, by width, with an ellipsis.

use anyhow::Result;
use caseback_desk::{ReturnRowView, RowView};
use jiff::civil::Date;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

fn due(deadline: Option<Date>) -> String {
    deadline.map(|d| format!("due {d}")).unwrap_or_default()
}

/// The widest a name column grows, in terminal columns.
const NAME_WIDTH: usize = 24;
/// The widest a device or item column grows.
const ITEM_WIDTH: usize = 28;

/// One line of cells: every column but the last padded to its width, so the next starts
/// at the same place on every line; `max` per column (`None`: as wide as its widest cell).
fn table(rows: &[Vec<String>], max: &[Option<usize>]) -> String {
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| printable(c)).collect()).collect();
    let widths: Vec<usize> = (0..max.len())
        .map(|i| {
            let widest = cells.iter().map(|r| r.get(i).map_or(0, |c| c.width())).max().unwrap_or(0);
            max[i].map_or(widest, |m| widest.min(m))
        })
        .collect();
    let mut out = String::new();
    for row in &cells {
        let last = row.len().saturating_sub(1);
        let line: Vec<String> =
            row.iter().enumerate().map(|(i, c)| if i == last { c.clone() } else { fit(c, widths[i]) }).collect();
        out.push_str(line.join(" ").trim_end());
        out.push('\n');
    }
    out
}

/// Customer text as one line: a tab, newline or escape sequence would move the columns (or
/// the terminal's cursor), so every control character shows as a space.
fn printable(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// `text` in exactly `width` columns: padded with spaces, or cut with "…" where it is wider
/// (a wide character that would straddle the edge is left out, and a space fills its place).
fn fit(text: &str, width: usize) -> String {
    let shown = text.width();
    if shown <= width {
        return format!("{text}{}", " ".repeat(width - shown));
    }
    let room = width.saturating_sub(1);
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        cut.push(c);
        used += w;
    }
    if width > 0 {
        cut.push('…');
        used += 1;
    }
    format!("{cut}{}", " ".repeat(width - used))
}

pub fn tickets(rows: &[RowView], json: bool) -> Result<String> {
    if json {
        return Ok(format!("{}\n", serde_json::to_string_pretty(rows)?));
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let t = &r.row;
            vec![
                t.number.clone(),
                r.state_label.to_string(),
                t.customer_name.clone(),
                t.device.clone(),
                due(t.next_deadline),
            ]
        })
        .collect();
    let mut out = table(&lines, &[None, None, Some(NAME_WIDTH), Some(ITEM_WIDTH), None]);
    out.push_str(&format!("{} tickets\n", rows.len()));
    Ok(out)
}

pub fn returns(rows: &[ReturnRowView], json: bool) -> Result<String> {
    if json {
        return Ok(format!("{}\n", serde_json::to_string_pretty(rows)?));
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let c = &r.row;
            vec![
                r.title.clone(),
                r.state_label.to_string(),
                c.customer_name.clone(),
                c.item.clone(),
                due(c.next_deadline),
            ]
        })
        .collect();
    let mut out = table(&lines, &[None, None, Some(NAME_WIDTH), Some(ITEM_WIDTH), None]);
    out.push_str(&format!("{} returns\n", rows.len()));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_fit_their_width_in_terminal_columns() {
        assert_eq!(fit("王小明", 8), "王小明  ");
        assert_eq!(fit("Çağrı Öztürk", 14), "Çağrı Öztürk  ");
        // Cut by width: 陳美玲 is six columns; in five, two characters and the ellipsis; in
        // four, one, the ellipsis and a space where half of 美 would not fit.
        assert_eq!(fit("陳美玲", 5), "陳美…");
        assert_eq!(fit("陳美玲", 4), "陳… ");
        assert_eq!(fit("Alexandra Konstantinopoulou", 10), "Alexandra…");
        // A combining accent takes no column and stays with its letter.
        assert_eq!(fit("Ayşe\u{301}", 6), "Ayşe\u{301}  ");
        assert_eq!(fit("", 3), "   ");
        assert_eq!(fit("abc", 0), "");
        for (text, width) in [("王小明 Wong Siu Ming", 7), ("陳美玲", 1), ("ab", 1)] {
            assert_eq!(fit(text, width).width(), width, "{text} in {width}");
        }
    }

    #[test]
    fn a_column_is_as_wide_as_its_widest_cell_up_to_its_most() {
        let rows = vec![
            vec!["a".to_string(), "王小明".into(), "x".into()],
            vec!["bbb".to_string(), "Tab\there".into(), "y".into()],
        ];
        assert_eq!(table(&rows, &[None, Some(6), None]), "a   王小明 x\nbbb Tab h… y\n");
    }
}
