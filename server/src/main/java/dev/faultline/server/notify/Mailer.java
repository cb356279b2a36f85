package dev.faultline.server.notify;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends email through the configured SMTP server with Jakarta Mail (Eclipse Angus): several messages
 * over one connection, each as plain text with an HTML alternative. Thread-safe.
 */
final class Mailer {
    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    /** Longer subjects are cut: mail clients show about this much anyway. */
    static final int MAX_SUBJECT = 200;

    private final EmailSettings settings;
    private final Session session;
    private final Clock clock;

    Mailer(EmailSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        if (!settings.enabled()) {
            throw new IllegalArgumentException("no SMTP host is configured");
        }
        this.session = Session.getInstance(properties(settings));
    }

    /** One message to one address. */
    record Email(String to, String subject, String text, String html) {}

    /**
     * Sends every message over one connection. A message whose address the server refuses is left
     * out (it would be refused again) and logged; the rest go on.
     *
     * @throws MessagingException when the server cannot be reached or refuses the connection or the
     *     sign-in: nothing more was sent, and trying again later may work
     */
    void send(List<Email> emails) throws MessagingException {
        if (emails.isEmpty()) {
            return;
        }
        try (Transport transport =
                session.getTransport(settings.security() == EmailSettings.Security.TLS ? "smtps" : "smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            for (Email email : emails) {
                MimeMessage message = message(email);
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (SendFailedException e) {
                    LOG.log(
                            Level.WARNING,
                            "the SMTP server refused a message to " + email.to() + ": " + e.getMessage());
                }
            }
        }
    }

    private MimeMessage message(Email email) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to(), true));
        message.setSubject(subject(email.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies, please
        return message;
    }

    /** One line (crash content may hold line breaks), at most {@value #MAX_SUBJECT} characters. */
    static String subject(String subject) {
        String line = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 1) + "…";
    }

    private static Properties properties(EmailSettings settings) {
        Properties properties = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        for (String protocol : List.of("smtp", "smtps")) {
            String prefix = "mail." + protocol + ".";
            properties.put(prefix + "host", settings.host());
            properties.put(prefix + "port", Integer.toString(settings.port()));
            properties.put(prefix + "auth", Boolean.toString(settings.username() != null));
            properties.put(prefix + "connectiontimeout", timeout);
            properties.put(prefix + "timeout", timeout);
            properties.put(prefix + "writetimeout", timeout);
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (settings.security() == EmailSettings.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return properties;
    }
}
