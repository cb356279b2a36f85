package dev.faultline.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.model.App;
import dev.faultline.core.notify.EmailChoice;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Email end to end against GreenMail, a real SMTP server on loopback: who gets alerts, what they
 * say, a burst of new groups in one message, an SMTP server that is down and comes back, and the
 * daily digest (with the clock of notifications moved by the test).
 */
class EmailIT {
    private static final int INTERVAL_SECONDS = 1;

    @TempDir
    static Path dataDir;

    static final MovableClock clock = new MovableClock();
    static int smtpPort;
    static int digestHour;
    static GreenMail smtp;
    static TestServer server;
    static TestAccounts accounts;
    static Team team;
    static User alice;
    static User bob;
    static BearerClient asAlice;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        smtp = startSmtp();
        // two hours ahead, so that moving the clock two hours on passes the digest time
        digestHour = Instant.now().atZone(ZoneOffset.UTC).plusHours(2).getHour();
        server = TestServer.start(
                dataDir,
                Map.of(
                        "FAULTLINE_SMTP_HOST", "127.0.0.1",
                        "FAULTLINE_SMTP_PORT", Integer.toString(smtpPort),
                        "FAULTLINE_SMTP_SECURITY", "none",
                        "FAULTLINE_SMTP_FROM", "Faultline <faultline@example.com>",
                        "FAULTLINE_EMAIL_INTERVAL_SECONDS", Integer.toString(INTERVAL_SECONDS),
                        "FAULTLINE_EMAIL_MAX_GROUPS", "2",
                        "FAULTLINE_EMAIL_DIGEST_HOUR", Integer.toString(digestHour),
                        "FAULTLINE_PUBLIC_URL", "https://faultline.example.com"),
                clock);
        accounts = new TestAccounts(server);
        team = accounts.team("Mail team");
        alice = accounts.user("alice@example.com", false, team, Role.ADMIN);
        bob = accounts.member("bob@example.com", team);
        asAlice = new BearerClient(server, accounts.token(alice));
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.stop();
    }

    @BeforeEach
    void quiet() throws Exception {
        clock.shift(Duration.ZERO);
        awaitRuns();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void nobodyHasAlertsOn() {
        for (App app : server.server.store().apps()) {
            server.server.store().setEmailChoice(alice.id(), app.id(), EmailChoice.NONE);
            server.server.store().setEmailChoice(bob.id(), app.id(), EmailChoice.NONE);
        }
    }

    @Test
    void aNewErrorAndItsRegressionAreMailedToTheMembersWhoChoseAlerts() throws Exception {
        App app = accounts.app(team, "Shop", "MAIL_KEY_SHOP");
        App other = accounts.app(team, "Other", "MAIL_KEY_OTHER");
        Team elsewhere = accounts.team("Elsewhere");
        User carol = accounts.member("carol@example.com", elsewhere);
        DashboardSession session = DashboardSession.signIn(server, "alice@example.com");
        HttpResponse<String> saved =
                session.post("/account/email", "alerts", Long.toString(app.id()), "digest", Long.toString(other.id()));
        assertThat(saved.statusCode()).isEqualTo(303);
        server.server.store().setEmailChoice(carol.id(), app.id(), new EmailChoice(true, true)); // not a member

        String hostile = "<script>alert('mail')</script>";
        server.sendEntry(
                app, RaygunEntry.error("demo.Boom", hostile).groupingKey("boom").version("1.2.0"));
        long groupId = server.groupId(app, "demo.Boom");
        MimeMessage mail = single();

        assertThat(recipients(mail)).containsExactly("alice@example.com");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Faultline <faultline@example.com>");
        assertThat(mail.getSubject()).isEqualTo("[Shop] New error: demo.Boom: " + hostile);
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String text = part(mail, "text/plain");
        assertThat(text)
                .contains("New error: demo.Boom: " + hostile)
                .contains("1 report, 0 users affected, versions 1.2.0")
                .contains("https://faultline.example.com/groups/" + groupId)
                .contains("https://faultline.example.com/account/email");
        String html = part(mail, "text/html");
        assertThat(html)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert('mail')&lt;/script&gt;")
                .contains("href=\"https://faultline.example.com/groups/" + groupId + "\"");

        HttpResponse<String> resolved = asAlice.patch("/api/v1/groups/" + groupId, "{\"status\":\"resolved\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        server.sendEntry(app, RaygunEntry.error("demo.Boom", hostile).groupingKey("boom"));
        MimeMessage regression = single();

        assertThat(recipients(regression)).containsExactly("alice@example.com");
        assertThat(regression.getSubject()).isEqualTo("[Shop] Regression: demo.Boom: " + hostile);
        assertThat(part(regression, "text/plain")).contains("2 reports");
    }

    @Test
    void aBurstOfNewErrorsIsOneMessagePerRecipientListingAtMostTheMaximum() throws Exception {
        App app = accounts.app(team, "Burst", "MAIL_KEY_BURST");
        server.server.store().setEmailChoice(alice.id(), app.id(), new EmailChoice(true, false));
        server.server.store().setEmailChoice(bob.id(), app.id(), new EmailChoice(true, false));

        String bulk = "["
                + String.join(
                        ",",
                        List.of(
                                new String(
                                        RaygunEntry.error("demo.One", "one")
                                                .groupingKey("one")
                                                .bytes(),
                                        UTF_8),
                                new String(
                                        RaygunEntry.error("demo.Two", "two")
                                                .groupingKey("two")
                                                .bytes(),
                                        UTF_8),
                                new String(
                                        RaygunEntry.error("demo.Three", "three")
                                                .groupingKey("three")
                                                .bytes(),
                                        UTF_8)))
                + "]";
        HttpResponse<String> accepted = server.post("/entries/bulk", app.apiKey(), bulk.getBytes(UTF_8));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(smtp.waitForIncomingEmail(TimeUnit.SECONDS.toMillis(15), 2)).isTrue();
        awaitRuns();
        MimeMessage[] mails = smtp.getReceivedMessages();

        assertThat(mails).hasSize(2);
        assertThat(Arrays.stream(mails).map(EmailIT::recipients).flatMap(List::stream))
                .containsExactlyInAnyOrder("alice@example.com", "bob@example.com");
        for (MimeMessage mail : mails) {
            assertThat(mail.getSubject()).isEqualTo("[Burst] 3 new errors");
            String text = part(mail, "text/plain");
            assertThat(text).contains("demo.Three: three", "demo.Two: two").doesNotContain("demo.One");
            assertThat(text).contains("…and 1 more group: https://faultline.example.com/apps/" + app.id() + "/groups");
        }
    }

    @Test
    void whileTheSmtpServerIsDown_alertsWaitAndGoOutOnceWhenItIsBack() throws Exception {
        App app = accounts.app(team, "Patient", "MAIL_KEY_PATIENT");
        server.server.store().setEmailChoice(alice.id(), app.id(), new EmailChoice(true, false));
        smtp.stop();
        try {
            server.sendEntry(app, RaygunEntry.error("demo.Waiting", "waiting").groupingKey("waiting"));
            awaitRuns(); // several runs fail to connect
            awaitRuns();
        } finally {
            smtp = startSmtp();
        }

        MimeMessage mail = single();

        assertThat(mail.getSubject()).isEqualTo("[Patient] New error: demo.Waiting: waiting");
    }

    @Test
    void theDigestGoesOutAtTheDigestHourOnceADayWithWhatWasNewAndFrequent() throws Exception {
        App app = accounts.app(team, "Daily", "MAIL_KEY_DAILY");
        App quiet = accounts.app(team, "Quiet", "MAIL_KEY_QUIET");
        DashboardSession session = DashboardSession.signIn(server, "bob@example.com");
        session.post("/account/email", "digest", Long.toString(app.id()), "digest", Long.toString(quiet.id()));
        awaitFirstSeen(bob);
        for (int i = 0; i < 3; i++) {
            server.sendEntry(app, RaygunEntry.error("demo.Often", "often").groupingKey("often"));
        }
        server.sendEntry(app, RaygunEntry.error("demo.Once", "<b>once</b>").groupingKey("once"));
        awaitRuns();
        assertThat(smtp.getReceivedMessages())
                .as("no digest before the digest hour")
                .isEmpty();

        clock.shift(Duration.ofHours(2));
        MimeMessage digest = single();

        assertThat(recipients(digest)).containsExactly("bob@example.com");
        assertThat(digest.getSubject()).isEqualTo("Faultline daily digest: Daily");
        String text = part(digest, "text/plain");
        assertThat(text).contains("== Daily (https://faultline.example.com/apps/" + app.id() + "/groups)");
        assertThat(text.substring(text.indexOf("New errors:"), text.indexOf("Most reports:")))
                .contains("- demo.Once: <b>once</b>", "- demo.Often: often");
        assertThat(text.substring(text.indexOf("Most reports:")))
                .containsSubsequence("- demo.Often: often", "3 reports", "- demo.Once: <b>once</b>", "1 report");
        assertThat(text).doesNotContain("Quiet");
        assertThat(part(digest, "text/html"))
                .contains("&lt;b&gt;once&lt;/b&gt;")
                .doesNotContain("<b>once");

        smtp.purgeEmailFromAllMailboxes();
        clock.shift(Duration.ofHours(5));
        awaitRuns();
        assertThat(smtp.getReceivedMessages()).as("one digest a day").isEmpty();
    }

    @Test
    void theEmailPageListsOnlyTheAppsOfTheUsersTeamsAndIgnoresOthers() {
        App app = accounts.app(team, "Listed", "MAIL_KEY_LISTED");
        Team elsewhere = accounts.team("Not bob's");
        App foreign = accounts.app(elsewhere, "Foreign", "MAIL_KEY_FOREIGN");
        DashboardSession session = DashboardSession.signIn(server, "bob@example.com");

        String page = session.page("/account/email");
        assertThat(page).contains("Listed").doesNotContain("Foreign");
        HttpResponse<String> saved = session.post(
                "/account/email", "alerts", Long.toString(app.id()), "alerts", Long.toString(foreign.id()));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(server.server.store().emailChoices(bob.id()))
                .isEqualTo(Map.of(app.id(), new EmailChoice(true, false)));
        assertThat(session.page("/account/email?email=saved"))
                .contains("Your email choices are saved.")
                .containsPattern("name=\"alerts\" value=\"" + app.id() + "\" checked");
    }

    private static GreenMail startSmtp() {
        GreenMail started = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        return started;
    }

    /** Waits for exactly one message (and a few runs more, to show no second one comes). */
    private static MimeMessage single() throws Exception {
        assertThat(smtp.waitForIncomingEmail(TimeUnit.SECONDS.toMillis(15), 1))
                .as("a message within 15 s")
                .isTrue();
        awaitRuns();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        smtp.purgeEmailFromAllMailboxes();
        return received[0];
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** The text of the message's part of {@code type} (it is multipart/alternative). */
    private static String part(MimeMessage mail, String type) throws MessagingException, IOException {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int index = 0; index < parts.getCount(); index++) {
            BodyPart part = parts.getBodyPart(index);
            if (part.isMimeType(type)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(bytes);
                return bytes.toString(UTF_8);
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    /** Waits until the worker has seen the user's digest choice (their first digest is at the next hour). */
    private static void awaitFirstSeen(User user) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (server.server.store().lastDigest(user.id()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the email worker never saw the digest choice of " + user.email());
            }
            sleep(50);
        }
    }

    /** Long enough for a few runs of the worker. */
    private static void awaitRuns() {
        sleep(TimeUnit.SECONDS.toMillis(INTERVAL_SECONDS) * 3);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
