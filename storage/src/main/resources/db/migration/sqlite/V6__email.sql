-- Email notifications (issue 5): each user's choice per app, where the alert sender is, and when
-- each user's last digest went out.

-- A test message of one webhook ("send a test") is a notification too, with its one delivery;
-- test = 1 keeps it out of email alerts.
ALTER TABLE notifications ADD COLUMN test INTEGER NOT NULL DEFAULT 0;

-- One row per user and app with at least one kind of email chosen. Only members of the app's team
-- receive it: the row stays when a membership ends, and counts again if it comes back.
CREATE TABLE email_choices (
    user_id INTEGER NOT NULL REFERENCES users (id),
    app_id  INTEGER NOT NULL REFERENCES apps (id),
    alerts  INTEGER NOT NULL,
    digest  INTEGER NOT NULL,
    PRIMARY KEY (user_id, app_id)
) WITHOUT ROWID;

-- The alert recipients of an app.
CREATE INDEX email_choices_by_app ON email_choices (app_id, user_id);

-- name: 'alerts'. notification_id: the newest notification whose alerts were sent. It starts at
-- the newest notification there is, so that email sends nothing about what happened before.
CREATE TABLE email_cursors (
    name            TEXT    PRIMARY KEY,
    notification_id INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO email_cursors (name, notification_id) SELECT 'alerts', coalesce(max(id), 0) FROM notifications;

CREATE TABLE email_digests (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    sent_at INTEGER NOT NULL
);
