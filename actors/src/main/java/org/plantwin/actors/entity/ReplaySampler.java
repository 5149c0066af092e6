package org.plantwin.actors.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * A duration sampler that first replays a trace (milliseconds, in order) and then draws from its distribution;
 * it can also record every duration it hands out, in minutes (for {@link org.plantwin.actors.api.RunResult#history()}).
 * The distribution's random stream is not touched while the trace lasts.
 */
final class ReplaySampler implements ContinuousSampler {

    private final double[] trace;
    private final ContinuousSampler fallback;
    private final List<Double> recordedMinutes;
    private int next;

    ReplaySampler(List<TimeSpan> trace, ContinuousSampler fallback, boolean record) {
        this.trace = trace.stream().mapToDouble(TimeSpan::millis).toArray();
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.recordedMinutes = record ? new ArrayList<>() : null;
    }

    @Override
    public double sample() {
        double v = next < trace.length ? trace[next++] : fallback.sample();
        if (recordedMinutes != null) {
            recordedMinutes.add(v / 60_000.0);
        }
        return v;
    }

    /** The durations handed out so far, in minutes (empty unless recording). */
    List<Double> recordedMinutes() {
        return recordedMinutes == null ? List.of() : List.copyOf(recordedMinutes);
    }
}
