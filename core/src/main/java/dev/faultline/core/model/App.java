package dev.faultline.core.model;

import java.time.Instant;

/**
 * An application that reports to Faultline.
 *
 * @param apiKey the Raygun API key its SDKs send
 * @param appSecret the App Center app secret (a GUID) its SDKs send
 * @param rateLimitPerMinute the most reports accepted per minute, or null for no limit
 */
public record App(
        long id, String name, String apiKey, String appSecret, Instant createdAt, Integer rateLimitPerMinute) {}
