package org.plantwin.learning.generate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Model selection for {@link TimeSeriesGan}: trains each candidate setting on the same windows and keeps the model
 * whose samples a post-hoc classifier tells apart from the real windows least (TimeGAN's discriminative score, with
 * its own seeds and the paper's 10 repetitions). The settings that help differ between data sets (the
 * supervised loss: learning/README, "Model selection"); choosing among them by a score computed from the training
 * windows alone needs no knowledge of the data set, so nothing is tuned by hand to one.
 *
 * <p>The judge sees the training windows (the TimeGAN protocol has no held-out set); a report that scores the kept
 * model again with fresh classifier seeds and a fresh sample is an unbiased estimate for that model. Ties keep the
 * earlier candidate.
 */
public final class GanSelection {

    private GanSelection() {
    }

    /** The supervised-loss weights of {@link #supervisedCandidates}: off, and the weight measured best on Stocks. */
    public static final List<Double> SUPERVISED_WEIGHTS = List.of(0.0, 10.0);

    /** Repetitions of the judge's classifier per candidate. */
    public static final int JUDGE_REPETITIONS = 10;

    /**
     * One trained candidate.
     *
     * @param config its settings
     * @param discriminative the judge's mean discriminative score (lower = harder to tell from the real windows)
     * @param discriminativeStd its standard deviation over the judge's repetitions
     * @param trainingSeconds wall-clock training time of this candidate
     */
    public record Candidate(GanConfig config, double discriminative, double discriminativeStd,
            double trainingSeconds) {
    }

    /** {@code base} with each weight of {@link #SUPERVISED_WEIGHTS} (rgan only). */
    public static List<GanConfig> supervisedCandidates(GanConfig base) {
        if (!base.architecture().equals(GanConfig.RGAN)) {
            throw new IllegalArgumentException("Choosing the supervised weight applies to " + GanConfig.RGAN
                    + " only, not to (" + base.architecture() + ").");
        }
        return SUPERVISED_WEIGHTS.stream().map(base::withSupervisedWeight).toList();
    }

    /**
     * The judge for a run seeded {@code seed}: the paper's classifier (2,000 iterations, batch 128),
     * {@value #JUDGE_REPETITIONS} repetitions, seeds apart from those a report of the same seed uses.
     */
    public static GanMetrics.Settings judge(long seed) {
        return new GanMetrics.Settings(2000, 5000, 128, JUDGE_REPETITIONS, seed + 7919);
    }

    /**
     * Trains every candidate, scores each with {@code judge} on as many samples (seeded {@code judge.seed()}) as
     * there are windows, and returns the best; the others are closed. The descriptor lists every candidate and
     * counts the whole selection's seconds.
     */
    public static TimeSeriesGan train(Windows data, List<String> columns, MinMaxScaling scaling,
            List<GanConfig> candidates, GanMetrics.Settings judge, PrintStream log) {
        return train(data, columns, 0, scaling, candidates, judge, log);
    }

    /**
     * {@link #train(Windows, List, MinMaxScaling, List, GanMetrics.Settings, PrintStream)} for a model conditioned on
     * the last {@code conditions} columns ({@link TimeSeriesGan#train(Windows, List, int, MinMaxScaling, GanConfig,
     * PrintStream)}); each candidate is judged on windows generated for the real windows' conditions.
     */
    public static TimeSeriesGan train(Windows data, List<String> columns, int conditions, MinMaxScaling scaling,
            List<GanConfig> candidates, GanMetrics.Settings judge, PrintStream log) {
        return train(data, columns, conditions, scaling, candidates,
                gan -> GanMetrics.discriminative(data, gan.sampleScaledFor(data, judge.seed()), judge), log);
    }

    /** {@link #train} with any score (lower = better) of a trained candidate. */
    static TimeSeriesGan train(Windows data, List<String> columns, int conditions, MinMaxScaling scaling,
            List<GanConfig> candidates, Function<TimeSeriesGan, GanMetrics.Score> judge, PrintStream log) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("No candidate settings to choose from.");
        }
        long start = System.nanoTime();
        List<Candidate> scored = new ArrayList<>();
        TimeSeriesGan best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        try {
            for (GanConfig c : candidates) {
                TimeSeriesGan gan = TimeSeriesGan.train(data, columns, conditions, scaling, c, log);
                GanMetrics.Score s;
                try {
                    s = judge.apply(gan);
                } catch (RuntimeException e) {
                    gan.close();
                    throw e;
                }
                scored.add(new Candidate(c, s.mean(), s.std(), gan.descriptor().trainingSeconds()));
                if (log != null) {
                    log.printf(Locale.ROOT, "candidate %d (supervised %s): discriminative %.4f ± %.4f%n",
                            scored.size(), c.supervised(), s.mean(), s.std());
                }
                if (s.mean() < bestScore) {
                    if (best != null) {
                        best.close();
                    }
                    best = gan;
                    bestScore = s.mean();
                } else {
                    gan.close();
                }
            }
        } catch (RuntimeException e) {
            if (best != null) {
                best.close();
            }
            throw e;
        }
        return best.withDescriptor(best.descriptor().withSelection(scored, (System.nanoTime() - start) / 1e9));
    }
}
