-- Schema version 9: a shop several computers share.
--
-- Each event says which computer it was made on (the counter, the bench), beside who made
-- it. Events from before this version were all made on the one computer there was: ''.
--
-- A shop on a shared database keeps its photos, scans and videos in the database, so every
-- computer has them: `attachment_bytes` holds each attachment's content by its hash. A shop
-- in a data folder keeps them as files there (this table stays empty); moving the shop from
-- one to the other moves them between the two.

ALTER TABLE events ADD COLUMN computer TEXT NOT NULL DEFAULT '';

CREATE TABLE attachment_bytes (
    sha256 TEXT PRIMARY KEY REFERENCES attachments (sha256),
    bytes  BLOB NOT NULL
) STRICT;

CREATE TRIGGER attachment_bytes_are_never_edited BEFORE UPDATE ON attachment_bytes
BEGIN SELECT RAISE(ABORT, 'an attachment is never edited'); END;
CREATE TRIGGER attachment_bytes_are_never_deleted BEFORE DELETE ON attachment_bytes
BEGIN SELECT RAISE(ABORT, 'an attachment is never deleted'); END;
