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
 * point forecast targets the median, as MASE rewards.
 */
public final class NBeatsForecaster extends AbstractDeepForecaster {

    static final String NAME = "nbeats";
    private static final int BLOCKS = 4;
    private static final int LAYERS = 3;

    public NBeatsForecaster(DeepForecasterConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return NAME;
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
    protected Forecast toForecast(String id, float[] values, double scale, int horizon) {
        double[] mean = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            mean[k] = values[k] * scale;
        }
        return Forecast.point(id, mean);
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
