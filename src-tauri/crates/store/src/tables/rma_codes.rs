//! Table `rma_codes`: every RMA code ever issued, never changed or removed (triggers refuse
//! it), so a code is never reused.
//!
//! A code is the shop's next sequence number through the keyed permutation of
//! `caseback_domain::returns::rma`, which never gives two sequence numbers one code. A shop
//! set up before version 7 also holds codes from that version's fixed, unkeyed permutation,
//! issued for its first sequence numbers; they stay valid, and its sequence goes on from
//! where it was. Each permutation alone never repeats a code, but an old code may equal the
//! new code of a later sequence number. So `insert` checks the code against every code ever
//! issued (this table, which keeps them all) and, if it is taken, passes over that sequence
//! number for good (AUTOINCREMENT never goes back) and takes the next: at most one sequence
//! number per old code is lost, and no code is ever issued twice. A shop set up since
//! version 7 has one permutation only and never passes over one.

use crate::sql::Db;
use crate::vals;
use caseback_domain::returns::{ReturnId, RmaCode, RmaKey};
use jiff::Timestamp;

use crate::error::Result;

/// Takes the shop's next RMA sequence number whose code (under `key`) was never issued, and
/// records that code for `id`.
///
/// A chain's branch server takes its sequence numbers from its own block (`crate::chain`),
/// so that its codes never meet another branch's at head office, where both are kept.
pub(crate) fn insert(conn: &Db, id: ReturnId, key: &RmaKey, now: Timestamp) -> Result<RmaCode> {
    let (first, last) = crate::chain::rma_block(super::id_block::get(conn)?);
    // Codes are never deleted (a cancelled one stays, spent), so the highest is the last.
    let taken: i64 = conn.value(
        "SELECT COALESCE(MAX(seq), ?1 - 1) FROM rma_codes WHERE seq BETWEEN ?1 AND ?2",
        vals![first as i64, last as i64],
    )?;
    let mut seq = taken as u64 + 1;
    loop {
        if seq > last {
            return Err(caseback_domain::DomainError::refused(
                caseback_domain::Code::RmaCodesExhausted,
                "This server has used every RMA code of its block.",
            )
            .into());
        }
        // Refused past the last code the shop can have.
        let code = RmaCode::from_sequence(seq, key)?;
        let taken: bool =
            conn.value("SELECT EXISTS (SELECT 1 FROM rma_codes WHERE code = ?1)", vals![code.to_string()])?;
        if !taken {
            conn.exec(
                "INSERT INTO rma_codes (seq, code, return_id, issued_at) VALUES (?1, ?2, ?3, ?4)",
                vals![seq as i64, code.to_string(), id.0, now.to_string()],
            )?;
            return Ok(code);
        }
        seq += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    fn key() -> RmaKey {
        RmaKey::from_bytes([5; RmaKey::LEN])
    }

    /// A database at this version with one staff member and `returns` return cases (ids 1..).
    fn database(dir: &std::path::Path, returns: i64) -> Db {
        let conn = Db::sqlite(db::open(&dir.join("a.sqlite")).unwrap());
        conn.exec("INSERT INTO staff (name, created_at) VALUES ('Mei Chan', '2026-11-01T00:00:00Z')", vals![]).unwrap();
        for _ in 0..returns {
            conn.exec(
                "INSERT INTO return_cases (state, case_json, haystack, created_at, staff_id)
                 VALUES ('authorized', '{}', '', '2026-11-01T00:00:00Z', 1)",
                vals![],
            )
            .unwrap();
        }
        conn
    }

    fn issued(conn: &Db) -> Vec<(i64, String)> {
        conn.rows("SELECT seq, code FROM rma_codes ORDER BY seq", vals![], |r| Ok((r.get(0)?, r.get(1)?))).unwrap()
    }

    #[test]
    fn codes_follow_the_sequence_under_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let conn = database(dir.path(), 2);
        let now = Timestamp::UNIX_EPOCH;
        let first = insert(&conn, ReturnId(1), &key(), now).unwrap();
        let second = insert(&conn, ReturnId(2), &key(), now).unwrap();
        assert_eq!(first, RmaCode::from_sequence(1, &key()).unwrap());
        assert_eq!(second, RmaCode::from_sequence(2, &key()).unwrap());
        assert_eq!(issued(&conn), [(1, first.to_string()), (2, second.to_string())]);
    }

    /// An old code (version 6's permutation) that is also the keyed code of the next
    /// sequence number: that number is passed over, never to be used, and the one after it
    /// is taken.
    #[test]
    fn a_sequence_number_whose_code_an_old_code_holds_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let conn = database(dir.path(), 3);
        let now = Timestamp::UNIX_EPOCH;
        let clash = RmaCode::from_sequence(2, &key()).unwrap().to_string();
        conn.exec(
            "INSERT INTO rma_codes (seq, code, return_id, issued_at) VALUES (1, ?1, 1, '2026-10-01T00:00:00Z')",
            vals![clash],
        )
        .unwrap();
        let next = insert(&conn, ReturnId(2), &key(), now).unwrap();
        assert_eq!(next, RmaCode::from_sequence(3, &key()).unwrap());
        let after = insert(&conn, ReturnId(3), &key(), now).unwrap();
        assert_eq!(after, RmaCode::from_sequence(4, &key()).unwrap(), "the sequence goes on from the last one taken");
        assert_eq!(issued(&conn), [(1, clash), (3, next.to_string()), (4, after.to_string())]);
    }
}
