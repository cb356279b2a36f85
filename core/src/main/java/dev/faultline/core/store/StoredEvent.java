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
 * @param installId the install id that came with the report outside its payload (App Center's
 *     {@code Install-ID} header), or null
 * @param logId the client's id of the report (App Center), or null
 */
public record StoredEvent(
        long id,
        long appId,
        long groupId,
        String protocol,
        Instant receivedAt,
        String installId,
        String logId,
        Payload payload) {}
