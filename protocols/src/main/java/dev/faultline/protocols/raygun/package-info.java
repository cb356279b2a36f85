/**
 * Raygun's crash reporting wire format ({@code POST /entries}, {@code POST /entries/bulk}):
 * lenient decoding, validation and mapping to {@code Report}. {@link
 * dev.faultline.protocols.raygun.RaygunDecoder} is the entry point; {@code WireObject} and {@code
 * Wire} read the loosely typed JSON; {@code RaygunMapper} and its helpers map it.
 *
 * <h2>What is required</h2>
 *
 * {@code occurredOn} (a date-time or epoch number), {@code details} (an object) and {@code
 * details.error} (an object). Everything else is optional, and a field of the wrong shape never
 * rejects an entry: it is kept as an unknown field instead.
 *
 * <h2>Where unknown fields go</h2>
 *
 * Nothing the SDK sent is thrown away without a place in the model, except inside frames (the
 * stored original has it all anyway). Each unknown field goes to the nearest free-form map, under
 * its sent name and value:
 *
 * <ul>
 *   <li>{@code details.*} ({@code correlationId}, {@code context}, {@code images}, {@code
 *       threads}, {@code binaryImages}, {@code localVariables}…) → {@code Report.extra};
 *   <li>{@code details.client|user|request|response.*} → {@code Report.extra.<client|user|request|response>.*};
 *   <li>top-level fields beside {@code details} → {@code Report.extra}, never replacing a {@code
 *       details} one;
 *   <li>{@code details.environment.*} → {@code Device.extra};
 *   <li>{@code error.*} ({@code signalName}…) → that {@code ErrorInfo.data};
 *   <li>{@code breadcrumbs[].*} → that {@code Breadcrumb.customData};
 *   <li>frame fields ({@code ilOffset}, {@code methodToken}…): only in the stored original.
 * </ul>
 *
 * A known field whose value does not fit the model (a {@code request} that is a string, {@code
 * tags} that are an object, a grouping key longer than 100 characters) is kept the same way, as if
 * it were unknown. On a name clash the sent free-form map wins ({@code error.data}, a
 * breadcrumb's {@code customData}).
 *
 * <h2>Normalization</h2>
 *
 * <ul>
 *   <li>Empty strings in optional text fields are absent (SDKs send {@code ""} for "unknown");
 *       error type and message stay as sent.
 *   <li>Numbers sent as strings are read as numbers where the model has a number ({@code
 *       lineNumber}, {@code columnNumber}, {@code statusCode}, breadcrumb {@code level}); text
 *       that is not a number is absent.
 *   <li>php's {@code []} for an empty map is an empty map.
 *   <li>Form names and values are cut to 256 characters, {@code rawData} to 4096 bytes of UTF-8.
 *   <li>JSON nested deeper than 500 levels is {@code INVALID_JSON}; at most 32 levels of inner
 *       errors are mapped, deeper ones stay as sent in the last one's {@code data}. Together they
 *       keep every report writable as JSON (Jackson refuses to write deeper than 1000).
 * </ul>
 */
package dev.faultline.protocols.raygun;
