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
 * 0 = none), {@code valEnd} (validate on windows within that many cycles of failure, 0 = every window), {@code threads},
 * {@code out=MODEL_DIR} (optional), {@code pred=FILE} (optional: unit, predicted and true RUL per test unit).
 */
public final class RulEvaluation {

    private RulEvaluation() {
    }

    public static void main(String[] args) {
        Map<String, String> o = new java.util.TreeMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("The option (" + a + ") must be key=value.");
            }
            o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        run(o, System.out);
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
                Integer.parseInt(o.getOrDefault("valEnd", "" + d.validationEnd())));
        List<EngineUnit> train = CmapssFiles.readUnits(dir.resolve("train_" + subset + ".txt"));
        List<EngineUnit> test = CmapssFiles.readUnits(dir.resolve("test_" + subset + ".txt"));
        double[] truth = CmapssFiles.readRul(dir.resolve("RUL_" + subset + ".txt"));
        try (RulModel model = RulModel.train(train, config, out)) {
            double[] predicted = model.predict(test);
            double rmse = RulMetrics.rmse(predicted, truth);
            double score = RulMetrics.score(predicted, truth);
            RulDescriptor r = model.descriptor();
            out.printf(Locale.ROOT, "%s %s seed %d x%d smooth %s age %s valEnd %d: test RMSE %.2f, score %.1f;"
                            + " validation RMSE %.2f; epochs %d (best %d), %.0f s training, conditions %d, inputs %s%n",
                    subset, config.architecture(), config.seed(), config.members(), config.smoothing(),
                    config.ageScale(), config.validationEnd(), rmse, score,
                    r.metrics().getOrDefault("validationRmse", Double.NaN), r.epochsRun(), r.bestEpoch(),
                    r.trainingSeconds(), r.scaling().conditionCentres().length, r.features());
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
