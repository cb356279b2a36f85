package dev.faultline.core.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to an error report (App Center {@code errorAttachment}). It is linked to its
 * report by the report's log id, so it may arrive before, with or after the report.
 *
 * @param attachmentId the client's id of the attachment; storing the same id twice changes nothing
 * @param errorId the log id of the report it belongs to
 * @param contentType the media type the client declared
 * @param fileName the file's name, or null
 * @param data the decoded content; not copied, so do not modify it
 */
public record AttachmentUpload(
        long appId,
        String attachmentId,
        String errorId,
        String contentType,
        String fileName,
        byte[] data,
        Instant receivedAt)
        implements IngestItem {

    public AttachmentUpload {
        requireNonNull(attachmentId, "attachmentId");
        requireNonNull(errorId, "errorId");
        requireNonNull(contentType, "contentType");
        requireNonNull(data, "data");
        requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttachmentUpload that
                && appId == that.appId
                && attachmentId.equals(that.attachmentId)
                && errorId.equals(that.errorId)
                && contentType.equals(that.contentType)
                && Objects.equals(fileName, that.fileName)
                && Arrays.equals(data, that.data)
                && receivedAt.equals(that.receivedAt);
    }

    @Override
    public int hashCode() {
        return 31 * attachmentId.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AttachmentUpload[appId=" + appId + ", attachmentId=" + attachmentId + ", errorId=" + errorId
                + ", contentType=" + contentType + ", fileName=" + fileName + ", data=" + data.length + " bytes]";
    }
}
