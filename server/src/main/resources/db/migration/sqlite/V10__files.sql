-- Files uploaded or fetched for an organisation. name is generated (never the client's name) and
-- is what File fields hold; original_name is the client's, cleaned, kept for display and
-- Content-Disposition. content holds the bytes when files.store is database, and is NULL when they
-- live in files.directory. Temporary files (FileStorageType 1) expire at expires_at.

CREATE TABLE files (
    org_id        TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    original_name TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    size_bytes    INTEGER NOT NULL,
    sha256        TEXT    NOT NULL,
    file_type     INTEGER NOT NULL,
    entity        INTEGER NOT NULL,
    event_code    INTEGER,
    schema_name   TEXT    NOT NULL,
    expires_at    INTEGER,
    created_at    INTEGER NOT NULL,
    created_by    TEXT    NOT NULL,
    content       BLOB,
    PRIMARY KEY (org_id, name)
);

CREATE INDEX files_expiring ON files (expires_at) WHERE expires_at IS NOT NULL;
