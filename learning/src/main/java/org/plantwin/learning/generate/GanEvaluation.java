package org.plantwin.learning.generate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Runnable measurement of the generator (learning/README, "Scenario generator"): trains on Sines or a CSV series,
 * samples as many windows as the real set has, and prints the TimeGAN metrics for the synthetic windows next to
 * the real-data predictive baseline (train on real, test on real).
 *
 * <p>Options {@code key=value}: {@code data=sines|PATH}, {@code epochs=N}, {@code seed=N}, {@code hidden=N},
 * {@code reps=N}, {@code cls=N} (classifier iterations), {@code pred=N} (predictor iterations),
 * {@code sines=N} (Sines windows), {@code static=N} (window-level noise values), {@code supervised=W} (weight of
 * the supervised loss, 0 = off; {@code auto}: {@link GanSelection} between the weights 0 and 10; with
 * {@code report=all} every candidate is scored, keys {@code w0.}, {@code w10.}), {@code threads=N}, {@code arch=rgan|timegan} (defaults of each from
 * {@link GanConfig#defaults(String, int)}), {@code layers=N}, {@code noise=N} (noise values per step),
 * {@code moments=W} (moment-loss weight), {@code ema=D} (generator weight averaging, 0 = off), {@code save=DIR} (keep the trained model),
 * {@code plot=FILE.svg} (TimeGAN's PCA picture of real vs synthetic, {@link PcaPlot}), {@code tsne=FILE.svg} (its
 * t-SNE picture, {@link TsnePlot}), {@code condition=COL[,COL]} (a CSV's columns the model is conditioned on; the
 * metrics see the windows in the file's column order), {@code columns=COL[,COL]} (the discriminative and
 * predictive scores again on these columns only), {@code data=m4:PATH} with {@code series=H1,H2,...} and
 * {@code phase=24} (M4 series as columns after two columns of the step's phase, {@link #m4Phase}).
 */
public final class GanEvaluation {

    private GanEvaluation() {
    }

    public static void main(String[] args) {
        run(org.plantwin.learning.eval.KeyValueArgs.parse(args), System.out);
    }

    /** Runs with parsed options and returns the figures. */
    public static Map<String, Double> run(Map<String, String> o, PrintStream out) {
        String data = o.getOrDefault("data", "sines");
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        int seqLen = 24;
        GanMetrics.Settings s = new GanMetrics.Settings(Integer.parseInt(o.getOrDefault("cls", "2000")),
                Integer.parseInt(o.getOrDefault("pred", "5000")), 128, Integer.parseInt(o.getOrDefault("reps", "3")),
                seed);
        Windows real;
        List<String> columns;
        MinMaxScaling scaling;
        List<String> conditionColumns = o.containsKey("condition") ? List.of(o.get("condition").split(","))
                : List.of();
        int[] fileOrder = null; // the file's column order among the trained columns (conditions last), if moved
        List<String> fileColumns; // the columns in the order the metrics see them
        if (data.equals("sines") && !conditionColumns.isEmpty()) {
            throw new IllegalArgumentException("The condition (" + conditionColumns + ") needs data=FILE.csv.");
        }
        if (data.equals("sines")) {
            int n = Integer.parseInt(o.getOrDefault("sines", "10000"));
            real = Sines.generate(n, seqLen, 5, seed);
            columns = IntStream.rangeClosed(1, 5).mapToObj(i -> "s" + i).toList();
            fileColumns = columns;
            scaling = new MinMaxScaling(new double[5], new double[] {1, 1, 1, 1, 1});
        } else {
            GanCsv.Table t = data.startsWith("m4:") ? m4Phase(Path.of(data.substring(3)),
                    List.of(o.getOrDefault("series", "H1,H2,H3,H4").split(",")),
                    Integer.parseInt(o.getOrDefault("phase", "24"))) : GanCsv.readSeries(Path.of(data));
            fileColumns = t.columns();
            if (!conditionColumns.isEmpty()) {
                // Trained with the conditions last; scored below in the file's column order.
                GanCsv.Table moved = t.withLast(conditionColumns, "condition");
                fileOrder = moved.indexes(t.columns(), "column");
                t = moved;
            }
            scaling = MinMaxScaling.fit(t.rows());
            real = Windows.sliding(scaling.scale(t.rows()), seqLen);
            columns = t.columns();
        }
        GanConfig defaults = GanConfig.defaults(o.getOrDefault("arch", GanConfig.defaults().architecture()),
                real.features());
        GanConfig config = defaults.withSeed(seed)
                .withEpochs(Integer.parseInt(o.getOrDefault("epochs", "50")))
                .withHidden(Integer.parseInt(o.getOrDefault("hidden", String.valueOf(defaults.hidden()))))
                .withLayers(Integer.parseInt(o.getOrDefault("layers", String.valueOf(defaults.layers()))))
                .withThreads(Integer.parseInt(o.getOrDefault("threads", "1")))
                .withNoise(Integer.parseInt(o.getOrDefault("noise", String.valueOf(defaults.noiseDim()))),
                        Integer.parseInt(o.getOrDefault("static", String.valueOf(defaults.staticNoiseDim()))))
                .withMomentWeight(Double.parseDouble(o.getOrDefault("moments",
                        String.valueOf(defaults.momentWeight()))))
                .withEmaDecay(Double.parseDouble(o.getOrDefault("ema", String.valueOf(defaults.ema()))));
        String supervised = o.getOrDefault("supervised", "0");
        boolean select = supervised.equals("auto");
        if (!select) {
            config = config.withSupervisedWeight(Double.parseDouble(supervised));
        }
        Map<String, Double> r = new TreeMap<>();
        boolean all = select && o.getOrDefault("report", "kept").equals("all");
        Map<GanSelection.Candidate, Windows> candidateSamples = new java.util.LinkedHashMap<>();
        TimeSeriesGan trained;
        if (select) {
            List<GanSelection.Trained> every = GanSelection.trainAll(real, columns, conditionColumns.size(), scaling,
                    GanSelection.supervisedCandidates(config), GanSelection.judge(seed), out);
            if (all) {
                // Report the candidates the judge passed over too (from the same trainings, the same sample seed).
                for (GanSelection.Trained t : every) {
                    candidateSamples.put(t.candidate(), t.gan().sampleScaledFor(real, seed + 1));
                }
            }
            trained = GanSelection.keep(every, GanSelection.JUDGE_REPETITIONS);
        } else {
            trained = TimeSeriesGan.train(real, columns, conditionColumns.size(), scaling, config, out);
        }
        try (TimeSeriesGan gan = trained) {
            if (select) {
                config = gan.descriptor().config();
                r.put("selectedSupervisedWeight", config.supervised());
            }
            r.put("trainingSeconds", gan.descriptor().trainingSeconds());
            Windows synth = gan.sampleScaledFor(real, seed + 1);
            Windows realOrdered = fileOrder != null ? real.features(fileOrder) : real;
            if (fileOrder != null) {
                synth = synth.features(fileOrder);
            }
            if (o.containsKey("save")) {
                gan.save(Path.of(o.get("save")));
            }
            if (o.containsKey("plot")) {
                PcaPlot.write(Path.of(o.get("plot")), realOrdered, synth, seed);
            }
            if (o.containsKey("tsne")) {
                TsnePlot.write(Path.of(o.get("tsne")), realOrdered, synth, seed);
            }
            long t0 = System.nanoTime();
            Map<String, Double> kept = scores(realOrdered, synth, s);
            r.putAll(kept);
            r.put("predictiveRealBaseline", GanMetrics.predictive(realOrdered, realOrdered, s).mean());
            if (o.containsKey("columns")) {
                // The scores again on some columns only (e.g. the generated ones of a conditioned model).
                int[] idx = GanCsv.indexes(fileColumns, List.of(o.get("columns").split(",")), "columns");
                Windows rc = realOrdered.features(idx);
                Windows sc = synth.features(idx);
                r.put("discriminativeColumns", GanMetrics.discriminative(rc, sc, s).mean());
                r.put("predictiveColumns", GanMetrics.predictive(rc, sc, s).mean());
                r.put("predictiveColumnsRealBaseline", GanMetrics.predictive(rc, rc, s).mean());
            }
            r.put("metricSeconds", (System.nanoTime() - t0) / 1e9);
            for (Map.Entry<GanSelection.Candidate, Windows> e : candidateSamples.entrySet()) {
                GanSelection.Candidate c = e.getKey();
                double w = c.config().supervised();
                String prefix = String.format(Locale.ROOT, "w%s.", w == Math.rint(w) ? String.valueOf((long) w)
                        : String.valueOf(w));
                r.put(prefix + "judge", c.discriminative());
                r.put(prefix + "judgeStd", c.discriminativeStd());
                Windows other = e.getValue();
                // The kept model was scored above on the same sample.
                Map<String, Double> scored = c.config().equals(config) ? kept
                        : scores(realOrdered, fileOrder != null ? other.features(fileOrder) : other, s);
                scored.forEach((k, v) -> r.put(prefix + k, v));
            }
        }
        out.printf(Locale.ROOT, "data=%s windows=%d conditions=%s %s%n", data, real.count(), conditionColumns, config);
        r.forEach((k, v) -> out.printf(Locale.ROOT, "%-24s %.4f%n", k, v));
        return r;
    }

    /** The discriminative and predictive scores (with their spreads), W1 mean and ACF error of {@code synth}. */
    private static Map<String, Double> scores(Windows real, Windows synth, GanMetrics.Settings s) {
        Map<String, Double> r = new TreeMap<>();
        GanMetrics.Score d = GanMetrics.discriminative(real, synth, s);
        GanMetrics.Score p = GanMetrics.predictive(real, synth, s);
        r.put("discriminative", d.mean());
        r.put("discriminativeStd", d.std());
        r.put("predictive", p.mean());
        r.put("predictiveStd", p.std());
        r.put("wasserstein1Mean",
                java.util.Arrays.stream(GanMetrics.marginalWasserstein(real, synth)).average().orElse(0));
        r.put("autocorrelationError", GanMetrics.autocorrelationError(real, synth));
        return r;
    }

    /**
     * The first common stretch of some M4 series as columns, after two columns of the step's phase in a cycle of
     * {@code period} steps ({@code phase_sin}, {@code phase_cos}; for hourly data the hour of the day, counted from
     * each series' first observation): a multivariate series with a natural condition.
     */
    static GanCsv.Table m4Phase(Path file, List<String> ids, int period) {
        java.util.Map<String, double[]> byId = new java.util.HashMap<>();
        for (org.plantwin.learning.api.TimeSeries ts : org.plantwin.learning.api.SeriesFiles.read(file)) {
            byId.put(ts.id(), ts.values());
        }
        int n = Integer.MAX_VALUE;
        for (String id : ids) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("The series (" + id + ") is not in " + file + ".");
            }
            n = Math.min(n, byId.get(id).length);
        }
        double[][] rows = new double[n][ids.size() + 2];
        for (int t = 0; t < n; t++) {
            rows[t][0] = Math.sin(2 * Math.PI * (t % period) / period);
            rows[t][1] = Math.cos(2 * Math.PI * (t % period) / period);
            for (int k = 0; k < ids.size(); k++) {
                rows[t][k + 2] = byId.get(ids.get(k))[t];
            }
        }
        List<String> columns = new java.util.ArrayList<>(List.of("phase_sin", "phase_cos"));
        columns.addAll(ids);
        return new GanCsv.Table(List.copyOf(columns), rows);
    }
}
