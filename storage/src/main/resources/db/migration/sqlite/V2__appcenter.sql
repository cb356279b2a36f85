-- App Center ingestion: app secrets, install ids, attachments and sessions.

-- Stored lower-case; App Center SDKs send the secret in whatever case it was configured in.
-- Existing apps get a random version-4 GUID, as new apps do.
ALTER TABLE apps ADD COLUMN app_secret TEXT;

UPDATE apps SET app_secret = lower(
    hex(randomblob(4)) || '-'
    || hex(randomblob(2)) || '-'
    || '4' || substr(hex(randomblob(2)), 2) || '-'
    || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-'
    || hex(randomblob(6)));

CREATE UNIQUE INDEX apps_by_app_secret ON apps (app_secret);

-- Appended after the payload, as ADD COLUMN must: reading it walks the payload's overflow pages,
-- which is free where it is read (one event, with its payload) and no listing reads it. Road not
-- taken: rebuilding the table to put it before the blob, which copies every event.
ALTER TABLE events ADD COLUMN install_id TEXT;

-- An attachment names its report by the report's log id (error_id = events.log_id), and is
-- linked to it by a join on read, never by a key written with it: the attachment may arrive
-- before, with or after its report.
CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    app_id        INTEGER NOT NULL REFERENCES apps (id),
    attachment_id TEXT    NOT NULL,
    error_id      TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    file_name     TEXT,
    size          INTEGER NOT NULL,
    received_at   INTEGER NOT NULL,
    data          BLOB    NOT NULL,
    UNIQUE (app_id, attachment_id)
);

CREATE INDEX attachments_by_error_id ON attachments (app_id, error_id);

-- One row per session, so that a retried log counts nothing twice and users are counted exactly.
-- version and day (UTC epoch day) are those of the session's first sighting.
CREATE TABLE sessions (
    app_id     INTEGER NOT NULL REFERENCES apps (id),
    session_id TEXT    NOT NULL,
    version    TEXT    NOT NULL,
    day        INTEGER NOT NULL,
    install_id TEXT,
    crashed    INTEGER NOT NULL,
    PRIMARY KEY (app_id, session_id)
) WITHOUT ROWID;

CREATE INDEX sessions_by_version_day ON sessions (app_id, version, day);
