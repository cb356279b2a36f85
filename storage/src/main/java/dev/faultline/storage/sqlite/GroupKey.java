package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.Ingest;

/** What identifies a group: the app, the grouping algorithm and the fingerprint hash. */
record GroupKey(long appId, String algorithm, String hash) {

    static GroupKey of(Ingest ingest) {
        return new GroupKey(
                ingest.appId(),
                ingest.fingerprint().algorithm(),
                ingest.fingerprint().hash());
    }
}
