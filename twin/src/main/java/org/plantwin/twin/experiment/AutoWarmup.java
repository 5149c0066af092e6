package org.plantwin.twin.experiment;

import java.util.List;
import java.util.Objects;

/**
 * How to detect the warm-up with MSER-5 ({@code warmup: auto}): {@code pilotReplications} pilot runs per variant
 * over the experiment's horizon, each cut into {@code batches} equal batches of simulated time; the plant KPI
 * {@code kpi} per batch (one of {@link #KPIS}) is averaged over the pilots batch by batch, and {@link Mser} picks the
 * truncation on that averaged series. Averaging the series (rather than the pilots' truncation points) is the
 * replication-averaged MSER of Hoad, Robinson and Davies (2010): it damps the noise of a single run. Each variant gets
 * its own truncation; the experiment applies the largest, so every variant is observed over the same window.
 */
public record AutoWarmup(String kpi, int pilotReplications, int batches) {

    /** The plant series that {@code RunResult.batches()} carries. */
    public static final List<String> KPIS = List.of("plant.wipMean", "plant.throughputPerHour",
            "plant.cycleTimeMeanMinutes", "plant.partsOut");

    public static final String DEFAULT_KPI = "plant.wipMean";
    public static final int DEFAULT_PILOTS = 5;
    public static final int DEFAULT_BATCHES = 100;

    public AutoWarmup {
        Objects.requireNonNull(kpi, "kpi");
        if (!KPIS.contains(kpi)) {
            throw new IllegalArgumentException("The warm-up KPI (" + kpi + ") has no per-batch series; use one of "
                    + KPIS + ". " + org.plantwin.scenarios.io.Hints.closest(kpi, KPIS));
        }
        if (pilotReplications < 1) {
            throw new IllegalArgumentException("The pilot replications (" + pilotReplications + ") must be >= 1.");
        }
        if (batches < 10) {
            throw new IllegalArgumentException("The warm-up batches (" + batches + ") must be >= 10.");
        }
    }

    /** MSER-5 on {@code plant.wipMean}, 5 pilots, 100 batches. */
    public static AutoWarmup defaults() {
        return new AutoWarmup(DEFAULT_KPI, DEFAULT_PILOTS, DEFAULT_BATCHES);
    }

    public AutoWarmup withKpi(String k) {
        return new AutoWarmup(k, pilotReplications, batches);
    }

    /** The KPI's value in one batch. */
    double value(org.plantwin.actors.api.RunResult.Batch b) {
        return switch (kpi) {
            case "plant.wipMean" -> b.wipMean();
            case "plant.throughputPerHour" -> b.throughputPerHour();
            case "plant.cycleTimeMeanMinutes" -> b.cycleTimeMeanMinutes();
            default -> b.partsOut();
        };
    }
}
