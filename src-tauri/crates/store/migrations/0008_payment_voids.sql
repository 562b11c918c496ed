-- Schema version 8: a payment in instalments records their number and the bank, and an
-- entry recorded by mistake can be voided.
--
-- Both are records of their own, beside the payment row, which stays as it was taken (its
-- triggers still refuse any change): the account, the receipts and every form leave a
-- voided entry out. One plan and at most one void per entry, never edited or removed.
-- Written so that running it again over its own tables changes nothing.

CREATE TABLE IF NOT EXISTS payment_plans (
    payment_id  INTEGER PRIMARY KEY REFERENCES payments (id),
    instalments INTEGER NOT NULL CHECK (instalments BETWEEN 2 AND 36),
    bank        TEXT    NOT NULL CHECK (length(trim(bank)) > 0)
) STRICT;

CREATE TABLE IF NOT EXISTS payment_voids (
    payment_id INTEGER PRIMARY KEY REFERENCES payments (id),
    reason     TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
    voided_on  TEXT    NOT NULL,
    voided_at  TEXT    NOT NULL,
    staff_id   INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE TRIGGER IF NOT EXISTS payment_plans_are_never_edited BEFORE UPDATE ON payment_plans
BEGIN SELECT RAISE(ABORT, 'an instalment plan is never edited'); END;
CREATE TRIGGER IF NOT EXISTS payment_plans_are_never_deleted BEFORE DELETE ON payment_plans
BEGIN SELECT RAISE(ABORT, 'an instalment plan is never deleted'); END;
CREATE TRIGGER IF NOT EXISTS payment_voids_are_never_edited BEFORE UPDATE ON payment_voids
BEGIN SELECT RAISE(ABORT, 'a void is never edited'); END;
CREATE TRIGGER IF NOT EXISTS payment_voids_are_never_deleted BEFORE DELETE ON payment_voids
BEGIN SELECT RAISE(ABORT, 'a void is never deleted'); END;

-- A mistake is now put right by voiding it, not by a made-up refund: the triggers say so.
DROP TRIGGER IF EXISTS payments_are_never_edited;
DROP TRIGGER IF EXISTS payments_are_never_deleted;
CREATE TRIGGER payments_are_never_edited BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'a payment is never edited: void it and record it again'); END;
CREATE TRIGGER payments_are_never_deleted BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'a payment is never deleted: void it instead'); END;
