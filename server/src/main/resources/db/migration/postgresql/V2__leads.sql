-- Leads. Attributes that are searched on have columns; the others are a JSON object of strings.

CREATE TABLE leads (
    org_id      TEXT    NOT NULL REFERENCES organisations (id),
    id          TEXT    NOT NULL,
    first_name  TEXT,
    last_name   TEXT,
    email       TEXT,
    email_lower TEXT,
    phone       TEXT,
    owner_id    TEXT,
    attributes  TEXT    NOT NULL,
    score       BIGINT  NOT NULL,
    created_at  BIGINT  NOT NULL,
    created_by  TEXT    NOT NULL,
    modified_at BIGINT  NOT NULL,
    modified_by TEXT    NOT NULL,
    PRIMARY KEY (org_id, id)
);

CREATE UNIQUE INDEX leads_by_email ON leads (org_id, email_lower);
CREATE INDEX leads_by_phone ON leads (org_id, phone);
