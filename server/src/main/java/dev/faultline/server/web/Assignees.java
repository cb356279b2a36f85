package dev.faultline.server.web;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.Member;
import dev.faultline.core.account.User;
import dev.faultline.server.access.Principal;
import dev.faultline.server.web.view.Option;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Who a group can be assigned to, and the emails of assignees, for the triage forms. */
final class Assignees {
    private final Accounts accounts;

    Assignees(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * "Unassigned", then the members of the teams by email, and the principal too when they are an
     * instance administrator outside those teams (administrators may be assigned anything).
     */
    List<Option> options(Collection<Long> teamIds, Principal principal, Long selected) {
        Map<String, Long> byEmail = new TreeMap<>();
        for (long teamId : teamIds) {
            for (Member member : accounts.members(teamId)) {
                byEmail.put(member.user().email(), member.user().id());
            }
        }
        User user = principal.user();
        if (user != null && user.admin()) {
            byEmail.putIfAbsent(user.email(), user.id());
        }
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "Unassigned", selected == null));
        byEmail.forEach((email, id) -> options.add(new Option(Long.toString(id), email, id.equals(selected))));
        return List.copyOf(options);
    }

    /** The emails of these users; ids of deleted users are left out. */
    Map<Long, String> emails(Collection<Long> userIds) {
        Map<Long, String> emails = new HashMap<>();
        for (Long id : userIds) {
            if (id != null && !emails.containsKey(id)) {
                accounts.user(id).ifPresent(user -> emails.put(id, user.email()));
            }
        }
        return emails;
    }
}
