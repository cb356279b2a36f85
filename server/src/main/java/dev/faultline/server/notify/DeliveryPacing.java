package dev.faultline.server.notify;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How fast webhook deliveries go out: every {@code poll}, at most {@code batch} deliveries (and as many
 * follow-ups), or only {@code busyBatch} while the machine's CPU is more than {@code busyCpuPercent}
 * busy. Delivery yields to ingestion that way: on a saturated machine every post takes CPU from
 * reports, so a flood of new groups is notified at the slower pace and the backlog drains at the
 * full one once the flood is over. Nothing waits forever: the busy pace is never zero.
 *
 * @param poll how often due deliveries are looked for
 * @param batch the most deliveries posted per poll
 * @param busyBatch the most deliveries posted per poll while the machine is busy
 * @param busyCpuPercent the machine's CPU use, over the last poll, above which it counts as busy
 *     (100: never)
 */
public record DeliveryPacing(Duration poll, int batch, int busyBatch, int busyCpuPercent) {

    /**
     * How many deliveries one poll may post when the machine's CPU was {@code cpuLoad} busy (0 to 1,
     * negative when unknown: then the full batch).
     */
    int batchAt(double cpuLoad) {
        return cpuLoad * 100 > busyCpuPercent ? busyBatch : batch;
    }

    /**
     * The CPU use of the whole machine (or the container's share of it) since the previous call, as the
     * JDK measures it: 0 to 1, negative when the platform does not tell.
     */
    public static DoubleSupplier machineCpuLoad() {
        OperatingSystemMXBean system = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        return system::getCpuLoad;
    }
}
