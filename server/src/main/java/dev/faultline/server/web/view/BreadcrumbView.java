package dev.faultline.server.web.view;

import dev.faultline.core.model.Breadcrumb;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One breadcrumb on the timeline.
 *
 * @param time the time of day in UTC to the millisecond, or null
 * @param exact the full time, for the title attribute
 * @param level {@code debug}, {@code info}, {@code warning}, {@code error}, {@code fatal} or what
 *     was sent; used in a class name, so only letters survive
 * @param where the class, method and line it was recorded at, or null
 */
public record BreadcrumbView(
        String time,
        String exact,
        String level,
        String type,
        String category,
        String message,
        String where,
        List<TreeNode> data) {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public static BreadcrumbView of(Breadcrumb crumb) {
        String where = crumb.className() == null && crumb.method() == null
                ? null
                : (crumb.className() == null ? "" : crumb.className())
                        + (crumb.method() == null ? "" : (crumb.className() == null ? "" : ".") + crumb.method())
                        + (crumb.line() == null ? "" : ":" + crumb.line());
        String level = crumb.level() == null ? "info" : crumb.level().replaceAll("[^A-Za-z]", "");
        return new BreadcrumbView(
                crumb.timestamp() == null ? null : TIME.format(crumb.timestamp()),
                TimeView.exact(crumb.timestamp()),
                level.isEmpty() ? "info" : level,
                crumb.type(),
                crumb.category(),
                crumb.message(),
                where,
                TreeNode.of(crumb.customData()));
    }
}
