package dev.faultline.core.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param next an opaque cursor for the following page, or null on the last page
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}
