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
    track_location        BOOLEAN NOT NULL,
    allow_attachments     BOOLEAN NOT NULL,
    show_in_activity_grid BOOLEAN NOT NULL,
    can_delete_activity   BOOLEAN NOT NULL,
    active                BOOLEAN NOT NULL,
    created_at            BIGINT  NOT NULL,
    modified_at           BIGINT  NOT NULL,
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
    mandatory        BOOLEAN NOT NULL,
    show_in_form     BOOLEAN NOT NULL,
    sequence         INTEGER NOT NULL,
    options          TEXT    NOT NULL,
    multi_select     BOOLEAN NOT NULL,
    max_field_length INTEGER,
    removed          BOOLEAN NOT NULL,
    PRIMARY KEY (org_id, type_id, schema_name),
    FOREIGN KEY (org_id, type_id) REFERENCES activity_types (org_id, id)
);
