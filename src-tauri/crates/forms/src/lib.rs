//! Caseback's printable forms, drawn with printpdf from domain values.
