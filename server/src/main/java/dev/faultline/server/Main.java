package dev.faultline.server;

import dev.faultline.server.cli.AppsCommand;
import dev.faultline.server.cli.ServeCommand;
import dev.faultline.server.cli.TeamsCommand;
import dev.faultline.server.cli.TokensCommand;
import dev.faultline.server.cli.UsersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code faultline}: the command line. */
@Command(
        name = "faultline",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Self-hosted crash and error reporting for Raygun and App Center SDKs.",
        subcommands = {
            ServeCommand.class,
            AppsCommand.class,
            TokensCommand.class,
            UsersCommand.class,
            TeamsCommand.class
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, without exiting (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("faultline: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"faultline " + (version == null ? "development build" : version)};
        }
    }
}
