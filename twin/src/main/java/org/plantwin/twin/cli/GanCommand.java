package org.plantwin.twin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plantwin.learning.generate.GanConfig;
import org.plantwin.learning.generate.GanCsv;
import org.plantwin.learning.generate.GanDescriptor;
import org.plantwin.learning.generate.GanMetrics;
import org.plantwin.learning.generate.GanSelection;
import org.plantwin.learning.generate.MinMaxScaling;
import org.plantwin.learning.generate.PcaPlot;
import org.plantwin.learning.generate.TimeSeriesGan;
import org.plantwin.learning.generate.TsnePlot;
import org.plantwin.learning.generate.Windows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plantwin gan train|sample|evaluate}: a recurrent GAN for multivariate time-series windows and the TimeGAN
 * paper's metrics. Exit 0 done, 2 bad input (file, line and value named, no stack trace).
 */
@Command(name = "gan", mixinStandardHelpOptions = true,
        description = {"Synthetic multivariate time series: train a recurrent GAN or TimeGAN on a CSV series, sample"
                + " windows, score synthetic windows against real ones (TimeGAN's discriminative and predictive scores,"
                + " PCA picture).",
                "Exit 0 done, 2 bad input (file, line and value named)."},
        subcommands = {GanCommand.Train.class, GanCommand.Sample.class, GanCommand.Evaluate.class})
final class GanCommand extends CommandGroup {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train on a CSV series (header of numeric columns, one row per time step, oldest first):"
                    + " min-max scaled per column, sliding windows of --seq-len, stride 1. Saves the DJL parameters"
                    + " (rgan: gan-0000.params; timegan: gan-generator, gan-supervisor and gan-recovery-0000.params)"
                    + " and gan.json (descriptor) in MODEL_DIR."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrainingOptions training;

        @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "The series.")
        Path data;

        @Option(names = "--seq-len", paramLabel = "N", defaultValue = "24", description = "Window length (default: ${DEFAULT-VALUE}).")
        int seqLen;

        @Option(names = "--epochs", paramLabel = "N", defaultValue = "50", description = "Passes over the windows (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--arch", paramLabel = "ARCH", defaultValue = GanConfig.DEFAULT_ARCHITECTURE,
                description = "rgan (recurrent GAN with moment loss) or timegan (embedder, recovery, generator,"
                        + " supervisor, discriminator; the paper's settings) (default: ${DEFAULT-VALUE}).")
        String arch;

        @Option(names = "--ema", paramLabel = "DECAY",
                description = "rgan: decay of the average of the generator's weights that becomes the model (0 = off:"
                        + " the last iterate; default: " + GanConfig.DEFAULT_EMA_DECAY + ").")
        Double ema;

        @Option(names = "--supervised", paramLabel = "WEIGHT|auto",
                description = "rgan: auto (the default): train with the supervised loss off and with weight 10 and"
                        + " keep 10 only if a post-hoc classifier tells its windows apart from the data less by more"
                        + " than the classifier's standard error (about 2.5 times the training time; the descriptor"
                        + " lists both scores); or the weight of the supervised loss (a GRU supervisor of one-step"
                        + " transitions; 0 = off, one training).")
        String supervised;

        @Option(names = "--condition", paramLabel = "COLUMN", split = ",",
                description = "rgan: columns that are context (product, season, hour of day, ...), given to the"
                        + " generator at every step and not generated; gan sample then needs --conditions.")
        List<String> condition;

        @Override
        public Integer call() {
            return PlantwinCli.guarded(spec, () -> {
                if (seqLen < 2) {
                    throw new IllegalArgumentException("The --seq-len (" + seqLen + ") must be >= 2.");
                }
                if (epochs < 1) {
                    throw new IllegalArgumentException("The --epochs (" + epochs + ") must be >= 1.");
                }
                GanCsv.Table table = GanCsv.readSeries(data);
                if (table.rows().length < seqLen) {
                    throw new IllegalArgumentException(data + ": " + table.rows().length
                            + " data rows, fewer than the --seq-len (" + seqLen + "). Maybe a shorter --seq-len?");
                }
                if (!arch.equals(GanConfig.RGAN) && !arch.equals(GanConfig.TIMEGAN)) {
                    throw new IllegalArgumentException("The --arch (" + arch + ") must be " + GanConfig.RGAN + " or "
                            + GanConfig.TIMEGAN + ".");
                }
                if (ema != null && !(ema >= 0 && ema < 1)) {
                    throw new IllegalArgumentException("The --ema (" + ema + ") must be in [0, 1); 0 = off.");
                }
                if (ema != null && ema > 0 && arch.equals(GanConfig.TIMEGAN)) {
                    throw new IllegalArgumentException("The --ema (" + ema + ") applies to " + GanConfig.RGAN
                            + " only; TimeGAN keeps its last iterate.");
                }
                // auto is rgan's default (learning/README, "Model selection", trial 3); TimeGAN has no choice to make.
                boolean select = AUTO.equals(supervised) || supervised == null && arch.equals(GanConfig.RGAN);
                Double weight = supervised == null || select ? null : supervisedWeight(supervised);
                if ((select || weight != null && weight > 0) && arch.equals(GanConfig.TIMEGAN)) {
                    throw new IllegalArgumentException("The --supervised (" + supervised + ") applies to "
                            + GanConfig.RGAN + " only; TimeGAN's supervised loss is part of its design.");
                }
                GanConfig config = GanConfig.defaults(arch, table.columns().size()).withEpochs(epochs)
                        .withSeed(training.seed).withThreads(training.threads());
                if (ema != null) {
                    config = config.withEmaDecay(ema);
                }
                if (weight != null) {
                    config = config.withSupervisedWeight(weight);
                }
                int conditions = condition == null ? 0 : condition.size();
                if (conditions > 0) {
                    if (arch.equals(GanConfig.TIMEGAN)) {
                        throw new IllegalArgumentException("The --condition " + condition + " applies to "
                                + GanConfig.RGAN + " only.");
                    }
                    table = table.withLast(condition, "--condition");
                    if (conditions >= table.columns().size()) {
                        throw new IllegalArgumentException("The --condition " + condition + " leaves no column of "
                                + data + " to generate.");
                    }
                }
                MinMaxScaling scaling = MinMaxScaling.fit(table.rows());
                Windows windows = Windows.sliding(scaling.scale(table.rows()), seqLen);
                try (TimeSeriesGan gan = select
                        ? GanSelection.train(windows, table.columns(), conditions, scaling,
                                GanSelection.supervisedCandidates(config), GanSelection.judge(training.seed), null)
                        : TimeSeriesGan.train(windows, table.columns(), conditions, scaling, config, null)) {
                    gan.save(training.out);
                    GanDescriptor d = gan.descriptor();
                    PrintWriter out = spec.commandLine().getOut();
                    if (d.selection() != null) {
                        for (GanSelection.Candidate c : d.selection()) {
                            out.printf(Locale.ROOT, "supervised %s: discriminative %.4f +- %.4f on the training"
                                    + " windows, %.1f s%s%n", c.config().supervised(), c.discriminative(),
                                    c.discriminativeStd(), c.trainingSeconds(),
                                    c.config().equals(d.config()) ? "  (kept)" : "");
                        }
                    }
                    out.printf(Locale.ROOT, "%s: %d windows of %d x %d %s%s, %d epochs, %.1f s"
                            + " -> %s%n", d.model(), d.trainingWindows(), seqLen, d.columns().size(), d.columns(),
                            conditions > 0 ? " conditioned on " + d.conditionColumns() : "", epochs,
                            d.trainingSeconds(), training.out);
                }
                return 0;
            });
        }

        /** The --supervised value that asks for {@link GanSelection}. */
        static final String AUTO = "auto";

        private static double supervisedWeight(String text) {
            double w;
            try {
                w = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                w = Double.NaN;
            }
            if (!(w >= 0 && Double.isFinite(w))) {
                throw new IllegalArgumentException("The --supervised (" + text + ") must be a finite number >= 0"
                        + " (0 = off) or " + AUTO + ".");
            }
            return w;
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Write COUNT synthetic windows in the training data's units: header window,<columns>, the"
                    + " rows of window 0, then window 1, ...")
    static final class Sample implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "A trained model.")
        Path model;

        @Option(names = "--count", paramLabel = "N", description = "Windows to generate (a model without conditions).")
        Integer count;

        @Option(names = "--conditions", paramLabel = "COND.csv", description = "A conditioned model: the condition"
                + " windows (header window,<condition columns>, as gan sample writes); one window is generated for"
                + " each, in order, and written with its conditions.")
        Path conditions;

        @Option(names = "--out", required = true, paramLabel = "SYNTH.csv", description = "Where to write.")
        Path out;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Noise seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            return PlantwinCli.guarded(spec, () -> {
                if (count != null && count < 1) {
                    throw new IllegalArgumentException("The --count (" + count + ") must be >= 1.");
                }
                try (TimeSeriesGan gan = TimeSeriesGan.load(model, 1)) {
                    GanDescriptor d = gan.descriptor();
                    Windows w;
                    if (d.conditions() == 0) {
                        if (conditions != null || count == null) {
                            throw new IllegalArgumentException("The model (" + model + ") has no condition columns:"
                                    + " give --count" + (conditions != null ? ", not --conditions (" + conditions + ")"
                                    : "") + ".");
                        }
                        w = gan.sample(count, seed);
                    } else {
                        if (conditions == null) {
                            throw new IllegalArgumentException("The model (" + model + ") is conditioned on "
                                    + d.conditionColumns() + ": give --conditions COND.csv (window,"
                                    + String.join(",", d.conditionColumns()) + ").");
                        }
                        GanCsv.Table c = GanCsv.readWindowRows(conditions);
                        if (!c.columns().equals(d.conditionColumns())) {
                            throw new IllegalArgumentException(conditions + ":1: the columns " + c.columns()
                                    + " are not the model's conditions " + d.conditionColumns() + ".");
                        }
                        Windows cw = GanCsv.toWindows(conditions, c.rows());
                        if (count != null && count != cw.count()) {
                            throw new IllegalArgumentException("The --count (" + count + ") differs from the "
                                    + cw.count() + " condition windows of " + conditions + "; leave it out.");
                        }
                        w = gan.sample(cw, seed);
                    }
                    GanCsv.writeWindows(out, d.columns(), w);
                    spec.commandLine().getOut().printf(Locale.ROOT, "%d windows of %d steps -> %s%n", w.count(),
                            w.length(), out);
                }
                return 0;
            });
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {"Score synthetic windows against a real series (both min-max scaled by the real data):"
                    + " discriminative score |acc - 0.5| of a post-hoc GRU classifier (80/20 split), predictive score"
                    + " (MAE of a GRU trained on synthetic, tested on real, predicting the last column one step ahead),"
                    + " per-column Wasserstein-1 and the autocorrelation error; lower is better."})
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--real", required = true, paramLabel = "FILE.csv", description = "The real series.")
        Path real;

        @Option(names = "--synthetic", required = true, paramLabel = "SYNTH.csv", description = "Output of gan sample.")
        Path synthetic;

        @Option(names = "--seq-len", paramLabel = "N", defaultValue = "24", description = "Window length (default: ${DEFAULT-VALUE}).")
        int seqLen;

        @Option(names = "--repetitions", paramLabel = "N", defaultValue = "10", description = "Repetitions averaged (default: ${DEFAULT-VALUE}, as the paper).")
        int repetitions;

        @Option(names = "--classifier-iterations", paramLabel = "N", defaultValue = "2000", description = "(default: ${DEFAULT-VALUE}, as the paper)")
        int classifierIterations;

        @Option(names = "--predictor-iterations", paramLabel = "N", defaultValue = "5000", description = "(default: ${DEFAULT-VALUE}, as the paper)")
        int predictorIterations;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Option(names = "--plot", paramLabel = "FILE.svg", description = "Also write TimeGAN's PCA picture: up to"
                + " 1,000 feature-averaged windows of each set projected on the real set's first two principal axes,"
                + " real red, synthetic blue (self-contained SVG).")
        Path plot;

        @Option(names = "--tsne", paramLabel = "FILE.svg", description = "Also write TimeGAN's t-SNE picture: the"
                + " same windows embedded together by exact t-SNE (perplexity 40, 1,000 iterations; a few seconds),"
                + " real red, synthetic blue (self-contained SVG).")
        Path tsne;

        @Override
        public Integer call() {
            return PlantwinCli.guarded(spec, () -> {
                if (repetitions < 1 || classifierIterations < 1 || predictorIterations < 1) {
                    throw new IllegalArgumentException("The --repetitions (" + repetitions + "), --classifier-iterations ("
                            + classifierIterations + ") and --predictor-iterations (" + predictorIterations
                            + ") must be >= 1.");
                }
                GanCsv.Table r = GanCsv.readSeries(real);
                GanCsv.Table s = GanCsv.readWindowRows(synthetic);
                if (!new java.util.HashSet<>(r.columns()).equals(new java.util.HashSet<>(s.columns()))
                        || r.columns().size() != s.columns().size()) {
                    throw new IllegalArgumentException(synthetic + ":1: the columns " + s.columns()
                            + " differ from those of " + real + " " + r.columns() + ". Maybe another model's samples?");
                }
                // A conditioned model writes its conditions last: compare column by column in the real file's order.
                Windows synth = GanCsv.toWindows(synthetic, s.rows()).features(s.indexes(r.columns(), "column"));
                if (synth.length() != seqLen) {
                    throw new IllegalArgumentException(synthetic + ": the windows have " + synth.length()
                            + " rows, the --seq-len is " + seqLen + ".");
                }
                MinMaxScaling scaling = MinMaxScaling.fit(r.rows());
                Windows realW = Windows.sliding(scaling.scale(r.rows()), seqLen);
                Windows synthW = scaling.scale(synth);
                GanMetrics.Settings settings = new GanMetrics.Settings(classifierIterations, predictorIterations, 128,
                        repetitions, seed);
                GanMetrics.Score d = GanMetrics.discriminative(realW, synthW, settings);
                GanMetrics.Score p = GanMetrics.predictive(realW, synthW, settings);
                double[] w1 = GanMetrics.marginalWasserstein(realW, synthW);
                double acf = GanMetrics.autocorrelationError(realW, synthW);
                if (plot != null) {
                    PcaPlot.write(plot, realW, synthW, seed);
                }
                if (tsne != null) {
                    TsnePlot.write(tsne, realW, synthW, seed);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("realWindows", realW.count());
                m.put("syntheticWindows", synthW.count());
                m.put("discriminative", d.mean());
                m.put("discriminativeStd", d.std());
                m.put("predictive", p.mean());
                m.put("predictiveStd", p.std());
                Map<String, Double> perColumn = new LinkedHashMap<>();
                for (int j = 0; j < w1.length; j++) {
                    perColumn.put(r.columns().get(j), w1[j]);
                }
                m.put("wasserstein1", perColumn);
                m.put("autocorrelationError", acf);
                if (plot != null) {
                    m.put("plot", plot.toString());
                }
                if (tsne != null) {
                    m.put("tsne", tsne.toString());
                }
                PrintWriter o = spec.commandLine().getOut();
                if (json) {
                    o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
                } else {
                    o.printf(Locale.ROOT, "windows              real %d, synthetic %d%n", realW.count(), synthW.count());
                    o.printf(Locale.ROOT, "discriminative       %.4f +- %.4f%n", d.mean(), d.std());
                    o.printf(Locale.ROOT, "predictive (MAE)     %.4f +- %.4f%n", p.mean(), p.std());
                    o.printf(Locale.ROOT, "wasserstein-1        %s (mean %.4f)%n", perColumn.entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue())).toList(),
                            Arrays.stream(w1).average().orElse(0));
                    o.printf(Locale.ROOT, "autocorrelation err  %.4f%n", acf);
                    if (plot != null) {
                        o.printf(Locale.ROOT, "PCA picture          %s%n", plot);
                    }
                    if (tsne != null) {
                        o.printf(Locale.ROOT, "t-SNE picture        %s%n", tsne);
                    }
                }
                return 0;
            });
        }
    }
}
