-- Activity types and their custom fields. A field taken off a type is marked removed, never
-- deleted, so that the values stored under it stay (hidden) and come back if it is added again.

CREATE TABLE activity_types (
    org_id                TEXT    NOT NULL REFERENCES organisations (id),
    id                    TEXT    NOT NULL,
    event_code            INTEGER NOT NULL,
    name                  TEXT    NOT NULL,
    name_lower            TEXT    NOT NULL,
    score                 INTEGER NOT NULL,
    description           TEXT    NOT NULL,
    direction             INTEGER NOT NULL,
    track_location        INTEGER NOT NULL CHECK (track_location IN (0, 1)),
    allow_attachments     INTEGER NOT NULL CHECK (allow_attachments IN (0, 1)),
    show_in_activity_grid INTEGER NOT NULL CHECK (show_in_activity_grid IN (0, 1)),
    can_delete_activity   INTEGER NOT NULL CHECK (can_delete_activity IN (0, 1)),
    active                INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at            INTEGER  NOT NULL,
    modified_at           INTEGER  NOT NULL,
    PRIMARY KEY (org_id, id),
    UNIQUE (org_id, event_code),
    UNIQUE (org_id, name_lower)
);

CREATE TABLE activity_fields (
    org_id           TEXT    NOT NULL,
    type_id          TEXT    NOT NULL,
    schema_name      TEXT    NOT NULL,
    display_name     TEXT    NOT NULL,
    data_type        TEXT    NOT NULL,
    mandatory        INTEGER NOT NULL CHECK (mandatory IN (0, 1)),
    show_in_form     INTEGER NOT NULL CHECK (show_in_form IN (0, 1)),
    sequence         INTEGER NOT NULL,
    options          TEXT    NOT NULL,
    multi_select     INTEGER NOT NULL CHECK (multi_select IN (0, 1)),
    max_field_length INTEGER,
    removed          INTEGER NOT NULL CHECK (removed IN (0, 1)),
    PRIMARY KEY (org_id, type_id, schema_name),
    FOREIGN KEY (org_id, type_id) REFERENCES activity_types (org_id, id)
);
