package dev.faultline.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The addresses of the scripts and styles pages load: htmx and uPlot from their webjars (served by
 * Javalin under {@code /webjars}), ours from {@code /static}. The webjar versions are read from the
 * jars themselves, so upgrading one is a change to the pom only.
 *
 * @param htmx htmx's script
 * @param uplot uPlot's script
 * @param uplotCss uPlot's style sheet
 */
public record Assets(String htmx, String uplot, String uplotCss) {

    public static Assets fromWebjars() {
        String htmx = version("htmx.org");
        String uplot = version("uplot");
        return new Assets(
                "/webjars/htmx.org/" + htmx + "/dist/htmx.min.js",
                "/webjars/uplot/" + uplot + "/dist/uPlot.iife.min.js",
                "/webjars/uplot/" + uplot + "/dist/uPlot.min.css");
    }

    private static String version(String artifact) {
        String resource = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " webjar is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
