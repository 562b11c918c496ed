-- Schema version 16: the outbox, forms e-mailed to customers through the shop's mail server.
--
-- One row per message: the ticket's or the return's form, as the customer gets it (the
-- recipient, subject and text, the PDF as an attachment), and where it is: queued, being
-- sent by one computer (its claim: `claimed_by`, `claimed_at`), sent, or refused for good
-- (`failed`, with the server's words in `reason`). Each change of state is in the event log,
-- on the ticket or the return. The server's password is never here.

CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER REFERENCES tickets (id),
    return_id   INTEGER REFERENCES return_cases (id),
    -- quotation, collection_notice, shipping_notice, receipt, rma_instructions, … (`MailedForm`).
    form        TEXT    NOT NULL,
    recipient   TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    attachment  TEXT    NOT NULL REFERENCES attachments (sha256),
    file_name   TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    reason      TEXT    NOT NULL DEFAULT '',
    attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- The earliest a message the server could not be reached for is tried again ('' now).
    not_before  TEXT    NOT NULL DEFAULT '',
    claimed_by  TEXT    NOT NULL DEFAULT '',
    claimed_at  TEXT    NOT NULL DEFAULT '',
    queued_at   TEXT    NOT NULL,
    sent_at     TEXT    NOT NULL DEFAULT '',
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    computer    TEXT    NOT NULL DEFAULT '',
    -- A message is of one ticket or one return.
    CHECK ((ticket_id IS NULL) <> (return_id IS NULL))
) STRICT;
CREATE INDEX outbox_by_ticket ON outbox (ticket_id);
CREATE INDEX outbox_by_return ON outbox (return_id);
CREATE INDEX outbox_by_state ON outbox (state);
