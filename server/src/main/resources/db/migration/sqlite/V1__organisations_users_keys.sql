-- Tenants, their users and the key pairs the users call with.
-- Times are milliseconds since the epoch, UTC. Ids are lower-case GUID strings.

CREATE TABLE organisations (
    id                             TEXT    NOT NULL PRIMARY KEY,
    short_code                     TEXT    NOT NULL UNIQUE,
    display_name                   TEXT    NOT NULL,
    time_zone                      TEXT    NOT NULL,
    rate_limit_calls               INTEGER,
    rate_limit_window_seconds      INTEGER,
    bulk_rate_limit_calls          INTEGER,
    bulk_rate_limit_window_seconds INTEGER,
    created_at                     INTEGER NOT NULL
);

CREATE TABLE users (
    org_id      TEXT    NOT NULL REFERENCES organisations (id),
    id          TEXT    NOT NULL,
    first_name  TEXT    NOT NULL,
    last_name   TEXT    NOT NULL,
    email       TEXT    NOT NULL,
    email_lower TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    active      INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, email_lower)
);

CREATE TABLE api_keys (
    access_key  TEXT    NOT NULL PRIMARY KEY,
    org_id      TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    secret_hash TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER,
    FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
);

CREATE INDEX api_keys_by_user ON api_keys (org_id, user_id);
