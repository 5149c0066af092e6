package org.plantwin.learning.api;

import java.util.List;

/**
 * A forecasting method: fit it on a set of series, then forecast the next {@code horizon} steps of series.
 *
 * <p>Local methods (the M4 statistical benchmarks) fit each series when asked to predict it, so
 * {@link #fit} only records the task. Global models (LSTM, N-BEATS) learn one set of weights from all
 * training series and can then forecast any series, including ones they were not trained on.
 *
 * <pre>{@code
 * Forecaster f = Forecasters.create("theta");
 * f.fit(train, new ForecastTask(48, 24));
 * List<Forecast> forecasts = f.predict(train);
 * }</pre>
 */
public interface Forecaster {

    /** The method's name as {@link Forecasters#create} knows it, e.g. {@code "naive2"} or {@code "nbeats"}. */
    String name();

    /** Trains on {@code training} for {@code task}; must be called before {@link #predict}. */
    void fit(List<TimeSeries> training, ForecastTask task);

    /** Forecasts {@code task().horizon()} steps after the end of each of {@code histories}, in the same order. */
    List<Forecast> predict(List<TimeSeries> histories);

    /** The task given to the last {@link #fit}; fails if not fitted. */
    ForecastTask task();
}
