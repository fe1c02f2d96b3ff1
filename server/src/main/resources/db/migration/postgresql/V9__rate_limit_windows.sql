-- Shared budgets are counted per fixed window, one row per budget changed by a single statement
-- (ratelimit/DatabaseWindowStore), instead of Bucket4j's SELECT ... FOR UPDATE, which held the row
-- locked over three round trips and a WAL flush for every call of an organisation.
-- Unlogged: counting a call writes no WAL and waits for no flush; after a crash of PostgreSQL the
-- table is emptied and every budget starts full, which a rate limit can afford.
CREATE UNLOGGED TABLE rate_limit_windows (
    budget       TEXT    NOT NULL PRIMARY KEY,
    window_start BIGINT  NOT NULL,
    calls        INTEGER NOT NULL
);

DROP TABLE rate_limit_buckets;
