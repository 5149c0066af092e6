package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A failure mode. With basis {@code operating} the clock runs only while the machine processes, and a failure
 * preempts the part, which resumes after repair; with basis {@code calendar} the clock always runs and a failure
 * that falls while the machine waits takes it down all the same. An optional {@code trace} replays recorded or
 * generated durations first ({@link FailureTrace}); the distributions take over when it runs out.
 */
public record Failure(
        @JsonPropertyDescription("operating (default) or calendar.") FailureBasis basis,
        @JsonProperty(required = true) @JsonPropertyDescription("Time between failures (MTBF).") Distribution timeBetween,
        @JsonProperty(required = true) @JsonPropertyDescription("Repair time (MTTR).") Distribution repair,
        @JsonPropertyDescription("Durations replayed before the distributions are drawn from.") FailureTrace trace) {

    public Failure {
        basis = basis == null ? FailureBasis.OPERATING : basis;
    }

    /** A failure mode without a trace. */
    public Failure(FailureBasis basis, Distribution timeBetween, Distribution repair) {
        this(basis, timeBetween, repair, null);
    }
}
