package dev.faultline.server.web;

import java.util.Locale;

/** What the account forms (invites, new accounts, tokens) share in reading their fields. */
final class AccountForms {
    static final int EMAIL_MAX = 254;
    static final int TOKEN_NAME_MAX = 100;

    private AccountForms() {}

    /** A form field, trimmed; empty when absent. */
    static String field(String value) {
        return value == null ? "" : value.strip();
    }

    /** An email as stored: trimmed and lower-case. */
    static String email(String value) {
        return field(value).toLowerCase(Locale.ROOT);
    }

    /** Something@something without spaces; the browser's own check is the first line. */
    static boolean plausibleEmail(String email) {
        int at = email.indexOf('@');
        return at > 0
                && at < email.length() - 1
                && email.length() <= EMAIL_MAX
                && email.chars().noneMatch(Character::isWhitespace);
    }
}
