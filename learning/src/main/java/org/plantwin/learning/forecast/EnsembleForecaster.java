package org.plantwin.learning.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.TimeSeries;

/**
 * Combines the point forecasts of several forecasters (e.g. one deep model trained with several seeds) step by
 * step: their mean, or their median (robust to one diverged member).
 */
public final class EnsembleForecaster implements Forecaster, AutoCloseable {

    /** How the members' forecasts of one step are combined. */
    public enum Combination {
        MEAN, MEDIAN
    }

    private final String name;
    private final List<Forecaster> members;
    private final Combination combination;
    private ForecastTask task;

    /** The mean of the members' forecasts. */
    public EnsembleForecaster(String name, List<Forecaster> members) {
        this(name, members, Combination.MEAN);
    }

    public EnsembleForecaster(String name, List<Forecaster> members, Combination combination) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(members);
        this.combination = Objects.requireNonNull(combination, "combination");
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("The ensemble (" + name + ") needs at least one member.");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fit(List<TimeSeries> training, ForecastTask task) {
        this.task = Objects.requireNonNull(task, "task");
        for (Forecaster m : members) {
            m.fit(training, task);
        }
    }

    @Override
    public List<Forecast> predict(List<TimeSeries> histories) {
        List<List<Forecast>> byMember = new ArrayList<>(members.size());
        for (Forecaster m : members) {
            byMember.add(m.predict(histories));
        }
        List<Forecast> out = new ArrayList<>(histories.size());
        double[] column = new double[members.size()];
        for (int i = 0; i < histories.size(); i++) {
            double[] combined = new double[byMember.get(0).get(i).horizon()];
            for (int t = 0; t < combined.length; t++) {
                for (int k = 0; k < column.length; k++) {
                    column[k] = byMember.get(k).get(i).mean()[t];
                }
                combined[t] = combine(column);
            }
            out.add(Forecast.point(histories.get(i).id(), combined));
        }
        return out;
    }

    private double combine(double[] values) {
        if (combination == Combination.MEAN) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    @Override
    public ForecastTask task() {
        if (task == null) {
            throw new IllegalStateException("The forecaster (" + name + ") has not been fitted.");
        }
        return task;
    }

    @Override
    public void close() throws Exception {
        for (Forecaster m : members) {
            if (m instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
