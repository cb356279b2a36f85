package dev.faultline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * A Raygun entry as the SDKs send it ({@code POST /entries}), built field by field with a JSON
 * writer, so that any text, hostile markup included, arrives exactly as given.
 */
final class RaygunEntry {
    private final ObjectNode root = TestServer.JSON.createObjectNode();
    private final ObjectNode details = root.putObject("details");
    private final ObjectNode error = details.putObject("error");
    private ObjectNode innermost = error;

    private RaygunEntry(String className, String message) {
        root.put("occurredOn", Instant.now().toString());
        error.put("className", className).put("message", message);
    }

    static RaygunEntry error(String className, String message) {
        return new RaygunEntry(className, message);
    }

    RaygunEntry occurredOn(Instant at) {
        root.put("occurredOn", at.toString());
        return this;
    }

    /** Makes every report of the same key one group, whatever its frames. */
    RaygunEntry groupingKey(String key) {
        details.put("groupingKey", key);
        return this;
    }

    RaygunEntry version(String version) {
        details.put("version", version);
        return this;
    }

    RaygunEntry user(String identifier) {
        details.putObject("user").put("identifier", identifier).put("email", identifier + "@example.com");
        return this;
    }

    /** An anonymous user as the JavaScript SDK sends one: identifier and UUID the same random id. */
    RaygunEntry anonymousUser(String uuid) {
        details.putObject("user")
                .put("identifier", uuid)
                .put("isAnonymous", true)
                .put("uuid", uuid);
        return this;
    }

    RaygunEntry tags(String... tags) {
        ArrayNode array = details.putArray("tags");
        for (String tag : tags) {
            array.add(tag);
        }
        return this;
    }

    RaygunEntry environment(String osName, String model) {
        environment().put("osName", osName).put("model", model);
        return this;
    }

    ObjectNode environment() {
        return details.has("environment") ? (ObjectNode) details.get("environment") : details.putObject("environment");
    }

    /** Adds a frame to the innermost error so far. */
    RaygunEntry frame(String className, String method, String file, int line) {
        ArrayNode stack = innermost.has("stackTrace")
                ? (ArrayNode) innermost.get("stackTrace")
                : innermost.putArray("stackTrace");
        stack.addObject()
                .put("className", className)
                .put("methodName", method)
                .put("fileName", file)
                .put("lineNumber", line);
        return this;
    }

    /** Adds the cause of the innermost error so far. */
    RaygunEntry causedBy(String className, String message) {
        innermost =
                innermost.putObject("innerError").put("className", className).put("message", message);
        return this;
    }

    RaygunEntry breadcrumb(String category, String level, String message, Map<String, String> data) {
        ArrayNode crumbs =
                details.has("breadcrumbs") ? (ArrayNode) details.get("breadcrumbs") : details.putArray("breadcrumbs");
        ObjectNode crumb = crumbs.addObject()
                .put("timestamp", Instant.now().toEpochMilli())
                .put("category", category)
                .put("level", level)
                .put("message", message);
        ObjectNode custom = crumb.putObject("customData");
        data.forEach(custom::put);
        return this;
    }

    /** Custom data from JSON text (nested objects and arrays as written). */
    RaygunEntry customData(String json) {
        details.set("userCustomData", parse(json));
        return this;
    }

    RaygunEntry request(
            String method,
            String url,
            Map<String, String> headers,
            Map<String, String> query,
            Map<String, String> form,
            String rawData) {
        ObjectNode request = details.putObject("request")
                .put("httpMethod", method)
                .put("url", url)
                .put("hostName", "shop.example.com")
                .put("ipAddress", "203.0.113.7")
                .put("rawData", rawData);
        ObjectNode headerNode = request.putObject("headers");
        headers.forEach(headerNode::put);
        ObjectNode queryNode = request.putObject("queryString");
        query.forEach(queryNode::put);
        ObjectNode formNode = request.putObject("form");
        form.forEach(formNode::put);
        return this;
    }

    byte[] bytes() {
        try {
            return TestServer.JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return TestServer.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
