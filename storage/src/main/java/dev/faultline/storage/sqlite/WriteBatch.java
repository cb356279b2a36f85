package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.AttachmentUpload;
import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.SessionActivity;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.Report;
import dev.faultline.storage.internal.BatchCounters;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The digest of one batch, inside the writer's transaction: skips duplicate reports, finds or
 * creates each report's group, inserts the events, then adds up the counters once per group, hour,
 * version and user; attachments and sessions are written in a JDBC batch each. Used once, under the
 * writer's lock; not thread-safe.
 */
final class WriteBatch {
    private static final Stored SESSION = new Stored(0, 0, false, false);

    private final StatementCache statements;
    private final GroupCache groupCache;
    private final List<GroupKey> createdGroups = new ArrayList<>();
    private final Map<LogKey, Stored> logged = new HashMap<>();
    private final List<NewEvent> events = new ArrayList<>();
    private final BatchCounters counters = new BatchCounters();
    private long nextEventId;

    WriteBatch(StatementCache statements, GroupCache groupCache) {
        this.statements = statements;
        this.groupCache = groupCache;
    }

    List<Stored> run(List<? extends IngestItem> batch) {
        nextEventId = run(new SelectNextEventId());
        Stored[] results = new Stored[batch.size()];
        List<AttachmentUpload> attachments = new ArrayList<>();
        List<Integer> attachmentPositions = new ArrayList<>();
        List<SessionActivity> sessions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            switch (batch.get(i)) {
                case Ingest ingest -> results[i] = add(ingest);
                case AttachmentUpload attachment -> {
                    attachments.add(attachment);
                    attachmentPositions.add(i);
                }
                case SessionActivity session -> {
                    sessions.add(session);
                    results[i] = SESSION;
                }
            }
        }
        run(new InsertEvents(events));
        run(new InsertGroupUsers(counters.users())).forEach(counters::newUser);
        run(new UpdateGroupCounters(counters.groups()));
        run(new UpsertGroupHours(counters.hours()));
        run(new UpsertGroupVersions(counters.versions()));
        boolean[] inserted = run(new InsertAttachments(attachments));
        for (int i = 0; i < inserted.length; i++) {
            results[attachmentPositions.get(i)] = new Stored(0, 0, false, !inserted[i]);
        }
        run(new UpsertSessions(sessions));
        return List.of(results);
    }

    /** Takes in one report: a duplicate of an earlier one, or a new event of its group. */
    private Stored add(Ingest ingest) {
        Report report = ingest.report();
        LogKey logKey = report.logId() == null ? null : new LogKey(ingest.appId(), report.logId());
        if (logKey != null) {
            Stored earlier = logged.get(logKey);
            if (earlier == null) {
                earlier = run(new SelectLoggedEvent(ingest.appId(), report.logId()))
                        .orElse(null);
            }
            if (earlier != null) {
                logged.put(logKey, earlier);
                return earlier;
            }
        }
        long seen = BatchCounters.seen(report);
        int createdBefore = createdGroups.size();
        long groupId = findOrCreateGroup(ingest, seen);
        boolean newGroup = createdGroups.size() > createdBefore;
        long eventId = nextEventId++;
        events.add(new NewEvent(eventId, groupId, ingest));
        counters.add(groupId, seen, report.version(), report.userKey());
        if (logKey != null) {
            logged.put(logKey, new Stored(eventId, groupId, false, true));
        }
        return new Stored(eventId, groupId, newGroup, false);
    }

    private long findOrCreateGroup(Ingest ingest, long seen) {
        GroupKey key = GroupKey.of(ingest);
        Long cached = groupCache.get(key);
        if (cached != null) {
            return cached;
        }
        OptionalLong found = run(new SelectGroupId(key));
        long groupId;
        if (found.isPresent()) {
            groupId = found.getAsLong();
        } else {
            groupId = run(new InsertGroup(key, ingest.report().error(), seen));
            createdGroups.add(key);
        }
        groupCache.put(key, groupId);
        return groupId;
    }

    /** The groups this batch created; to be forgotten by the cache when it rolls back. */
    List<GroupKey> createdGroups() {
        return createdGroups;
    }

    private <T> T run(WriteStatement<T> statement) {
        try {
            return statement.execute(statements);
        } catch (SQLException e) {
            throw new SqliteException(statement, e);
        }
    }

    private record LogKey(long appId, String logId) {}
}
