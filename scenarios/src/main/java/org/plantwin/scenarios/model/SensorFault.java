package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A fault of a condition sensor, injected from {@code start} for {@code duration} of simulated time (to test anomaly
 * detectors; the machine itself is unaffected): {@code drift} adds {@code magnitude} per hour since the fault began,
 * {@code spike} adds {@code magnitude} to a reading with probability {@code rate}, {@code stuck} repeats the last
 * reading before the fault.
 */
public record SensorFault(
        @JsonProperty(required = true) @JsonPropertyDescription("drift, spike or stuck.") SensorFaultType type,
        @JsonProperty(required = true) @JsonPropertyDescription("Simulated time the fault begins.") TimeSpan start,
        @JsonProperty(required = true) @JsonPropertyDescription("How long it lasts.") TimeSpan duration,
        @JsonPropertyDescription("drift: added per hour; spike: added to a spiked reading; default 1.") Double magnitude,
        @JsonPropertyDescription("spike: probability in [0, 1] that a reading during the fault is spiked; default 0.2.") Double rate) {

    public SensorFault {
        magnitude = magnitude == null ? 1.0 : magnitude;
        rate = rate == null ? 0.2 : rate;
    }

    /** Whether the fault is active at {@code millis}. */
    public boolean activeAt(long millis) {
        return millis >= start.toMillis() && millis < start.toMillis() + duration.toMillis();
    }
}
