package org.plantwin.actors.entity;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The travel-time factors of one fleet (or of a warehouse's deliveries without a fleet), one per leg in the order the
 * legs are driven: first the replayed trace ({@code fleets[].travelTrace}), as given, then lognormal draws of mean 1
 * and coefficient of variation {@code travel.noiseCv}, clamped to [{@value #MIN_DRAWN}, {@value #MAX_DRAWN}] (1
 * without noise). The random stream is not touched while the trace lasts, so a replayed prefix leaves every other
 * number of the run as it was. It can record every factor it hands out (for {@code RunResult.history()}).
 */
final class TravelFactors {

    /** The smallest factor a draw gives (a leg at least half its noiseless time). */
    static final double MIN_DRAWN = 0.5;
    static final double MAX_DRAWN = 3.0;

    private final double[] trace;
    private final double sigma;
    private final ZigguratSampler.NormalizedGaussian gaussian;
    private final List<Double> recorded;
    private int next;

    TravelFactors(List<Double> trace, double noiseCv, UniformRandomProvider rng, boolean record) {
        this.trace = trace.stream().mapToDouble(Double::doubleValue).toArray();
        this.sigma = Math.sqrt(Math.log1p(noiseCv * noiseCv));
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        this.recorded = record ? new ArrayList<>() : null;
    }

    /** The factor of the next leg. */
    double next() {
        double f = next < trace.length ? trace[next++] : draw();
        if (recorded != null) {
            recorded.add(f);
        }
        return f;
    }

    private double draw() {
        if (sigma == 0) {
            return 1.0;
        }
        double f = Math.exp(-sigma * sigma / 2 + sigma * gaussian.sample());
        return Math.max(MIN_DRAWN, Math.min(MAX_DRAWN, f));
    }

    /** The smallest factor this source can hand out: a lower bound of every leg's time over its noiseless time. */
    static double min(List<Double> trace, double noiseCv) {
        double min = noiseCv > 0 ? MIN_DRAWN : 1.0;
        for (double f : trace) {
            min = Math.min(min, f);
        }
        return min;
    }

    /** The factors handed out so far, in order (empty unless recording). */
    List<Double> recorded() {
        return recorded == null ? List.of() : List.copyOf(recorded);
    }
}
