package org.plantwin.learning.api;

import java.util.List;
import java.util.Map;

/**
 * The JSON descriptor saved beside a trained model's DJL parameters: enough to rebuild the network, feed it
 * the right inputs and know what it was trained on and how well it did.
 *
 * @param formatVersion version of this descriptor's layout
 * @param model the forecaster name ({@code "lstm"}, {@code "nbeats"})
 * @param modelVersion the network's architecture version
 * @param engine the DJL engine that trained it
 * @param architecture hyper-parameters that fix the network's shape (e.g. blocks, layers, width)
 * @param inputs what the network reads: lookback length, horizon, season period, missing-value rule
 * @param scaling how inputs are scaled and outputs unscaled
 * @param quantiles the quantile levels of the outputs; empty for a point model
 * @param trainingDataSha256 SHA-256 over the training series' ids and values, in order
 * @param trainingSeries the number of training series
 * @param config the training settings
 * @param trainingSeconds wall-clock training time
 * @param metrics evaluation figures recorded with the model (e.g. holdout sMAPE, MASE, OWA)
 */
public record ModelDescriptor(int formatVersion, String model, int modelVersion, String engine,
        Map<String, Integer> architecture, Inputs inputs, String scaling, List<Double> quantiles,
        String trainingDataSha256, int trainingSeries, DeepForecasterConfig config, double trainingSeconds,
        Map<String, Double> metrics) {

    /** The current {@link #formatVersion}. */
    public static final int FORMAT_VERSION = 1;

    /**
     * @param inputLength the lookback window L
     * @param horizon the forecast horizon H
     * @param seasonPeriod the season period the model was trained for
     * @param missing how missing values are fed
     */
    public record Inputs(int inputLength, int horizon, int seasonPeriod, String missing) {
    }

    /** The same descriptor with {@code values} as its metrics. */
    public ModelDescriptor withMetrics(Map<String, Double> values) {
        return new ModelDescriptor(formatVersion, model, modelVersion, engine, architecture, inputs, scaling,
                quantiles, trainingDataSha256, trainingSeries, config, trainingSeconds, Map.copyOf(values));
    }
}
