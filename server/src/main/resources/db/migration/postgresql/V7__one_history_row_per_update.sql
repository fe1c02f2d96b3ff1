-- The change history keeps one row per update, its changed values together as a JSON array of
-- {"Field","OldValue","NewValue"}: one insert per update instead of one per changed value.

CREATE TABLE activity_updates (
    org_id      TEXT   NOT NULL,
    activity_id TEXT   NOT NULL,
    version     BIGINT NOT NULL,
    changed_at  BIGINT NOT NULL,
    changed_by  TEXT   NOT NULL,
    changes     TEXT   NOT NULL,
    PRIMARY KEY (org_id, activity_id, version),
    FOREIGN KEY (org_id, activity_id) REFERENCES activities (org_id, id)
);

CREATE INDEX activity_updates_by_time ON activity_updates (org_id, changed_at);

INSERT INTO activity_updates (org_id, activity_id, version, changed_at, changed_by, changes)
SELECT org_id, activity_id, version, MIN(changed_at), MIN(changed_by),
       json_agg(json_build_object('Field', field, 'OldValue', old_value, 'NewValue', new_value)
                ORDER BY field)::text
  FROM activity_changes
 GROUP BY org_id, activity_id, version;

DROP TABLE activity_changes;
