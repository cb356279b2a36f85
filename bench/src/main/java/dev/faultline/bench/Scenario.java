package dev.faultline.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What to send to a target: request templates and the order in which every connection cycles through them
 * ({@code schedule} holds indexes into {@code templates}). A new wire format (App Center: gzip bodies to
 * {@code /logs}) is a new factory next to {@link RaygunScenario}; the load generator does not change.
 * Immutable by convention: nobody writes to the arrays after construction.
 */
record Scenario(String name, List<RequestTemplate> templates, int[] schedule) {

    Scenario {
        requireNonNull(name, "name");
        templates = List.copyOf(templates);
        for (int index : schedule) {
            if (index < 0 || index >= templates.size()) {
                throw new IllegalArgumentException("schedule refers to template " + index);
            }
        }
    }

    /** Every path the scenario posts to, for the bare server's routes. */
    List<String> paths() {
        return templates.stream().map(RequestTemplate::path).distinct().toList();
    }
}
