-- The dashboard: accounts (users, teams, sign-in sessions, one-time links), apps owned by teams,
-- rotated keys, triage (status, resolved-in-version, assignee, discarding, history) and what the
-- group listing filters on (operating systems, devices, tags, versions, users).

-- ---- accounts

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

-- email is stored lower-case, so that UNIQUE compares addresses ignoring case. password_hash is
-- null until the user has chosen a password (a user made by the CLI follows a link first).
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    password_hash TEXT,
    admin         INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE memberships (
    team_id INTEGER NOT NULL REFERENCES teams (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    role    TEXT    NOT NULL,
    PRIMARY KEY (team_id, user_id)
) WITHOUT ROWID;

-- A user's teams, on every signed-in request.
CREATE INDEX memberships_by_user ON memberships (user_id);

-- Only hashes of the cookie's token are stored, so a copy of the file signs nobody in.
CREATE TABLE web_sessions (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Signing a user out everywhere, and deleting their expired sessions when they sign in again.
CREATE INDEX web_sessions_by_user ON web_sessions (user_id);

-- One-time links of every kind (kind: setup, invite, set_password); which columns are set depends
-- on the kind. used_at is set once, by an UPDATE that also requires it to be null, so that two
-- clicks cannot both use a link.
CREATE TABLE invites (
    token_hash TEXT    PRIMARY KEY,
    kind       TEXT    NOT NULL,
    email      TEXT,
    user_id    INTEGER REFERENCES users (id),
    team_id    INTEGER REFERENCES teams (id),
    role       TEXT,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) WITHOUT ROWID;

CREATE INDEX invites_by_team ON invites (team_id, created_at);

-- Null for an instance-wide token (made by the CLI without a user).
ALTER TABLE tokens ADD COLUMN user_id INTEGER REFERENCES users (id);

-- ---- apps

-- Nullable only because ADD COLUMN cannot add a NOT NULL column with a foreign key; every app is
-- created with a team. Road not taken: rebuilding apps to declare NOT NULL, which means dropping
-- and renaming a table that four others reference.
ALTER TABLE apps ADD COLUMN team_id INTEGER REFERENCES teams (id);

-- Days an app's events are kept; null keeps them forever.
ALTER TABLE apps ADD COLUMN retention_days INTEGER;

-- Apps made before teams existed go to a team named "Default", as old as the oldest app. Without
-- apps there is no such team: the first team is then whatever the first administrator names.
INSERT INTO teams (name, created_at)
    SELECT 'Default', (SELECT min(created_at) FROM apps) WHERE EXISTS (SELECT 1 FROM apps);

UPDATE apps SET team_id = (SELECT id FROM teams WHERE name = 'Default');

CREATE INDEX apps_by_team ON apps (team_id);

-- Keys and secrets rotated out, which keep identifying their app until expires_at (so that SDKs
-- in the field can be updated). kind: api_key or app_secret; secrets lower-case, as in apps.
-- The primary key makes one retired value name one app; rows past expires_at match nothing and
-- are deleted when an app's keys change.
CREATE TABLE retired_keys (
    kind       TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    app_id     INTEGER NOT NULL REFERENCES apps (id),
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;

CREATE INDEX retired_keys_by_app ON retired_keys (app_id);

-- ---- triage

-- resolved_in_version: with status 'resolved', only reports of this version or a later one
-- reopen the group (versions compare in Java, Versions.compare, not in SQL). discard_new: with
-- status 'permanently_ignored', new reports are dropped unstored. The writer caches all three
-- per group, so the write path reads none of them per report.
ALTER TABLE error_groups ADD COLUMN resolved_in_version TEXT;
ALTER TABLE error_groups ADD COLUMN assignee_id INTEGER REFERENCES users (id);
ALTER TABLE error_groups ADD COLUMN discard_new INTEGER NOT NULL DEFAULT 0;

-- Every sort of the listing walks an index, with and without a status, as in V1: the id is the
-- implicit last column, so "ORDER BY x DESC, id DESC" reads an index backwards and stops at the
-- page's end. first_seen and user_count change far less often than last_seen and occurrences,
-- so these four cost the write path little.
CREATE INDEX error_groups_by_first_seen ON error_groups (app_id, first_seen);
CREATE INDEX error_groups_by_user_count ON error_groups (app_id, user_count);
CREATE INDEX error_groups_by_status_first_seen ON error_groups (app_id, status, first_seen);
CREATE INDEX error_groups_by_status_user_count ON error_groups (app_id, status, user_count);

-- A group's history. No foreign keys on actor_id and assignee_id: history outlives accounts.
-- actor_name is copied (the email, or a token's name) for the same reason. kind: status_changed,
-- assigned, commented, regressed; which columns are set depends on the kind.
CREATE TABLE group_activity (
    id                  INTEGER PRIMARY KEY,
    group_id            INTEGER NOT NULL REFERENCES error_groups (id),
    at                  INTEGER NOT NULL,
    kind                TEXT    NOT NULL,
    actor_id            INTEGER,
    actor_name          TEXT,
    status              TEXT,
    resolved_in_version TEXT,
    assignee_id         INTEGER,
    text                TEXT
);

CREATE INDEX group_activity_by_group ON group_activity (group_id);

-- ---- what the listing filters on

-- Occurrences per operating system name (facet 'os'), device model ('device') and tag ('tag') of
-- each group, written once per batch per row like group_versions. One table for the three rather
-- than one each: the same upsert, the same filter and the same breakdown query serve all three.
-- The primary key serves a group's breakdowns; the index serves the filters ("groups with a
-- report from Android": id IN (SELECT group_id ... WHERE facet = ? AND value = ?)).
CREATE TABLE group_facets (
    group_id    INTEGER NOT NULL REFERENCES error_groups (id),
    facet       TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    occurrences INTEGER NOT NULL,
    PRIMARY KEY (group_id, facet, value)
) WITHOUT ROWID;

CREATE INDEX group_facets_by_value ON group_facets (facet, value, group_id);

-- The version and user filters, likewise. Each row is written once, when a group first sees the
-- version or the user; later reports only update group_versions' counters, which these leave alone.
CREATE INDEX group_versions_by_version ON group_versions (version, group_id);
CREATE INDEX group_users_by_user ON group_users (user_key, group_id);
