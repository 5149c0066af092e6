package org.plantwin.twin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plantwin.learning.api.Accuracy;
import org.plantwin.learning.api.DeepForecasterConfig;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastMetrics;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.MaseConvention;
import org.plantwin.learning.api.TimeSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plantwin forecast}: trains a forecaster on a series file and writes one row of forecasts per series;
 * {@code plantwin forecast eval} scores a forecasts file against test values (sMAPE, MASE, OWA against Naive2,
 * which it computes itself from the training file).
 *
 * <p>Exit codes: 0 done; 2 bad input (missing or malformed file, bad option value), reported as
 * {@code FILE:LINE: message} without a stack trace.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecast every series of an M4 or car-parts training file: one row per series, id then H"
                + " forecasts (written to a temporary file, then moved over --out).",
                "Exit 0 done, 2 bad input (file, line and value named)."},
        subcommands = {ForecastCommand.Eval.class})
final class ForecastCommand implements Callable<Integer> {

    static final String AUTO = "auto";

    @Spec
    CommandSpec spec;

    @Option(names = "--train", paramLabel = "TRAIN.csv", description = "Training series (M4 or car-parts layout).")
    Path train;

    @Option(names = "--horizon", paramLabel = "H", description = "Steps to forecast (M4 Hourly 48, car parts 12).")
    Integer horizon;

    @Option(names = "--season", paramLabel = "M", description = "Seasonal period, 1 for none (hourly 24, monthly 12).")
    Integer season;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = AUTO,
            description = "auto, naive, snaive, naive2, ses, holt, damped, theta, comb, lstm, nbeats, nbeatslog"
                    + " (default: ${DEFAULT-VALUE}: nbeatslog when every value is > 0 and the season > 1, else the"
                    + " best of theta, naive, snaive, ses, damped, lstm on a holdout of the training series).")
    String model;

    @Option(names = "--members", paramLabel = "N", defaultValue = "3",
            description = "Deep models: train N networks (seeds seed..seed+N-1) and forecast their median"
                    + " (default: ${DEFAULT-VALUE}, the best M4 Hourly holdout setting; 1 = one network, 3x faster).")
    int members;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the deep models (default: ${DEFAULT-VALUE}); the statistical ones are deterministic.")
    long seed;

    @Option(names = "--steps", paramLabel = "N",
            description = "Training steps of the deep models (default: lstm 2000, nbeats 1500, nbeatslog 2000).")
    Integer steps;

    @Option(names = "--format", paramLabel = "m4|carparts",
            description = "Layout of the training file (default: detected from its header).")
    String format;

    @Option(names = "--out", paramLabel = "FORECASTS.csv", description = "Where to write the forecasts.")
    Path out;

    @Override
    public Integer call() {
        return PlantwinCli.guarded(spec, () -> {
            require(train, "--train TRAIN.csv");
            require(horizon, "--horizon H");
            require(season, "--season M");
            require(out, "--out FORECASTS.csv");
            ForecastTask task = task(horizon, season);
            ForecastFiles.Format f = format == null ? null : ForecastFiles.Format.parse(format);
            ForecastFiles.SeriesFile file = ForecastFiles.readSeries(train, f, "training", 1);
            Forecaster forecaster = model.equalsIgnoreCase(AUTO) ? auto(file.series(), seed, steps, season, members)
                    : create(model, seed, steps, season, members);
            List<Forecast> forecasts;
            long t0 = System.nanoTime();
            try {
                forecaster.fit(file.series(), task);
                forecasts = forecaster.predict(file.series());
            } finally {
                if (forecaster instanceof AutoCloseable c) {
                    c.close();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            ForecastFiles.writeAtomically(out, forecasts);
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d series (%s layout), horizon %d, season %d, %.1f s"
                            + " -> %s%n", forecaster.name(), forecasts.size(),
                    file.format().name().toLowerCase(Locale.ROOT), horizon, season, seconds, out);
            return 0;
        });
    }

    /**
     * {@code auto} ({@link Forecasters#auto}): {@code nbeatslog}, the best model on the M4 Hourly holdout, where it
     * applies (positive series with a season); otherwise the best of {@link Forecasters#AUTO_CANDIDATES} on a
     * holdout of the training series.
     */
    static Forecaster auto(List<TimeSeries> series, long seed, Integer steps, int season, int members) {
        checkCounts(steps, members);
        return Forecasters.auto(series, season, seed, members, steps);
    }

    private static void checkCounts(Integer steps, int members) {
        if (steps != null && steps < 1) {
            throw new ForecastInputException("The --steps (" + steps + ") must be >= 1.");
        }
        if (members < 1) {
            throw new ForecastInputException("The --members (" + members + ") must be >= 1. Maybe 3?");
        }
    }

    /**
     * A forecaster by name; the deep models get the settings of the holdout harness, scaled by {@code steps}, and
     * with {@code members > 1} become the median of that many networks with consecutive seeds.
     */
    static Forecaster create(String model, long seed, Integer steps, int season, int members) {
        checkCounts(steps, members);
        String key = model.toLowerCase(Locale.ROOT);
        DeepForecasterConfig config = DeepForecasterConfig.measured(key, seed, season);
        if (steps != null) {
            config = config.withTrainingSteps(steps);
        }
        try {
            return Forecasters.seedEnsemble(key, config, Forecasters.isDeep(key) ? members : 1, true);
        } catch (IllegalArgumentException e) {
            throw new ForecastInputException("--model: " + e.getMessage(), e);
        }
    }

    static ForecastTask task(int horizon, int season) {
        if (horizon < 1) {
            throw new ForecastInputException("The --horizon (" + horizon + ") must be >= 1. Maybe 48 (M4 Hourly)?");
        }
        if (season < 1) {
            throw new ForecastInputException("The --season (" + season + ") must be >= 1 (1 for none). Maybe 24?");
        }
        return new ForecastTask(horizon, season);
    }

    static void require(Object value, String option) {
        if (value == null) {
            throw new ForecastInputException("Missing required option " + option + ".");
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Score a forecasts file against test values: sMAPE, MASE and OWA relative to Naive2, which"
                    + " is computed here from the training file. M4 layout: M4 conventions; car-parts layout: Monash"
                    + " conventions (missing as 0, forecasts rounded to counts, series with undefined MASE dropped).",
                    "The series scored are those of the test file; extra rows in the forecasts file are ignored."})
    static final class Eval implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--forecasts", required = true, paramLabel = "F.csv", description = "Rows id,f1..fH.")
        Path forecasts;

        @Option(names = "--test", required = true, paramLabel = "TEST.csv", description = "True values (M4 or car-parts).")
        Path test;

        @Option(names = "--train", required = true, paramLabel = "TRAIN.csv", description = "The training series.")
        Path train;

        @Option(names = "--season", required = true, paramLabel = "M", description = "Seasonal period (MASE lag).")
        int season;

        @Override
        public Integer call() {
            return PlantwinCli.guarded(spec, () -> {
                task(1, season);
                Map<String, double[]> predicted = ForecastFiles.readForecasts(forecasts);
                ForecastFiles.SeriesFile testFile = ForecastFiles.readSeries(test, null, "test", 1);
                ForecastFiles.SeriesFile trainFile = ForecastFiles.readSeries(train, testFile.format(), "training", 1);
                Map<String, TimeSeries> trainById = trainFile.byId();
                int horizon = testFile.series().get(0).length();
                List<TimeSeries> histories = new ArrayList<>();
                List<double[]> insamples = new ArrayList<>();
                List<double[]> actuals = new ArrayList<>();
                List<double[]> points = new ArrayList<>();
                int line = 1;
                for (TimeSeries t : testFile.series()) {
                    line++;
                    if (t.length() != horizon) {
                        throw new ForecastInputException(test + ":" + line + ": series (" + t.id() + ") has "
                                + t.length() + " test values, the first series " + horizon + ".");
                    }
                    TimeSeries history = trainById.get(t.id());
                    if (history == null) {
                        throw new ForecastInputException(test + ":" + line + ": series (" + t.id()
                                + ") is not in the training file (" + train + "). Maybe the wrong --train?");
                    }
                    double[] f = predicted.get(t.id());
                    if (f == null) {
                        throw new ForecastInputException(forecasts + ": there is no row for series (" + t.id()
                                + ") of the test file (" + test + ":" + line + ").");
                    }
                    if (f.length != horizon) {
                        throw new ForecastInputException(forecasts + ": the row of series (" + t.id() + ") has "
                                + f.length + " forecasts; the test file has " + horizon + " values. Maybe --horizon "
                                + horizon + "?");
                    }
                    histories.add(history);
                    insamples.add(history.values());
                    actuals.add(t.values());
                    points.add(f);
                }
                boolean counts = testFile.format() == ForecastFiles.Format.CARPARTS;
                if (counts) {
                    points.replaceAll(Eval::roundCounts);
                }
                MaseConvention convention = counts ? MaseConvention.MONASH : MaseConvention.M4;
                Forecaster naive2 = Forecasters.create("naive2");
                naive2.fit(histories, new ForecastTask(horizon, season));
                List<double[]> naive2Points = new ArrayList<>();
                for (Forecast fc : naive2.predict(histories)) {
                    naive2Points.add(counts ? roundCounts(fc.mean()) : fc.mean());
                }
                Accuracy ref = ForecastMetrics.evaluate(insamples, actuals, naive2Points, season, convention);
                Accuracy acc = ForecastMetrics.evaluate(insamples, actuals, points, season, convention).relativeTo(ref);
                PrintWriter o = spec.commandLine().getOut();
                o.printf(Locale.ROOT, "series %d, horizon %d, season %d, %s conventions%n", histories.size(), horizon,
                        season, convention.name());
                o.printf(Locale.ROOT, "%-10s %9s %9s %7s%n", "", "sMAPE", "MASE", "OWA");
                o.printf(Locale.ROOT, "%-10s %9.3f %9.3f %7.3f%n", "forecasts", acc.smape(), acc.mase(),
                        acc.owa());
                o.printf(Locale.ROOT, "%-10s %9.3f %9.3f %7.3f%n", "naive2", ref.smape(), ref.mase(), 1.0);
                return 0;
            });
        }

        private static double[] roundCounts(double[] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = Math.max(0, Math.rint(f[i]));
            }
            return out;
        }
    }
}
