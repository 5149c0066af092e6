package org.plantwin.learning.generate;

import java.util.List;
import java.util.Map;

/**
 * The JSON descriptor ({@code gan.json}) saved beside the DJL parameters of the networks used for sampling.
 *
 * @param formatVersion version of this layout
 * @param model the design ({@code "rgan"}: GRU generator and discriminator, non-saturating loss + moment loss;
 *     {@code "timegan"}: {@code TimeGan}, saved as generator, supervisor and recovery parameters)
 * @param engine the DJL engine that trained it
 * @param columns feature names in order
 * @param seqLen time steps per window
 * @param scaling the min-max scaling of the training data (samples are returned in original units)
 * @param config the training settings
 * @param trainingWindows windows trained on
 * @param trainingSeconds wall-clock training time
 * @param metrics figures recorded with the model (last losses)
 * @param selection the candidate settings trained and scored when the model was chosen among several
 *     ({@link GanSelection}), in training order; null when one setting was trained (and in descriptors saved before
 *     this field)
 * @param conditionColumns the last columns of {@code columns} that are conditions (context the generator is given,
 *     per step, not generated: product, season, ...); null or empty = an unconditional model (and descriptors saved
 *     before this field)
 */
public record GanDescriptor(int formatVersion, String model, String engine, List<String> columns, int seqLen,
        MinMaxScaling scaling, GanConfig config, int trainingWindows, double trainingSeconds,
        Map<String, Double> metrics, List<GanSelection.Candidate> selection, List<String> conditionColumns) {

    /** The number of condition columns (0 = unconditional). */
    public int conditions() {
        return conditionColumns == null ? 0 : conditionColumns.size();
    }

    /** A descriptor of one trained setting (no selection). */
    public GanDescriptor(int formatVersion, String model, String engine, List<String> columns, int seqLen,
            MinMaxScaling scaling, GanConfig config, int trainingWindows, double trainingSeconds,
            Map<String, Double> metrics) {
        this(formatVersion, model, engine, columns, seqLen, scaling, config, trainingWindows, trainingSeconds, metrics,
                null, null);
    }

    /** This descriptor with the selection that chose it and the seconds that the whole selection took. */
    public GanDescriptor withSelection(List<GanSelection.Candidate> candidates, double seconds) {
        return new GanDescriptor(formatVersion, model, engine, columns, seqLen, scaling, config, trainingWindows,
                seconds, metrics, List.copyOf(candidates), conditionColumns);
    }

    /** The current {@link #formatVersion}. */
    public static final int FORMAT_VERSION = 1;
}
