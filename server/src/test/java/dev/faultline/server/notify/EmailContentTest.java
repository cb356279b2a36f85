package dev.faultline.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailContentTest {
    private static final String APP_URL = "https://faultline.example.com/apps/3/groups";
    private static final String SETTINGS = "https://faultline.example.com/account/email";

    @Test
    void aSingleGroupsSubjectNamesItsKindAndTitle() {
        EmailContent.Alert alert = alert(0, line(EmailContent.REGRESSION, "TypeError: x is undefined"));

        assertThat(EmailContent.subject(alert)).isEqualTo("[Shop] Regression: TypeError: x is undefined");
    }

    @Test
    void severalGroupsAreCountedByKindIncludingTheOnesNotListed() {
        EmailContent.Alert alert =
                alert(3, line(EmailContent.NEW_ERROR, "A: a"), line(EmailContent.REGRESSION, "B: b"));

        assertThat(EmailContent.subject(alert)).isEqualTo("[Shop] 4 new errors, 1 regression");
        assertThat(EmailContent.subject(
                        alert(0, line(EmailContent.REGRESSION, "A: a"), line(EmailContent.REGRESSION, "B: b"))))
                .isEqualTo("[Shop] 2 regressions");
        assertThat(EmailContent.text(alert))
                .contains(
                        "New error: A: a\n  7 reports, 1 user affected, versions 1.0, 1.1\n  https://faultline.example.com/groups/9\n")
                .contains("…and 3 more groups: " + APP_URL)
                .endsWith("Change that at " + SETTINGS + "\n");
    }

    @Test
    void subjectsAreOneLineOfAtMost200Characters() {
        assertThat(Mailer.subject("[Shop] New error: Boom\r\nBcc: victim@example.com"))
                .isEqualTo("[Shop] New error: Boom Bcc: victim@example.com");
        String long_ = Mailer.subject("x".repeat(500));
        assertThat(long_).hasSize(Mailer.MAX_SUBJECT).endsWith("…");
    }

    @Test
    void theDigestTimeIsTodaysHourOnceItPassedElseYesterdays() {
        Instant morning = Instant.parse("2026-11-23T07:59:59Z");
        Instant later = Instant.parse("2026-11-23T08:00:00Z");

        assertThat(EmailWorker.lastDigestTime(morning, 8)).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
        assertThat(EmailWorker.lastDigestTime(later, 8)).isEqualTo(later);
        assertThat(EmailWorker.lastDigestTime(later, 0)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(EmailWorker.lastDigestTime(later, 23)).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
    }

    private static EmailContent.Alert alert(int more, EmailContent.Line... lines) {
        return new EmailContent.Alert("Shop", APP_URL, List.of(lines), more, SETTINGS);
    }

    private static EmailContent.Line line(String kind, String title) {
        return new EmailContent.Line(kind, title, "https://faultline.example.com/groups/9", 7, 1, "1.0, 1.1");
    }
}
