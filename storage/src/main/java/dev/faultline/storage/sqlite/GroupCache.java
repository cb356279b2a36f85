package dev.faultline.storage.sqlite;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Group ids by {@link GroupKey}, the most recently used ones, so that an occurrence of a known
 * group costs no query. Correct because groups are never deleted or re-keyed, and because the
 * writer forgets the groups a failed transaction created before anyone else can write. Used only
 * under the writer's lock; not thread-safe.
 */
final class GroupCache {
    private final Map<GroupKey, Long> ids;

    GroupCache(int capacity) {
        this.ids = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<GroupKey, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    Long get(GroupKey key) {
        return ids.get(key);
    }

    void put(GroupKey key, long groupId) {
        ids.put(key, groupId);
    }

    void forget(Collection<GroupKey> keys) {
        keys.forEach(ids::remove);
    }
}
