package org.plantwin.learning.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.TimeSeries;

/** The mean of the point forecasts of several forecasters (e.g. one deep model trained with several seeds). */
public final class EnsembleForecaster implements Forecaster, AutoCloseable {

    private final String name;
    private final List<Forecaster> members;
    private ForecastTask task;

    public EnsembleForecaster(String name, List<Forecaster> members) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(members);
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
        double[][] sums = null;
        for (Forecaster m : members) {
            List<Forecast> f = m.predict(histories);
            if (sums == null) {
                sums = new double[f.size()][];
                for (int i = 0; i < f.size(); i++) {
                    sums[i] = new double[f.get(i).horizon()];
                }
            }
            for (int i = 0; i < f.size(); i++) {
                double[] mean = f.get(i).mean();
                for (int t = 0; t < mean.length; t++) {
                    sums[i][t] += mean[t] / members.size();
                }
            }
        }
        List<Forecast> out = new ArrayList<>(histories.size());
        for (int i = 0; i < histories.size(); i++) {
            out.add(Forecast.point(histories.get(i).id(), sums[i]));
        }
        return out;
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
