package dev.faultline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose merged stdout and stderr go to a log file. Every child still alive when the bench exits,
 * however it exits, is killed by a shutdown hook. Thread-safe.
 */
final class ChildProcess implements AutoCloseable {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> LIVE.forEach(process -> {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                })));
    }

    private final String name;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile String markerLine;
    private final Thread pump;

    private ChildProcess(String name, Process process, Path log, String marker) {
        this.name = name;
        this.process = process;
        this.pump = Thread.ofPlatform().daemon(true).name(name + "-output").start(() -> pump(log, marker));
    }

    /** Starts {@code command} with the inherited environment minus every {@code FAULTLINE_*}, plus {@code env}. */
    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log, String marker) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // A FAULTLINE_* setting of the shell the bench runs in must not change what is measured.
        builder.environment().keySet().removeIf(key -> key.startsWith("FAULTLINE_"));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = builder.start();
            LIVE.add(process);
            return new ChildProcess(name, process, log, marker);
        } catch (IOException e) {
            throw new BenchFailure("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to completion and returns its last 40 lines of output; fails unless it exits 0 within {@code timeout}. */
    static String run(String name, List<String> command, Map<String, String> env, Path log, Duration timeout) {
        try (ChildProcess child = start(name, command, env, log, null)) {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BenchFailure(
                        name + " did not finish within " + timeout.toSeconds() + " s" + child.tailText());
            }
            child.pump.join(1000);
            if (child.process.exitValue() != 0) {
                throw new BenchFailure(name + " exited with " + child.process.exitValue() + child.tailText());
            }
            return String.join("\n", child.lines());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure(name + " interrupted", e);
        }
    }

    /**
     * Waits until a line of output contains the start's marker and {@code port} on 127.0.0.1 accepts connections.
     */
    void awaitReady(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BenchFailure(
                        name + " exited with " + process.exitValue() + " before it was ready" + tailText());
            }
            if (markerLine != null && accepts(port)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure(name + " start interrupted", e);
            }
        }
        throw new BenchFailure(name + " was not ready within " + timeout.toSeconds() + " s" + tailText());
    }

    long pid() {
        return process.pid();
    }

    String markerLine() {
        return markerLine;
    }

    /** Asks the process to stop (SIGTERM), then kills it if it is still there after 5 seconds. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(process);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void pump(Path log, String marker) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                writer.write(line);
                writer.write('\n');
                writer.flush();
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
                if (marker != null && markerLine == null && line.contains(marker)) {
                    markerLine = line;
                }
            }
        } catch (IOException e) {
            // The process went away; its output so far is in the log.
        }
    }

    private List<String> lines() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    private String tailText() {
        List<String> lines = lines();
        return lines.isEmpty() ? " (no output)" : "; last output:\n  " + String.join("\n  ", lines);
    }
}
