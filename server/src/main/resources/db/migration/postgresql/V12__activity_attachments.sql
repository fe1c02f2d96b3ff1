-- Files attached to activities (ProspectActivity.svc/Attachment/Add), of types that allow them.
-- file_name is the stored name of a file of the same organisation (a URL is fetched first).

CREATE TABLE activity_attachments (
    org_id      TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    activity_id TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    created_by  TEXT    NOT NULL,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, activity_id) REFERENCES activities (org_id, id),
    FOREIGN KEY (org_id, file_name) REFERENCES files (org_id, name)
);

CREATE INDEX activity_attachments_by_activity ON activity_attachments (org_id, activity_id, created_at);
