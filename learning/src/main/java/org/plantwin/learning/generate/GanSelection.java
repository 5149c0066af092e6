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
 * earlier candidate; a candidate other than the first is kept only when it beats the first by more than the judge's
 * noise ({@link #choose}).
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
     * there are windows, and returns the one {@link #choose} keeps; the others are closed. The descriptor lists every
     * candidate and counts the whole selection's seconds.
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
        return keep(trainAll(data, columns, conditions, scaling, candidates, judge, log), judge.repetitions());
    }

    /**
     * Every candidate trained and judged, in the order given, each with the selection's record; the caller closes
     * them (or passes the list to {@link #keep}). For a report that scores the candidates the judge passed over too.
     */
    public static List<Trained> trainAll(Windows data, List<String> columns, int conditions, MinMaxScaling scaling,
            List<GanConfig> candidates, GanMetrics.Settings judge, PrintStream log) {
        return trainAll(data, columns, conditions, scaling, candidates,
                gan -> GanMetrics.discriminative(data, gan.sampleScaledFor(data, judge.seed()), judge), log);
    }

    /** A trained candidate with its record and the seconds its training and judging took; {@link #gan} is open. */
    public record Trained(TimeSeriesGan gan, Candidate candidate, double seconds) {
    }

    /**
     * The candidate to keep, by the one-standard-error rule (Breiman et al. 1984; Hastie, Tibshirani and Friedman,
     * "The Elements of Statistical Learning", 7.10): the first candidate (the plain setting) unless the one the judge
     * scores lowest beats it by more than the standard error of the difference of the two means,
     * {@code sqrt((s0^2 + sb^2) / n)} over the judge's {@code n} repetitions. A judge's noise alone then rarely
     * moves the choice off the plain setting (learning/README, "Model selection", trial 3). Ties keep the earlier.
     */
    public static int choose(List<Candidate> scored, int repetitions) {
        if (scored.isEmpty()) {
            throw new IllegalArgumentException("No candidate settings to choose from.");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("The judge's repetitions must be >= 1, found " + repetitions + ".");
        }
        int best = 0;
        for (int i = 1; i < scored.size(); i++) {
            if (scored.get(i).discriminative() < scored.get(best).discriminative()) {
                best = i;
            }
        }
        Candidate first = scored.get(0);
        Candidate b = scored.get(best);
        double se = Math.sqrt((first.discriminativeStd() * first.discriminativeStd()
                + b.discriminativeStd() * b.discriminativeStd()) / repetitions);
        return first.discriminative() - b.discriminative() > se ? best : 0;
    }

    /** {@link #train} with any score (lower = better) of a trained candidate over {@code repetitions}. */
    static TimeSeriesGan train(Windows data, List<String> columns, int conditions, MinMaxScaling scaling,
            List<GanConfig> candidates, Function<TimeSeriesGan, GanMetrics.Score> judge, int repetitions,
            PrintStream log) {
        return keep(trainAll(data, columns, conditions, scaling, candidates, judge, log), repetitions);
    }

    /** The model {@link #choose} keeps, with every candidate in its descriptor; the others are closed. */
    public static TimeSeriesGan keep(List<Trained> trained, int repetitions) {
        List<Candidate> scored = trained.stream().map(Trained::candidate).toList();
        int k;
        try {
            k = choose(scored, repetitions);
        } catch (RuntimeException e) {
            trained.forEach(t -> t.gan().close());
            throw e;
        }
        for (int i = 0; i < trained.size(); i++) {
            if (i != k) {
                trained.get(i).gan().close();
            }
        }
        TimeSeriesGan kept = trained.get(k).gan();
        double seconds = trained.stream().mapToDouble(Trained::seconds).sum();
        return kept.withDescriptor(kept.descriptor().withSelection(scored, seconds));
    }

    static List<Trained> trainAll(Windows data, List<String> columns, int conditions, MinMaxScaling scaling,
            List<GanConfig> candidates, Function<TimeSeriesGan, GanMetrics.Score> judge, PrintStream log) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("No candidate settings to choose from.");
        }
        List<Trained> out = new ArrayList<>();
        try {
            for (GanConfig c : candidates) {
                long start = System.nanoTime();
                TimeSeriesGan gan = TimeSeriesGan.train(data, columns, conditions, scaling, c, log);
                GanMetrics.Score s;
                try {
                    s = judge.apply(gan);
                } catch (RuntimeException e) {
                    gan.close();
                    throw e;
                }
                out.add(new Trained(gan, new Candidate(c, s.mean(), s.std(), gan.descriptor().trainingSeconds()),
                        (System.nanoTime() - start) / 1e9));
                if (log != null) {
                    log.printf(Locale.ROOT, "candidate %d (supervised %s): discriminative %.4f ± %.4f%n",
                            out.size(), c.supervised(), s.mean(), s.std());
                }
            }
        } catch (RuntimeException e) {
            out.forEach(t -> t.gan().close());
            throw e;
        }
        return out;
    }
}
