package dev.faultline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Memory and CPU figures of a process, read from Linux's {@code /proc}; empty where there is no such file. */
final class ProcStats {

    /**
     * {@code USER_HZ}: the unit of {@code utime} and {@code stime}. 100 on every mainstream Linux architecture;
     * Java cannot call {@code sysconf(_SC_CLK_TCK)}, and running {@code getconf} for it is not worth a process.
     */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {}

    /** A {@code kB} field of {@code /proc/<pid>/status}, such as {@code VmRSS} or {@code VmHWM}, in bytes. */
    static OptionalLong statusBytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    String value = line.substring(field.length() + 1).trim();
                    return OptionalLong.of(Long.parseLong(value.split("\\s+")[0]) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** User plus system CPU time of a process, in seconds; -1 if unknown. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15: utime, stime
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Samples {@code VmRSS} every 100 ms on a daemon thread until closed or until the process is gone. */
    static final class RssSampler implements AutoCloseable {

        private final Thread thread;
        private volatile boolean stopped;
        private volatile long maxBytes;

        RssSampler(long pid) {
            thread = Thread.ofPlatform().daemon(true).name("rss-sampler").start(() -> {
                while (!stopped) {
                    OptionalLong rss = statusBytes(pid, "VmRSS");
                    if (rss.isEmpty()) {
                        return;
                    }
                    maxBytes = Math.max(maxBytes, rss.getAsLong());
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long maxBytes() {
            return maxBytes;
        }

        @Override
        public void close() {
            stopped = true;
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** CPU seconds used between two readings, or -1 when either reading failed (was -1). */
    static double cpuDelta(double after, double before) {
        return after < 0 || before < 0 ? -1 : after - before;
    }
}
