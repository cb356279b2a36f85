package dev.faultline.core.grouping;

import static java.util.Objects.requireNonNull;

/**
 * What decides a report's group.
 *
 * @param algorithm the grouping algorithm that made it, such as {@code v1}; groups made by
 *     different algorithms never merge
 * @param hash a stable hex digest of {@code basis}; reports with equal hashes share a group
 * @param basis the human-readable inputs of the hash, for golden tests and debugging
 */
public record Fingerprint(String algorithm, String hash, String basis) {

    public Fingerprint {
        requireNonNull(algorithm, "algorithm");
        requireNonNull(hash, "hash");
        requireNonNull(basis, "basis");
    }
}
