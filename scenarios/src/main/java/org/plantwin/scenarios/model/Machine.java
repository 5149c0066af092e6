package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine: processing time per product, failures, sequence-dependent setups, scrap, wear and maintenance.
 * It works inside one station of a line or in one machine group.
 */
public record Machine(
        @JsonProperty(required = true) String id,
        @JsonPropertyDescription("Processing time for every product not listed in processTimes.") Distribution processTime,
        @JsonPropertyDescription("Processing time per product id; overrides processTime.") Map<String, Distribution> processTimes,
        @JsonPropertyDescription("Failure modes; each has its own clock.") List<Failure> failures,
        @JsonPropertyDescription("Sequence-dependent setup (changeover) times.") Setup setup,
        @JsonPropertyDescription("Probability in [0, 1) that a processed part is scrap; default 0.") Double scrap,
        @JsonPropertyDescription("Wear: health, failure hazard and condition sensors.") Degradation degradation,
        @JsonPropertyDescription("Maintenance policy, preventive and corrective durations and costs.") Maintenance maintenance) {

    public Machine {
        processTimes = processTimes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(processTimes));
        failures = Scenario.copy(failures);
        scrap = scrap == null ? 0.0 : scrap;
    }

    /** The processing time of {@code productId}, or null where the machine does not say. */
    public Distribution processTimeOf(String productId) {
        Distribution d = processTimes.get(productId);
        return d != null ? d : processTime;
    }
}
