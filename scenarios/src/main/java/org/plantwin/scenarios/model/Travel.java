package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far apart sites are and how fast goods move between them: Euclidean distance between coordinates, or a road
 * distance matrix (km, {@code matrix[from][to]}, used both ways where only one direction is given).
 */
public record Travel(
        @JsonPropertyDescription("Road distances in km: matrix[fromSite][toSite]; pairs it lacks use Euclidean distance.") Map<String, Map<String, Double>> matrix,
        @JsonPropertyDescription("Default speed in km/h (fleets may set their own); default 60.") Double speedKmPerHour,
        @JsonPropertyDescription("Coefficient of variation of a lognormal factor on every leg's travel time; default 0 (no noise).") Double noiseCv) {

    public Travel {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        if (matrix != null) {
            matrix.forEach((k, v) -> m.put(k, v == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        }
        matrix = java.util.Collections.unmodifiableMap(m);
        speedKmPerHour = speedKmPerHour == null ? 60.0 : speedKmPerHour;
        noiseCv = noiseCv == null ? 0.0 : noiseCv;
    }

    public static Travel defaults() {
        return new Travel(null, null, null);
    }
}
