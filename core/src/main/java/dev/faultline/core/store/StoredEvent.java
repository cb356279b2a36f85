package dev.faultline.core.store;

import dev.faultline.core.ingest.Payload;
import java.time.Instant;

/**
 * One stored report in full: the payload its SDK sent, with what is needed to normalize it again.
 * The normalized {@link dev.faultline.core.model.Report} is not stored; the protocol's decoder
 * derives it from the payload on read, so the write path encodes nothing twice.
 *
 * @param protocol the wire format of the payload, as {@link dev.faultline.core.model.Report#protocol()}
 * @param receivedAt when the server accepted it
 */
public record StoredEvent(long id, long appId, long groupId, String protocol, Instant receivedAt, Payload payload) {}
