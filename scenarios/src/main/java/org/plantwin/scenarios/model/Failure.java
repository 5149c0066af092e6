package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A failure mode. With basis {@code operating} the clock runs only while the machine processes, and a failure
 * preempts the part, which resumes after repair; with basis {@code calendar} the clock always runs and a failure
 * that falls while the machine waits takes it down all the same.
 */
public record Failure(
        @JsonPropertyDescription("operating (default) or calendar.") FailureBasis basis,
        @JsonProperty(required = true) @JsonPropertyDescription("Time between failures (MTBF).") Distribution timeBetween,
        @JsonProperty(required = true) @JsonPropertyDescription("Repair time (MTTR).") Distribution repair) {

    public Failure {
        basis = basis == null ? FailureBasis.OPERATING : basis;
    }
}
