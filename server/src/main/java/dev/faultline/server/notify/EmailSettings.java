package dev.faultline.server.notify;

import java.time.Duration;

/**
 * How Faultline sends email: the SMTP server, and the schedule and limits of alerts and digests.
 *
 * @param host the SMTP server, or null when email is off
 * @param security how the connection is protected: STARTTLS (required), TLS from the start, or not
 * @param username the SMTP user, or null to send without authenticating
 * @param from the sender address of every message
 * @param timeout the connect, read and write timeouts of the SMTP connection
 * @param interval how often new-error and regression alerts are gathered and sent (also the most
 *     often one user gets an alert about one app)
 * @param maxGroups the most groups one alert lists, and one digest lists per app and section
 * @param digestHour the hour of the day (UTC) the daily digest goes out
 * @param retryPeriod how long an alert that could not be sent (the SMTP server was down) is still
 *     sent; older ones are skipped
 */
public record EmailSettings(
        String host,
        int port,
        Security security,
        String username,
        String password,
        String from,
        Duration timeout,
        Duration interval,
        int maxGroups,
        int digestHour,
        Duration retryPeriod) {

    public enum Security {
        STARTTLS,
        TLS,
        NONE
    }

    /** Whether an SMTP server is configured. */
    public boolean enabled() {
        return host != null;
    }

    @Override
    public String toString() { // never the password
        return "EmailSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", from=" + from + "]";
    }
}
