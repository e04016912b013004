-- A migration slower than the 2 s socketTimeout of every connection (MigrationTimeoutTest).
SELECT pg_sleep(3);
