//! Table `id_block`: which block of ids this database hands out (`crate::chain`). No row is
//! block 0, a shop's own database; a chain's branch server has its number, set once.

use crate::error::Result;
use crate::sql::Db;
use crate::vals;

pub(crate) fn get(conn: &Db) -> Result<u8> {
    let n: Option<i64> = conn.row("SELECT number FROM id_block WHERE id = 1", vals![], |r| r.get(0))?;
    Ok(n.unwrap_or(0) as u8)
}

pub(crate) fn insert(conn: &Db, number: u8) -> Result<()> {
    conn.exec("INSERT INTO id_block (id, number) VALUES (1, ?1)", vals![i64::from(number)])?;
    Ok(())
}
