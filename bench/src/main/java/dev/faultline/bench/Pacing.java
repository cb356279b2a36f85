package dev.faultline.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Waiting for a moment and for worker threads, shared by the load loops. */
final class Pacing {

    private Pacing() {}

    /** Parks the calling thread until {@link System#nanoTime()} reaches {@code nanoTime}. */
    static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Joins each thread until {@code deadline} (a nano time), interrupting those still running then. */
    static void joinAll(List<Thread> threads, long deadline) {
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
