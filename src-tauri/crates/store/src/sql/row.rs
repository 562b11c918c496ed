//! A result row of either engine, read column by column into the few types the tables keep:
//! integers (BIGINT on PostgreSQL), text, bytes, and each of them or NULL.

use super::value::Value;
use crate::error::{Result, StoreError};

pub enum Row<'a, 'b> {
    Sqlite(&'a rusqlite::Row<'b>),
    Postgres(&'a postgres::Row),
}

impl Row<'_, '_> {
    /// Column `i` (from 0) as `T`; a value of another type is damaged data.
    pub fn get<T: Column>(&self, i: usize) -> Result<T> {
        match self {
            Row::Sqlite(r) => T::from_sqlite(r, i),
            Row::Postgres(r) => T::from_postgres(r, i),
        }
    }
}

/// A type a column is read as.
pub trait Column: Sized {
    fn from_sqlite(row: &rusqlite::Row, i: usize) -> Result<Self>;
    fn from_postgres(row: &postgres::Row, i: usize) -> Result<Self>;
}

fn damaged(i: usize, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("column {i}: {e}"))
}

/// PostgreSQL counts and integer columns are BIGINT; an INTEGER one is read as well.
fn pg_int(row: &postgres::Row, i: usize) -> Result<Option<i64>> {
    let ty = row.columns().get(i).map(|c| c.type_().clone()).ok_or_else(|| damaged(i, "no such column"))?;
    let read = match ty {
        postgres::types::Type::INT4 => row.try_get::<_, Option<i32>>(i).map(|v| v.map(i64::from)),
        postgres::types::Type::INT2 => row.try_get::<_, Option<i16>>(i).map(|v| v.map(i64::from)),
        postgres::types::Type::BOOL => row.try_get::<_, Option<bool>>(i).map(|v| v.map(i64::from)),
        _ => row.try_get::<_, Option<i64>>(i),
    };
    read.map_err(|e| damaged(i, e))
}

impl Column for Option<i64> {
    fn from_sqlite(row: &rusqlite::Row, i: usize) -> Result<Self> {
        row.get(i).map_err(|e| damaged(i, e))
    }
    fn from_postgres(row: &postgres::Row, i: usize) -> Result<Self> {
        pg_int(row, i)
    }
}

impl Column for i64 {
    fn from_sqlite(row: &rusqlite::Row, i: usize) -> Result<Self> {
        row.get(i).map_err(|e| damaged(i, e))
    }
    fn from_postgres(row: &postgres::Row, i: usize) -> Result<Self> {
        pg_int(row, i)?.ok_or_else(|| damaged(i, "NULL where a number was expected"))
    }
}

impl Column for bool {
    fn from_sqlite(row: &rusqlite::Row, i: usize) -> Result<Self> {
        row.get(i).map_err(|e| damaged(i, e))
    }
    fn from_postgres(row: &postgres::Row, i: usize) -> Result<Self> {
        Ok(i64::from_postgres(row, i)? != 0)
    }
}

impl Column for Option<String> {
    fn from_sqlite(row: &rusqlite::Row, i: usize) -> Result<Self> {
        row.get(i).map_err(|e| damaged(i, e))
    }
    fn from_postgres(row: &postgres::Row, i: usize) -> Result<Self> {
        row.try_get(i).map_err(|e| damaged(i, e))
    }
}

impl Column for String {
    fn from_sqlite(row: &rusqlite::Row, i: usize) -> Result<Self> {
        row.get(i).map_err(|e| damaged(i, e))
    }
    fn from_postgres(row: &postgres::Row, i: usize) -> Result<Self> {
        row.try_get(i).map_err(|e| damaged(i, e))
    }
}

impl Column for Option<Vec<u8>> {
    fn from_sqlite(row: &rusqlite::Row, i: usize) -> Result<Self> {
        row.get(i).map_err(|e| damaged(i, e))
    }
    fn from_postgres(row: &postgres::Row, i: usize) -> Result<Self> {
        row.try_get(i).map_err(|e| damaged(i, e))
    }
}

impl Column for Vec<u8> {
    fn from_sqlite(row: &rusqlite::Row, i: usize) -> Result<Self> {
        row.get(i).map_err(|e| damaged(i, e))
    }
    fn from_postgres(row: &postgres::Row, i: usize) -> Result<Self> {
        row.try_get(i).map_err(|e| damaged(i, e))
    }
}

impl Row<'_, '_> {
    /// Column `i` as whatever it holds, for copying a row as it is (a data move): integers
    /// (and PostgreSQL's booleans, as 0 and 1), text, bytes or NULL.
    pub fn value(&self, i: usize) -> Result<Value> {
        match self {
            Row::Sqlite(r) => {
                use rusqlite::types::ValueRef;
                Ok(match r.get_ref(i).map_err(|e| damaged(i, e))? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::Int(n),
                    ValueRef::Text(t) => Value::Text(String::from_utf8(t.to_vec()).map_err(|e| damaged(i, e))?),
                    ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                    ValueRef::Real(_) => return Err(damaged(i, "a real number, which no table keeps")),
                })
            }
            Row::Postgres(r) => {
                use postgres::types::Type;
                let ty = r.columns().get(i).map(|c| c.type_().clone()).ok_or_else(|| damaged(i, "no such column"))?;
                Ok(match ty {
                    Type::INT2 | Type::INT4 | Type::INT8 | Type::BOOL => pg_int(r, i)?.map_or(Value::Null, Value::Int),
                    Type::BYTEA => {
                        r.try_get::<_, Option<Vec<u8>>>(i).map_err(|e| damaged(i, e))?.map_or(Value::Null, Value::Blob)
                    }
                    _ => r.try_get::<_, Option<String>>(i).map_err(|e| damaged(i, e))?.map_or(Value::Null, Value::Text),
                })
            }
        }
    }
}
