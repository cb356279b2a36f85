package dev.faultline.protocols.appcenter;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.Report;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** The outcome of decoding one log of an App Center batch. */
public sealed interface AppCenterLog {

    /** The log's {@code type} as sent, or null when it had none. */
    String type();

    /**
     * An error log ({@code managedError}, {@code appleError}, {@code handledError}) as a report.
     *
     * @param original the log's JSON bytes as sent (its slice of the body); not copied
     * @param sessionId the session it happened in ({@code sid}), or null
     * @param crashed whether it is a fatal crash ({@code fatal: true} on a managed or Apple error)
     */
    record ErrorReport(String type, Report report, byte[] original, String sessionId, boolean crashed)
            implements AppCenterLog {

        public ErrorReport {
            requireNonNull(report, "report");
            requireNonNull(original, "original");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ErrorReport that
                    && type.equals(that.type)
                    && report.equals(that.report)
                    && Arrays.equals(original, that.original)
                    && Objects.equals(sessionId, that.sessionId)
                    && crashed == that.crashed;
        }

        @Override
        public int hashCode() {
            return 31 * report.hashCode() + Arrays.hashCode(original);
        }

        @Override
        public String toString() {
            return "ErrorReport[type=" + type + ", report=" + report + ", original=" + original.length
                    + " bytes, sessionId=" + sessionId + ", crashed=" + crashed + "]";
        }
    }

    /**
     * An {@code errorAttachment}.
     *
     * @param id the log's id, or one derived from its content when it had none (so that a retry
     *     is still recognised)
     * @param data the decoded content; not copied
     */
    record Attachment(String type, String id, String errorId, String contentType, String fileName, byte[] data)
            implements AppCenterLog {

        public Attachment {
            requireNonNull(id, "id");
            requireNonNull(errorId, "errorId");
            requireNonNull(contentType, "contentType");
            requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that
                    && id.equals(that.id)
                    && errorId.equals(that.errorId)
                    && contentType.equals(that.contentType)
                    && Objects.equals(fileName, that.fileName)
                    && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return 31 * id.hashCode() + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Attachment[id=" + id + ", errorId=" + errorId + ", contentType=" + contentType + ", fileName="
                    + fileName + ", data=" + data.length + " bytes]";
        }
    }

    /**
     * A {@code startSession}: a session to count.
     *
     * @param version the application version, as {@link Report#version()} would name it
     */
    record SessionStart(String type, String sessionId, String version, Instant at) implements AppCenterLog {

        public SessionStart {
            requireNonNull(sessionId, "sessionId");
            requireNonNull(version, "version");
            requireNonNull(at, "at");
        }
    }

    /**
     * A valid log that Faultline accepts and does not keep: {@code startService}, {@code
     * distributionStartSession}, {@code event}, {@code page}, {@code pushInstallation}.
     */
    record Accepted(String type) implements AppCenterLog {}

    /** A log that was dropped, with the one reason it is counted under and what was wrong. */
    record Rejected(String type, DropReason reason, String message) implements AppCenterLog {

        public Rejected {
            requireNonNull(reason, "reason");
            requireNonNull(message, "message");
        }
    }
}
