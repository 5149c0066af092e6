package org.plantwin.learning.maintenance;

/**
 * Training settings of the RUL model.
 *
 * @param architecture {@code "dcnn"} (Li et al. 2018 style 1-D CNN over time) or {@code "lstm"}
 * @param seed seeds the engine (weights, dropout), the validation split and the batch order
 * @param maxEpochs the most passes over the training windows
 * @param batchSize windows per mini-batch
 * @param learningRate the Adam learning rate
 * @param patience stop after this many epochs without a better validation RMSE; the best epoch's weights are kept
 * @param validationFraction the share of training units (whole units) held out for early stopping; 0 = none
 * @param window cycles per input window
 * @param rulCap the cap of the piecewise-linear target
 * @param threads PyTorch intra-op threads; 0 keeps the engine default
 * @param finalLearningRate the learning rate reached after {@code maxEpochs} by a per-step cosine decay from
 *     {@code learningRate}; equal to it = no decay
 * @param members networks trained with seeds {@code seed, seed+1, ...} on the same split, predictions averaged
 * @param smoothing alpha in (0, 1] of the causal exponential smoothing of each scaled sensor per unit
 *     ({@link RulProtocol#smooth}); 1 = off
 * @param ageScale when {@code > 0}, an extra input per cycle: the cycles run so far divided by it
 *     ({@link RulProtocol#inputs}); 0 = sensors only
 * @param validationEnd 0: the validation RMSE is over every window of the validation units against the capped
 *     target; {@code N > 0}: over the windows that end within N cycles of failure against the exact remaining
 *     cycles, as the test scores a truncated unit ({@link RulProtocol#endOfLifeWindows})
 * @param emaDecay when {@code > 0}, an exponential moving average of the weights with this decay
 *     ({@link org.plantwin.learning.model.WeightAverage}) is what each epoch validates and what the model keeps; 0 =
 *     the weights themselves
 * @param baselineCycles when {@code > 0}, one more input per sensor: its departure from the unit's mean over its
 *     first that many cycles ({@link RulProtocol.Inputs}); 0 = none
 * @param slowSmoothing when {@code > 0}, one more input per sensor: the sensor smoothed with this alpha
 *     ({@link RulProtocol.Inputs}); 0 = none
 */
public record RulConfig(String architecture, long seed, int maxEpochs, int batchSize, float learningRate,
        int patience, double validationFraction, int window, double rulCap, int threads, float finalLearningRate,
        int members, double smoothing, double ageScale, int validationEnd, double emaDecay, int baselineCycles,
        double slowSmoothing) {

    /** The settings without the baseline and slow inputs. */
    public RulConfig(String architecture, long seed, int maxEpochs, int batchSize, float learningRate, int patience,
            double validationFraction, int window, double rulCap, int threads, float finalLearningRate, int members,
            double smoothing, double ageScale, int validationEnd, double emaDecay) {
        this(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction, window, rulCap,
                threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay, 0, 0);
    }

    /** The settings without the age input, validated on every window (as before those options). */
    public RulConfig(String architecture, long seed, int maxEpochs, int batchSize, float learningRate, int patience,
            double validationFraction, int window, double rulCap, int threads, float finalLearningRate, int members,
            double smoothing) {
        this(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction, window, rulCap,
                threads, finalLearningRate, members, smoothing, 0, 0, 0);
    }

    /** The settings without weight averaging. */
    public RulConfig(String architecture, long seed, int maxEpochs, int batchSize, float learningRate, int patience,
            double validationFraction, int window, double rulCap, int threads, float finalLearningRate, int members,
            double smoothing, double ageScale, int validationEnd) {
        this(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction, window, rulCap,
                threads, finalLearningRate, members, smoothing, ageScale, validationEnd, 0);
    }

    /** The settings without smoothing (alpha 1), as before the smoothing option. */
    public RulConfig(String architecture, long seed, int maxEpochs, int batchSize, float learningRate, int patience,
            double validationFraction, int window, double rulCap, int threads, float finalLearningRate, int members) {
        this(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction, window, rulCap,
                threads, finalLearningRate, members, 1.0);
    }

    /** One network at a fixed learning rate (the settings before decay and ensembles). */
    public RulConfig(String architecture, long seed, int maxEpochs, int batchSize, float learningRate, int patience,
            double validationFraction, int window, double rulCap, int threads) {
        this(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction, window, rulCap,
                threads, learningRate, 1);
    }

    public RulConfig {
        new RulProtocol.Inputs(smoothing, ageScale, baselineCycles, slowSmoothing); // checks those four
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("The emaDecay (" + emaDecay + ") must be in [0, 1); 0 = off.");
        }
        if (validationEnd < 0) {
            throw new IllegalArgumentException("The validationEnd (" + validationEnd + ") must be >= 0 (0 = every"
                    + " window).");
        }
        if (members < 1 || !(finalLearningRate > 0) || finalLearningRate > learningRate) {
            throw new IllegalArgumentException("The members (" + members + ") must be >= 1 and the finalLearningRate ("
                    + finalLearningRate + ") in (0, learningRate (" + learningRate + ")].");
        }
        if (!RulNetworks.ARCHITECTURES.contains(architecture)) {
            throw new IllegalArgumentException("The architecture (" + architecture + ") is unknown. Maybe "
                    + String.join(" or ", RulNetworks.ARCHITECTURES) + "?");
        }
        if (maxEpochs < 1 || batchSize < 1 || patience < 1 || window < 1 || threads < 0) {
            throw new IllegalArgumentException("The maxEpochs (" + maxEpochs + "), batchSize (" + batchSize
                    + "), patience (" + patience + ") and window (" + window + ") must be >= 1, threads ("
                    + threads + ") >= 0.");
        }
        if (!(learningRate > 0) || !(rulCap > 0) || !(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("The learningRate (" + learningRate + ") and rulCap (" + rulCap
                    + ") must be > 0, the validationFraction (" + validationFraction + ") in [0, 1).");
        }
    }

    /**
     * One LSTM, seed 42, up to 60 epochs of batch 256, Adam 1e-3 without decay, patience 10, 10 % validation
     * units (every window), W 30, cap 125, 1 thread, causal exponential smoothing alpha 0.15 (validation RMSE 13.64
     * against 14.02 unsmoothed and 14.06 at 0.3), the age input at 200 cycles (5-fold cross-validation on the
     * training units: RMSE 16.22 against 18.13 without it), the baseline input over the first 20 cycles and the slow
     * input at alpha 0.03 (the same cross-validation: 11.79 with both, 12.47 with the baseline only, 14.45 with the
     * slow input only, 16.22 with neither; with seed 43's folds 12.85, 14.44 and 16.34; see the README).
     */
    public static RulConfig defaults() {
        // One network: a 5-seed ensemble gains 0.2 test RMSE on FD001 (within noise) for 5x the training time, which
        // on the larger FD002/FD004 files would pass the 15-minute budget; withMembers(5) / --members 5 asks for it.
        return new RulConfig("lstm", 42, 60, 256, 1e-3f, 10, 0.1, 30, 125, 1, 1e-3f, 1, 0.15, 200, 0, 0, 20, 0.03);
    }

    public RulConfig withArchitecture(String value) {
        return new RulConfig(value, seed, maxEpochs, batchSize, learningRate, patience, validationFraction, window,
                rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    public RulConfig withSeed(long value) {
        return new RulConfig(architecture, value, maxEpochs, batchSize, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    public RulConfig withMaxEpochs(int value) {
        return new RulConfig(architecture, seed, value, batchSize, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    public RulConfig withBatchSize(int value) {
        return new RulConfig(architecture, seed, maxEpochs, value, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    /** The same settings at learning rate {@code value}; without decay, the final rate follows it. */
    public RulConfig withLearningRate(float value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, value, patience, validationFraction, window,
                rulCap, threads, finalLearningRate == learningRate ? value : finalLearningRate, members, smoothing,
                ageScale, validationEnd, emaDecay, baselineCycles, slowSmoothing);
    }

    public RulConfig withPatience(int value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, value, validationFraction,
                window, rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    public RulConfig withValidationFraction(double value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, value, window,
                rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    public RulConfig withWindow(int value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction,
                value, rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    public RulConfig withThreads(int value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction,
                window, rulCap, value, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    /** The same settings as an ensemble of {@code value} networks (the decay is set through the constructor). */
    public RulConfig withMembers(int value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, value, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    /** The same settings with causal exponential smoothing {@code value} (alpha in (0, 1]; 1 = off). */
    public RulConfig withSmoothing(double value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, members, value, ageScale, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    /** The same settings with the age input scaled by {@code value} cycles (0 = none). */
    public RulConfig withAgeScale(double value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, members, smoothing, value, validationEnd, emaDecay,
                baselineCycles, slowSmoothing);
    }

    /** The same settings with weight averaging at decay {@code value} (0 = off). */
    public RulConfig withEmaDecay(double value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, value,
                baselineCycles, slowSmoothing);
    }

    /** The same settings validated on the windows within {@code value} cycles of failure (0 = every window). */
    public RulConfig withValidationEnd(int value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, members, smoothing, ageScale, value, emaDecay,
                baselineCycles, slowSmoothing);
    }

    /** The same settings with the baseline input over the first {@code value} cycles (0 = none). */
    public RulConfig withBaselineCycles(int value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                value, slowSmoothing);
    }

    /** The same settings with the slow smoothed input at alpha {@code value} (0 = none). */
    public RulConfig withSlowSmoothing(double value) {
        return new RulConfig(architecture, seed, maxEpochs, batchSize, learningRate, patience, validationFraction,
                window, rulCap, threads, finalLearningRate, members, smoothing, ageScale, validationEnd, emaDecay,
                baselineCycles, value);
    }
}
