package dev.faultline.storage.testkit;

import dev.faultline.core.model.App;
import dev.faultline.core.model.GroupStatus;
import dev.faultline.core.store.GroupQuery;
import dev.faultline.core.store.GroupQuery.Sort;
import java.time.Instant;
import java.util.Set;

/**
 * Builds the group queries the contract asks: {@code query(apps).tag("beta").sort(COUNT).build(cursor)}.
 * Defaults: no filter, sorted by last seen, 1000 a page. Not thread-safe.
 */
public final class TestQuery {
    private final Set<Long> appIds;
    private GroupStatus status;
    private Instant seenSince;
    private Instant seenUntil;
    private String version;
    private String tag;
    private String user;
    private String os;
    private String device;
    private String text;
    private Sort sort = Sort.LAST_SEEN;
    private int limit = 1000;

    private TestQuery(Set<Long> appIds) {
        this.appIds = appIds;
    }

    public static TestQuery query(Set<Long> appIds) {
        return new TestQuery(appIds);
    }

    public static TestQuery query(App app) {
        return query(Set.of(app.id()));
    }

    public TestQuery status(GroupStatus status) {
        this.status = status;
        return this;
    }

    public TestQuery seenSince(Instant seenSince) {
        this.seenSince = seenSince;
        return this;
    }

    public TestQuery seenUntil(Instant seenUntil) {
        this.seenUntil = seenUntil;
        return this;
    }

    public TestQuery version(String version) {
        this.version = version;
        return this;
    }

    public TestQuery tag(String tag) {
        this.tag = tag;
        return this;
    }

    public TestQuery user(String user) {
        this.user = user;
        return this;
    }

    public TestQuery os(String os) {
        this.os = os;
        return this;
    }

    public TestQuery device(String device) {
        this.device = device;
        return this;
    }

    public TestQuery text(String text) {
        this.text = text;
        return this;
    }

    public TestQuery sort(Sort sort) {
        this.sort = sort;
        return this;
    }

    public TestQuery limit(int limit) {
        this.limit = limit;
        return this;
    }

    public GroupQuery build(String cursor) {
        return new GroupQuery(
                appIds, status, seenSince, seenUntil, version, tag, user, os, device, text, sort, cursor, limit);
    }

    public int limit() {
        return limit;
    }
}
