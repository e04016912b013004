-- The change feed's wake-up leaves the writing transaction (issue 13, bench/README.md "Change feed").
-- A transaction that calls pg_notify holds a database-wide lock from its pre-commit until its commit
-- record is flushed, so with the V14 trigger every case write committed one at a time. The service
-- now announces committed events itself, after the commit and coalesced per replica
-- (platform/persistence/DatabaseNotifications#announce); readers still re-read every 250 ms, which
-- also covers events written while a replica of the previous version runs.
DROP TRIGGER event_committed ON event;
DROP FUNCTION event_committed();
