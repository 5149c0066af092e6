package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sequence-dependent setup: when a machine switches from product {@code a} to {@code b} it first spends
 * {@code matrix[a][b]}, or {@code changeover} where the matrix is silent. No setup for the same product or the
 * first part a machine sees.
 */
public record Setup(
        @JsonPropertyDescription("Setup time for any product change the matrix does not list; default none.") Distribution changeover,
        @JsonPropertyDescription("matrix[fromProduct][toProduct] = setup time.") Map<String, Map<String, Distribution>> matrix) {

    public Setup {
        Map<String, Map<String, Distribution>> m = new LinkedHashMap<>();
        if (matrix != null) {
            matrix.forEach((k, v) -> m.put(k, v == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        }
        matrix = java.util.Collections.unmodifiableMap(m);
    }

    /** The setup from {@code from} to {@code to}, or null for none. */
    public Distribution between(String from, String to) {
        if (from == null || from.equals(to)) {
            return null;
        }
        Map<String, Distribution> row = matrix.get(from);
        Distribution d = row == null ? null : row.get(to);
        return d != null ? d : changeover;
    }
}
