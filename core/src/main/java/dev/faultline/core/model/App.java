package dev.faultline.core.model;

import java.time.Instant;

/**
 * An application that reports to Faultline.
 *
 * @param apiKey the Raygun API key its SDKs send
 * @param appSecret the App Center app secret (a GUID) its SDKs send
 * @param rateLimitPerMinute the most reports accepted per minute, or null for no limit
 * @param teamId the team that owns the app; only its members see it
 * @param retentionDays events older than this many days are deleted, or null to keep them
 */
public record App(
        long id,
        String name,
        String apiKey,
        String appSecret,
        Instant createdAt,
        Integer rateLimitPerMinute,
        long teamId,
        Integer retentionDays) {

    /** An app of team 1 kept forever. */
    public App(long id, String name, String apiKey, String appSecret, Instant createdAt, Integer rateLimitPerMinute) {
        this(id, name, apiKey, appSecret, createdAt, rateLimitPerMinute, 1, null);
    }
}
