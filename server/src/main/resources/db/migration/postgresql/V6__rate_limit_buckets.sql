-- Rate-limit budgets shared by every instance (ratelimit.store = database), one row per
-- organisation, class of call and limit; the state is Bucket4j's.

CREATE TABLE rate_limit_buckets (
    id         TEXT   NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
