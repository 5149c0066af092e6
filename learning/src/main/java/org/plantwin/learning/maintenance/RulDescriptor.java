package org.plantwin.learning.maintenance;

import java.util.List;
import java.util.Map;

/**
 * The JSON descriptor saved beside a RUL model's DJL parameters ({@code rul-0000.params}, {@code rul.json}).
 *
 * @param formatVersion version of this layout
 * @param model the architecture name ({@code "dcnn"}, {@code "lstm"})
 * @param modelVersion the network's version
 * @param engine the DJL engine that trained it
 * @param architecture hyper-parameters that fix the network's shape
 * @param window cycles per input window
 * @param features input names per cycle, in order ({@code "s2"}, ...)
 * @param rulCap the target cap; predictions are clipped to [0, cap]
 * @param padding how test units shorter than the window are fed
 * @param scaling operating conditions, sensors kept and per-condition min/max
 * @param trainingDataSha256 SHA-256 over the training units ({@link RulProtocol#sha256})
 * @param trainingUnits units the network was fitted on
 * @param validationUnits units held out for early stopping
 * @param config the training settings
 * @param trainingSeconds wall-clock training time
 * @param epochsRun epochs trained before stopping
 * @param bestEpoch the epoch (1-based) whose weights were kept
 * @param metrics figures recorded with the model (validation RMSE, test RMSE and score when known)
 */
public record RulDescriptor(int formatVersion, String model, int modelVersion, String engine,
        Map<String, Integer> architecture, int window, List<String> features, double rulCap, String padding,
        SensorScaling scaling, String trainingDataSha256, List<Integer> trainingUnits, List<Integer> validationUnits,
        RulConfig config, double trainingSeconds, int epochsRun, int bestEpoch, Map<String, Double> metrics) {

    /** The current {@link #formatVersion}. */
    public static final int FORMAT_VERSION = 1;

    /** The same descriptor with {@code values} added to its metrics. */
    public RulDescriptor withMetrics(Map<String, Double> values) {
        Map<String, Double> m = new java.util.TreeMap<>(metrics);
        m.putAll(values);
        return new RulDescriptor(formatVersion, model, modelVersion, engine, architecture, window, features, rulCap,
                padding, scaling, trainingDataSha256, trainingUnits, validationUnits, config, trainingSeconds,
                epochsRun, bestEpoch, Map.copyOf(m));
    }
}
