package org.plantwin.actors.entity;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.plantwin.actors.kernel.RandomStreams;
import org.plantwin.scenarios.model.Degradation;
import org.plantwin.scenarios.model.SensorFault;

/**
 * The wear of one machine (scenario {@code degradation}): health as a gamma process in operating time, the
 * failure hazard it drives, and the condition sensors read at the end of each cycle, with the last {@code window}
 * readings since the machine was last restored. Its random numbers come from the streams {@code M/wear},
 * {@code M/wear/rate}, {@code M/wear/failure}, {@code M/wear/repair} and {@code M/sensors}.
 */
final class Wear {

    private static final double MS_PER_HOUR = 3_600_000.0;

    private final Degradation spec;
    private final UniformRandomProvider wearRng;
    private final UniformRandomProvider failureRng;
    private final UniformRandomProvider rateRng;
    private final ContinuousSampler gaussian;
    private final ContinuousSampler repair;
    private final List<String> sensorIds;
    private final double[] atNew;
    private final double[] atFailure;
    private final double[] noise;
    private final List<List<SensorFault>> faults;
    private final UniformRandomProvider faultRng;
    /** Per sensor: the last reading before a stuck fault began (NaN while not stuck). */
    private final double[] stuckAt;
    private double[] lastReading;
    private final double[][] ring;
    private final double[] ringHours;
    private int count;
    private int head;
    private long cycles;
    private double health = 1;
    /** The mean health lost per operating hour in this life. */
    private double rate;

    Wear(String machineId, Degradation spec, RandomStreams rs, int window) {
        this.spec = spec;
        this.wearRng = rs.stream(machineId + "/wear");
        this.failureRng = rs.stream(machineId + "/wear/failure");
        this.rateRng = rs.stream(machineId + "/wear/rate");
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rs.stream(machineId + "/sensors"));
        this.repair = spec.repair().sampler(rs.stream(machineId + "/wear/repair"));
        int n = spec.sensors().size();
        this.sensorIds = spec.sensors().stream().map(Degradation.Sensor::id).toList();
        this.atNew = new double[n];
        this.atFailure = new double[n];
        this.noise = new double[n];
        this.faults = spec.sensors().stream().map(Degradation.Sensor::faults).toList();
        this.faultRng = rs.stream(machineId + "/sensors/faults");
        this.stuckAt = new double[n];
        java.util.Arrays.fill(stuckAt, Double.NaN);
        this.lastReading = new double[n];
        for (int k = 0; k < n; k++) {
            atNew[k] = spec.sensors().get(k).atNew();
            atFailure[k] = spec.sensors().get(k).atFailure();
            noise[k] = spec.sensors().get(k).noise();
        }
        this.ring = new double[window][n];
        this.ringHours = new double[window];
        this.rate = drawRate();
    }

    private double drawRate() {
        double cv = spec.rateCv();
        return cv == 0 ? spec.wearPerHour()
                : AhrensDieterMarsagliaTsangGammaSampler.of(rateRng, 1 / (cv * cv), spec.wearPerHour() * cv * cv).sample();
    }

    double health() {
        return health;
    }

    /** A cycle's processing time at the current health: {@code millis x (1 + slowdownAtFailure x (1 - health))}. */
    long slowed(long millis) {
        double s = spec.slowdownAtFailure();
        return s == 0 ? millis : Math.round(millis * (1 + s * (1 - health)));
    }

    /** The extra scrap probability at the current health: {@code scrapAtFailure x (1 - health)}. */
    double extraScrap() {
        return spec.scrapAtFailure() * (1 - health);
    }

    ContinuousSampler repair() {
        return repair;
    }

    /** Health lost over {@code millis} of operation: gamma with mean {@code rate x h}, CV {@code wearCv/sqrt(h)}. */
    void wearFor(long millis) {
        if (millis <= 0) {
            return;
        }
        double hours = millis / MS_PER_HOUR;
        double mean = rate * hours;
        double cv = spec.wearCv();
        double loss = cv == 0 ? mean
                : AhrensDieterMarsagliaTsangGammaSampler.of(wearRng, hours / (cv * cv), rate * cv * cv).sample();
        health = Math.max(0, health - loss);
    }

    /**
     * Operating time to the next wear failure at the present hazard (constant until the health changes, so a fresh
     * exponential draw at every start of work is exact); {@code Long.MAX_VALUE} where the hazard is 0.
     */
    long sampleTimeToFailureMillis() {
        if (health <= 0) {
            return 0;
        }
        double perHour = spec.hazardPerHour() * Math.pow(1 - health, spec.hazardShape());
        if (!(perHour > 0)) {
            return Long.MAX_VALUE;
        }
        double hours = -Math.log1p(-failureRng.nextDouble()) / perHour;
        return hours * MS_PER_HOUR >= Long.MAX_VALUE / 2.0 ? Long.MAX_VALUE : Math.round(hours * MS_PER_HOUR);
    }

    /** Reads every sensor at the end of a cycle at {@code nowMillis}, {@code operatingHours} since the last restore. */
    void read(long nowMillis, double operatingHours) {
        double[] row = ring[head];
        for (int k = 0; k < row.length; k++) {
            row[k] = withFaults(k, nowMillis, atNew[k] + (atFailure[k] - atNew[k]) * (1 - health)
                    + noise[k] * gaussian.sample());
            lastReading[k] = row[k];
        }
        ringHours[head] = operatingHours;
        head = (head + 1) % ring.length;
        count = Math.min(count + 1, ring.length);
        cycles++;
    }

    /** The reading of sensor {@code k} as its injected faults active at {@code nowMillis} change it. */
    private double withFaults(int k, long nowMillis, double value) {
        boolean stuck = false;
        for (SensorFault f : faults.get(k)) {
            if (!f.activeAt(nowMillis)) {
                continue;
            }
            switch (f.type()) {
                case DRIFT -> value += f.magnitude() * (nowMillis - f.start().toMillis()) / MS_PER_HOUR;
                case SPIKE -> value += faultRng.nextDouble() < f.rate() ? f.magnitude() : 0;
                case STUCK -> stuck = true;
                default -> throw new IllegalStateException("Unknown sensor fault (" + f.type() + ").");
            }
        }
        if (!stuck) {
            stuckAt[k] = Double.NaN;
            return value;
        }
        if (Double.isNaN(stuckAt[k])) {
            stuckAt[k] = lastReading[k];
        }
        return stuckAt[k];
    }

    /** As good as new. */
    void restore() {
        health = 1;
        rate = drawRate();
        count = 0;
        head = 0;
        cycles = 0;
    }

    long cycles() {
        return cycles;
    }

    List<String> sensorIds() {
        return sensorIds;
    }

    double[] atNew() {
        return atNew;
    }

    double[] atFailure() {
        return atFailure;
    }

    /** The last readings since the restore, oldest first (a copy). */
    double[][] readings() {
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            out[i] = ring[Math.floorMod(head - count + i, ring.length)].clone();
        }
        return out;
    }

    /** Operating hours at each of {@link #readings()}. */
    double[] readingHours() {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = ringHours[Math.floorMod(head - count + i, ring.length)];
        }
        return out;
    }
}
