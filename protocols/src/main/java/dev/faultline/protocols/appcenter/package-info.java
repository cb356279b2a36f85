/**
 * App Center's ingestion format ({@code POST /logs?api-version=1.0.0}): decoding, validation per
 * log, and mapping to the {@link dev.faultline.core.model.Report} model.
 *
 * <h2>The batch</h2>
 *
 * A body is a JSON object whose {@code logs} array holds the logs; the key may be in any letter case
 * and may be the doc samples' {@code "logs:"}. The JSON is read leniently (trailing commas,
 * duplicate keys: the last wins). Only a body that is not JSON, or JSON without a {@code logs}
 * array, is refused as a whole; every other problem drops just the log it is in, because the SDKs
 * delete all their pending logs when a request is refused.
 *
 * <h2>Validation per log</h2>
 *
 * Every log: {@code type} (a known one), {@code device} with {@code appVersion}, {@code appBuild},
 * {@code sdkName}, {@code sdkVersion}, {@code osName}, {@code osVersion} and {@code locale};
 * {@code device.timeZoneOffset}, when sent, minutes within ±840; {@code timestamp}, when sent, an
 * ISO 8601 date-time at most 25 days in the past and 3 days in the future (the limits are settings;
 * {@code TIMESTAMP_OUT_OF_RANGE} otherwise). Without a timestamp a log happened when it arrived.
 *
 * <ul>
 *   <li>{@code managedError}, {@code appleError}: {@code id}, {@code fatal} ({@code true}/{@code
 *       false}, also as a string), {@code processName}; {@code processId} when sent is an integer or a
 *       string of one (the doc's sample sends {@code "123"}). {@code managedError} needs {@code
 *       exception.type}; {@code appleError} needs {@code applicationPath}, {@code osExceptionType},
 *       {@code osExceptionCode} and {@code osExceptionAddress}.
 *   <li>{@code handledError}: {@code id} and {@code exception.type}. Its {@code properties} become
 *       the report's custom data, cut to 20 entries of 125 characters as App Center kept them.
 *   <li>{@code errorAttachment}: {@code errorId}, {@code contentType} and base64 {@code data} of at
 *       most 7 MB decoded ({@code TOO_LARGE} otherwise). Without an {@code id}, one is derived from
 *       the content, so that a retry is still stored once.
 *   <li>{@code startSession}: {@code sid}. {@code startService}, {@code distributionStartSession},
 *       {@code event}, {@code page} and {@code pushInstallation} are accepted and not kept.
 * </ul>
 *
 * Where the doc calls a field required and its own samples leave it out ({@code processId}, {@code
 * primaryArchitectureId}, {@code device.timeZoneOffset}, an attachment's {@code id} and {@code
 * fileName}), the field is optional here: the samples must be accepted as written.
 *
 * <h2>Mapping</h2>
 *
 * The log's {@code id} is the report's log id (a retry is stored once); {@code userId} is the user;
 * the {@code Install-ID} header is the device's install id, which identifies the affected user when
 * there is no {@code userId}. The version is {@code appVersion (appBuild)}, or {@code appVersion}
 * when the build is the same. Exceptions map to the error chain ({@code innerExceptions} become
 * inner errors); without {@code frames}, the raw {@code stackTrace} is parsed for .NET/Mono, Java
 * and JavaScript formats and kept as sent. Apple crashes: see {@link AppleErrors}. Every field not
 * named here is kept under its sent name: the log's in the report's {@code extra} ({@code fatal},
 * {@code threads}, {@code binaries}, {@code sid}…), the device's in the device's {@code extra}, an
 * exception's in its error's {@code data} ({@code wrapperSdkName}, {@code minidumpFilePath}).
 */
package dev.faultline.protocols.appcenter;
