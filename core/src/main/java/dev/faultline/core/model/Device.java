package dev.faultline.core.model;

import java.util.Map;

/**
 * The machine, device or browser a report came from. Common fields are named; everything else the
 * SDK sent about its environment is kept in {@code extra} under the name it was sent with.
 *
 * @param installId the App Center install id (a device-stable identifier), or null
 */
public record Device(
        String osName,
        String osVersion,
        String model,
        String manufacturer,
        String locale,
        String architecture,
        String deviceName,
        String installId,
        Map<String, Object> extra) {

    public Device {
        extra = extra == null ? Map.of() : extra;
    }
}
