package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.Ingest;
import dev.faultline.core.ingest.Payload;

/**
 * An event about to be inserted, with the id the writer chose for it.
 *
 * @param report the normalized report, encoded by {@link dev.faultline.storage.internal.ReportCodec}
 */
record NewEvent(long id, long groupId, Ingest ingest, Payload report) {}
