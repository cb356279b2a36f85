package dev.faultline.storage.sqlite;

import dev.faultline.core.ingest.Ingest;

/** An event about to be inserted, with the id the writer chose for it. */
record NewEvent(long id, long groupId, Ingest ingest) {}
