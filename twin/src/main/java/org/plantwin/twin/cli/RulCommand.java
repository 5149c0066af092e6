package org.plantwin.twin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.plantwin.learning.maintenance.CmapssFiles;
import org.plantwin.learning.maintenance.EngineUnit;
import org.plantwin.learning.maintenance.RulConfig;
import org.plantwin.learning.maintenance.RulDescriptor;
import org.plantwin.learning.maintenance.RulMetrics;
import org.plantwin.learning.maintenance.RulModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plantwin rul train|predict|eval}: remaining useful life of turbofan engines on NASA C-MAPSS files
 * (FD001-FD004 layout). Exit 0 done, 2 bad input (file, line and value named, no stack trace).
 */
@Command(name = "rul", mixinStandardHelpOptions = true,
        description = {"Remaining useful life on C-MAPSS files: train a model, predict the RUL after the last cycle"
                + " of each test unit, score predictions (RMSE and PHM08 score).",
                "Exit 0 done, 2 bad input (file, line and value named)."},
        subcommands = {RulCommand.Train.class, RulCommand.Predict.class, RulCommand.Eval.class})
final class RulCommand extends CommandGroup {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train the RUL network on a run-to-failure file (train_FD00X.txt) and save it as DJL"
                    + " parameters (rul-0000.params) plus a JSON descriptor (rul.json) in MODEL_DIR.",
                    "Protocol: RUL capped at 125, constant sensors dropped, min-max scaling per operating condition,"
                            + " windows of 30 cycles; 10%% of the units held out for early stopping."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrainingOptions training;

        @Option(names = "--train", required = true, paramLabel = "train_FD00X.txt", description = "Run-to-failure units.")
        Path train;

        @Option(names = "--epochs", paramLabel = "N",
                description = "Most epochs; early stopping may end sooner (default: 60).")
        Integer epochs;

        @Option(names = "--arch", paramLabel = "lstm|dcnn|cnnlstm", defaultValue = "lstm",
                description = "Network (default: ${DEFAULT-VALUE}).")
        String arch;

        @Option(names = "--members", paramLabel = "N", defaultValue = "1",
                description = "Networks trained with seeds seed, seed+1, ... and averaged (default: ${DEFAULT-VALUE};"
                        + " 3 tested at 12.13 and 12.07 RMSE on FD001 against 12.67 and 12.42 for one, in 3x the"
                        + " time).")
        int members;

        @Override
        public Integer call() {
            return PlantwinCli.guarded(spec, () -> {
                if (epochs != null && epochs < 1) {
                    throw new IllegalArgumentException("The --epochs (" + epochs + ") must be >= 1.");
                }
                if (members < 1) {
                    throw new IllegalArgumentException("The --members (" + members + ") must be >= 1.");
                }
                RulConfig config = RulConfig.defaults().withArchitecture(arch.toLowerCase(Locale.ROOT))
                        .withSeed(training.seed).withThreads(training.threads()).withMembers(members);
                if (epochs != null) {
                    config = config.withMaxEpochs(epochs);
                }
                List<EngineUnit> units = CmapssFiles.readUnits(train);
                try (RulModel model = RulModel.train(units, config, null)) {
                    model.save(training.out);
                    RulDescriptor d = model.descriptor();
                    spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d units (%d held out), %d condition(s),"
                                    + " inputs %s; %d epochs (best %d), validation RMSE %.2f, %.1f s -> %s%n",
                            d.model(), units.size(), d.validationUnits().size(),
                            d.scaling().conditionCentres().length, d.features(), d.epochsRun(), d.bestEpoch(),
                            d.metrics().getOrDefault("validationRmse", d.metrics().getOrDefault("trainRmse", 0.0)),
                            d.trainingSeconds(), training.out);
                }
                return 0;
            });
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Predict the RUL after the last cycle of each unit of a test file; writes unit,rul rows"
                    + " (to a temporary file, then moved over --out).")
    static final class Predict implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "A trained model.")
        Path model;

        @Option(names = "--test", required = true, paramLabel = "test_FD00X.txt", description = "Units to score.")
        Path test;

        @Option(names = "--out", required = true, paramLabel = "PRED.csv", description = "Where to write.")
        Path out;

        @Override
        public Integer call() {
            return PlantwinCli.guarded(spec, () -> {
                List<EngineUnit> units = CmapssFiles.readUnits(test);
                double[] rul;
                try (RulModel m = RulModel.load(model, 1)) {
                    rul = m.predict(units);
                }
                StringBuilder csv = new StringBuilder("unit,rul\n");
                for (int i = 0; i < units.size(); i++) {
                    csv.append(units.get(i).unit()).append(',').append(String.format(Locale.ROOT, "%.3f", rul[i]))
                            .append('\n');
                }
                writeAtomically(out, csv.toString());
                spec.commandLine().getOut().printf(Locale.ROOT, "%d units -> %s%n", units.size(), out);
                return 0;
            });
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Score predictions (unit,rul rows) against a RUL_FD00X.txt file, whose line i is the true"
                    + " RUL of unit i: RMSE and the PHM08 score (d = predicted - true; exp(-d/13)-1 early,"
                    + " exp(d/10)-1 late).")
    static final class Eval implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--pred", required = true, paramLabel = "PRED.csv", description = "Output of rul predict.")
        Path pred;

        @Option(names = "--truth", required = true, paramLabel = "RUL_FD00X.txt", description = "True RUL per unit.")
        Path truth;

        @Override
        public Integer call() {
            return PlantwinCli.guarded(spec, () -> {
                double[] t = CmapssFiles.readRul(truth);
                Map<Integer, Double> p = readPredictions(pred);
                double[] predicted = new double[t.length];
                for (int u = 1; u <= t.length; u++) {
                    Double v = p.get(u);
                    if (v == null) {
                        throw new IllegalArgumentException(pred + ": there is no row for unit (" + u + ") of ("
                                + truth + ":" + u + "). Maybe the wrong --truth?");
                    }
                    predicted[u - 1] = v;
                }
                if (p.size() != t.length) {
                    int extra = p.keySet().stream().filter(u -> u > t.length || u < 1).findFirst().orElse(-1);
                    throw new IllegalArgumentException(pred + ": unit (" + extra + ") has no true RUL in (" + truth
                            + "), which has " + t.length + " lines. Maybe the wrong --truth?");
                }
                PrintWriter o = spec.commandLine().getOut();
                o.printf(Locale.ROOT, "units %d%nRMSE  %.3f%nscore %.2f%n", t.length, RulMetrics.rmse(predicted, t),
                        RulMetrics.score(predicted, t));
                return 0;
            });
        }
    }

    /** Rows {@code unit,rul} (a header line {@code unit,rul} is allowed) by unit. */
    static Map<Integer, Double> readPredictions(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file.");
        }
        Map<Integer, Double> out = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String s = line.strip();
                if (s.isEmpty() || (no == 1 && s.equalsIgnoreCase("unit,rul"))) {
                    continue;
                }
                String[] cells = s.split(",", -1);
                if (cells.length != 2) {
                    throw new IllegalArgumentException(file + ":" + no + ": expected 2 cells (unit,rul), found "
                            + cells.length + " (" + s + ").");
                }
                int unit;
                double rul;
                try {
                    unit = Integer.parseInt(cells[0].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + no + ": the unit (" + cells[0]
                            + ") is not a whole number.", e);
                }
                try {
                    rul = Double.parseDouble(cells[1].strip());
                } catch (NumberFormatException e) {
                    rul = Double.NaN;
                }
                if (!Double.isFinite(rul)) {
                    throw new IllegalArgumentException(file + ":" + no + ": the predicted RUL (" + cells[1]
                            + ") of unit " + unit + " is not a finite number.");
                }
                if (out.put(unit, rul) != null) {
                    throw new IllegalArgumentException(file + ":" + no + ": unit (" + unit + ") appears twice.");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ":1: the file has no predictions.");
        }
        return out;
    }

    /** Writes the predictions through {@link Runs#writeAtomically}; a failure names the file. */
    static void writeAtomically(Path out, String text) {
        try {
            Runs.writeAtomically(out, text);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the predictions file (" + out + "): " + e.getMessage(), e);
        }
    }

}
