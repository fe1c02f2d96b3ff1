-- Activities posted on leads. Custom field values are a JSON object of strings by schema name;
-- values of fields since taken off the type stay in it, hidden. version counts the changes.

CREATE TABLE activities (
    org_id       TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    lead_id      TEXT    NOT NULL,
    type_id      TEXT    NOT NULL,
    event_code   INTEGER NOT NULL,
    score        INTEGER NOT NULL,
    note         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    owner_id     TEXT    NOT NULL,
    field_values TEXT    NOT NULL,
    activity_at  BIGINT  NOT NULL,
    created_at   BIGINT  NOT NULL,
    created_by   TEXT    NOT NULL,
    modified_at  BIGINT  NOT NULL,
    modified_by  TEXT    NOT NULL,
    version      BIGINT  NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, lead_id) REFERENCES leads (org_id, id),
    FOREIGN KEY (org_id, type_id) REFERENCES activity_types (org_id, id)
);

CREATE INDEX activities_by_lead ON activities (org_id, lead_id, activity_at, id);
CREATE INDEX activities_by_event ON activities (org_id, event_code, modified_at, id);
