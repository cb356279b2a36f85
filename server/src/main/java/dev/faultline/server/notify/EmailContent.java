package dev.faultline.server.notify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What alert and digest emails say: their models (rendered to HTML by {@code email/alert.jte} and
 * {@code email/digest.jte}, which escape crash content like every page) and their plain-text parts.
 */
public final class EmailContent {
    static final String NEW_ERROR = "New error";
    static final String REGRESSION = "Regression";

    private EmailContent() {}

    /**
     * New errors and regressions of one app since the previous alert.
     *
     * @param more how many more groups there were than listed
     * @param settingsUrl where the recipient changes what email they get
     */
    public record Alert(String appName, String appUrl, List<Line> lines, int more, String settingsUrl) {
        public Alert {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One group in an email.
     *
     * @param kind "New error", "Regression", or null in digests
     * @param occurrences the group's reports: all of them in alerts, the period's in digests
     * @param versions the versions it was seen in, comma-separated, or empty
     */
    public record Line(String kind, String title, String url, long occurrences, long users, String versions) {}

    /** The daily digest of one user: a section per app with anything to say. */
    public record Digest(String period, List<DigestApp> apps, String settingsUrl) {
        public Digest {
            apps = List.copyOf(apps);
        }
    }

    /**
     * One app's section of a digest.
     *
     * @param moreNew whether more groups were new than listed
     */
    public record DigestApp(String name, String url, List<Line> newGroups, boolean moreNew, List<Line> frequent) {
        public DigestApp {
            newGroups = List.copyOf(newGroups);
            frequent = List.copyOf(frequent);
        }
    }

    static String subject(Alert alert) {
        if (alert.lines().size() == 1 && alert.more() == 0) {
            Line line = alert.lines().getFirst();
            return "[" + alert.appName() + "] " + line.kind() + ": " + line.title();
        }
        long regressions = alert.lines().stream()
                .filter(line -> line.kind().equals(REGRESSION))
                .count();
        long fresh = alert.lines().size() - regressions + alert.more();
        StringBuilder subject = new StringBuilder("[" + alert.appName() + "] ");
        if (fresh > 0) {
            subject.append(count(fresh, "new error"));
        }
        if (regressions > 0) {
            subject.append(fresh > 0 ? ", " : "").append(count(regressions, "regression"));
        }
        return subject.toString();
    }

    static String text(Alert alert) {
        StringBuilder text = new StringBuilder();
        for (Line line : alert.lines()) {
            text.append(line.kind()).append(": ").append(line.title()).append('\n');
            details(text, line);
        }
        if (alert.more() > 0) {
            text.append("…and ")
                    .append(count(alert.more(), "more group"))
                    .append(": ")
                    .append(alert.appUrl())
                    .append('\n');
        }
        return text.append('\n').append(footer(alert.settingsUrl())).toString();
    }

    static String subject(Digest digest) {
        return "Faultline daily digest: "
                + digest.apps().stream().map(DigestApp::name).collect(Collectors.joining(", "));
    }

    static String text(Digest digest) {
        StringBuilder text = new StringBuilder("What happened in your apps ")
                .append(digest.period())
                .append(".\n");
        for (DigestApp app : digest.apps()) {
            text.append("\n== ")
                    .append(app.name())
                    .append(" (")
                    .append(app.url())
                    .append(")\n");
            if (!app.newGroups().isEmpty()) {
                text.append("\nNew errors")
                        .append(app.moreNew() ? " (the newest)" : "")
                        .append(":\n");
                app.newGroups()
                        .forEach(line ->
                                details(text.append("- ").append(line.title()).append('\n'), line));
            }
            if (!app.frequent().isEmpty()) {
                text.append("\nMost reports:\n");
                app.frequent()
                        .forEach(line ->
                                details(text.append("- ").append(line.title()).append('\n'), line));
            }
        }
        return text.append('\n').append(footer(digest.settingsUrl())).toString();
    }

    private static void details(StringBuilder text, Line line) {
        text.append("  ")
                .append(count(line.occurrences(), "report"))
                .append(", ")
                .append(count(line.users(), "user"))
                .append(" affected");
        if (!line.versions().isEmpty()) {
            text.append(", versions ").append(line.versions());
        }
        text.append("\n  ").append(line.url()).append('\n');
    }

    private static String footer(String settingsUrl) {
        return "You get this email because you chose it in Faultline. Change that at " + settingsUrl + "\n";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
