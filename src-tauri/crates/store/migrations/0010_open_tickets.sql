-- Schema version 10: the open tickets, by state.
--
-- Today reads the open tickets (how many there are, and those of each of its sections) out
-- of every ticket the shop ever booked, and a shop some years old has a hundred closed ones
-- for each open one. This index holds the open tickets only, so those reads cost what the
-- open tickets do, however many are closed; closing a ticket takes it out. A query uses it
-- by saying its condition word for word (`OPEN` in src/tables/tickets.rs), as a partial
-- index is used on both engines. (If it is there already, from a file taken back to an
-- older version by hand, which keeps its indexes, the upgrade goes on.)
CREATE INDEX tickets_open_by_state ON tickets (state)
    WHERE state NOT IN ('cancelled', 'collected', 'returned_unrepaired', 'shipped');
