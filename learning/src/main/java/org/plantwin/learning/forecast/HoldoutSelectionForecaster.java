package org.plantwin.learning.forecast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastMetrics;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.MaseConvention;
import org.plantwin.learning.api.TimeSeries;

/**
 * Chooses a method by a holdout of its own training data, then fits the choice on all of it: every training series
 * of at least {@code horizon + max(season + 2, horizon)} points loses its last {@code horizon} points; each candidate is
 * fitted on what is left and scored by MASE (Monash convention: lag-1 scale where the seasonal one is undefined;
 * forecasts clamped at 0 and rounded when every training value is a non-negative integer, as counts are); the
 * lowest mean wins (ties: the earlier candidate). No test data is involved: the same rule as the evaluation
 * harness's holdout, applied inside the training set. Named {@code auto(CHOICE)} once fitted.
 */
public final class HoldoutSelectionForecaster implements Forecaster, AutoCloseable {

    private final List<String> candidates;
    private final Function<String, Forecaster> factory;
    private final Map<String, Double> scores = new LinkedHashMap<>();
    private Forecaster chosen;
    private ForecastTask task;

    /**
     * @param candidates method names, in order of preference on ties
     * @param factory a fresh, unfitted forecaster for a name (called twice for the winner: holdout and refit)
     */
    public HoldoutSelectionForecaster(List<String> candidates, Function<String, Forecaster> factory) {
        this.candidates = List.copyOf(candidates);
        this.factory = Objects.requireNonNull(factory, "factory");
        if (this.candidates.isEmpty()) {
            throw new IllegalArgumentException("The selection needs at least one candidate.");
        }
    }

    @Override
    public String name() {
        return chosen == null ? "auto" : "auto(" + chosen.name() + ")";
    }

    @Override
    public void fit(List<TimeSeries> training, ForecastTask task) {
        this.task = Objects.requireNonNull(task, "task");
        int h = task.horizon();
        // What is left must cover a season and two more points (a seasonal naive and a lag-m MASE scale) and be at
        // least as long as the horizon.
        int minLength = h + Math.max(task.seasonPeriod() + 2, h);
        boolean counts = training.stream().allMatch(s -> isCounts(s.values()));
        List<TimeSeries> fitPart = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (TimeSeries s : training) {
            if (s.length() >= minLength) {
                fitPart.add(s.dropLast(h));
                actuals.add(s.last(h));
            }
        }
        scores.clear();
        String best = candidates.get(0);
        if (!fitPart.isEmpty() && candidates.size() > 1) {
            List<double[]> insamples = fitPart.stream().map(TimeSeries::values).toList();
            double bestScore = Double.POSITIVE_INFINITY;
            for (String name : candidates) {
                List<double[]> forecasts = new ArrayList<>();
                Forecaster f = factory.apply(name);
                try {
                    f.fit(fitPart, task);
                    for (Forecast fc : f.predict(fitPart)) {
                        forecasts.add(counts ? ForecastMetrics.asCounts(fc.mean()) : fc.mean());
                    }
                } finally {
                    close(f);
                }
                double mase = ForecastMetrics.evaluate(insamples, actuals, forecasts, task.seasonPeriod(),
                        MaseConvention.MONASH).mase();
                scores.put(name, mase);
                if (mase < bestScore) {
                    bestScore = mase;
                    best = name;
                }
            }
        }
        close(chosen);
        chosen = factory.apply(best);
        chosen.fit(training, task);
    }

    @Override
    public List<Forecast> predict(List<TimeSeries> histories) {
        if (chosen == null) {
            throw new IllegalStateException("The selection is not fitted.");
        }
        return chosen.predict(histories);
    }

    @Override
    public ForecastTask task() {
        if (task == null) {
            throw new IllegalStateException("The selection is not fitted.");
        }
        return task;
    }

    /** Each candidate's holdout MASE in candidate order (empty when too few series were long enough). */
    public Map<String, Double> holdoutScores() {
        return Collections.unmodifiableMap(scores);
    }

    /** The method chosen by the last {@link #fit}, or null before. */
    public String choice() {
        return chosen == null ? null : chosen.name();
    }

    @Override
    public void close() {
        close(chosen);
    }

    private static void close(Forecaster f) {
        if (f instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot close the forecaster (" + f.name() + ").", e);
            }
        }
    }

    private static boolean isCounts(double[] values) {
        for (double v : values) {
            if (!(v >= 0) || v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }
}
