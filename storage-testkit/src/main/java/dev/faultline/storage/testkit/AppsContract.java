package dev.faultline.storage.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.account.ApiToken;
import dev.faultline.core.account.Team;
import dev.faultline.core.account.User;
import dev.faultline.core.ingest.DropReason;
import dev.faultline.core.model.App;
import dev.faultline.core.store.Store.DropKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Apps with their teams, API keys and App Center secrets, names, rate limits and retention; API
 * tokens and drop counters.
 */
public abstract class AppsContract extends StoreContractSupport {
    /** A random (version 4) GUID in lower case, as every app gets for its App Center secret. */
    public static final String RANDOM_GUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private static final String SECRET = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void createApp_returnsTheNewApp() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        App app = store.createApp("Checkout", "key-1");

        assertThat(app.id()).isPositive();
        assertThat(app.name()).isEqualTo("Checkout");
        assertThat(app.apiKey()).isEqualTo("key-1");
        assertThat(app.createdAt()).isBetween(before, Instant.now());
        assertThat(app.appSecret()).matches(RANDOM_GUID);
        assertThat(app.rateLimitPerMinute()).isNull();
        assertThat(store.app(app.id())).contains(app);
    }

    @Test
    void createApp_givesEachAppItsOwnRandomSecret() {
        App first = store.createApp("a", "key-1");
        App second = store.createApp("b", "key-2");

        assertThat(first.appSecret()).matches(RANDOM_GUID);
        assertThat(second.appSecret()).matches(RANDOM_GUID).isNotEqualTo(first.appSecret());
    }

    @Test
    void createApp_keepsTheSecretInLowerCase() {
        App app = store.createApp("Checkout", "key-1", SECRET.toUpperCase(Locale.ROOT));

        assertThat(app.appSecret()).isEqualTo(SECRET);
        assertThat(store.app(app.id())).contains(app);
    }

    @Test
    void createApp_refusesASecretInUseWhateverItsCase() {
        App first = store.createApp("Checkout", "key-1", SECRET);

        assertThatThrownBy(() -> store.createApp("Other", "key-2", SECRET.toUpperCase(Locale.ROOT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("app secret already in use");
        assertThat(store.apps()).containsExactly(first);
    }

    @Test
    void createApp_refusesAKeyInUse() {
        App first = store.createApp("Checkout", "key-1");

        assertThatThrownBy(() -> store.createApp("Other", "key-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api key already in use");
        assertThat(store.apps()).containsExactly(first);
    }

    @Test
    void apps_listsOldestFirst() {
        App first = store.createApp("b", "key-1");
        App second = store.createApp("a", "key-2");
        App third = store.createApp("c", "key-3");

        assertThat(store.apps()).containsExactly(first, second, third);
    }

    @Test
    void appByApiKey_findsTheApp() {
        newApp();
        App app = store.createApp("Checkout", "secret");

        assertThat(store.appByApiKey("secret")).contains(app);
        assertThat(store.appByApiKey("other")).isEmpty();
        assertThat(store.app(app.id() + 1000)).isEmpty();
    }

    @Test
    void appByAppSecret_findsTheAppWhateverTheCase() {
        newApp();
        App app = store.createApp("Checkout", "key", SECRET);

        assertThat(store.appByAppSecret(SECRET)).contains(app);
        assertThat(store.appByAppSecret(SECRET.toUpperCase(Locale.ROOT))).contains(app);
        assertThat(store.appByAppSecret("1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed")).isEmpty();
        assertThat(store.appByAppSecret("key")).as("an API key is no secret").isEmpty();
    }

    @Test
    void setRateLimit_setsAndClears() {
        App app = newApp();

        App limited = store.setRateLimit(app.id(), 600).orElseThrow();
        assertThat(limited.rateLimitPerMinute()).isEqualTo(600);
        assertThat(store.app(app.id())).contains(limited);

        App unlimited = store.setRateLimit(app.id(), null).orElseThrow();
        assertThat(unlimited.rateLimitPerMinute()).isNull();
        assertThat(unlimited).isEqualTo(app);
    }

    @Test
    void setRateLimit_ofAnUnknownApp_isEmpty() {
        assertThat(store.setRateLimit(12345, 10)).isEmpty();
    }

    @Test
    void createApp_withoutATeam_givesItToTheOldestTeam() {
        App first = store.createApp("a", "key-1");
        Team made = accounts().teams().getFirst();
        Team later = accounts().createTeam("Later");
        App second = store.createApp("b", "key-2");

        assertThat(accounts().teams()).containsExactly(made, later);
        assertThat(made.name()).isEqualTo("Default");
        assertThat(first.teamId()).isEqualTo(made.id());
        assertThat(second.teamId()).isEqualTo(made.id());
    }

    @Test
    void createApp_withoutATeam_takesAnExistingOne() {
        Team team = accounts().createTeam("Mobile");

        App app = store.createApp("a", "key-1");

        assertThat(app.teamId()).isEqualTo(team.id());
        assertThat(accounts().teams()).containsExactly(team);
    }

    @Test
    void createApp_forATeam() {
        accounts().createTeam("Web");
        Team mobile = accounts().createTeam("Mobile");

        App app = store.createApp(mobile.id(), "Checkout", "key-1", SECRET.toUpperCase(Locale.ROOT));

        assertThat(app.teamId()).isEqualTo(mobile.id());
        assertThat(app.appSecret()).isEqualTo(SECRET);
        assertThat(app.retentionDays()).isNull();
        assertThat(store.app(app.id())).contains(app);
        assertThatThrownBy(() -> store.createApp(mobile.id() + 1000, "Other", "key-2", "secret-2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.createApp(mobile.id(), "Other", "key-1", "secret-2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api key already in use");
        assertThat(store.apps()).containsExactly(app);
    }

    @Test
    void renameApp_changesOnlyTheName() {
        App app = newApp();

        App renamed = store.renameApp(app.id(), "Renamed").orElseThrow();

        assertThat(renamed.name()).isEqualTo("Renamed");
        assertThat(renamed.apiKey()).isEqualTo(app.apiKey());
        assertThat(store.app(app.id())).contains(renamed);
        assertThat(store.renameApp(12345, "x")).isEmpty();
    }

    @Test
    void setRetention_setsAndClears() {
        App app = newApp();

        App kept = store.setRetention(app.id(), 30).orElseThrow();
        assertThat(kept.retentionDays()).isEqualTo(30);
        assertThat(store.app(app.id())).contains(kept);

        App forever = store.setRetention(app.id(), null).orElseThrow();
        assertThat(forever).isEqualTo(app);
        assertThat(store.setRetention(12345, 30)).isEmpty();
        assertThatThrownBy(() -> store.setRetention(app.id(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokens_ofAUserOrOfNobody() {
        User user = accounts().createUser("ci@example.com", null, false);

        ApiToken mine = accounts().createToken("deploy", "hash-1", user.id());
        ApiToken instanceWide = accounts().createToken("cli", "hash-2", null);
        store.createToken("legacy", "hash-3");

        assertThat(mine.name()).isEqualTo("deploy");
        assertThat(mine.userId()).isEqualTo(user.id());
        assertThat(instanceWide.userId()).isNull();
        assertThat(accounts().token("hash-1")).contains(mine);
        assertThat(accounts().token("hash-2")).contains(instanceWide);
        assertThat(accounts().token("hash-3").orElseThrow().userId()).isNull();
        assertThat(accounts().token("hash-4")).isEmpty();
        assertThat(store.tokenExists("hash-1")).isTrue();
        assertThatThrownBy(() -> accounts().createToken("again", "hash-3", user.id()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token already exists");
        assertThatThrownBy(() -> accounts().createToken("ghost", "hash-5", user.id() + 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokens_areFoundByHash() {
        store.createToken("ci", "hash-1");

        assertThat(store.tokenExists("hash-1")).isTrue();
        assertThat(store.tokenExists("hash-2")).isFalse();
    }

    @Test
    void createToken_refusesAHashInUse() {
        store.createToken("ci", "hash-1");

        assertThatThrownBy(() -> store.createToken("other", "hash-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token already exists");
    }

    @Test
    void drops_addUpPerAppAndReason() {
        App app = newApp();
        App other = newApp();

        store.addDrops(Map.of(
                new DropKey(app.id(), DropReason.TOO_LARGE), 2L,
                new DropKey(other.id(), DropReason.TOO_LARGE), 5L,
                new DropKey(0, DropReason.UNKNOWN_KEY), 7L));
        store.addDrops(Map.of(
                new DropKey(app.id(), DropReason.TOO_LARGE), 3L,
                new DropKey(app.id(), DropReason.RATE_LIMITED), 1L));
        store.addDrops(Map.of());

        assertThat(store.drops(app.id()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(DropReason.TOO_LARGE, 5L, DropReason.RATE_LIMITED, 1L));
        assertThat(store.drops(other.id())).containsExactlyEntriesOf(Map.of(DropReason.TOO_LARGE, 5L));
        assertThat(store.drops(0)).containsExactlyEntriesOf(Map.of(DropReason.UNKNOWN_KEY, 7L));
        assertThat(store.drops(999)).isEmpty();
    }
}
