-- One row per value an update changed: the activity's change history. version is the activity's
-- version that the update made.

CREATE TABLE activity_changes (
    org_id      TEXT    NOT NULL,
    activity_id TEXT    NOT NULL,
    version     INTEGER  NOT NULL,
    field       TEXT    NOT NULL,
    old_value   TEXT    NOT NULL,
    new_value   TEXT    NOT NULL,
    changed_at  INTEGER  NOT NULL,
    changed_by  TEXT    NOT NULL,
    PRIMARY KEY (org_id, activity_id, version, field),
    FOREIGN KEY (org_id, activity_id) REFERENCES activities (org_id, id)
);

CREATE INDEX activity_changes_by_time ON activity_changes (org_id, changed_at);
