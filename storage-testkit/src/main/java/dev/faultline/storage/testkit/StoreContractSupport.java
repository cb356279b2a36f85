package dev.faultline.storage.testkit;

import dev.faultline.core.account.Accounts;
import dev.faultline.core.ingest.IngestItem;
import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.model.Group;
import dev.faultline.core.store.GroupDetail;
import dev.faultline.core.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every contract class shares: a fresh store per test, kept in a fresh folder, and small
 * helpers. A backend's test extends each contract class (as nested classes) and implements {@link
 * #newStore}.
 */
public abstract class StoreContractSupport {
    @TempDir
    protected Path dir;

    /** The store under test, opened on {@link #dir} before each test. */
    protected Store store;

    private final List<Store> opened = new ArrayList<>();
    private int apps;

    /**
     * Opens the store kept in {@code dir}, creating it when empty. Called more than once with the
     * same folder, it must open the same data (as a second process would).
     */
    protected abstract Store newStore(Path dir);

    @BeforeEach
    protected final void openStore() {
        store = openAnother();
    }

    @AfterEach
    protected final void closeStores() {
        for (Store each : opened.reversed()) {
            each.close();
        }
    }

    /** Another store on the same data, closed after the test. */
    protected final Store openAnother() {
        Store another = newStore(dir);
        opened.add(another);
        return another;
    }

    /**
     * The store's accounts. A backend keeps them in the store's database, so its store implements
     * {@link Accounts} too.
     */
    protected final Accounts accounts() {
        return (Accounts) store;
    }

    protected final App newApp() {
        apps++;
        return store.createApp("app " + apps, "key-" + apps);
    }

    protected final Stored write(IngestItem item) {
        return store.write(List.of(item)).getFirst();
    }

    protected final List<Stored> write(IngestItem... batch) {
        return store.write(List.of(batch));
    }

    protected final Group group(long groupId) {
        return detail(groupId).group();
    }

    protected final GroupDetail detail(long groupId) {
        return store.group(groupId).orElseThrow(() -> new AssertionError("no group " + groupId));
    }
}
