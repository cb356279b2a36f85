package dev.faultline.core.ingest;

/**
 * One thing the writer stores for an app: a report ({@link Ingest}), an App Center attachment
 * ({@link AttachmentUpload}) or a session's start or crash ({@link SessionActivity}). They share
 * the write path, so that a request's items are durable together before it is answered.
 */
public sealed interface IngestItem permits Ingest, AttachmentUpload, SessionActivity {

    long appId();
}
