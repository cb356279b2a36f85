package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.AttachmentUpload;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.SessionActivity;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.Report;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.InstanceJson;
import dev.faultline.core.store.Store.DropKey;
import dev.faultline.storage.internal.BatchCounters;
import dev.faultline.storage.sqlite.ReopenGroups.Regression;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digest of one batch, inside the writer's transaction: skips duplicate reports, finds or
 * creates each report's group, applies its triage state (a report of a discarding group is dropped,
 * one that reopens a resolved group regresses it), inserts the events, then adds up the counters
 * once per group, hour, version, user and facet; attachments and sessions are written in a JDBC
 * batch each. A new group or a regression writes a notification to the outbox, in the same
 * transaction; other reports write none. Used once, under the writer's lock; not thread-safe.
 */
final class WriteBatch {
    private static final Stored SESSION = new Stored(0, 0, false, false);

    private final StatementCache statements;
    private final GroupCache groupCache;
    private final List<GroupKey> createdGroups = new ArrayList<>();
    private final List<GroupKey> reopenedGroups = new ArrayList<>();
    private final List<Regression> regressions = new ArrayList<>();
    private final Map<DropKey, Long> discarded = new HashMap<>();
    private final Map<LogKey, Stored> logged = new HashMap<>();
    private final List<NewEvent> events = new ArrayList<>();
    private final BatchCounters counters = new BatchCounters();
    private final List<NewNotification> notifications = new ArrayList<>();
    private Instant now;
    private long nextEventId;

    WriteBatch(StatementCache statements, GroupCache groupCache) {
        this.statements = statements;
        this.groupCache = groupCache;
    }

    List<Stored> run(List<? extends IngestItem> batch) {
        now = Instant.now();
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
        run(new UpsertGroupFacets(counters.facets()));
        run(new ReopenGroups(regressions, now));
        run(new InsertNotifications(notifications));
        if (!discarded.isEmpty()) {
            run(new UpsertDrops(discarded));
        }
        boolean[] inserted = run(new InsertAttachments(attachments));
        for (int i = 0; i < inserted.length; i++) {
            results[attachmentPositions.get(i)] = new Stored(0, 0, false, !inserted[i]);
        }
        run(new UpsertSessions(sessions));
        return List.of(results);
    }

    /**
     * Takes in one report: a duplicate of an earlier one, a report its group discards, or a new
     * event of its group, which may reopen it.
     */
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
        GroupKey key = GroupKey.of(ingest);
        int createdBefore = createdGroups.size();
        GroupState group = findOrCreateGroup(key, ingest, seen);
        boolean newGroup = createdGroups.size() > createdBefore;
        if (group.discards()) {
            discarded.merge(new DropKey(ingest.appId(), DropReason.DISCARDED), 1L, Long::sum);
            return new Stored(0, group.id(), false, false, false, true);
        }
        boolean regressed = group.reopenedBy(report.version());
        if (regressed) {
            // the cache now says active, so that only the batch's first report of the group regresses
            groupCache.put(key, GroupState.active(group.id()));
            reopenedGroups.add(key);
            regressions.add(new Regression(group.id(), report.version()));
        }
        long eventId = nextEventId++;
        events.add(new NewEvent(eventId, group.id(), ingest));
        if (newGroup || regressed) {
            EventType type = newGroup ? EventType.NEW_ERROR_OCCURRED : EventType.ERROR_REOCCURRED;
            notifications.add(new NewNotification(
                    ingest.appId(),
                    group.id(),
                    eventId,
                    type,
                    Map.of(InstanceJson.DETAIL, InstanceJson.of(report)),
                    now));
        }
        counters.add(group.id(), seen, report);
        if (logKey != null) {
            logged.put(logKey, new Stored(eventId, group.id(), false, true));
        }
        return new Stored(eventId, group.id(), newGroup, false, regressed, false);
    }

    private GroupState findOrCreateGroup(GroupKey key, Ingest ingest, long seen) {
        GroupState cached = groupCache.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<GroupState> found = run(new SelectGroupState(key));
        GroupState group;
        if (found.isPresent()) {
            group = found.get();
        } else {
            group = GroupState.active(run(new InsertGroup(key, ingest.report().error(), seen)));
            createdGroups.add(key);
        }
        groupCache.put(key, group);
        return group;
    }

    /**
     * The groups whose cached state this batch changed (created or reopened); to be forgotten by
     * the cache when it rolls back.
     */
    List<GroupKey> changedGroups() {
        List<GroupKey> changed = new ArrayList<>(createdGroups);
        changed.addAll(reopenedGroups);
        return changed;
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
