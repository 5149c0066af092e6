package org.plantwin.learning.forecast.stat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.TimeSeries;

/** A {@link Forecaster} for one of the local M4 benchmarks: each series is fitted when it is forecast. */
public final class StatisticalForecaster implements Forecaster {

    private final M4Benchmark method;
    private ForecastTask task;

    public StatisticalForecaster(M4Benchmark method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    @Override
    public String name() {
        return method.key();
    }

    @Override
    public void fit(List<TimeSeries> training, ForecastTask task) {
        this.task = Objects.requireNonNull(task, "task");
    }

    @Override
    public List<Forecast> predict(List<TimeSeries> histories) {
        ForecastTask t = task();
        List<Forecast> out = new ArrayList<>(histories.size());
        for (TimeSeries s : histories) {
            double[] x = s.values();
            for (double v : x) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("The series (" + s.id()
                            + ") has missing values; fill them first (TimeSeries.fillMissing).");
                }
            }
            out.add(Forecast.point(s.id(), method.forecast(x, t.seasonPeriod(), t.horizon())));
        }
        return out;
    }

    @Override
    public ForecastTask task() {
        if (task == null) {
            throw new IllegalStateException("The forecaster (" + name() + ") has not been fitted.");
        }
        return task;
    }
}
