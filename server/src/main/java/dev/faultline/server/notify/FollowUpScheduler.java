package dev.faultline.server.notify;

import dev.faultline.core.notify.FollowUp;
import dev.faultline.core.notify.Notification;
import dev.faultline.core.notify.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends the follow-ups that are due ({@link FollowUp}): each sequence whose group received a report
 * since the previous message, and is still active, gets its follow-up and moves to the next offset;
 * any other sequence ends. Run by the delivery worker's poll, before it posts, so that a follow-up
 * goes out in the poll that wrote it. A sequence late by several offsets (the server was down)
 * catches up one step per poll. Not thread-safe: one poller runs it.
 */
final class FollowUpScheduler {
    private final Outbox outbox;
    private final Clock clock;

    FollowUpScheduler(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void run(int limit) {
        Instant now = clock.instant();
        List<FollowUp> ended = new ArrayList<>();
        for (FollowUp followUp : outbox.dueFollowUps(now, limit)) {
            if (followUp.continues()) {
                Notification notification = new Notification(
                        0, followUp.appId(), followUp.groupId(), null, FollowUp.type(followUp.step()), Map.of(), now);
                outbox.sendFollowUp(
                        followUp, notification, followUp.startedAt().plus(FollowUp.offset(followUp.step() + 1)));
            } else {
                ended.add(followUp);
            }
        }
        outbox.endFollowUps(ended); // one transaction: after a burst of new groups most sequences end
    }
}
