package dev.faultline.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The baseline Faultline is compared with: the same HTTP stack (Javalin on Jetty, virtual threads) and the same
 * JSON parser, doing the least an ingest endpoint must do. It reads the body, gunzips it if so declared, parses it
 * into a tree and answers 202, storing nothing. Started by the bench as its own process:
 * {@code BareServer <host> <port> <path>...}.
 */
public final class BareServer {

    static final String READY_MARKER = "Bare server listening on http://";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BareServer() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: BareServer <host> <port> <path>...");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Javalin app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.concurrency.useVirtualThreads = true;
                    for (String path : Arrays.asList(args).subList(2, args.length)) {
                        config.routes.post(path, BareServer::accept);
                    }
                    config.routes.exception(JsonProcessingException.class, (error, ctx) -> ctx.status(400));
                })
                .start(host, port);
        System.out.println(READY_MARKER + host + ":" + app.port());
    }

    private static void accept(Context ctx) throws IOException {
        byte[] body = ctx.bodyAsBytes();
        boolean parsed = "gzip".equalsIgnoreCase(ctx.header("Content-Encoding"))
                ? !JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(body)))
                        .isMissingNode()
                : !JSON.readTree(body).isMissingNode();
        ctx.status(parsed ? 202 : 400);
    }
}
