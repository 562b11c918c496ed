//! A statement's parameters, the same for both engines: a column holds an integer, text,
//! bytes or nothing. Booleans are kept as 0 and 1 and dates as text on both, so one SQL
//! text serves both engines wherever their dialects agree.

use postgres::types::{to_sql_checked, IsNull, ToSql as PgToSql, Type};
use rusqlite::types::{ToSql as SqliteToSql, ToSqlOutput};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    Blob(Vec<u8>),
}

/// `vals![a, b, c]`: the parameters `?1`, `?2`, `?3` of a statement, each taken by
/// reference as `rusqlite::params!` takes them.
#[macro_export]
#[doc(hidden)]
macro_rules! vals {
    () => { &[] as &[$crate::sql::Value] };
    ($($v:expr),+ $(,)?) => { &[$($crate::sql::ToValue::to_value(&$v)),+] as &[$crate::sql::Value] };
}

/// What a parameter can be.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

macro_rules! ints {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Int(*self as i64)
            }
        }
    )*};
}
ints!(i64, i32, i16, u32, u16, u8, usize);

impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl<const N: usize> ToValue for [u8; N] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}

impl SqliteToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        use rusqlite::types::ValueRef;
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Text(t) => ValueRef::Text(t.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

/// Written as the column's own type asks: PostgreSQL checks each parameter's type, and a
/// NULL has to fit whatever column it goes to.
impl PgToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) if *ty == Type::INT4 => PgToSql::to_sql(&i32::try_from(*i)?, ty, out),
            Value::Int(i) if *ty == Type::INT2 => PgToSql::to_sql(&i16::try_from(*i)?, ty, out),
            Value::Int(i) if *ty == Type::BOOL => PgToSql::to_sql(&(*i != 0), ty, out),
            Value::Int(i) if *ty == Type::TEXT || *ty == Type::VARCHAR => PgToSql::to_sql(&i.to_string(), ty, out),
            Value::Int(i) => PgToSql::to_sql(i, ty, out),
            Value::Text(t) => PgToSql::to_sql(&t.as_str(), ty, out),
            Value::Blob(b) => PgToSql::to_sql(&b.as_slice(), ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}
