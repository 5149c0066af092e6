package org.plantwin.twin.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What the self-contained HTML reports (run report, experiment report) share: escaping, data, numbers, resources. */
public final class HtmlParts {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private HtmlParts() {
    }

    /** {@code x}, or null where it is not finite (JSON has no NaN). */
    public static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** The report data as JSON. */
    public static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report data cannot be written as JSON.", e);
        }
    }

    /** Keeps text inside a script element from closing it or opening a comment. */
    public static String scriptSafe(String text) {
        return text.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    /** Escapes text for HTML content and attribute values. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A number for a table: 3 decimals, 1 from 1000 on, empty where not finite. */
    public static String num(double d) {
        if (!Double.isFinite(d)) {
            return "";
        }
        return String.format(Locale.ROOT, Math.abs(d) >= 1000 ? "%.1f" : "%.3f", d);
    }

    /** A classpath resource as text (the vendored chart library, the reports' scripts). */
    public static String resource(String name) {
        try (InputStream in = HtmlParts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The resource (" + name + ") is missing from the jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The resource (" + name + ") cannot be read.", e);
        }
    }
}
