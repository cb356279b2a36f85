package dev.faultline.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What to send to a target: request templates and the order in which every connection cycles through them
 * ({@code schedule} holds indexes into {@code templates}). Each wire format is a factory ({@link RaygunScenario},
 * {@link AppCenterScenario}); the load generator does not change. Immutable by convention: nobody writes to the
 * arrays after construction.
 *
 * @param appOptions options for {@code faultline apps create --name bench} that give the app the keys the
 *     templates send
 * @param success the statuses that count as delivered, as the wire format's SDKs see them
 */
record Scenario(
        String name, List<String> appOptions, SuccessStatus success, List<RequestTemplate> templates, int[] schedule) {

    Scenario {
        requireNonNull(name, "name");
        appOptions = List.copyOf(appOptions);
        requireNonNull(success, "success");
        templates = List.copyOf(templates);
        for (int index : schedule) {
            if (index < 0 || index >= templates.size()) {
                throw new IllegalArgumentException("schedule refers to template " + index);
            }
        }
    }

    /** Every path the scenario posts to, without query, for the bare server's routes. */
    List<String> paths() {
        return templates.stream()
                .map(template -> template.path().replaceFirst("\\?.*", ""))
                .distinct()
                .toList();
    }
}
