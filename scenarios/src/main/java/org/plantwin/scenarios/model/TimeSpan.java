package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration written with a unit in a scenario ({@code "750ms"}, {@code "90s"}, {@code "5m"}, {@code "8h"}, {@code "30d"}).
 *
 * <p>It is converted once, at load, to milliseconds of simulated time; fractions of a millisecond are kept
 * here and rounded only where the kernel schedules an event.
 */
public record TimeSpan(double millis, String text) {

    /** The accepted form as a regular expression (used by the JSON Schema too). */
    public static final String PATTERN = "^\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*(ms|s|m|min|h|d|w)\\s*$";

    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public static final TimeSpan ZERO = new TimeSpan(0, "0s");

    public TimeSpan {
        if (Double.isNaN(millis) || Double.isInfinite(millis) || millis < 0) {
            throw new IllegalArgumentException("The duration (" + text + ") must be a finite value >= 0.");
        }
    }

    /** Parses {@code "<number><unit>"}; units ms, s, m (or min), h, d, w. */
    @JsonCreator
    public static TimeSpan parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("A duration must not be null. Maybe write it as \"90s\".");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("The duration (\"" + text + "\") is not a number followed by a unit"
                    + " (ms, s, m, h, d, w). " + hintFor(text));
        }
        double value = Double.parseDouble(m.group(1));
        double unitMillis = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m", "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            case "w" -> 604_800_000;
            default -> throw new IllegalStateException(m.group(2));
        };
        return new TimeSpan(value * unitMillis, text.trim());
    }

    public static TimeSpan ofMillis(double millis) {
        return new TimeSpan(millis, formatMillis(millis));
    }

    private static String hintFor(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("[0-9.]+")) {
            return "Maybe you meant \"" + t + "s\" or \"" + t + "m\": a bare number has no unit.";
        }
        if (t.matches("[0-9.]+\\s*(sec|secs|second|seconds)")) {
            return "Maybe you meant \"" + t.replaceAll("\\s*[a-z]+", "") + "s\".";
        }
        if (t.matches("[0-9.]+\\s*(mins|minute|minutes)")) {
            return "Maybe you meant \"" + t.replaceAll("\\s*[a-z]+", "") + "m\".";
        }
        if (t.matches("[0-9.]+\\s*(hr|hrs|hour|hours)")) {
            return "Maybe you meant \"" + t.replaceAll("\\s*[a-z]+", "") + "h\".";
        }
        if (t.matches("[0-9.]+\\s*(day|days)")) {
            return "Maybe you meant \"" + t.replaceAll("\\s*[a-z]+", "") + "d\".";
        }
        if (t.startsWith("-")) {
            return "Maybe drop the minus sign: durations are >= 0.";
        }
        return "Maybe write it like \"750ms\", \"90s\", \"5m\", \"8h\" or \"30d\".";
    }

    static String formatMillis(double millis) {
        if (millis % 86_400_000 == 0 && millis > 0) {
            return (long) (millis / 86_400_000) + "d";
        }
        if (millis % 3_600_000 == 0 && millis > 0) {
            return (long) (millis / 3_600_000) + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return (long) (millis / 60_000) + "m";
        }
        if (millis % 1_000 == 0) {
            return (long) (millis / 1_000) + "s";
        }
        return millis + "ms";
    }

    /** Milliseconds rounded to the kernel's resolution. */
    public long toMillis() {
        return Math.round(millis);
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
