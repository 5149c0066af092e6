package org.plantwin.twin.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * One change to a scenario: a path into its JSON form and the value to put there, e.g.
 * {@code machines[id=M3].failures[0].timeBetween.mean = "4h"}, {@code sources[*].interarrival.mean = "2m"},
 * {@code lines[id=L1].stations[id=S2].buffer = 10}, {@code horizon = "30d"}.
 *
 * <p>Path grammar: fields separated by dots; after a field, any number of selectors on a list:
 * {@code [3]} (index), {@code [*]} (every element), {@code [id=M3]} or {@code [key=value]} (elements whose field
 * equals the value). A leading {@code $.} is allowed.
 */
public record PathOverride(String path, JsonNode value) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public PathOverride {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }

    /** An override with a plain Java value (a number, text, boolean, list or map). */
    public static PathOverride of(String path, Object value) {
        return new PathOverride(path, MAPPER.valueToTree(value));
    }

    /** The value as written in a file: text without quotes, numbers as they are. */
    public String valueText() {
        return value.isTextual() ? value.asText() : value.toString();
    }

    @java.lang.Override
    public String toString() {
        return path + "=" + valueText();
    }
}
