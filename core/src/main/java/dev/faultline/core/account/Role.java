package dev.faultline.core.account;

import java.util.Locale;

/** What a member may do in a team. */
public enum Role {
    /** Manages the team's apps, keys and members, and triages. */
    ADMIN,
    /** Sees the team's apps and triages their groups. */
    MEMBER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
