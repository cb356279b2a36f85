package dev.faultline.core.store;

import static java.util.Objects.requireNonNull;

/** A stored attachment with its content; {@code data} is not copied, so do not modify it. */
public record AttachmentContent(Attachment attachment, byte[] data) {

    public AttachmentContent {
        requireNonNull(attachment, "attachment");
        requireNonNull(data, "data");
    }
}
