package dev.faultline.core.notify;

import dev.faultline.core.account.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Email notifications: who takes which email about which app, and where the senders are. Alerts
 * read the same notifications the webhooks do ({@link EventType#NEW_ERROR_OCCURRED} and {@link
 * EventType#ERROR_REOCCURRED}), after a cursor the sender moves once they are sent. Only members of
 * an app's team receive its email: a choice stays stored when a membership ends but sends nothing
 * until it comes back. Thread-safe.
 */
public interface Mailbox {

    /** The user's choices, by app id; apps without a choice are absent. */
    Map<Long, EmailChoice> emailChoices(long userId);

    /** Sets the user's choice for an app; {@link EmailChoice#NONE} removes it. */
    void setEmailChoice(long userId, long appId, EmailChoice choice);

    /** The members of the app's team who take its alerts, by email. */
    List<User> alertRecipients(long appId);

    /** Every user who takes some app's digest, with those apps (of their teams), by user id. */
    Map<User, List<Long>> digestRecipients();

    /**
     * Up to {@code limit} new-error and reoccurred notifications after the alert cursor, oldest
     * first. The first call on a store starts the cursor at its newest notification, so that
     * turning email on sends nothing about the past.
     */
    List<Notification> pendingAlerts(int limit);

    /** Moves the alert cursor past {@code notificationId}, once its alerts are sent. */
    void alertsSent(long notificationId);

    /** When the user's last digest was sent; empty for never. */
    Optional<Instant> lastDigest(long userId);

    /** Records that a digest was sent to the user at {@code at}. */
    void digestSent(long userId, Instant at);
}
