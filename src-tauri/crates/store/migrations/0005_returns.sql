-- Schema version 5: return cases and the RMA codes issued to them.

CREATE TABLE return_cases (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER REFERENCES customers (id),
    state          TEXT    NOT NULL,
    order_number   TEXT    NOT NULL DEFAULT '',
    -- What lists show: the product, or the sender of a package nobody asked to return.
    item           TEXT    NOT NULL DEFAULT '',
    rma_code       TEXT    UNIQUE,
    case_json      TEXT    NOT NULL,
    next_deadline  TEXT,
    -- Folded text (code, order number, customer, product, sender) for search.
    haystack       TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    staff_id       INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX return_cases_by_deadline ON return_cases (next_deadline, id);
CREATE INDEX return_cases_by_state ON return_cases (state, next_deadline);

-- Every RMA code ever issued. AUTOINCREMENT never hands out a sequence number twice, and
-- rows are never changed or removed: a code stays spent even when its return is cancelled.
CREATE TABLE rma_codes (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    code      TEXT    NOT NULL UNIQUE,
    return_id INTEGER NOT NULL REFERENCES return_cases (id),
    issued_at TEXT    NOT NULL
) STRICT;

CREATE TRIGGER rma_codes_are_never_edited BEFORE UPDATE ON rma_codes
BEGIN SELECT RAISE(ABORT, 'an RMA code is never changed or reused'); END;
CREATE TRIGGER rma_codes_are_never_deleted BEFORE DELETE ON rma_codes
BEGIN SELECT RAISE(ABORT, 'an RMA code is never changed or reused'); END;
