package org.plantwin.learning.api;

/**
 * Training settings of the DJL forecasters.
 *
 * @param seed seeds the engine (weight initialisation) and the window sampler: same seed, same model on CPU
 * @param trainingSteps the number of mini-batch updates
 * @param batchSize the windows per mini-batch
 * @param learningRate the Adam learning rate
 * @param inputLength the lookback window in steps; 0 picks the model's default for the horizon
 * @param hiddenSize the width of the hidden layers (N-BEATS) or the LSTM state size
 * @param historyLimit training windows end within the last {@code historyLimit} horizons of each series
 *     (N-BEATS' L_H); 0 uses the whole history
 * @param threads PyTorch intra-op threads; 0 keeps the engine default
 * @param seasonalSkip add the last seasonal cycle of the lookback (seasonal naive) to the network's output, so
 *     that the network learns a correction to seasonal naive; needs a season period > 1
 */
public record DeepForecasterConfig(long seed, int trainingSteps, int batchSize, float learningRate, int inputLength,
        int hiddenSize, int historyLimit, int threads, boolean seasonalSkip) {

    public DeepForecasterConfig {
        requirePositive("trainingSteps", trainingSteps);
        requirePositive("batchSize", batchSize);
        requirePositive("hiddenSize", hiddenSize);
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("The learningRate (" + learningRate + ") must be > 0.");
        }
        if (inputLength < 0 || historyLimit < 0 || threads < 0) {
            throw new IllegalArgumentException("The inputLength (" + inputLength + "), historyLimit ("
                    + historyLimit + ") and threads (" + threads + ") must be >= 0.");
        }
    }

    /** Seed 42, 1000 steps of 256 windows, learning rate 1e-3, default lookback, width 128, whole history, no skip. */
    public static DeepForecasterConfig defaults() {
        return new DeepForecasterConfig(42, 1000, 256, 1e-3f, 0, 128, 0, 0, false);
    }

    /**
     * The settings of the holdout harness for the deep model {@code model}. M4 Hourly ({@code intermittent} false):
     * {@code lstm} 2000 steps of 128, rate 2e-3, width 64; {@code nbeats} 1500 steps of 256, width 128;
     * {@code nbeatslog} 2000 steps of 256, width 256, a lookback of 7 seasons; windows from the last 10 horizons,
     * the seasonal skip when {@code season > 1}. Car parts ({@code intermittent} true: series with zeros):
     * {@code lstm} lookback 24, state 16, 2000 steps of 128, rate 2e-3; {@code nbeats}/{@code nbeatslog} lookback 24,
     * width 64, 4000 steps of 256; whole history, no skip. {@link #defaults()} with {@code seed} for any other
     * name. The command line, the HTTP model service and the harness train with these.
     */
    public static DeepForecasterConfig measured(String model, long seed, int season, boolean intermittent) {
        String key = model.toLowerCase(java.util.Locale.ROOT);
        if (intermittent) {
            return switch (key) {
                case "lstm" -> new DeepForecasterConfig(seed, 2000, 128, 2e-3f, 24, 16, 0, 0, false);
                case "nbeats", "nbeatslog" -> new DeepForecasterConfig(seed, 4000, 256, 1e-3f, 24, 64, 0, 0, false);
                default -> defaults().withSeed(seed);
            };
        }
        boolean seasonal = season > 1;
        return switch (key) {
            case "lstm" -> new DeepForecasterConfig(seed, 2000, 128, 2e-3f, 0, 64, 10, 0, seasonal);
            case "nbeats" -> new DeepForecasterConfig(seed, 1500, 256, 1e-3f, 0, 128, 10, 0, seasonal);
            case "nbeatslog" -> new DeepForecasterConfig(seed, 2000, 256, 1e-3f, seasonal ? 7 * season : 0, 256, 10,
                    0, seasonal);
            default -> defaults().withSeed(seed);
        };
    }

    /** {@link #measured(String, long, int, boolean)} for series without zeros (M4-like). */
    public static DeepForecasterConfig measured(String model, long seed, int season) {
        return measured(model, seed, season, false);
    }

    public DeepForecasterConfig withSeed(long value) {
        return new DeepForecasterConfig(value, trainingSteps, batchSize, learningRate, inputLength, hiddenSize,
                historyLimit, threads, seasonalSkip);
    }

    public DeepForecasterConfig withTrainingSteps(int value) {
        return new DeepForecasterConfig(seed, value, batchSize, learningRate, inputLength, hiddenSize, historyLimit,
                threads, seasonalSkip);
    }

    public DeepForecasterConfig withBatchSize(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, value, learningRate, inputLength, hiddenSize,
                historyLimit, threads, seasonalSkip);
    }

    public DeepForecasterConfig withLearningRate(float value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, value, inputLength, hiddenSize, historyLimit,
                threads, seasonalSkip);
    }

    public DeepForecasterConfig withInputLength(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, learningRate, value, hiddenSize,
                historyLimit, threads, seasonalSkip);
    }

    public DeepForecasterConfig withHiddenSize(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, learningRate, inputLength, value,
                historyLimit, threads, seasonalSkip);
    }

    public DeepForecasterConfig withHistoryLimit(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, learningRate, inputLength, hiddenSize, value,
                threads, seasonalSkip);
    }

    public DeepForecasterConfig withThreads(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, learningRate, inputLength, hiddenSize,
                historyLimit, value, seasonalSkip);
    }

    public DeepForecasterConfig withSeasonalSkip(boolean value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, learningRate, inputLength, hiddenSize,
                historyLimit, threads, value);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("The " + name + " (" + value + ") must be >= 1.");
        }
    }
}
