package dev.faultline.storage.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.account.ApiToken;
import dev.faultline.core.account.Invite;
import dev.faultline.core.account.Member;
import dev.faultline.core.account.Role;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.account.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Accounts}: users, teams, memberships, sign-in sessions, one-time links and API tokens. */
public abstract class AccountsContract extends StoreContractSupport {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private Accounts accounts;

    @BeforeEach
    void setUp() {
        accounts = accounts();
    }

    @Test
    void createUser_keepsTheEmailLowerCase() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        User user = accounts.createUser("Alice@Example.COM", "hash-1", true);

        assertThat(user.id()).isPositive();
        assertThat(user.email()).isEqualTo("alice@example.com");
        assertThat(user.admin()).isTrue();
        assertThat(user.passwordSet()).isTrue();
        assertThat(user.createdAt()).isBetween(before, Instant.now());
        assertThat(accounts.user(user.id())).contains(user);
        assertThat(accounts.userByEmail("ALICE@example.com")).contains(user);
        assertThat(accounts.userByEmail("bob@example.com")).isEmpty();
        assertThat(accounts.user(user.id() + 1000)).isEmpty();
    }

    @Test
    void createUser_refusesAnEmailInUseWhateverItsCase() {
        User alice = accounts.createUser("alice@example.com", null, false);

        assertThatThrownBy(() -> accounts.createUser("ALICE@example.com", "hash", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("email already in use");
        assertThat(accounts.users()).containsExactly(alice);
        assertThat(accounts.userCount()).isEqualTo(1);
    }

    @Test
    void users_areListedOldestFirst() {
        assertThat(accounts.userCount()).isZero();
        User first = accounts.createUser("zed@example.com", null, false);
        User second = accounts.createUser("amy@example.com", null, true);

        assertThat(accounts.users()).containsExactly(first, second);
        assertThat(accounts.userCount()).isEqualTo(2);
    }

    @Test
    void passwordHash_isSetLater() {
        User user = accounts.createUser("alice@example.com", null, false);
        assertThat(user.passwordSet()).isFalse();
        assertThat(accounts.passwordHash(user.id())).isEmpty();

        accounts.setPasswordHash(user.id(), "hash-2");

        assertThat(accounts.passwordHash(user.id())).contains("hash-2");
        assertThat(accounts.user(user.id()).orElseThrow().passwordSet()).isTrue();
        assertThat(accounts.passwordHash(user.id() + 1000)).isEmpty();
    }

    @Test
    void teams_haveUniqueNames() {
        Team web = accounts.createTeam("Web");
        Team mobile = accounts.createTeam("Mobile");

        assertThat(accounts.teams()).containsExactly(web, mobile);
        assertThat(accounts.team(mobile.id())).contains(mobile);
        assertThat(accounts.team(mobile.id() + 1000)).isEmpty();
        assertThat(web.name()).isEqualTo("Web");
        assertThatThrownBy(() -> accounts.createTeam("Web"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("team name already in use");
    }

    @Test
    void members_areAddedChangedAndRemoved() {
        Team web = accounts.createTeam("Web");
        Team mobile = accounts.createTeam("Mobile");
        User zed = accounts.createUser("zed@example.com", null, false);
        User amy = accounts.createUser("amy@example.com", null, false);

        accounts.setMember(web.id(), zed.id(), Role.MEMBER);
        accounts.setMember(web.id(), amy.id(), Role.ADMIN);
        accounts.setMember(mobile.id(), zed.id(), Role.MEMBER);
        accounts.setMember(web.id(), zed.id(), Role.ADMIN);

        assertThat(accounts.members(web.id()))
                .containsExactly(new Member(web.id(), amy, Role.ADMIN), new Member(web.id(), zed, Role.ADMIN));
        assertThat(accounts.memberships(zed.id())).isEqualTo(Map.of(web.id(), Role.ADMIN, mobile.id(), Role.MEMBER));

        accounts.removeMember(web.id(), zed.id());
        accounts.removeMember(web.id(), zed.id());

        assertThat(accounts.members(web.id())).extracting(Member::user).containsExactly(amy);
        assertThat(accounts.memberships(zed.id())).containsExactlyEntriesOf(Map.of(mobile.id(), Role.MEMBER));
        assertThat(accounts.memberships(amy.id() + 1000)).isEmpty();
        assertThat(accounts.members(mobile.id() + 1000)).isEmpty();
    }

    @Test
    void setMember_refusesAnUnknownTeamOrUser() {
        Team team = accounts.createTeam("Web");
        User user = accounts.createUser("zed@example.com", null, false);

        assertThatThrownBy(() -> accounts.setMember(team.id() + 1000, user.id(), Role.MEMBER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.setMember(team.id(), user.id() + 1000, Role.MEMBER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(accounts.members(team.id())).isEmpty();
    }

    @Test
    void session_isFoundUntilItExpires() {
        User user = accounts.createUser("alice@example.com", null, false);
        WebSession session = new WebSession("hash-1", user.id(), "csrf-1", NOW, NOW.plus(Duration.ofHours(8)));

        accounts.createSession(session);

        assertThat(accounts.session("hash-1", NOW)).contains(session);
        assertThat(accounts.session("hash-1", NOW.plus(Duration.ofHours(8)).minusMillis(1)))
                .contains(session);
        assertThat(accounts.session("hash-1", NOW.plus(Duration.ofHours(8)))).isEmpty();
        assertThat(accounts.session("hash-2", NOW)).isEmpty();
    }

    @Test
    void sessions_areDeletedOneOrAllOfAUser() {
        User alice = accounts.createUser("alice@example.com", null, false);
        User bob = accounts.createUser("bob@example.com", null, false);
        Instant expires = NOW.plus(Duration.ofDays(1));
        accounts.createSession(new WebSession("a1", alice.id(), "c", NOW, expires));
        accounts.createSession(new WebSession("a2", alice.id(), "c", NOW, expires));
        accounts.createSession(new WebSession("a3", alice.id(), "c", NOW, expires));
        accounts.createSession(new WebSession("b1", bob.id(), "c", NOW, expires));

        accounts.deleteSession("a1");
        assertThat(accounts.session("a1", NOW)).isEmpty();
        assertThat(accounts.session("a2", NOW)).isPresent();

        accounts.deleteSessions(alice.id());
        assertThat(accounts.session("a2", NOW)).isEmpty();
        assertThat(accounts.session("a3", NOW)).isEmpty();
        assertThat(accounts.session("b1", NOW)).isPresent();
    }

    @Test
    void invite_isUsedOnce() {
        Team team = accounts.createTeam("Web");
        User admin = accounts.createUser("admin@example.com", "hash", true);
        Invite invite = new Invite(
                "hash-1",
                Invite.Kind.INVITE,
                "New@Example.com",
                null,
                team.id(),
                Role.MEMBER,
                admin.id(),
                NOW,
                NOW.plus(Duration.ofDays(7)));

        accounts.createInvite(invite);

        Invite stored = accounts.invite("hash-1", NOW).orElseThrow();
        assertThat(stored.email()).isEqualTo("new@example.com");
        assertThat(stored).usingRecursiveComparison().ignoringFields("email").isEqualTo(invite);
        assertThat(accounts.useInvite("hash-1", NOW.plusSeconds(1))).isTrue();
        assertThat(accounts.useInvite("hash-1", NOW.plusSeconds(2))).isFalse();
        assertThat(accounts.invite("hash-1", NOW.plusSeconds(2))).isEmpty();
        assertThat(accounts.useInvite("unknown", NOW)).isFalse();
    }

    @Test
    void expiredInvite_cannotBeUsed() {
        accounts.createInvite(
                new Invite("hash-1", Invite.Kind.SETUP, null, null, null, null, null, NOW, NOW.plusSeconds(60)));

        assertThat(accounts.invite("hash-1", NOW.plusSeconds(60))).isEmpty();
        assertThat(accounts.useInvite("hash-1", NOW.plusSeconds(60))).isFalse();
        assertThat(accounts.useInvite("hash-1", NOW.plusSeconds(59))).isTrue();
    }

    @Test
    void setPasswordLink_carriesItsUser() {
        User user = accounts.createUser("alice@example.com", null, false);
        Invite link = new Invite(
                "hash-1",
                Invite.Kind.SET_PASSWORD,
                "alice@example.com",
                user.id(),
                null,
                null,
                null,
                NOW,
                NOW.plus(Duration.ofDays(1)));

        accounts.createInvite(link);

        assertThat(accounts.invite("hash-1", NOW)).contains(link);
    }

    @Test
    void concurrentUses_oneWins() throws Exception {
        accounts.createInvite(new Invite(
                "hash-1", Invite.Kind.SETUP, null, null, null, null, null, NOW, NOW.plus(Duration.ofDays(1))));
        int clicks = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(clicks)) {
            for (int i = 0; i < clicks; i++) {
                Accounts other = i % 2 == 0 ? accounts : (Accounts) openAnother();
                results.add(executor.submit(() -> {
                    start.await();
                    return other.useInvite("hash-1", NOW);
                }));
            }
            start.countDown();
        }

        List<Boolean> used = new ArrayList<>();
        for (Future<Boolean> result : results) {
            used.add(result.get());
        }
        assertThat(used).containsOnlyOnce(true);
    }

    @Test
    void invites_listATeamsOpenLinksNewestFirst() {
        Team web = accounts.createTeam("Web");
        Team mobile = accounts.createTeam("Mobile");
        Instant expires = NOW.plus(Duration.ofDays(7));
        accounts.createInvite(invite("old", web, NOW.minusSeconds(60), expires));
        accounts.createInvite(invite("new", web, NOW, expires));
        accounts.createInvite(invite("used", web, NOW, expires));
        accounts.createInvite(invite("expired", web, NOW.minus(Duration.ofDays(8)), NOW.minusSeconds(1)));
        accounts.createInvite(invite("other team", mobile, NOW, expires));
        accounts.useInvite("used", NOW);

        assertThat(accounts.invites(web.id(), NOW))
                .extracting(Invite::tokenHash)
                .containsExactly("new", "old");
        assertThatThrownBy(() -> accounts.createInvite(invite("new", web, NOW, expires)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteInvite_onlyWithinItsTeam() {
        Team web = accounts.createTeam("Web");
        Team mobile = accounts.createTeam("Mobile");
        accounts.createInvite(invite("web link", web, NOW, NOW.plus(Duration.ofDays(7))));

        assertThat(accounts.deleteInvite("web link", mobile.id())).isFalse();
        assertThat(accounts.invite("web link", NOW)).isPresent();

        assertThat(accounts.deleteInvite("web link", web.id())).isTrue();
        assertThat(accounts.invite("web link", NOW)).isEmpty();
        assertThat(accounts.invites(web.id(), NOW)).isEmpty();
        assertThat(accounts.useInvite("web link", NOW)).isFalse();
        assertThat(accounts.deleteInvite("web link", web.id())).isFalse();
        assertThat(accounts.deleteInvite("unknown", web.id())).isFalse();
    }

    @Test
    void tokens_listAUsersTokensNewestFirst() {
        User alice = accounts.createUser("alice@example.com", null, false);
        User bob = accounts.createUser("bob@example.com", null, false);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ApiToken first = accounts.createToken("deploy", "hash-1", alice.id());
        ApiToken second = accounts.createToken("backup", "hash-2", alice.id());
        accounts.createToken("bob's", "hash-3", bob.id());
        accounts.createToken("instance", "hash-4", null);

        assertThat(first.name()).isEqualTo("deploy");
        assertThat(first.userId()).isEqualTo(alice.id());
        assertThat(first.createdAt()).isBetween(before, Instant.now());
        assertThat(accounts.token("hash-1")).contains(first);
        assertThat(accounts.tokens(alice.id())).containsExactly(second, first);
        assertThat(accounts.tokens(bob.id() + 1000)).isEmpty();
    }

    @Test
    void deleteToken_onlyTheOwners() {
        User alice = accounts.createUser("alice@example.com", null, false);
        User bob = accounts.createUser("bob@example.com", null, false);
        ApiToken alices = accounts.createToken("deploy", "hash-1", alice.id());
        ApiToken bobs = accounts.createToken("backup", "hash-2", bob.id());

        assertThat(accounts.deleteToken(bobs.id(), alice.id())).isFalse();
        assertThat(accounts.token("hash-2")).contains(bobs);

        assertThat(accounts.deleteToken(alices.id(), alice.id())).isTrue();
        assertThat(accounts.token("hash-1")).isEmpty();
        assertThat(accounts.tokens(alice.id())).isEmpty();
        assertThat(accounts.tokens(bob.id())).containsExactly(bobs);
        assertThat(accounts.deleteToken(alices.id(), alice.id())).isFalse();
    }

    private static Invite invite(String tokenHash, Team team, Instant createdAt, Instant expiresAt) {
        return new Invite(
                tokenHash, Invite.Kind.INVITE, null, null, team.id(), Role.MEMBER, null, createdAt, expiresAt);
    }
}
