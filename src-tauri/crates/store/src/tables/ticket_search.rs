//! Table `ticket_search`: the full-text index of each ticket's search text (its number,
//! customer, watch and order), kept beside the ticket and rewritten when the customer's
//! details are corrected.

use crate::sql::{Db, Engine, Value};
use crate::vals;
use caseback_domain::branch::BranchFilter;
use caseback_domain::ticket::{TicketId, TicketState};

use super::columns::{contains_pattern, like};
use super::tickets::{notice_state, row, TicketRow, DEADLINE_ORDER, ROW_SQL};
use crate::error::Result;

pub(crate) fn insert(conn: &Db, id: TicketId, haystack: &str) -> Result<()> {
    conn.exec("INSERT INTO ticket_search (rowid, haystack) VALUES (?1, ?2)", vals![id.0, haystack])?;
    Ok(())
}

/// Inserts many tickets' search texts in one statement (tickets loaded in bulk).
#[cfg(feature = "fixture")]
pub(crate) fn insert_many(conn: &Db, texts: &[(TicketId, String)]) -> Result<()> {
    let args: Vec<Value> = texts.iter().flat_map(|(id, text)| [Value::Int(id.0), Value::Text(text.clone())]).collect();
    let rows = super::tickets::value_rows(texts.len(), 2);
    conn.exec(&format!("INSERT INTO ticket_search (rowid, haystack) VALUES {rows}"), &args)?;
    Ok(())
}

/// Writes the ticket's search text again (after its customer's details were corrected).
pub(crate) fn update(conn: &Db, id: TicketId, haystack: &str) -> Result<()> {
    conn.exec("UPDATE ticket_search SET haystack = ?2 WHERE rowid = ?1", vals![id.0, haystack])?;
    Ok(())
}

/// Tickets matching every term (substrings of the folded search text), optionally in one
/// state and of one branch, soonest deadline first.
pub(crate) fn search(
    conn: &Db,
    terms: &[String],
    state: Option<TicketState>,
    branch: BranchFilter,
    limit: usize,
) -> Result<Vec<TicketRow>> {
    let plan = if terms.is_empty() { None } else { Some(plan(conn.engine(), terms, &sample(conn)?, limit)) };
    list(conn, plan.as_ref(), state, branch, limit)
}

/// The tickets `plan` finds (all without one), optionally in one state and of one branch,
/// soonest deadline first.
fn list(
    conn: &Db,
    plan: Option<&Plan>,
    state: Option<TicketState>,
    branch: BranchFilter,
    limit: usize,
) -> Result<Vec<TicketRow>> {
    let mut filters = Vec::new();
    let mut args: Vec<Value> = vec![Value::Text(notice_state().to_string())];
    let mut with = String::new();
    match plan {
        None => {}
        // Few texts hold the terms: they are found once, for both halves below.
        Some(Plan::Few(lookup)) => {
            with = format!("WITH hits (id) AS MATERIALIZED ({}) ", lookup.sql(conn, &mut args));
            filters.push("t.id IN (SELECT id FROM hits)".to_string());
        }
        // Each half finds its own, as the planner sees fit (when many texts hold the terms,
        // PostgreSQL's reads its tickets' texts in list order until it has enough).
        Some(Plan::Index(lookup)) => filters.push(format!("t.id IN ({})", lookup.sql(conn, &mut args))),
        // Each half reads its tickets' texts in its own order until it has enough.
        Some(Plan::Read(terms)) => {
            let hold = terms.iter().map(|t| contains(conn, "s.haystack", t, &mut args)).collect::<Vec<_>>();
            filters.push(format!(
                "EXISTS (SELECT 1 FROM ticket_search s WHERE s.rowid = t.id AND {})",
                hold.join(" AND ")
            ));
        }
    }
    if let Some(s) = state {
        args.push(Value::Text(s.key().to_string()));
        filters.push(format!("t.state = ?{}", args.len()));
    }
    if let Some(b) = branch.stored() {
        args.push(Value::Text(b));
        filters.push(format!("t.branch = ?{}", args.len()));
    }
    let filter = filters.iter().map(|f| format!(" AND {f}")).collect::<String>();
    // Two halves, each served by an index: tickets with a deadline, soonest first; then
    // those with nothing due, newest first.
    let sql = format!(
        "{with}SELECT * FROM ({ROW_SQL} WHERE t.next_deadline IS NOT NULL{filter} {DEADLINE_ORDER} LIMIT {limit}) AS due
         UNION ALL
         SELECT * FROM ({ROW_SQL} WHERE t.next_deadline IS NULL{filter} ORDER BY t.id DESC LIMIT {limit}) AS undated
         LIMIT {limit}"
    );
    conn.rows(&sql, &args, row)
}

/// How many tickets' search texts a search reads first, to tell how common what was typed is.
const SAMPLE: usize = 256;
/// At most this many of the sample may hold a part looked up alone (about 1% of the
/// tickets); a part more common than that is no quicker to look up than the whole terms.
const RARE: usize = 2;
/// The longest part of a term that is looked up alone: four trigrams.
const WINDOW: usize = 6;

/// How the texts holding every term are found.
///
/// The trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL) costs what its most common
/// trigrams cost, not its rarest: a phone number's country code, a ticket number's year, a
/// maker's serial prefix is in nearly every text, so looking up a whole phone number reads
/// a list of every ticket several times over, and a name and a number together read every
/// ticket of that name. A sample of the texts tells which part of the terms is rare, and
/// how common the terms are together.
enum Plan {
    /// A rare part is looked up alone and the terms checked on the few texts it finds.
    Few(Lookup),
    /// Nothing is rare: the index is asked for every term.
    Index(Lookup),
    /// So many texts hold the terms (the first letters of a name) that reading the tickets'
    /// texts in list order finds a list's worth sooner than the index finds them all. Only
    /// on SQLite, which runs a query as it is written; PostgreSQL's planner, from its
    /// statistics, does this by itself.
    Read(Vec<String>),
}

/// The texts holding each of `indexed`, found through the trigram index (FTS5's MATCH,
/// pg_trgm's LIKE), and of those the ones containing each of `checked`, read in each.
struct Lookup {
    indexed: Vec<String>,
    checked: Vec<String>,
}

/// Some of the tickets' search texts, and how many tickets there are.
struct Sample {
    texts: Vec<String>,
    tickets: usize,
}

/// How to find the tickets holding every term, judged on `sample`, for a list of `limit`.
fn plan(engine: Engine, terms: &[String], sample: &Sample, limit: usize) -> Plan {
    let texts = &sample.texts;
    let holding = |part: &str, most: usize| texts.iter().filter(|t| t.contains(part)).take(most).count();
    if let Some(part) = rarest_part(terms, texts) {
        let checked = terms.iter().filter(|t| **t != part).cloned().collect();
        return Plan::Few(Lookup { indexed: vec![part], checked });
    }
    let (indexed, checked): (Vec<String>, Vec<String>) = terms.iter().cloned().partition(|t| t.chars().count() >= 3);
    if engine == Engine::Sqlite && !texts.is_empty() {
        // In texts read: each half reads until it has `limit` (or has read all its own);
        // the index reads every entry of each term's list, an entry costing about half a
        // text, or without a term of three characters it reads every text.
        let share = |n: usize| n as f64 / texts.len() as f64;
        let tickets = sample.tickets as f64;
        let matching = tickets * share(texts.iter().filter(|t| terms.iter().all(|w| t.contains(w.as_str()))).count());
        let reading = 2.0 * tickets.min(limit as f64 * tickets / matching.max(1.0));
        let lists: f64 = indexed.iter().map(|w| tickets * share(holding(w, SAMPLE)) / 2.0).sum();
        if reading < if indexed.is_empty() { tickets } else { lists } {
            return Plan::Read(terms.to_vec());
        }
    }
    Plan::Index(Lookup { indexed, checked })
}

/// The rarest part of the terms in `texts`, if one is rare; of equally rare ones, the one
/// whose trigrams are the least common (the index reads less for it).
fn rarest_part(terms: &[String], texts: &[String]) -> Option<String> {
    let holding = |part: &str, most: usize| texts.iter().filter(|t| t.contains(part)).take(most).count();
    let mut trigrams = std::collections::HashMap::new();
    let mut cost = |part: &str| -> usize {
        let grams = (0..=part.len() - 3).map(|i| &part[i..i + 3]);
        grams.map(|g| *trigrams.entry(g.to_string()).or_insert_with(|| holding(g, SAMPLE))).sum()
    };
    let rare = parts(terms).into_iter().map(|p| (holding(&p, RARE + 1), p)).filter(|(n, _)| *n <= RARE);
    rare.map(|(n, p)| ((n, cost(&p)), p)).min().map(|(_, p)| p)
}

/// The parts of the terms that may be looked up alone: each run of three or more ASCII
/// letters and digits (the characters both engines' trigrams are made of), or each
/// `WINDOW` characters of a longer run.
fn parts(terms: &[String]) -> Vec<String> {
    let mut parts = Vec::new();
    for term in terms {
        for run in term.split(|c: char| !c.is_ascii_alphanumeric()).filter(|r| r.len() >= 3) {
            for start in 0..=run.len().saturating_sub(WINDOW) {
                let part = run[start..run.len().min(start + WINDOW)].to_string();
                if !parts.contains(&part) {
                    parts.push(part);
                }
            }
        }
    }
    parts
}

/// Up to `SAMPLE` search texts, of tickets spread over all of them (the same ones while the
/// number of tickets stays the same): runs of `RUN` tickets booked one after the other,
/// stored side by side, so the sample reads a few pages rather than one per ticket.
fn sample(conn: &Db) -> Result<Sample> {
    const RUN: i64 = 8;
    let last: Option<i64> = conn.value("SELECT MAX(id) FROM tickets", &[])?;
    let Some(last) = last.filter(|n| *n > 0) else { return Ok(Sample { texts: Vec::new(), tickets: 0 }) };
    // splitmix64, seeded by the last id.
    let mut state = last as u64;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let starts = (0..SAMPLE as i64 / RUN).map(|_| 1 + (next() % (last - RUN + 1).max(1) as u64) as i64);
    let ids: Vec<Value> = starts.flat_map(|start| (start..start + RUN).map(Value::Int)).collect();
    let marks = (1..=ids.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT haystack FROM ticket_search WHERE rowid IN ({marks})");
    Ok(Sample { texts: conn.rows(&sql, &ids, |r| r.get(0))?, tickets: last as usize })
}

/// `column` contains `term` as typed (`?N` its parameter, added to `args`). Neither
/// engine's trigram index serves this: it is read in each text.
fn contains(conn: &Db, column: &str, term: &str, args: &mut Vec<Value>) -> String {
    args.push(Value::Text(term.to_string()));
    match conn.engine() {
        Engine::Sqlite => format!("instr({column}, ?{}) > 0", args.len()),
        Engine::Postgres => format!("strpos({column}, ?{}) > 0", args.len()),
    }
}

impl Lookup {
    /// The query of the matching tickets' ids, its parameters added to `args`.
    fn sql(&self, conn: &Db, args: &mut Vec<Value>) -> String {
        let mut conditions = Vec::new();
        match conn.engine() {
            Engine::Sqlite if !self.indexed.is_empty() => {
                let phrases = self.indexed.iter().map(|t| format!("\"{}\"", t.replace('"', "\"\"")));
                args.push(Value::Text(phrases.collect::<Vec<_>>().join(" AND ")));
                conditions.push(format!("ticket_search MATCH ?{}", args.len()));
            }
            Engine::Sqlite => {}
            Engine::Postgres => {
                for t in &self.indexed {
                    args.push(Value::Text(contains_pattern(t)));
                    conditions.push(like("haystack", args.len()));
                }
            }
        }
        conditions.extend(self.checked.iter().map(|t| contains(conn, "haystack", t, args)));
        format!("SELECT rowid FROM ticket_search WHERE {}", conditions.join(" AND "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn the_parts_looked_up_are_runs_of_letters_and_digits_at_most_six_long() {
        assert_eq!(parts(&strings(&["r-2026-04242"])), strings(&["2026", "04242"]));
        assert_eq!(parts(&strings(&["85250042"])), strings(&["852500", "525004", "250042"]));
        assert_eq!(parts(&strings(&["li", "a-b", "王小明", "ab1"])), strings(&["ab1"]));
    }

    #[test]
    fn a_rare_part_is_looked_up_alone_and_common_terms_read_in_list_order_on_sqlite() {
        // Every text has the year and the country code; one has the subscriber's digits.
        let mut texts: Vec<String> = (0..255)
            .map(|i| format!("r-2026-{i:05} | {} | +852 5000 {i:04} | 852500{i:04}", ["mei chan", "tom wong"][i % 2]))
            .collect();
        texts.push("r-2026-00777 | ayse yilmaz | +852 5004 2424 | 85250042424".into());
        let sample = Sample { texts, tickets: 1_000_000 };
        let plan = |words: &[&str], engine| match super::plan(engine, &strings(words), &sample, 200) {
            Plan::Few(l) => ("few", l.indexed, l.checked),
            Plan::Index(l) => ("index", l.indexed, l.checked),
            Plan::Read(terms) => ("read", Vec::new(), terms),
        };
        for engine in [Engine::Sqlite, Engine::Postgres] {
            let few = |indexed: &[&str], checked: &[&str]| ("few", strings(indexed), strings(checked));
            assert_eq!(plan(&["85250042424"], engine), few(&["042424"], &["85250042424"]));
            assert_eq!(plan(&["mei", "chan", "00777", "r"], engine), few(&["00777"], &["mei", "chan", "r"]));
            assert_eq!(plan(&["00777", "li"], engine), few(&["00777"], &["li"]), "a rare term, itself its part");
        }
        // Half the tickets are Mei Chan's: on SQLite their texts are read in list order.
        assert_eq!(plan(&["mei", "ch"], Engine::Sqlite), ("read", vec![], strings(&["mei", "ch"])));
        assert_eq!(plan(&["mei", "ch"], Engine::Postgres), ("index", strings(&["mei"]), strings(&["ch"])));
        // Common terms that are rare together (none of the sample holds both): the index.
        assert_eq!(plan(&["mei", "wong"], Engine::Sqlite), ("index", strings(&["mei", "wong"]), vec![]));
        // Or everything, when a list is to hold every match.
        let all = super::plan(Engine::Sqlite, &strings(&["mei"]), &sample, usize::MAX);
        assert!(matches!(all, Plan::Index(_)));
    }

    #[test]
    fn every_plan_lists_the_same_tickets_as_reading_every_text() {
        let now = "2026-11-20T02:00:00Z".parse().unwrap();
        crate::fixture::on_each_engine(now, |shop, _, _| {
            // Some due (the newest, in a few days' order), the others not: both halves.
            crate::fixture::bulk_tickets_mostly_closed(shop, 600, 120);
            let conn = shop.db();
            let sql = "SELECT s.rowid, s.haystack, t.state, t.next_deadline FROM ticket_search s JOIN tickets t ON t.id = s.rowid";
            let all: Vec<(i64, String, String, Option<String>)> =
                conn.rows(sql, &[], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap();
            let queries = [
                "ayse yilmaz 42",
                "+852 5000 0042",
                "R-2026-00042",
                "sn-000042",
                "0042",
                "seiko 4",
                "mei chan",
                "li",
                "a 2026",
                "1_0",
            ];
            let states = [None, Some(TicketState::InRepair)];
            for (query, state) in queries.iter().flat_map(|q| states.map(|s| (*q, s))) {
                let terms = caseback_domain::search::query_terms(query);
                let mut expected: Vec<&(i64, String, String, Option<String>)> = all
                    .iter()
                    .filter(|(_, h, s, _)| {
                        terms.iter().all(|t| h.contains(t.as_str())) && state.is_none_or(|st| st.key() == s)
                    })
                    .collect();
                // Soonest due first (of a day's, the earliest booked), then the newest of the rest.
                expected
                    .sort_by_key(|(id, _, _, due)| (due.is_none(), due.clone(), if due.is_some() { *id } else { -id }));
                let expected: Vec<i64> = expected.iter().map(|(id, ..)| *id).collect();
                let (indexed, checked) = terms.iter().cloned().partition(|t| t.chars().count() >= 3);
                let mut plans = vec![Plan::Index(Lookup { indexed, checked }), Plan::Read(terms.clone())];
                for part in parts(&terms) {
                    plans.push(Plan::Few(Lookup { indexed: vec![part], checked: terms.clone() }));
                }
                for limit in [1000, 3] {
                    let first = &expected[..expected.len().min(limit)];
                    for plan in &plans {
                        let listed = list(conn, Some(plan), state, BranchFilter::All, limit).unwrap();
                        let listed: Vec<i64> = listed.iter().map(|r| r.id.0).collect();
                        assert_eq!(listed, first, "{query:?} by {}", describe(plan));
                    }
                    let searched = shop.search_tickets(query, state, limit).unwrap();
                    assert_eq!(searched.iter().map(|r| r.id.0).collect::<Vec<_>>(), first, "{query:?} as searched");
                }
            }
        });
    }

    fn describe(plan: &Plan) -> String {
        match plan {
            Plan::Few(l) => format!("few: {:?} then {:?}", l.indexed, l.checked),
            Plan::Index(l) => format!("index: {:?} then {:?}", l.indexed, l.checked),
            Plan::Read(terms) => format!("reading for {terms:?}"),
        }
    }
}
