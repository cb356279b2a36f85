-- Follow-ups (issue 5): one row per group whose follow-up sequence runs, written with the
-- NewErrorOccurred or ErrorReoccurred that starts it (replacing a running one), moved on by each
-- follow-up sent and deleted when the sequence ends. step: the index of the next follow-up (0 is
-- the one-minute one). occurrences: the group's count when the previous message of the sequence
-- was written, so that "a report since" is a comparison with the group's counter, which neither
-- retention nor the clock changes.
CREATE TABLE follow_ups (
    group_id    INTEGER PRIMARY KEY REFERENCES error_groups (id),
    app_id      INTEGER NOT NULL REFERENCES apps (id),
    started_at  INTEGER NOT NULL,
    step        INTEGER NOT NULL,
    next_at     INTEGER NOT NULL,
    occurrences INTEGER NOT NULL
);

-- The scheduler's poll: the sequences due by now.
CREATE INDEX follow_ups_due ON follow_ups (next_at);
