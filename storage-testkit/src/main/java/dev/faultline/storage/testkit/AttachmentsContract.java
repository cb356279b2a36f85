package dev.faultline.storage.testkit;

import static dev.faultline.storage.testkit.TestAttachment.attachment;
import static dev.faultline.storage.testkit.TestReport.T0;
import static dev.faultline.storage.testkit.TestReport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.ingest.Stored;
import dev.faultline.core.model.App;
import dev.faultline.core.store.Attachment;
import dev.faultline.core.store.AttachmentContent;
import dev.faultline.core.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * App Center attachments ({@link Store#attachments}, {@link Store#attachment}): stored once per app
 * and id, and found through the event whose log id they name, whichever of the two came first.
 */
public abstract class AttachmentsContract extends StoreContractSupport {
    private static final Stored NEW = new Stored(0, 0, false, false);
    private static final Stored DUPLICATE = new Stored(0, 0, false, true);

    @Test
    void attachmentsBeforeWithAndAfterTheReport_areListedOnItsEvent() {
        App app = newApp();
        Stored before = write(attachment("before").receivedAt(T0).upload(app));
        List<Stored> with = write(
                report().logId("log-1").ingest(app),
                attachment("with").receivedAt(T0.plusSeconds(1)).upload(app));
        Stored after = write(attachment("after").receivedAt(T0.plusSeconds(2)).upload(app));

        assertThat(before).isEqualTo(NEW);
        assertThat(with.get(1)).isEqualTo(NEW);
        assertThat(after).isEqualTo(NEW);
        assertThat(store.attachments(with.getFirst().eventId()))
                .extracting(Attachment::id)
                .containsExactly("before", "with", "after");
    }

    @Test
    void attachments_areListedOldestFirstThenInWriteOrder() {
        App app = newApp();
        long eventId = write(report().logId("log-1").ingest(app)).eventId();
        write(attachment("c").receivedAt(T0.plusSeconds(2)).upload(app));
        write(
                attachment("a").receivedAt(T0).upload(app),
                attachment("b").receivedAt(T0).upload(app));

        assertThat(store.attachments(eventId))
                .containsExactly(
                        new Attachment("a", "log-1", "text/plain", null, 12, T0),
                        new Attachment("b", "log-1", "text/plain", null, 12, T0),
                        new Attachment("c", "log-1", "text/plain", null, 12, T0.plusSeconds(2)));
    }

    @Test
    void attachment_roundTripsByteForByte() {
        App app = newApp();
        long eventId = write(report().logId("log-1").ingest(app)).eventId();
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] large = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(large);

        write(
                attachment("bytes")
                        .contentType("application/octet-stream")
                        .fileName("every byte.bin")
                        .data(everyByte)
                        .receivedAt(T0.plusNanos(123_456_789))
                        .upload(app),
                attachment("large").data(large).upload(app),
                attachment("empty").data(new byte[0]).upload(app));

        AttachmentContent bytes = store.attachment(eventId, "bytes").orElseThrow();
        assertThat(bytes.attachment())
                .isEqualTo(new Attachment(
                        "bytes", "log-1", "application/octet-stream", "every byte.bin", 256, T0.plusMillis(123)));
        assertThat(bytes.data()).isEqualTo(everyByte);
        AttachmentContent largeContent = store.attachment(eventId, "large").orElseThrow();
        assertThat(largeContent.attachment().size()).isEqualTo(large.length);
        assertThat(largeContent.data()).isEqualTo(large);
        AttachmentContent empty = store.attachment(eventId, "empty").orElseThrow();
        assertThat(empty.attachment().size()).isZero();
        assertThat(empty.data()).isEmpty();
        assertThat(store.attachments(eventId))
                .containsExactly(largeContent.attachment(), empty.attachment(), bytes.attachment());
    }

    @Test
    void sameIdTwice_isStoredOnceAndReportedDuplicate() {
        App app = newApp();
        long eventId = write(report().logId("log-1").ingest(app)).eventId();

        List<Stored> first = write(
                attachment("a1").data("first").upload(app),
                attachment("a1").data("second").upload(app));
        Stored later = write(attachment("a1").data("third").upload(app));

        assertThat(first).containsExactly(NEW, DUPLICATE);
        assertThat(later).isEqualTo(DUPLICATE);
        assertThat(store.attachments(eventId)).hasSize(1);
        assertThat(text(store.attachment(eventId, "a1").orElseThrow())).isEqualTo("first");
    }

    @Test
    void sameIdInAnotherApp_isAnotherAttachment() {
        App app = newApp();
        App other = newApp();
        long eventId = write(report().logId("log-1").ingest(app)).eventId();
        long otherEventId = write(report().logId("log-1").ingest(other)).eventId();

        List<Stored> stored = write(
                attachment("a1").data("mine").upload(app),
                attachment("a1").data("theirs").upload(other));

        assertThat(stored).containsExactly(NEW, NEW);
        assertThat(text(store.attachment(eventId, "a1").orElseThrow())).isEqualTo("mine");
        assertThat(text(store.attachment(otherEventId, "a1").orElseThrow())).isEqualTo("theirs");
    }

    @Test
    void attachment_isNotFoundThroughAnotherAppsEvent() {
        App app = newApp();
        App other = newApp();
        long eventId = write(report().logId("log-1").ingest(app)).eventId();
        long otherEventId = write(report().logId("log-1").ingest(other)).eventId();

        write(attachment("a1").upload(app));

        assertThat(store.attachments(eventId)).extracting(Attachment::id).containsExactly("a1");
        assertThat(store.attachments(otherEventId)).isEmpty();
        assertThat(store.attachment(otherEventId, "a1")).isEmpty();
    }

    @Test
    void attachment_isNotFoundThroughAnEventWithAnotherLogIdOrNone() {
        App app = newApp();
        List<Stored> events = write(
                report().logId("log-1").ingest(app), report().logId("log-2").ingest(app), report().ingest(app));

        write(attachment("a1").of("log-1").upload(app));

        assertThat(store.attachment(events.get(0).eventId(), "a1")).isPresent();
        for (Stored event : events.subList(1, 3)) {
            assertThat(store.attachments(event.eventId())).isEmpty();
            assertThat(store.attachment(event.eventId(), "a1")).isEmpty();
        }
    }

    @Test
    void unknownEventOrAttachment_isEmpty() {
        App app = newApp();
        long eventId = write(report().logId("log-1").ingest(app)).eventId();
        write(attachment("a1").upload(app));

        assertThat(store.attachment(eventId, "a2")).isEmpty();
        assertThat(store.attachment(eventId, "A1"))
                .as("ids are compared exactly")
                .isEmpty();
        assertThat(store.attachments(424242)).isEmpty();
        assertThat(store.attachment(424242, "a1")).isEmpty();
    }

    @Test
    void minidump_isKnownByItsFileName() {
        App app = newApp();
        long eventId = write(report().logId("log-1").ingest(app)).eventId();

        write(
                attachment("dump").fileName("minidump.dmp").upload(app),
                attachment("text").fileName("log.txt").upload(app),
                attachment("unnamed").upload(app));

        assertThat(store.attachments(eventId))
                .extracting(Attachment::id, Attachment::fileName, Attachment::minidump)
                .containsExactly(
                        tuple("dump", "minidump.dmp", true),
                        tuple("text", "log.txt", false),
                        tuple("unnamed", null, false));
    }

    private static String text(AttachmentContent content) {
        return new String(content.data(), StandardCharsets.UTF_8);
    }
}
