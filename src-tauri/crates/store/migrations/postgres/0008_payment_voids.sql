-- Schema version 8 on PostgreSQL (../0008_payment_voids.sql on SQLite): a payment in
-- instalments records their number and the bank, and an entry recorded by mistake can be
-- voided.
--
-- Both are records of their own, beside the payment row, which stays as it was taken (its
-- triggers still refuse any change): the account, the receipts and every form leave a
-- voided entry out. One plan and at most one void per entry, never edited or removed.
-- Written so that running it again over its own tables changes nothing, as on SQLite.

CREATE TABLE IF NOT EXISTS payment_plans (
    payment_id  BIGINT PRIMARY KEY REFERENCES payments (id),
    instalments BIGINT NOT NULL CHECK (instalments BETWEEN 2 AND 36),
    bank        TEXT   NOT NULL CHECK (length(trim(bank)) > 0)
);

CREATE TABLE IF NOT EXISTS payment_voids (
    payment_id BIGINT PRIMARY KEY REFERENCES payments (id),
    reason     TEXT   NOT NULL CHECK (length(trim(reason)) > 0),
    voided_on  TEXT   NOT NULL,
    voided_at  TEXT   NOT NULL,
    staff_id   BIGINT NOT NULL REFERENCES staff (id)
);

DROP TRIGGER IF EXISTS payment_plans_are_never_edited ON payment_plans;
CREATE TRIGGER payment_plans_are_never_edited BEFORE UPDATE ON payment_plans
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('an instalment plan is never edited');
DROP TRIGGER IF EXISTS payment_plans_are_never_deleted ON payment_plans;
CREATE TRIGGER payment_plans_are_never_deleted BEFORE DELETE ON payment_plans
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('an instalment plan is never deleted');
DROP TRIGGER IF EXISTS payment_plans_are_never_truncated ON payment_plans;
CREATE TRIGGER payment_plans_are_never_truncated BEFORE TRUNCATE ON payment_plans
FOR EACH STATEMENT EXECUTE FUNCTION caseback_refuse('an instalment plan is never deleted');
DROP TRIGGER IF EXISTS payment_voids_are_never_edited ON payment_voids;
CREATE TRIGGER payment_voids_are_never_edited BEFORE UPDATE ON payment_voids
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('a void is never edited');
DROP TRIGGER IF EXISTS payment_voids_are_never_deleted ON payment_voids;
CREATE TRIGGER payment_voids_are_never_deleted BEFORE DELETE ON payment_voids
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('a void is never deleted');
DROP TRIGGER IF EXISTS payment_voids_are_never_truncated ON payment_voids;
CREATE TRIGGER payment_voids_are_never_truncated BEFORE TRUNCATE ON payment_voids
FOR EACH STATEMENT EXECUTE FUNCTION caseback_refuse('a void is never deleted');

-- A mistake is now put right by voiding it, not by a made-up refund: the triggers say so.
DROP TRIGGER IF EXISTS payments_are_never_edited ON payments;
DROP TRIGGER IF EXISTS payments_are_never_deleted ON payments;
DROP TRIGGER IF EXISTS payments_are_never_truncated ON payments;
CREATE TRIGGER payments_are_never_edited BEFORE UPDATE ON payments
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('a payment is never edited: void it and record it again');
CREATE TRIGGER payments_are_never_deleted BEFORE DELETE ON payments
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('a payment is never deleted: void it instead');
CREATE TRIGGER payments_are_never_truncated BEFORE TRUNCATE ON payments
FOR EACH STATEMENT EXECUTE FUNCTION caseback_refuse('a payment is never deleted: void it instead');
