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
 */
public record DeepForecasterConfig(long seed, int trainingSteps, int batchSize, float learningRate, int inputLength,
        int hiddenSize, int historyLimit, int threads) {

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

    /** Seed 42, 1000 steps of 256 windows, learning rate 1e-3, default lookback, width 128, whole history. */
    public static DeepForecasterConfig defaults() {
        return new DeepForecasterConfig(42, 1000, 256, 1e-3f, 0, 128, 0, 0);
    }

    public DeepForecasterConfig withSeed(long value) {
        return new DeepForecasterConfig(value, trainingSteps, batchSize, learningRate, inputLength, hiddenSize,
                historyLimit, threads);
    }

    public DeepForecasterConfig withTrainingSteps(int value) {
        return new DeepForecasterConfig(seed, value, batchSize, learningRate, inputLength, hiddenSize, historyLimit,
                threads);
    }

    public DeepForecasterConfig withBatchSize(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, value, learningRate, inputLength, hiddenSize,
                historyLimit, threads);
    }

    public DeepForecasterConfig withLearningRate(float value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, value, inputLength, hiddenSize, historyLimit,
                threads);
    }

    public DeepForecasterConfig withInputLength(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, learningRate, value, hiddenSize,
                historyLimit, threads);
    }

    public DeepForecasterConfig withHiddenSize(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, learningRate, inputLength, value,
                historyLimit, threads);
    }

    public DeepForecasterConfig withHistoryLimit(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, learningRate, inputLength, hiddenSize, value,
                threads);
    }

    public DeepForecasterConfig withThreads(int value) {
        return new DeepForecasterConfig(seed, trainingSteps, batchSize, learningRate, inputLength, hiddenSize,
                historyLimit, value);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("The " + name + " (" + value + ") must be >= 1.");
        }
    }
}
