-- Every instant is epoch milliseconds (UTC). Every count is a running total kept by the writer.

CREATE TABLE apps (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT    NOT NULL,
    api_key               TEXT    NOT NULL UNIQUE,
    created_at            INTEGER NOT NULL,
    rate_limit_per_minute INTEGER
);

CREATE TABLE tokens (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    token_hash TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

-- "groups" is an SQL keyword (window frames), hence the longer name.
CREATE TABLE error_groups (
    id               INTEGER PRIMARY KEY,
    app_id           INTEGER NOT NULL REFERENCES apps (id),
    grouping_version TEXT    NOT NULL,
    fingerprint      TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    class_name       TEXT    NOT NULL,
    message          TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    first_seen       INTEGER NOT NULL,
    last_seen        INTEGER NOT NULL,
    occurrences      INTEGER NOT NULL,
    user_count       INTEGER NOT NULL,
    UNIQUE (app_id, grouping_version, fingerprint)
);

-- Keyset paging: the rowid (id) is the implicit last column of each index, so "ORDER BY x DESC, id
-- DESC" walks an index backwards without sorting.
CREATE INDEX error_groups_by_last_seen ON error_groups (app_id, last_seen);
CREATE INDEX error_groups_by_occurrences ON error_groups (app_id, occurrences);
CREATE INDEX error_groups_by_status_last_seen ON error_groups (app_id, status, last_seen);
CREATE INDEX error_groups_by_status_occurrences ON error_groups (app_id, status, occurrences);

-- The blobs come last so that listing events never reads their overflow pages.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    app_id       INTEGER NOT NULL REFERENCES apps (id),
    group_id     INTEGER NOT NULL REFERENCES error_groups (id),
    occurred_at  INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    class_name   TEXT    NOT NULL,
    message      TEXT    NOT NULL,
    version      TEXT,
    user_key     TEXT,
    log_id       TEXT,
    protocol     TEXT    NOT NULL,
    payload_size INTEGER NOT NULL,
    payload      BLOB    NOT NULL
);

CREATE INDEX events_by_group ON events (group_id);
CREATE UNIQUE INDEX events_by_log_id ON events (app_id, log_id) WHERE log_id IS NOT NULL;

CREATE TABLE group_hours (
    group_id    INTEGER NOT NULL REFERENCES error_groups (id),
    hour        INTEGER NOT NULL,
    occurrences INTEGER NOT NULL,
    PRIMARY KEY (group_id, hour)
) WITHOUT ROWID;

CREATE TABLE group_versions (
    group_id    INTEGER NOT NULL REFERENCES error_groups (id),
    version     TEXT    NOT NULL,
    occurrences INTEGER NOT NULL,
    first_seen  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    PRIMARY KEY (group_id, version)
) WITHOUT ROWID;

CREATE TABLE group_users (
    group_id INTEGER NOT NULL REFERENCES error_groups (id),
    user_key TEXT    NOT NULL,
    PRIMARY KEY (group_id, user_key)
) WITHOUT ROWID;

-- No foreign key: reports that matched no app are counted under app 0.
CREATE TABLE drops (
    app_id  INTEGER NOT NULL,
    reason  TEXT    NOT NULL,
    dropped INTEGER NOT NULL,
    PRIMARY KEY (app_id, reason)
) WITHOUT ROWID;
