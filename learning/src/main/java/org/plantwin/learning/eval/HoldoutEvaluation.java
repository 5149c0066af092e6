package org.plantwin.learning.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.plantwin.learning.api.DeepForecasterConfig;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.MaseConvention;
import org.plantwin.learning.api.SeriesFiles;
import org.plantwin.learning.api.TimeSeries;

/**
 * Prints holdout-of-train sMAPE/MASE/OWA per model on M4 Hourly (h = 48, m = 24, M4 conventions) and car parts
 * (h = 12, m = 12, Monash conventions: missing as 0, integer forecasts, undefined MASE dropped).
 *
 * <pre>
 * java ... org.plantwin.learning.eval.HoldoutEvaluation [m4=PATH] [carparts=PATH] [models=a,b,...]
 *     [steps=N] [threads=N] [seed=N] [datasets=m4,carparts] [batch=N] [lr=X] [lookback=N] [width=N]
 *     [history=N] [skip=true|false] [combine=mean|median]
 * </pre>
 */
public final class HoldoutEvaluation {

    private static final String DEFAULT_M4 = "../shared/data/m4_hourly/Hourly-train.csv";
    private static final String DEFAULT_CARPARTS = "../shared/data/carparts/carparts_train_1998-01_2001-03.csv";
    private static final String DEFAULT_MODELS = "naive,snaive,ses,holt,damped,theta,comb,lstm,nbeats";

    private HoldoutEvaluation() {
    }

    public static void main(String[] args) {
        run(KeyValueArgs.parse(args, "models=naive2,theta"), System.out);
    }

    /** Runs the evaluation with {@code key=value} options and prints the tables to {@code out}. */
    public static void run(Map<String, String> options, PrintStream out) {
        List<String> models = Arrays.asList(options.getOrDefault("models", DEFAULT_MODELS).split(","));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        List<String> datasets = Arrays.asList(options.getOrDefault("datasets", "m4,carparts").split(","));
        if (datasets.contains("m4")) {
            List<TimeSeries> m4 = SeriesFiles.read(Path.of(options.getOrDefault("m4", DEFAULT_M4)));
            // A week of lookback, windows from the last 10 horizons (N-BEATS' L_H for hourly data), and a
            // seasonal-naive skip so that the networks learn corrections to the daily cycle.
            DeepForecasterConfig nbeats = new DeepForecasterConfig(seed, 1500, 256, 1e-3f, 168, 128, 10, threads, true);
            DeepForecasterConfig lstm = new DeepForecasterConfig(seed, 2000, 128, 2e-3f, 48, 64, 10, threads, true);
            DeepForecasterConfig nbeatsLog = new DeepForecasterConfig(seed, 2000, 256, 1e-3f, 168, 256, 10, threads,
                    true);
            section(out, "M4 Hourly holdout (" + m4.size() + " series, h=48, m=24)", m4, new ForecastTask(48, 24),
                    MaseConvention.M4, false, models, Map.of("nbeats", nbeats, "lstm", lstm, "nbeatslog", nbeatsLog),
                    options);
        }
        if (datasets.contains("carparts")) {
            List<TimeSeries> parts = SeriesFiles.read(Path.of(options.getOrDefault("carparts", DEFAULT_CARPARTS)))
                    .stream().map(s -> s.fillMissing(0)).toList();
            DeepForecasterConfig nbeats = DeepForecasterConfig.measured("nbeats", seed, 12, true).withThreads(threads);
            DeepForecasterConfig lstm = DeepForecasterConfig.measured("lstm", seed, 12, true).withThreads(threads);
            section(out, "Car parts holdout (" + parts.size() + " series, h=12, m=12, Monash MASE)", parts,
                    new ForecastTask(12, 12), MaseConvention.MONASH, true, models,
                    Map.of("nbeats", nbeats, "lstm", lstm, "nbeatslog", nbeats), options);
        }
    }

    private static void section(PrintStream out, String title, List<TimeSeries> series, ForecastTask task,
            MaseConvention convention, boolean integer, List<String> models, Map<String, DeepForecasterConfig> configs,
            Map<String, String> options) {
        List<Forecaster> forecasters = new ArrayList<>();
        for (String name : models) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            if (key.equals("naive2")) {
                continue; // always evaluated first, as the OWA reference
            }
            // "lstm*3": three LSTMs trained with seeds seed, seed+1, seed+2, combined by combine=mean|median.
            int copies = 1;
            int star = key.indexOf('*');
            if (star > 0) {
                copies = Integer.parseInt(key.substring(star + 1));
                key = key.substring(0, star);
            }
            if (key.equals("auto")) {
                // What plantwin forecast runs by default ("auto*3" = its 3 seeds), chosen on the holdout's own
                // training part; the choice is printed with the row.
                forecasters.add(Forecasters.auto(series.stream().map(s -> s.dropLast(task.horizon())).toList(),
                        task.seasonPeriod(), Long.parseLong(options.getOrDefault("seed", "42")), copies,
                        options.containsKey("steps") ? Integer.valueOf(options.get("steps")) : null));
                continue;
            }
            DeepForecasterConfig c = withOverrides(configs.getOrDefault(key, configs.get("nbeats")), options);
            forecasters.add(Forecasters.seedEnsemble(key, c, copies,
                    options.getOrDefault("combine", "mean").equalsIgnoreCase("median")));
        }
        out.println("== " + title);
        out.print(HoldoutEvaluator.table(new HoldoutEvaluator(task, convention, integer).evaluate(series,
                forecasters)));
        for (Forecaster f : forecasters) {
            if (f instanceof org.plantwin.learning.forecast.HoldoutSelectionForecaster a) {
                out.println(f.name() + " chose on the holdout of its training part, MASE per candidate: "
                        + a.holdoutScores());
            }
        }
        out.flush();
    }

    /** The deep settings with the {@code steps, batch, lr, lookback, width, history, skip} options applied. */
    private static DeepForecasterConfig withOverrides(DeepForecasterConfig c, Map<String, String> options) {
        DeepForecasterConfig out = c;
        out = option(options, "steps", out, (d, v) -> d.withTrainingSteps(Integer.parseInt(v)));
        out = option(options, "batch", out, (d, v) -> d.withBatchSize(Integer.parseInt(v)));
        out = option(options, "lr", out, (d, v) -> d.withLearningRate(Float.parseFloat(v)));
        out = option(options, "lookback", out, (d, v) -> d.withInputLength(Integer.parseInt(v)));
        out = option(options, "width", out, (d, v) -> d.withHiddenSize(Integer.parseInt(v)));
        out = option(options, "history", out, (d, v) -> d.withHistoryLimit(Integer.parseInt(v)));
        return option(options, "skip", out, (d, v) -> d.withSeasonalSkip(Boolean.parseBoolean(v)));
    }

    private static DeepForecasterConfig option(Map<String, String> options, String key, DeepForecasterConfig c,
            BiFunction<DeepForecasterConfig, String, DeepForecasterConfig> set) {
        String value = options.get(key);
        return value == null ? c : set.apply(c, value);
    }
}
