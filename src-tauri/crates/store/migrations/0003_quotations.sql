-- Schema version 3: assessments, issued quotations (never edited) and the customer's answers.

CREATE TABLE assessments (
    ticket_id     INTEGER PRIMARY KEY REFERENCES tickets (id),
    findings      TEXT    NOT NULL,
    decision_json TEXT    NOT NULL,
    assessed_at   TEXT    NOT NULL,
    staff_id      INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE TABLE quotations (
    id             INTEGER PRIMARY KEY,
    ticket_id      INTEGER NOT NULL REFERENCES tickets (id),
    revision       INTEGER NOT NULL CHECK (revision > 0),
    number         TEXT    NOT NULL UNIQUE,
    quotation_json TEXT    NOT NULL,
    repair_total   INTEGER NOT NULL,
    cosmetic_total INTEGER NOT NULL,
    issued_on      TEXT    NOT NULL,
    valid_through  TEXT    NOT NULL,
    UNIQUE (ticket_id, revision)
) STRICT;

CREATE TRIGGER quotations_are_never_edited BEFORE UPDATE ON quotations
BEGIN
    SELECT RAISE(ABORT, 'an issued quotation is never edited: issue a new revision');
END;

CREATE TABLE quotation_answers (
    quotation_id INTEGER PRIMARY KEY REFERENCES quotations (id),
    accepted     INTEGER NOT NULL CHECK (accepted IN (0, 1)),
    answer_json  TEXT    NOT NULL,
    answered_at  TEXT    NOT NULL,
    staff_id     INTEGER NOT NULL REFERENCES staff (id)
) STRICT;
