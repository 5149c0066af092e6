package org.plantwin.learning.forecast.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;
import org.plantwin.learning.api.DeepForecasterConfig;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.model.NBeatsBlock;

/**
 * Global N-BEATS (generic) forecaster trained with the mean absolute error of scaled windows, so that its
 * point forecast targets the median, as MASE rewards. Two variants: {@code nbeats} divides windows by their scale;
 * {@code nbeatslog} works on {@code ln(value / scale)} ({@link WindowScaling#LOG_LEVEL}), so that its error is
 * relative, for positive series with multiplicative seasonality such as M4 Hourly.
 */
public final class NBeatsForecaster extends AbstractDeepForecaster {

    static final String NAME = "nbeats";
    static final String LOG_NAME = "nbeatslog";
    private static final int BLOCKS = 4;
    private static final int LAYERS = 3;

    private final WindowScaling scaling;

    public NBeatsForecaster(DeepForecasterConfig config) {
        this(config, WindowScaling.MEAN_ABS);
    }

    public NBeatsForecaster(DeepForecasterConfig config, WindowScaling scaling) {
        super(config);
        this.scaling = java.util.Objects.requireNonNull(scaling, "scaling");
    }

    @Override
    public String name() {
        return scaling == WindowScaling.LOG_LEVEL ? LOG_NAME : NAME;
    }

    @Override
    protected WindowScaling scaling() {
        return scaling;
    }

    @Override
    protected Block buildBlock(int inputLength, ForecastTask task) {
        return new NBeatsBlock(inputLength, task.horizon(), BLOCKS, LAYERS, config().hiddenSize(),
                skipPeriod(config(), task));
    }

    @Override
    protected Map<String, Integer> architecture() {
        return Map.of("blocks", BLOCKS, "layers", LAYERS, "width", config().hiddenSize(), "seasonalSkip",
                config().seasonalSkip() ? 1 : 0);
    }

    @Override
    protected int defaultInputLength(ForecastTask task) {
        return 2 * task.horizon();
    }

    @Override
    protected NDArray loss(NDArray output, NDArray target) {
        return output.sub(target).abs().mean(); // output, target: (B, H)
    }

    @Override
    protected Forecast toForecast(String id, double[] values, int horizon) {
        return Forecast.point(id, values);
    }

    @Override
    protected List<Double> quantileLevels() {
        return List.of();
    }

    @Override
    protected int modelVersion() {
        return 1;
    }
}
