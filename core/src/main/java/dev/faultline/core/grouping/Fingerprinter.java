package dev.faultline.core.grouping;

import dev.faultline.core.model.Report;

/**
 * Computes the group a report belongs to. Implementations are pure functions and thread-safe. An
 * algorithm, once released, is never changed in place: a different grouping is a new algorithm
 * with a new {@link #algorithm()} name, added beside the old one.
 */
public interface Fingerprinter {

    /** The name recorded on every group this algorithm makes, such as {@code v1}. */
    String algorithm();

    Fingerprint fingerprint(Report report);
}
