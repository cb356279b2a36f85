package dev.faultline.server.cli;

import dev.faultline.core.account.User;
import dev.faultline.server.api.Tokens;
import dev.faultline.storage.sqlite.SqliteStore;
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

        @Option(
                names = "--user",
                description = "The email of the user the token acts for, seeing what they see (without it the"
                        + " token sees every app).")
        String user;

        @Override
        public Integer call() {
            if (name.isBlank()) {
                throw new IllegalArgumentException("--name must not be blank");
            }
            String token = Tokens.newToken();
            String email = null;
            try (SqliteStore store = StoreCommand.open()) {
                Long userId = null;
                if (user != null) {
                    User owner = AccountOptions.user(store, "--user", user);
                    userId = owner.id();
                    email = owner.email();
                }
                store.createToken(name.trim(), Tokens.hash(token), userId);
            }
            Map<String, String> output = new LinkedHashMap<>();
            output.put("name", name.trim());
            if (email != null) {
                output.put("user", email);
            }
            output.put("token", token);
            StoreCommand.print(output);
            return 0;
        }
    }
}
