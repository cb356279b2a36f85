package dev.faultline.core.store;

import dev.faultline.core.ingest.Payload;
import dev.faultline.core.model.Report;

/** One stored report in full: the normalized report and the payload the SDK sent. */
public record StoredEvent(long id, long appId, long groupId, Report report, Payload payload) {}
