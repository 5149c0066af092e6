package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Durations a failure mode replays before it draws from its distributions: the k-th time between failures the
 * machine draws is {@code timeBetween[k]} while there is one, then the {@code timeBetween} distribution takes over;
 * the same for {@code repair}. Either list may be absent. A trace makes a failure history (recorded from a run, or
 * generated) replayable, deterministically.
 */
public record FailureTrace(
        @JsonPropertyDescription("Times between failures to replay, in order (each > 0).") List<TimeSpan> timeBetween,
        @JsonPropertyDescription("Repair times to replay, in order (each >= 0).") List<TimeSpan> repair) {

    public FailureTrace {
        // Not List.copyOf: a blank entry reads as null, and the validator must see it to report it.
        timeBetween = timeBetween == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(timeBetween));
        repair = repair == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(repair));
    }
}
