package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestReport.T0;

import dev.faultline.core.ingest.AttachmentUpload;
import dev.faultline.core.model.App;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds the attachments the contract writes: {@code attachment("a1").of("log-1").upload(app)}.
 * Defaults: error id {@code log-1}, {@code text/plain}, no file name, received at {@link
 * TestReport#T0}, and the content {@code "content of <id>"}. Not thread-safe; make one per
 * attachment.
 */
public final class TestAttachment {
    private final String attachmentId;
    private String errorId = "log-1";
    private String contentType = "text/plain";
    private String fileName;
    private byte[] data;
    private Instant receivedAt = T0;

    private TestAttachment(String attachmentId) {
        this.attachmentId = attachmentId;
    }

    public static TestAttachment attachment(String attachmentId) {
        return new TestAttachment(attachmentId);
    }

    /** Attached to the report with this log id. */
    public TestAttachment of(String errorId) {
        this.errorId = errorId;
        return this;
    }

    public TestAttachment contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    public TestAttachment fileName(String fileName) {
        this.fileName = fileName;
        return this;
    }

    public TestAttachment data(byte[] data) {
        this.data = data.clone();
        return this;
    }

    public TestAttachment data(String text) {
        return data(text.getBytes(StandardCharsets.UTF_8));
    }

    public TestAttachment receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    public AttachmentUpload upload(App app) {
        return upload(app.id());
    }

    public AttachmentUpload upload(long appId) {
        byte[] content = data != null ? data : ("content of " + attachmentId).getBytes(StandardCharsets.UTF_8);
        return new AttachmentUpload(appId, attachmentId, errorId, contentType, fileName, content, receivedAt);
    }
}
