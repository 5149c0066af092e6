package org.plantwin.learning.maintenance;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the RUL model on a C-MAPSS training file and scores the last window of each test unit against the
 * RUL file: {@code main} delegates to {@link #run}. Options {@code key=value}: {@code data=DIR} (default
 * {@code ../shared/data/cmapss_fd001}), {@code subset=FD001}, {@code arch=dcnn|lstm|cnnlstm}, {@code seed}, {@code epochs},
 * {@code batch}, {@code lr}, {@code lrEnd} (cosine decay to it), {@code patience}, {@code val}, {@code window},
 * {@code members} (ensemble size), {@code smooth} (causal exponential smoothing alpha, 1 = off), {@code age} (cycles per unit of the age input,
 * 0 = none), {@code valEnd} (validate on windows within that many cycles of failure, 0 = every window), {@code ema} (weight
 * averaging decay, 0 = off), {@code base} (baseline input over the first N cycles, 0 = none), {@code slow} (slow
 * smoothed input alpha, 0 = none), {@code threads},
 * {@code out=MODEL_DIR} (optional), {@code model=MODEL_DIR} (evaluate a saved model instead of training; its
 * own settings apply), {@code pred=FILE} (optional: unit, predicted and true RUL per test unit), {@code cv=K} (K-fold cross-validation on the training
 * file instead, {@link #crossValidate}), {@code tta=1,3,5} (optional: figures when each prediction averages the
 * last K windows, {@link RulModel#predict(List, int)}).
 */
public final class RulEvaluation {

    private RulEvaluation() {
    }

    public static void main(String[] args) {
        run(org.plantwin.learning.eval.KeyValueArgs.parse(args), System.out);
    }

    /** Truncations within this many cycles of failure score a cross-validation fold. */
    static final int END_OF_LIFE = 150;

    /**
     * K-fold cross-validation of the whole training procedure on the training units only (the test file is not
     * read): the units are shuffled with the seed and cut into K folds; for each, a model is trained on the other
     * units (with its own inner validation split for early stopping) and scores every truncation of the fold's
     * units that leaves at most {@link #END_OF_LIFE} cycles, against the exact remaining cycles, as the test scores a
     * truncated unit. Prints the pooled RMSE and PHM08 score, with the last window and averaged over the last 5;
     * returns {@code {rmse, score}} of the last window.
     */
    static double[] crossValidate(List<EngineUnit> units, RulConfig config, int folds, PrintStream out) {
        if (folds < 2 || folds > units.size()) {
            throw new IllegalArgumentException("The folds (" + folds + ") must be in 2.." + units.size() + ".");
        }
        List<EngineUnit> shuffled = new java.util.ArrayList<>(units);
        java.util.Collections.shuffle(shuffled, new java.util.Random(config.seed()));
        List<Double> truth = new java.util.ArrayList<>();
        List<Double> last = new java.util.ArrayList<>();
        List<Double> last5 = new java.util.ArrayList<>();
        long start = System.nanoTime();
        for (int k = 0; k < folds; k++) {
            List<EngineUnit> held = new java.util.ArrayList<>();
            List<EngineUnit> fit = new java.util.ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == k ? held : fit).add(shuffled.get(i));
            }
            List<EngineUnit> cuts = endOfLifeCuts(held, truth);
            try (RulModel model = RulModel.train(fit, config, null)) {
                double[] p1 = model.predict(cuts);
                double[] p5 = model.predict(cuts, 5);
                for (int i = 0; i < cuts.size(); i++) {
                    last.add(p1[i]);
                    last5.add(p5[i]);
                }
                out.printf(Locale.ROOT, "fold %d/%d: %d units held out, best epoch %d, fold RMSE %.2f, %.0f s%n",
                        k + 1, folds, held.size(), model.descriptor().bestEpoch(),
                        RulMetrics.rmse(p1, truth.subList(truth.size() - cuts.size(), truth.size()).stream()
                                .mapToDouble(x -> x).toArray()), (System.nanoTime() - start) / 1e9);
            }
        }
        double[] t = truth.stream().mapToDouble(x -> x).toArray();
        double[] a = last.stream().mapToDouble(x -> x).toArray();
        double[] b = last5.stream().mapToDouble(x -> x).toArray();
        out.printf(Locale.ROOT, "%d-fold CV %s seed %d x%d smooth %s age %s base %d slow %s valEnd %d: RMSE %.2f"
                        + " (last 5 windows %.2f)"
                        + " over %d truncations within %d cycles of failure, mean score per truncation %.2f; %.0f s%n",
                folds, config.architecture(), config.seed(), config.members(), config.smoothing(), config.ageScale(),
                config.baselineCycles(), config.slowSmoothing(), config.validationEnd(), RulMetrics.rmse(a, t), RulMetrics.rmse(b, t), t.length, END_OF_LIFE,
                RulMetrics.score(a, t) / t.length, (System.nanoTime() - start) / 1e9);
        return new double[] {RulMetrics.rmse(a, t), RulMetrics.score(a, t)};
    }

    /**
     * Every truncation of {@code units} that leaves at most {@link #END_OF_LIFE} cycles, in order; the cycles each
     * leaves are appended to {@code left}.
     */
    private static List<EngineUnit> endOfLifeCuts(List<EngineUnit> units, List<Double> left) {
        List<EngineUnit> cuts = new java.util.ArrayList<>();
        for (EngineUnit u : units) {
            for (int n = Math.max(1, u.cycles() - END_OF_LIFE); n <= u.cycles(); n++) {
                cuts.add(u.truncate(n));
                left.add((double) (u.cycles() - n));
            }
        }
        return cuts;
    }

    /** Trains, evaluates and prints one summary line; returns {@code {rmse, score}}. */
    public static double[] run(Map<String, String> o, PrintStream out) {
        Path dir = Path.of(o.getOrDefault("data", "../shared/data/cmapss_fd001"));
        String subset = o.getOrDefault("subset", "FD001");
        RulConfig d = RulConfig.defaults();
        RulConfig config = new RulConfig(o.getOrDefault("arch", d.architecture()),
                Long.parseLong(o.getOrDefault("seed", "" + d.seed())),
                Integer.parseInt(o.getOrDefault("epochs", "" + d.maxEpochs())),
                Integer.parseInt(o.getOrDefault("batch", "" + d.batchSize())),
                Float.parseFloat(o.getOrDefault("lr", "" + d.learningRate())),
                Integer.parseInt(o.getOrDefault("patience", "" + d.patience())),
                Double.parseDouble(o.getOrDefault("val", "" + d.validationFraction())),
                Integer.parseInt(o.getOrDefault("window", "" + d.window())), d.rulCap(),
                Integer.parseInt(o.getOrDefault("threads", "" + d.threads())),
                Float.parseFloat(o.getOrDefault("lrEnd", o.containsKey("lr") && !o.containsKey("lrEnd")
                        && d.finalLearningRate() == d.learningRate() ? o.get("lr") : "" + d.finalLearningRate())),
                Integer.parseInt(o.getOrDefault("members", "" + d.members())),
                Double.parseDouble(o.getOrDefault("smooth", "" + d.smoothing())),
                Double.parseDouble(o.getOrDefault("age", "" + d.ageScale())),
                Integer.parseInt(o.getOrDefault("valEnd", "" + d.validationEnd())),
                Double.parseDouble(o.getOrDefault("ema", "" + d.emaDecay())),
                Integer.parseInt(o.getOrDefault("base", "" + d.baselineCycles())),
                Double.parseDouble(o.getOrDefault("slow", "" + d.slowSmoothing())));
        List<EngineUnit> train = CmapssFiles.readUnits(dir.resolve("train_" + subset + ".txt"));
        List<EngineUnit> test = CmapssFiles.readUnits(dir.resolve("test_" + subset + ".txt"));
        double[] truth = CmapssFiles.readRul(dir.resolve("RUL_" + subset + ".txt"));
        if (o.containsKey("cv")) {
            return crossValidate(train, config, Integer.parseInt(o.get("cv")), out);
        }
        try (RulModel model = o.containsKey("model") ? RulModel.load(Path.of(o.get("model")), config.threads())
                : RulModel.train(train, config, out)) {
            double[] predicted = model.predict(test);
            double rmse = RulMetrics.rmse(predicted, truth);
            double score = RulMetrics.score(predicted, truth);
            RulDescriptor r = model.descriptor();
            RulConfig c = r.config();
            out.printf(Locale.ROOT, "%s %s seed %d x%d smooth %s age %s base %d slow %s valEnd %d: test RMSE %.2f,"
                            + " score %.1f; validation RMSE %.2f; epochs %d (best %d), %.0f s training, conditions %d,"
                            + " inputs %s%n",
                    subset, c.architecture(), c.seed(), c.members(), c.smoothing(), c.ageScale(), c.baselineCycles(),
                    c.slowSmoothing(), c.validationEnd(), rmse, score,
                    r.metrics().getOrDefault("validationRmse", Double.NaN), r.epochsRun(), r.bestEpoch(),
                    r.trainingSeconds(), r.scaling().conditionCentres().length, r.features());
            if (o.containsKey("tta")) {
                // Averaging over the last K windows: the test RMSE and, for choosing K without the test, the RMSE
                // over every truncation of the validation units within END_OF_LIFE cycles of failure.
                List<Double> left = new java.util.ArrayList<>();
                List<EngineUnit> cuts = endOfLifeCuts(train.stream()
                        .filter(u -> r.validationUnits().contains(u.unit())).toList(), left);
                double[] exact = left.stream().mapToDouble(x -> x).toArray();
                for (String k : o.get("tta").split(",")) {
                    int lw = Integer.parseInt(k.trim());
                    double[] v = model.predict(cuts, lw);
                    double[] t = model.predict(test, lw);
                    out.printf(Locale.ROOT, "last %d windows: validation end-of-life RMSE %.2f, test RMSE %.2f, score"
                                    + " %.1f%n", lw, RulMetrics.rmse(v, exact), RulMetrics.rmse(t, truth),
                            RulMetrics.score(t, truth));
                }
            }
            if (o.containsKey("pred")) {
                StringBuilder csv = new StringBuilder("unit,predicted,truth\n");
                for (int i = 0; i < predicted.length; i++) {
                    csv.append(test.get(i).unit()).append(',')
                            .append(String.format(Locale.ROOT, "%.3f", predicted[i])).append(',').append(truth[i])
                            .append('\n');
                }
                try {
                    java.nio.file.Files.writeString(Path.of(o.get("pred")), csv);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            if (o.containsKey("out")) {
                model.recordMetrics(Map.of("testRmse", rmse, "testScore", score));
                model.save(Path.of(o.get("out")));
            }
            return new double[] {rmse, score};
        }
    }
}
