package dev.faultline.server.web;

import dev.faultline.server.web.view.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The group list's filter parameters as they were sent, to fill the filter form and to keep them
 * in every link (paging, the bulk form's way back). {@link dev.faultline.server.triage.GroupFilters}
 * reads the same parameters into a query.
 */
public record FilterValues(
        String status,
        String range,
        String version,
        String tag,
        String user,
        String os,
        String device,
        String q,
        String sort) {

    static FilterValues from(Function<String, String> param) {
        return new FilterValues(
                value(param, "status"),
                value(param, "range"),
                value(param, "version"),
                value(param, "tag"),
                value(param, "user"),
                value(param, "os"),
                value(param, "device"),
                value(param, "q"),
                value(param, "sort"));
    }

    /** Whether anything but the sort narrows the list. */
    public boolean any() {
        return status != null
                || range != null
                || version != null
                || tag != null
                || user != null
                || os != null
                || device != null
                || q != null;
    }

    /** The parameters, blank ones left out, in the form's order. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("range", range);
        params.put("version", version);
        params.put("tag", tag);
        params.put("user", user);
        params.put("os", os);
        params.put("device", device);
        params.put("q", q);
        params.put("sort", sort);
        params.values().removeIf(value -> value == null);
        return params;
    }

    /** The parameters with one more. */
    Map<String, String> with(String name, String value) {
        Map<String, String> params = params();
        params.put(name, value);
        return params;
    }

    /** Options from value/label pairs, the one equal to {@code current} selected (blank matches ""). */
    static List<Option> options(String current, String... valuesAndLabels) {
        String chosen = current == null ? "" : current;
        List<Option> options = new ArrayList<>();
        for (int index = 0; index + 1 < valuesAndLabels.length; index += 2) {
            String value = valuesAndLabels[index];
            options.add(new Option(value, valuesAndLabels[index + 1], value.equals(chosen)));
        }
        return List.copyOf(options);
    }

    private static String value(Function<String, String> param, String name) {
        String value = param.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
