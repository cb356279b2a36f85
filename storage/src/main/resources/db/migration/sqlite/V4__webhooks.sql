-- Notifications (issue 5): webhooks per app, and the outbox. A notification is written in the
-- transaction that caused it (a new group, a regression, a triage change, a comment) and fans out
-- there into one pending delivery per webhook that takes it; a worker posts them after commit.

-- events: the wire names of the event types it takes, comma-separated (NewErrorOccurred,...), so
-- that the fan-out is one INSERT ... SELECT over the app's webhooks with instr(). style: raygun,
-- slack, teams.
CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY,
    app_id     INTEGER NOT NULL REFERENCES apps (id),
    url        TEXT    NOT NULL,
    enabled    INTEGER NOT NULL,
    events     TEXT    NOT NULL,
    secret     TEXT    NOT NULL,
    style      TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- The fan-out and the listing of an app's webhooks.
CREATE INDEX webhooks_by_app ON webhooks (app_id);

-- type: the event type's wire name. details: a JSON object of strings (who, the new status, the
-- comment...). No foreign key on event_id: retention deletes events, notifications stay.
CREATE TABLE notifications (
    id       INTEGER PRIMARY KEY,
    app_id   INTEGER NOT NULL REFERENCES apps (id),
    group_id INTEGER NOT NULL REFERENCES error_groups (id),
    event_id INTEGER,
    type     TEXT    NOT NULL,
    details  TEXT    NOT NULL,
    at       INTEGER NOT NULL
);

-- state: pending, delivered, failed. group_id is copied from the notification, so that "the
-- oldest pending delivery of this webhook and group" is one probe of an index.
CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY,
    webhook_id       INTEGER NOT NULL REFERENCES webhooks (id),
    notification_id  INTEGER NOT NULL REFERENCES notifications (id),
    group_id         INTEGER NOT NULL,
    state            TEXT    NOT NULL,
    due_at           INTEGER NOT NULL,
    attempts         INTEGER NOT NULL,
    last_status      INTEGER,
    last_error       TEXT,
    last_duration_ms INTEGER,
    delivered_at     INTEGER
);

-- Partial indexes hold only pending rows, so the worker's poll stays cheap however many
-- deliveries are done: the due ones by time, and the order per (webhook, group).
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (due_at, id) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_pending_by_group
    ON webhook_deliveries (webhook_id, group_id, id) WHERE state = 'pending';

-- A webhook's deliveries, newest first, for the dashboard; also deleting a webhook's deliveries.
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);
