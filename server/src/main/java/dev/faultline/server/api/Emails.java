package dev.faultline.server.api;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.User;
import java.util.HashMap;
import java.util.Map;

/**
 * Users' emails by id, looked up once per request however many groups or history entries name the
 * same user. Not thread-safe: one per request.
 */
final class Emails {
    private final Accounts accounts;
    private final Map<Long, String> known = new HashMap<>();

    Emails(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The user's email, or null for a null id or a deleted user. */
    String of(Long userId) {
        if (userId == null) {
            return null;
        }
        return known.computeIfAbsent(
                userId, id -> accounts.user(id).map(User::email).orElse(null));
    }
}
