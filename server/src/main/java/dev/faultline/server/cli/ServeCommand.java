package dev.faultline.server.cli;

import dev.faultline.server.Config;
import dev.faultline.server.FaultlineServer;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the server. Settings come from FAULTLINE_* environment variables (see the README).")
public final class ServeCommand implements Runnable {

    @Override
    public void run() {
        Config config = Config.fromEnvironment();
        FaultlineServer server = FaultlineServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        String shownHost = "0.0.0.0".equals(config.host()) ? "localhost" : config.host();
        System.out.println(
                "Faultline listening on http://" + shownHost + ":" + server.port() + " (bound to " + config.host()
                        + "), data in " + config.dataDir().toAbsolutePath().normalize());
        server.httpsPort()
                .ifPresent(port -> System.out.println("HTTPS on https://" + shownHost + ":" + port + " with "
                        + config.tlsCert().toAbsolutePath().normalize()));
        server.setupLink()
                .ifPresent(link -> System.out.println("No users yet: open " + link
                        + " to create the first administrator (or run ./faultline users create --email E --admin)"));
        if (server.store().apps().isEmpty()) {
            System.out.println("No apps yet: create one with ./faultline apps create --name NAME");
        }
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
