-- Schema version 9 on PostgreSQL: the same as ../0009_shared_shop.sql on SQLite. Each event
-- names the computer it was made on; attachments' content lives in `attachment_bytes`.

ALTER TABLE events ADD COLUMN computer TEXT NOT NULL DEFAULT '';

CREATE TABLE attachment_bytes (
    sha256 TEXT  PRIMARY KEY REFERENCES attachments (sha256),
    bytes  BYTEA NOT NULL
);

CREATE TRIGGER attachment_bytes_are_never_edited BEFORE UPDATE ON attachment_bytes
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('an attachment is never edited');
CREATE TRIGGER attachment_bytes_are_never_deleted BEFORE DELETE ON attachment_bytes
FOR EACH ROW EXECUTE FUNCTION caseback_refuse('an attachment is never deleted');
CREATE TRIGGER attachment_bytes_are_never_truncated BEFORE TRUNCATE ON attachment_bytes
FOR EACH STATEMENT EXECUTE FUNCTION caseback_refuse('an attachment is never deleted');
