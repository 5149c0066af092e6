package org.plantwin.learning.inspection;

import java.util.List;
import java.util.Map;

/**
 * The JSON descriptor saved beside a defect classifier's DJL parameters ({@code inspection-0000.params},
 * {@code inspection.json}).
 *
 * @param formatVersion version of this layout
 * @param modelVersion the network's version ({@link InspectionNetwork#VERSION})
 * @param engine the DJL engine that trained it
 * @param architecture hyper-parameters that fix the network's shape
 * @param classes class names; output index i is {@code classes[i]}
 * @param imageSize side in pixels the images are scaled to
 * @param channels input channels (1: grey)
 * @param resize how images are scaled
 * @param mean normalisation: {@code (grey / 255 - mean) / std}
 * @param std normalisation divisor
 * @param config the training settings
 * @param trainingImages images the network was fitted on
 * @param trainingDataSha256 SHA-256 over the training files' names, labels and scaled pixels
 * @param trainingSeconds wall-clock training time
 * @param metrics figures recorded with the model (training accuracy; cross-validation accuracy when run)
 * @param confusion mean cross-validation confusion matrix per fold, rows true class, columns predicted
 *     (empty when no cross-validation was run)
 */
public record InspectionDescriptor(int formatVersion, int modelVersion, String engine,
        Map<String, Integer> architecture, List<String> classes, int imageSize, int channels, String resize,
        double mean, double std, InspectionConfig config, int trainingImages, String trainingDataSha256,
        double trainingSeconds, Map<String, Double> metrics, List<List<Double>> confusion) {

    /** The current {@link #formatVersion}. */
    public static final int FORMAT_VERSION = 1;

    /** The same descriptor with {@code values} added to its metrics and the given confusion matrix. */
    public InspectionDescriptor withEvaluation(Map<String, Double> values, List<List<Double>> matrix) {
        Map<String, Double> m = new java.util.TreeMap<>(metrics);
        m.putAll(values);
        return new InspectionDescriptor(formatVersion, modelVersion, engine, architecture, classes, imageSize,
                channels, resize, mean, std, config, trainingImages, trainingDataSha256, trainingSeconds,
                Map.copyOf(m), List.copyOf(matrix));
    }
}
