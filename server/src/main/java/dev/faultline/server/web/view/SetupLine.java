package dev.faultline.server.web.view;

import java.util.List;

/**
 * A ready-to-paste snippet that points one SDK at this server with an app's key, using the option
 * names the SDKs really have (see CLIENTS.md and the README's tables).
 *
 * @param id a stable id for the element holding the code (copy buttons name it)
 * @param protocol {@code Raygun} or {@code App Center}
 * @param note what else to know, or null
 */
public record SetupLine(String id, String protocol, String sdk, String code, String note) {

    /**
     * Every SDK's line for an app reachable at {@code baseUrl}: {@code http(s)://host[:port]}, no
     * trailing slash. The host may come from the request's Host header, so it is taken apart by
     * hand rather than by {@link java.net.URI}, which would throw on a malformed one.
     */
    public static List<SetupLine> all(String baseUrl, String apiKey, String appSecret) {
        boolean https = baseUrl.regionMatches(true, 0, "https://", 0, 8);
        String address = baseUrl.substring(baseUrl.indexOf("://") + 3);
        String authority = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > authority.lastIndexOf(']');
        String host = hasPort ? authority.substring(0, colon) : authority;
        String port = hasPort ? authority.substring(colon + 1) : https ? "443" : "80";
        String entries = baseUrl + "/entries";
        String androidNote = https
                ? null
                : "The App Center Android SDK refuses plain http:// log URLs: serve Faultline over HTTPS"
                        + " (FAULTLINE_TLS_CERT) or behind a TLS proxy, and set FAULTLINE_PUBLIC_URL.";
        return List.of(
                new SetupLine(
                        "setup-raygun-java",
                        "Raygun",
                        "Java (raygun4java)",
                        """
                        RaygunClient client = new RaygunClient("%s");
                        client.setRaygunConnection(new RaygunConnection(RaygunSettings.getSettings()) {
                            @Override
                            public HttpURLConnection getConnection(String apiKey) throws IOException {
                                HttpURLConnection connection =
                                        (HttpURLConnection) URI.create("%s").toURL().openConnection();
                                connection.setDoOutput(true);
                                connection.setRequestMethod("POST");
                                connection.setRequestProperty("Content-Type", "application/json");
                                connection.setRequestProperty("X-ApiKey", apiKey);
                                return connection;
                            }
                        });""".formatted(apiKey, entries),
                        "raygun4java has no endpoint setting: set this connection on every client you create."),
                new SetupLine("setup-raygun-net", "Raygun", ".NET (raygun4net)", """
                        var client = new RaygunClient(new RaygunSettings
                        {
                            ApiKey = "%s",
                            ApiEndpoint = new Uri("%s")
                        });""".formatted(apiKey, entries), null),
                new SetupLine(
                        "setup-raygun-js", "Raygun", "JavaScript (raygun4js)", """
                        rg4js('apiKey', '%s');
                        rg4js('options', { apiEndpoint: '%s' });
                        rg4js('enableCrashReporting', true);""".formatted(apiKey, baseUrl), null),
                new SetupLine(
                        "setup-raygun-node",
                        "Raygun",
                        "Node (raygun4node)",
                        """
                        const client = new raygun.Client().init({
                          apiKey: '%s',
                          host: '%s',
                          port: %s,
                          useSSL: %s
                        });""".formatted(apiKey, host, port, https),
                        "Set port even for 443: raygun4node defaults to 443 whatever useSSL says."),
                new SetupLine(
                        "setup-raygun-python",
                        "Raygun",
                        "Python (raygun4py)",
                        """
                        client = raygunprovider.RaygunSender("%s")
                        client.endpointprotocol = "%s://"
                        client.endpointhost = "%s"
                        """.formatted(apiKey, https ? "https" : "http", authority)
                                .strip(),
                        null),
                new SetupLine(
                        "setup-raygun-ruby", "Raygun", "Ruby (raygun4ruby)", """
                        Raygun.setup do |config|
                          config.api_key = "%s"
                          config.api_url = "%s"
                        end""".formatted(apiKey, baseUrl), null),
                new SetupLine("setup-raygun-php", "Raygun", "PHP (raygun4php)", """
                        $httpClient = new \\GuzzleHttp\\Client([
                            'base_uri' => '%s',
                            'headers' => ['X-ApiKey' => '%s'],
                        ]);
                        $raygunClient = new \\Raygun4php\\RaygunClient(new \\Raygun4php\\Transports\\GuzzleSync($httpClient));""".formatted(baseUrl, apiKey), null),
                new SetupLine(
                        "setup-raygun-android",
                        "Raygun",
                        "Android (raygun4android)",
                        """
                        RaygunClient.init(application, "%s");
                        RaygunClient.setCustomCrashReportingEndpoint("%s");
                        RaygunClient.enableCrashReporting();""".formatted(apiKey, entries),
                        null),
                new SetupLine(
                        "setup-raygun-apple", "Raygun", "Apple (raygun4apple)", """
                        let raygunClient = RaygunClient.sharedInstance(withApiKey: "%s")
                        raygunClient.crashReportingApiEndpoint = "%s"
                        raygunClient.enableCrashReporting()""".formatted(apiKey, entries), null),
                new SetupLine(
                        "setup-appcenter-android",
                        "App Center",
                        "Android",
                        """
                        AppCenter.setLogUrl("%s");
                        AppCenter.start(getApplication(), "%s", Crashes.class);""".formatted(baseUrl, appSecret),
                        androidNote),
                new SetupLine(
                        "setup-appcenter-apple",
                        "App Center",
                        "iOS / macOS",
                        """
                        AppCenter.logUrl = "%s"
                        AppCenter.start(withAppSecret: "%s", services: [Crashes.self])""".formatted(baseUrl, appSecret),
                        "Objective-C: [MSACAppCenter setLogUrl:@\"" + baseUrl + "\"]; before starting."),
                new SetupLine(
                        "setup-appcenter-react-native",
                        "App Center",
                        "React Native",
                        """
                        // appcenter-config.json (Android) and AppCenter-Config.plist (iOS): app secret "%s"
                        // Android, MainApplication.onCreate, before React Native starts:
                        AppCenter.setLogUrl("%s");
                        // iOS, AppDelegate, before [AppCenterReactNative register]:
                        [MSACAppCenter setLogUrl:@"%s"];""".formatted(appSecret, baseUrl, baseUrl),
                        androidNote),
                new SetupLine(
                        "setup-appcenter-net",
                        "App Center",
                        ".NET (MAUI, Xamarin, WPF, WinForms)",
                        """
                        AppCenter.SetLogUrl("%s");
                        AppCenter.Start("%s", typeof(Crashes));""".formatted(baseUrl, appSecret),
                        null));
    }
}
