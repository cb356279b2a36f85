package dev.faultline.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the packaged faultline.jar in a child process, as a user would. */
final class ServerProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "faultline.jar");

    final Process process;
    final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code serve} on a free loopback port and waits until it listens. */
    static ServerProcess serve(Path dataDir) throws IOException {
        int port = freePort();
        ProcessBuilder builder = command(dataDir, "serve");
        builder.environment().put("FAULTLINE_HOST", "127.0.0.1");
        builder.environment().put("FAULTLINE_PORT", Integer.toString(port));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.contains("Faultline listening on http://")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (!ready.get(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server exited with " + process.waitFor());
            }
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start", e);
        }
        Thread.ofVirtual().start(() -> drain(out));
        return new ServerProcess(process, port);
    }

    /** Runs a CLI command to completion and returns what it printed on stdout. */
    static Result run(Path dataDir, String... args) throws IOException, InterruptedException {
        Process process = command(dataDir, args).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String out = readAll(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("faultline " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), out, err.join());
    }

    record Result(int exitCode, String out, String err) {}

    private static ProcessBuilder command(Path dataDir, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests through ./mvnw verify");
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("FAULTLINE_DATA", dataDir.toString());
        return builder;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe empty so that the child never blocks on logging
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }
}
