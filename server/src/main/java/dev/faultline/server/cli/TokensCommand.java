package dev.faultline.server.cli;

import dev.faultline.core.store.Store;
import dev.faultline.server.api.Tokens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "tokens",
        mixinStandardHelpOptions = true,
        description = "Create bearer tokens for the REST API.",
        subcommands = {TokensCommand.Create.class})
public final class TokensCommand {

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a token and print it once as JSON; only its hash is stored.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "What the token is for.")
        String name;

        @Override
        public Integer call() {
            if (name.isBlank()) {
                throw new IllegalArgumentException("--name must not be blank");
            }
            String token = Tokens.newToken();
            try (Store store = StoreCommand.open()) {
                store.createToken(name.trim(), Tokens.hash(token));
            }
            Map<String, String> output = new LinkedHashMap<>();
            output.put("name", name.trim());
            output.put("token", token);
            StoreCommand.print(output);
            return 0;
        }
    }
}
