package dev.faultline.server.notify;

import static java.util.Objects.requireNonNull;

import dev.faultline.core.account.User;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.notify.Digest;
import dev.faultline.core.notify.EventType;
import dev.faultline.core.notify.Mailbox;
import dev.faultline.core.notify.Notification;
import dev.faultline.core.store.GroupDetail;
import dev.faultline.core.store.Store;
import dev.faultline.server.web.Templates;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends email, every {@link EmailSettings#interval()}: first the alerts, one message per recipient
 * and app listing the app's new errors and regressions since the previous run (so a burst of new
 * groups makes one email, not one each); then the daily digests that are due. Alerts are read from
 * the notifications after the mailbox's cursor, which moves only once the server took the messages:
 * when it cannot be reached, the same alerts go out at a later run, until they are older than the
 * retry period. A user's first digest goes out at the first digest hour after they are first seen
 * taking one. Not thread-safe: one scheduler thread runs it.
 */
public final class EmailWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmailWorker.class.getName());
    /** The most notifications one run turns into alerts; a larger backlog takes several runs. */
    static final int ALERT_BATCH = 1000;

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Store store;
    private final Mailbox mailbox;
    private final Mailer mailer;
    private final Templates templates;
    private final Clock clock;
    private final String baseUrl;
    private final EmailSettings settings;
    private final ScheduledExecutorService scheduler;

    private EmailWorker(
            Store store, Mailbox mailbox, Templates templates, Clock clock, String baseUrl, EmailSettings settings) {
        this.store = requireNonNull(store, "store");
        this.mailbox = requireNonNull(mailbox, "mailbox");
        this.templates = requireNonNull(templates, "templates");
        this.clock = requireNonNull(clock, "clock");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl");
        this.settings = requireNonNull(settings, "settings");
        this.mailer = new Mailer(settings, clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("faultline-email").daemon().factory());
    }

    /**
     * Starts sending, every interval.
     *
     * @param baseUrl the dashboard's address, for the links in messages
     */
    public static EmailWorker start(
            Store store, Mailbox mailbox, Templates templates, Clock clock, String baseUrl, EmailSettings settings) {
        EmailWorker worker = new EmailWorker(store, mailbox, templates, clock, baseUrl, settings);
        long interval = settings.interval().toMillis();
        worker.scheduler.scheduleWithFixedDelay(worker::runSafely, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("sending email through " + settings.host() + ":" + settings.port());
        return worker;
    }

    private void runSafely() {
        try {
            sendAlerts();
            sendDigests();
        } catch (MessagingException e) {
            LOG.log(
                    Level.WARNING,
                    "could not send email through " + settings.host() + ":" + settings.port() + ", trying again in "
                            + settings.interval().toSeconds() + " s: " + e);
        } catch (RuntimeException e) {
            // a failed run (the store closing, a bug) must not end the schedule
            LOG.log(Level.WARNING, "sending email failed", e);
        }
    }

    /** Sends the alerts of the notifications after the cursor, then moves it past them. */
    void sendAlerts() throws MessagingException {
        List<Notification> pending = mailbox.pendingAlerts(ALERT_BATCH);
        if (pending.isEmpty()) {
            return;
        }
        Instant stale = clock.instant().minus(settings.retryPeriod());
        Map<Long, List<Notification>> byApp = new LinkedHashMap<>();
        for (Notification notification : pending) {
            if (notification.at().isAfter(stale)) {
                byApp.computeIfAbsent(notification.appId(), id -> new ArrayList<>())
                        .add(notification);
            }
        }
        List<Mailer.Email> emails = new ArrayList<>();
        byApp.forEach((appId, notifications) -> store.app(appId).ifPresent(app -> {
            List<User> recipients = mailbox.alertRecipients(appId);
            if (!recipients.isEmpty()) {
                EmailContent.Alert alert = alert(app, notifications);
                if (!alert.lines().isEmpty()) {
                    String html = templates.render("email/alert.jte", alert);
                    String subject = EmailContent.subject(alert);
                    String text = EmailContent.text(alert);
                    recipients.forEach(user -> emails.add(new Mailer.Email(user.email(), subject, text, html)));
                }
            }
        }));
        mailer.send(emails);
        mailbox.alertsSent(pending.getLast().id());
    }

    /** A group once, as its latest notification says (a regression after a new error is a regression). */
    private EmailContent.Alert alert(App app, List<Notification> notifications) {
        LinkedHashMap<Long, EventType> latest = new LinkedHashMap<>();
        for (Notification notification : notifications) {
            latest.remove(notification.groupId());
            latest.put(notification.groupId(), notification.type());
        }
        List<EmailContent.Line> lines = new ArrayList<>();
        int more = 0;
        for (Map.Entry<Long, EventType> entry : latest.reversed().entrySet()) {
            Optional<Group> group = store.group(entry.getKey()).map(GroupDetail::group);
            if (group.isEmpty()) {
                continue; // deleted meanwhile
            }
            if (lines.size() == settings.maxGroups()) {
                more++;
                continue;
            }
            String kind =
                    entry.getValue() == EventType.ERROR_REOCCURRED ? EmailContent.REGRESSION : EmailContent.NEW_ERROR;
            lines.add(line(kind, group.get(), group.get().count()));
        }
        return new EmailContent.Alert(app.name(), appUrl(app), lines, more, settingsUrl());
    }

    /** Sends each user whose digest is due their digest, if anything happened in their apps. */
    void sendDigests() throws MessagingException {
        Instant now = clock.instant();
        Instant due = lastDigestTime(now, settings.digestHour());
        Map<Long, Optional<Digest>> digests = new HashMap<>();
        for (Map.Entry<User, List<Long>> recipient : mailbox.digestRecipients().entrySet()) {
            User user = recipient.getKey();
            Optional<Instant> last = mailbox.lastDigest(user.id());
            if (last.isEmpty()) {
                mailbox.digestSent(user.id(), now); // the first goes out at the next digest hour
                continue;
            }
            if (!last.get().isBefore(due)) {
                continue;
            }
            Instant since = due.minus(Duration.ofDays(1));
            List<EmailContent.DigestApp> apps = new ArrayList<>();
            for (long appId : recipient.getValue()) {
                digests.computeIfAbsent(
                                appId,
                                id -> store.app(id).map(app -> Digest.of(store, app, since, now, settings.maxGroups())))
                        .filter(digest -> !digest.isEmpty())
                        .ifPresent(digest -> apps.add(digestApp(digest)));
            }
            if (!apps.isEmpty()) {
                EmailContent.Digest digest = new EmailContent.Digest(
                        "from " + DAY.format(since) + " to " + DAY.format(now), apps, settingsUrl());
                mailer.send(List.of(new Mailer.Email(
                        user.email(),
                        EmailContent.subject(digest),
                        EmailContent.text(digest),
                        templates.render("email/digest.jte", digest))));
            }
            mailbox.digestSent(user.id(), now); // also when there was nothing to say: no email for a quiet day
        }
    }

    /** The latest digest time at or before {@code now}: today's digest hour (UTC), or yesterday's. */
    static Instant lastDigestTime(Instant now, int digestHour) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(digestHour));
        return today.isAfter(now) ? today.minus(Duration.ofDays(1)) : today;
    }

    private EmailContent.DigestApp digestApp(Digest digest) {
        return new EmailContent.DigestApp(
                digest.app().name(),
                appUrl(digest.app()),
                digest.newGroups().stream()
                        .map(group -> line(null, group, group.count()))
                        .toList(),
                digest.moreNew(),
                digest.frequent().stream()
                        .map(line -> line(null, line.group(), line.occurrences()))
                        .toList());
    }

    private EmailContent.Line line(String kind, Group group, long occurrences) {
        return new EmailContent.Line(
                kind,
                group.title(),
                baseUrl + "/groups/" + group.id(),
                occurrences,
                group.userCount(),
                String.join(", ", group.versions()));
    }

    private String appUrl(App app) {
        return baseUrl + "/apps/" + app.id() + "/groups";
    }

    private String settingsUrl() {
        return baseUrl + "/account/email";
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
