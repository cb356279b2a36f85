package dev.faultline.protocols.raygun;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.Report;
import java.util.Arrays;

/** The outcome of decoding one Raygun entry: a report to store, or the reason it was refused. */
public sealed interface Decoded {

    /**
     * A valid entry.
     *
     * @param report the normalized report ({@code logId} null, {@code receivedAt} as given)
     * @param original the entry's JSON bytes as sent (for a bulk element, its slice of the body),
     *     to be kept beside the report; not copied, so do not modify it
     */
    record Accepted(Report report, byte[] original) implements Decoded {

        public Accepted {
            requireNonNull(report, "report");
            requireNonNull(original, "original");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Accepted that
                    && report.equals(that.report)
                    && Arrays.equals(original, that.original);
        }

        @Override
        public int hashCode() {
            return 31 * report.hashCode() + Arrays.hashCode(original);
        }

        @Override
        public String toString() {
            return "Accepted[report=" + report + ", original=" + original.length + " bytes]";
        }
    }

    /**
     * An entry that cannot be stored.
     *
     * @param reason the one reason it is counted under
     * @param message what to tell the client, naming the offending field by its JSON path
     */
    record Rejected(DropReason reason, String message) implements Decoded {

        public Rejected {
            requireNonNull(reason, "reason");
            requireNonNull(message, "message");
        }
    }
}
