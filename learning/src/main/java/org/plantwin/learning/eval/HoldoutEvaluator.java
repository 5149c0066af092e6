package org.plantwin.learning.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.plantwin.learning.api.Accuracy;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastMetrics;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.MaseConvention;
import org.plantwin.learning.api.TimeSeries;

/**
 * Scores forecasters on a holdout of training data: the last {@code H} points of every series are held back,
 * each forecaster is fitted on the rest and forecasts them. OWA is relative to Naive2 computed here.
 */
public final class HoldoutEvaluator {

    private final ForecastTask task;
    private final MaseConvention convention;
    private final boolean integerForecasts;

    /**
     * @param integerForecasts round forecasts to non-negative integers before scoring (count data, as Monash
     *     does for car parts)
     */
    public HoldoutEvaluator(ForecastTask task, MaseConvention convention, boolean integerForecasts) {
        this.task = Objects.requireNonNull(task, "task");
        this.convention = Objects.requireNonNull(convention, "convention");
        this.integerForecasts = integerForecasts;
    }

    /** One forecaster's figures. */
    public record Result(String model, Accuracy accuracy, double fitSeconds, double predictSeconds) {
    }

    /** Evaluates {@code forecasters} on {@code series}; the first result is always Naive2. */
    public List<Result> evaluate(List<TimeSeries> series, List<Forecaster> forecasters) {
        List<TimeSeries> train = new ArrayList<>(series.size());
        List<double[]> insamples = new ArrayList<>(series.size());
        List<double[]> actuals = new ArrayList<>(series.size());
        for (TimeSeries s : series) {
            TimeSeries t = s.dropLast(task.horizon());
            train.add(t);
            insamples.add(t.values());
            actuals.add(s.last(task.horizon()));
        }
        List<Forecaster> all = new ArrayList<>();
        all.add(Forecasters.create("naive2"));
        all.addAll(forecasters);
        List<Result> results = new ArrayList<>();
        Accuracy naive2 = null;
        for (Forecaster f : all) {
            long t0 = System.nanoTime();
            f.fit(train, task);
            long t1 = System.nanoTime();
            List<Forecast> forecasts = f.predict(train);
            long t2 = System.nanoTime();
            List<double[]> points = new ArrayList<>(forecasts.size());
            for (Forecast fc : forecasts) {
                points.add(integerForecasts ? ForecastMetrics.asCounts(fc.mean()) : fc.mean());
            }
            Accuracy a = ForecastMetrics.evaluate(insamples, actuals, points, task.seasonPeriod(), convention);
            if (naive2 == null) {
                naive2 = a;
            }
            results.add(new Result(f.name(), a.relativeTo(naive2), (t1 - t0) / 1e9, (t2 - t1) / 1e9));
            if (f instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot release the forecaster (" + f.name() + ").", e);
                }
            }
        }
        return results;
    }

    /** A fixed-width table: model, sMAPE, MASE, OWA, series counted, fit and predict seconds. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-8s %8s %8s %7s %7s %9s %9s%n",
                "model", "sMAPE", "MASE", "OWA", "series", "fit_s", "predict_s"));
        for (Result r : results) {
            Accuracy a = r.accuracy();
            out.append(String.format(Locale.ROOT, "%-8s %8.3f %8.3f %7.3f %7d %9.1f %9.1f%n", r.model(), a.smape(),
                    a.mase(), a.owa(), a.seriesCounted(), r.fitSeconds(), r.predictSeconds()));
        }
        return out.toString();
    }
}
