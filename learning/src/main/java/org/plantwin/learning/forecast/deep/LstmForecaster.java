package org.plantwin.learning.forecast.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.plantwin.learning.api.DeepForecasterConfig;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.model.LstmBlock;

/**
 * Global LSTM forecaster with a quantile head: trained with the pinball loss at the 10%, 50% and 90% levels;
 * the median is the point forecast.
 */
public final class LstmForecaster extends AbstractDeepForecaster {

    static final String NAME = "lstm";
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final float[] LEVELS_F = {0.1f, 0.5f, 0.9f};
    private static final int MEDIAN = 1;
    private static final int LAYERS = 1;

    public LstmForecaster(DeepForecasterConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Block buildBlock(int inputLength, ForecastTask task) {
        return new LstmBlock(task.horizon(), LEVELS.length, config().hiddenSize(), LAYERS,
                skipPeriod(config(), task));
    }

    @Override
    protected Map<String, Integer> architecture() {
        return Map.of("layers", LAYERS, "stateSize", config().hiddenSize(), "quantiles", LEVELS.length,
                "seasonalSkip", config().seasonalSkip() ? 1 : 0);
    }

    @Override
    protected int defaultInputLength(ForecastTask task) {
        return 2 * task.horizon();
    }

    @Override
    protected NDArray loss(NDArray output, NDArray target) {
        // output (B, Q, H); target (B, H) -> (B, 1, H); q (1, Q, 1)
        NDArray q = output.getManager().create(LEVELS_F).reshape(1, LEVELS.length, 1);
        NDArray diff = target.expandDims(1).sub(output); // (B, Q, H)
        return diff.mul(q).maximum(diff.mul(q.sub(1f))).mean();
    }

    @Override
    protected Forecast toForecast(String id, double[] values, int horizon) {
        // values: (Q, H) flattened; quantile crossing is removed by sorting each step's quantiles.
        double[][] q = new double[LEVELS.length][horizon];
        for (int k = 0; k < horizon; k++) {
            double[] col = new double[LEVELS.length];
            for (int j = 0; j < LEVELS.length; j++) {
                col[j] = values[j * horizon + k];
            }
            java.util.Arrays.sort(col);
            for (int j = 0; j < LEVELS.length; j++) {
                q[j][k] = col[j];
            }
        }
        TreeMap<Double, double[]> quantiles = new TreeMap<>();
        for (int j = 0; j < LEVELS.length; j++) {
            quantiles.put(LEVELS[j], q[j]);
        }
        return new Forecast(id, q[MEDIAN], quantiles);
    }

    @Override
    protected List<Double> quantileLevels() {
        return List.of(0.1, 0.5, 0.9);
    }

    @Override
    protected int modelVersion() {
        return 1;
    }
}
