package dev.faultline.storage.sqlite;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used groups by {@link GroupKey}, with their triage state, so that an
 * occurrence of a known group costs no query. Correct because groups are never deleted or
 * re-keyed, because every change of triage state in this process goes through the writer and
 * updates the cache in the same transaction, because the writer forgets what a failed transaction
 * changed before anyone else can write, and because the writer empties the cache when another
 * process wrote (see {@link SqliteWriter}). Used only under the writer's lock; not thread-safe.
 */
final class GroupCache {
    private final Map<GroupKey, GroupState> groups;

    GroupCache(int capacity) {
        this.groups = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<GroupKey, GroupState> eldest) {
                return size() > capacity;
            }
        };
    }

    GroupState get(GroupKey key) {
        return groups.get(key);
    }

    void put(GroupKey key, GroupState group) {
        groups.put(key, group);
    }

    void forget(Collection<GroupKey> keys) {
        keys.forEach(groups::remove);
    }

    void clear() {
        groups.clear();
    }
}
