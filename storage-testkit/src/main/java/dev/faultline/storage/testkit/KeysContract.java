package dev.faultline.storage.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.model.App;
import dev.faultline.core.store.Store;
import dev.faultline.core.store.Store.RetiredKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Rotating an app's API key and App Center secret ({@link Store#rotateApiKey}, {@link
 * Store#rotateAppSecret}): the old value keeps identifying the app until its grace period ends.
 */
public abstract class KeysContract extends StoreContractSupport {
    private static final String SECRET = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String NEW_SECRET = "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed";

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void rotatedApiKey_keepsWorkingDuringItsGracePeriod() {
        App app = store.createApp("Checkout", "old-key");
        Instant expires = inAnHour();

        App rotated = store.rotateApiKey(app.id(), "new-key", expires).orElseThrow();

        assertThat(rotated.apiKey()).isEqualTo("new-key");
        assertThat(rotated.appSecret()).isEqualTo(app.appSecret());
        assertThat(store.app(app.id())).contains(rotated);
        assertThat(store.appByApiKey("new-key")).contains(rotated);
        assertThat(store.appByApiKey("old-key")).contains(rotated);
        assertThat(store.retiredKeys(app.id())).containsExactly(new RetiredKey(RetiredKey.API_KEY, "old-key", expires));
    }

    @Test
    void expiredKey_identifiesNothing() {
        App app = store.createApp("Checkout", "old-key");

        store.rotateApiKey(app.id(), "new-key", Instant.now().minusSeconds(1));

        assertThat(store.appByApiKey("old-key")).isEmpty();
        assertThat(store.appByApiKey("new-key")).isPresent();
        assertThat(store.retiredKeys(app.id())).isEmpty();
    }

    @Test
    void rotatingTwice_keepsBothOldKeysUntilTheyExpire() {
        App app = store.createApp("Checkout", "key-1");
        Instant sooner = inAnHour();
        Instant later = sooner.plus(Duration.ofHours(1));

        store.rotateApiKey(app.id(), "key-2", sooner);
        store.rotateApiKey(app.id(), "key-3", later);

        assertThat(store.retiredKeys(app.id()))
                .containsExactly(
                        new RetiredKey(RetiredKey.API_KEY, "key-1", sooner),
                        new RetiredKey(RetiredKey.API_KEY, "key-2", later));
        assertThat(store.appByApiKey("key-1").orElseThrow().id()).isEqualTo(app.id());
        assertThat(store.appByApiKey("key-2").orElseThrow().id()).isEqualTo(app.id());
    }

    @Test
    void rotatedSecret_keepsWorkingWhateverTheCase() {
        App app = store.createApp("Checkout", "key", SECRET);
        Instant expires = inAnHour();

        App rotated = store.rotateAppSecret(app.id(), NEW_SECRET.toUpperCase(Locale.ROOT), expires)
                .orElseThrow();

        assertThat(rotated.appSecret()).isEqualTo(NEW_SECRET);
        assertThat(rotated.apiKey()).isEqualTo("key");
        assertThat(store.appByAppSecret(NEW_SECRET)).contains(rotated);
        assertThat(store.appByAppSecret(SECRET.toUpperCase(Locale.ROOT))).contains(rotated);
        assertThat(store.appByApiKey(SECRET)).as("a secret is no API key").isEmpty();
        assertThat(store.retiredKeys(app.id())).containsExactly(new RetiredKey(RetiredKey.APP_SECRET, SECRET, expires));
    }

    @Test
    void rotation_refusesAValueInUse() {
        App app = store.createApp("Checkout", "key-1", SECRET);
        App other = store.createApp("Other", "key-2");

        assertThatThrownBy(() -> store.rotateApiKey(app.id(), "key-2", inAnHour()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api key already in use");
        assertThatThrownBy(() -> store.rotateApiKey(app.id(), "key-1", inAnHour()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api key already in use");
        assertThatThrownBy(() -> store.rotateAppSecret(other.id(), SECRET.toUpperCase(Locale.ROOT), inAnHour()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("app secret already in use");
        assertThat(store.apps()).containsExactly(app, other);
        assertThat(store.retiredKeys(app.id())).isEmpty();
    }

    @Test
    void retiredValue_isTakenUntilItExpires() {
        App app = store.createApp("Checkout", "old-key", SECRET);
        App other = store.createApp("Other", "other-key");
        store.rotateApiKey(app.id(), "new-key", inAnHour());
        store.rotateAppSecret(app.id(), NEW_SECRET, inAnHour());

        assertThatThrownBy(() -> store.rotateApiKey(other.id(), "old-key", inAnHour()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api key already in use");
        assertThatThrownBy(() -> store.createApp("Third", "old-key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api key already in use");
        assertThatThrownBy(() -> store.createApp("Third", "third-key", SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("app secret already in use");

        App expired = store.createApp("Fourth", "key-4");
        store.rotateApiKey(expired.id(), "key-5", Instant.now().minusSeconds(1));
        App reused = store.createApp("Fifth", "key-4");
        assertThat(store.appByApiKey("key-4")).contains(reused);
    }

    @Test
    void appMayTakeBackItsOwnRetiredKey() {
        App app = store.createApp("Checkout", "key-1");
        store.rotateApiKey(app.id(), "key-2", inAnHour());

        App back = store.rotateApiKey(app.id(), "key-1", inAnHour()).orElseThrow();

        assertThat(back.apiKey()).isEqualTo("key-1");
        assertThat(store.retiredKeys(app.id())).extracting(RetiredKey::key).containsExactly("key-2");
        assertThat(store.appByApiKey("key-1")).contains(back);
        assertThat(store.appByApiKey("key-2")).contains(back);
    }

    @Test
    void rotatingAnUnknownApp_isEmpty() {
        assertThat(store.rotateApiKey(424242, "key", inAnHour())).isEmpty();
        assertThat(store.rotateAppSecret(424242, NEW_SECRET, inAnHour())).isEmpty();
        assertThat(store.retiredKeys(424242)).isEmpty();
    }
}
