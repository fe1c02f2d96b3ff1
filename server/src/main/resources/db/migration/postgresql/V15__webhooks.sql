-- Webhooks (contract section 9): what an organisation subscribes to, the events its changes owe
-- each subscribed webhook (an outbox, written in the change's own transaction), and each attempt
-- to deliver one.
--
-- webhooks.event is LeadSquared's event number; activity_event, from WebhookProperties'
-- ActivityEvent, narrows activity events to one type (NULL: every type). status is LeadSquared's
-- StatusCode: 0 enabled, 1 disabled by hand, 2 disabled after failed_in_a_row failed events.
-- secret is the Standard Webhooks signing key (whsec_...), kept to sign every delivery.

CREATE TABLE webhooks (
    id                TEXT    NOT NULL PRIMARY KEY,
    org_id            TEXT    NOT NULL REFERENCES organisations (id),
    event             INTEGER NOT NULL,
    activity_event    INTEGER,
    description       TEXT    NOT NULL,
    url               TEXT    NOT NULL,
    content_type      TEXT    NOT NULL,
    properties        TEXT,
    custom_headers    TEXT    NOT NULL,
    notify_on_failure BOOLEAN NOT NULL,
    status            INTEGER NOT NULL,
    secret            TEXT    NOT NULL,
    failed_in_a_row   INTEGER NOT NULL,
    created_at        BIGINT  NOT NULL,
    modified_at       BIGINT  NOT NULL
);

CREATE INDEX webhooks_by_org_event ON webhooks (org_id, event);

-- The body of a change's event, once for all the webhooks that get it; removed with the last of
-- its events (no foreign key, so that removing a payload does not search the events).

CREATE TABLE webhook_payloads (
    id         TEXT    NOT NULL PRIMARY KEY,
    org_id     TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);

CREATE INDEX webhook_payloads_by_age ON webhook_payloads (created_at);

-- One row per event per subscribed webhook, small, since its state changes with every attempt. seq
-- orders the events of one subject (the activity or lead they are about): one is delivered only
-- when no earlier one of its subject is pending. id is the webhook-id header, the same on every
-- attempt. state: 0 pending, 1 delivered, 2 failed after its last try. A pending row is claimed by
-- one instance at a time (claimed_until, a lease). The attempt that delivered an event is kept on it
-- (delivered_at, with the answer's status delivered_by and its duration delivered_ms);
-- webhook_attempts keeps the attempts that failed.

CREATE TABLE webhook_events (
    seq           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    org_id        TEXT    NOT NULL,
    webhook_id    TEXT    NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event         INTEGER NOT NULL,
    subject       TEXT    NOT NULL,
    payload_id    TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    state         INTEGER NOT NULL,
    tries         INTEGER NOT NULL,
    next_try_at   BIGINT  NOT NULL,
    claimed_until BIGINT ,
    last_error    TEXT,
    delivered_at  BIGINT ,
    delivered_by  INTEGER,
    delivered_ms  INTEGER
);

CREATE INDEX webhook_events_pending ON webhook_events (seq) WHERE state = 0;
CREATE INDEX webhook_events_by_subject ON webhook_events (webhook_id, subject, seq) WHERE state = 0;
CREATE INDEX webhook_events_by_webhook ON webhook_events (webhook_id, seq);
CREATE INDEX webhook_events_settled ON webhook_events (created_at) WHERE state <> 0;

CREATE TABLE webhook_attempts (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_seq    BIGINT  NOT NULL REFERENCES webhook_events (seq) ON DELETE CASCADE,
    webhook_id   TEXT    NOT NULL,
    attempted_at BIGINT  NOT NULL,
    status_code  INTEGER,
    duration_ms  INTEGER NOT NULL,
    error        TEXT
);

CREATE INDEX webhook_attempts_by_webhook ON webhook_attempts (webhook_id, id);
CREATE INDEX webhook_attempts_by_event ON webhook_attempts (event_seq);
