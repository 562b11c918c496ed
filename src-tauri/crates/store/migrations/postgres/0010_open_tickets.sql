-- Schema version 10 on PostgreSQL: the same as ../0010_open_tickets.sql on SQLite. The open
-- tickets, by state, for Today's reads (`OPEN` in src/tables/tickets.rs says its condition).
CREATE INDEX tickets_open_by_state ON tickets (state)
    WHERE state NOT IN ('cancelled', 'collected', 'returned_unrepaired', 'shipped');
