-- URLs in File fields written with ProcessFilesAsync, each fetched by a job committed with the write
-- that named it. A row is claimed by one instance at a time (claimed_until, a lease that a dead
-- instance lets run out), tried again after a failure at next_try_at, and removed once its file is
-- stored in the field. After its last try it stays, failed, for GetActivityDetails to show.
-- schema_name is the File field, or the sub-field of a custom field set as mx_Custom_4.mx_CustomObject_1.

CREATE TABLE file_fetches (
    id            TEXT    NOT NULL PRIMARY KEY,
    org_id        TEXT    NOT NULL,
    activity_id   TEXT    NOT NULL,
    event_code    INTEGER NOT NULL,
    schema_name   TEXT    NOT NULL,
    url           TEXT    NOT NULL,
    requested_by  TEXT    NOT NULL,
    requested_at  INTEGER NOT NULL,
    tries         INTEGER NOT NULL,
    next_try_at   INTEGER NOT NULL,
    claimed_until INTEGER,
    failed        INTEGER NOT NULL,
    last_error    TEXT,
    FOREIGN KEY (org_id, activity_id) REFERENCES activities (org_id, id)
);

CREATE INDEX file_fetches_due ON file_fetches (next_try_at) WHERE failed = 0;
CREATE INDEX file_fetches_by_activity ON file_fetches (org_id, activity_id);
