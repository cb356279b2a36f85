package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.Ingest;

/**
 * An event about to be inserted, with the id the writer chose for it.
 *
 * @param position the ingest's position in its batch, which is where its encoded report is found
 */
record NewEvent(long id, long groupId, Ingest ingest) {}
