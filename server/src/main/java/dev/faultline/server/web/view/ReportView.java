package dev.faultline.server.web.view;

import dev.faultline.core.model.Device;
import dev.faultline.core.model.Report;
import dev.faultline.core.model.UserInfo;
import dev.faultline.server.web.view.NativeView.BinaryView;
import dev.faultline.server.web.view.NativeView.ThreadView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A normalized report arranged for the group page: every value is plain text (the template
 * escapes it), every free-form value a {@link TreeNode} tree.
 *
 * @param errors the error chain, outermost first
 * @param request null when the report has none
 * @param environment the device, OS, app version and SDK
 * @param environmentExtra what else the SDK sent about its environment
 * @param user empty when the report names no user
 * @param extra the report's other free-form fields (threads and binaries excepted)
 */
public record ReportView(
        List<ErrorView> errors,
        List<ThreadView> threads,
        List<BinaryView> binaries,
        List<BreadcrumbView> breadcrumbs,
        RequestView request,
        List<KeyValue> environment,
        List<TreeNode> environmentExtra,
        List<KeyValue> user,
        List<String> tags,
        List<TreeNode> customData,
        List<TreeNode> extra) {

    static final int MAX_BREADCRUMBS = 500;

    public static ReportView of(Report report) {
        Map<String, Object> extra = new LinkedHashMap<>(report.extra());
        NativeView.KEYS.forEach(extra::remove);
        return new ReportView(
                ErrorView.chain(report.error()),
                NativeView.threads(report.extra()),
                NativeView.binaries(report.extra()),
                report.breadcrumbs().stream()
                        .limit(MAX_BREADCRUMBS)
                        .map(BreadcrumbView::of)
                        .toList(),
                RequestView.of(report.request(), report.response()),
                environment(report),
                report.device() == null
                        ? List.of()
                        : TreeNode.of(report.device().extra()),
                user(report.user()),
                report.tags(),
                TreeNode.of(report.customData()),
                TreeNode.of(extra));
    }

    private static List<KeyValue> environment(Report report) {
        KeyValue.Facts facts = new KeyValue.Facts().add("App version", report.version());
        Device device = report.device();
        if (device != null) {
            String os = device.osName() == null
                    ? device.osVersion()
                    : device.osName() + (device.osVersion() == null ? "" : " " + device.osVersion());
            facts.add("OS", os)
                    .add("Device", device.model())
                    .add("Manufacturer", device.manufacturer())
                    .add("Device name", device.deviceName())
                    .add("Architecture", device.architecture())
                    .add("Locale", device.locale())
                    .add("Install id", device.installId());
        }
        facts.add("Machine", report.machineName());
        if (report.client() != null) {
            String sdk = report.client().name() == null
                    ? report.client().version()
                    : report.client().name()
                            + (report.client().version() == null
                                    ? ""
                                    : " " + report.client().version());
            facts.add("SDK", sdk);
        }
        facts.add("Grouping key", report.groupingKey()).add("Log id", report.logId());
        return facts.list();
    }

    private static List<KeyValue> user(UserInfo user) {
        if (user == null) {
            return List.of();
        }
        return new KeyValue.Facts()
                .add("Identifier", user.identifier())
                .add("UUID", user.uuid())
                .add("Email", user.email())
                .add("Name", user.fullName())
                .add("First name", user.firstName())
                .add("Anonymous", user.anonymous())
                .list();
    }
}
