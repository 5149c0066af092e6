package org.plantwin.learning.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.plantwin.learning.forecast.EnsembleForecaster;
import org.plantwin.learning.forecast.HoldoutSelectionForecaster;
import org.plantwin.learning.forecast.deep.LstmForecaster;
import org.plantwin.learning.forecast.deep.NBeatsForecaster;
import org.plantwin.learning.forecast.deep.WindowScaling;
import org.plantwin.learning.forecast.stat.M4Benchmark;
import org.plantwin.learning.forecast.stat.StatisticalForecaster;

/** Creates forecasters by name: the M4 statistical benchmarks and the DJL models. */
public final class Forecasters {

    private Forecasters() {
    }

    /** The names {@link #create} knows, statistical benchmarks first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (M4Benchmark b : M4Benchmark.values()) {
            names.add(b.key());
        }
        names.add("lstm");
        names.add("nbeats");
        names.add("nbeatslog");
        return Collections.unmodifiableList(names);
    }

    /** The deep (DJL) models among {@link #names()}: they learn weights for one horizon. */
    public static final java.util.Set<String> DEEP = java.util.Set.of("lstm", "nbeats", "nbeatslog");

    /** Whether {@code name} is one of the {@link #DEEP} models. */
    public static boolean isDeep(String name) {
        return DEEP.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The methods {@link #auto} chooses among by a holdout of the training series when nbeatslog does not apply; the
     * first is taken on ties and when no series is long enough for a holdout.
     */
    public static final List<String> AUTO_CANDIDATES = List.of("theta", "naive", "snaive", "ses", "damped", "lstm");

    /**
     * The default method for {@code training}: {@code nbeatslog} (the best on the M4 Hourly holdout) when every value
     * is {@code > 0} and {@code season > 1}; otherwise the best of {@link #AUTO_CANDIDATES} on a holdout of the
     * training series themselves ({@link HoldoutSelectionForecaster}; series with zeros get the deep settings
     * measured on car parts). Deep models are the median of {@code members} seeds from {@code seed}, with the
     * settings of {@link DeepForecasterConfig#measured} and {@code steps} training steps when not null.
     */
    public static Forecaster auto(List<TimeSeries> training, int season, long seed, int members, Integer steps) {
        boolean positive = training.stream().allMatch(s -> java.util.Arrays.stream(s.values()).allMatch(v -> v > 0));
        boolean intermittent = training.stream().anyMatch(s -> java.util.Arrays.stream(s.values())
                .anyMatch(v -> v <= 0));
        java.util.function.Function<String, Forecaster> make = name -> {
            DeepForecasterConfig c = DeepForecasterConfig.measured(name, seed, season, intermittent);
            return seedEnsemble(name, steps == null ? c : c.withTrainingSteps(steps), isDeep(name) ? members : 1,
                    true);
        };
        return positive && season > 1 ? make.apply("nbeatslog")
                : new HoldoutSelectionForecaster(AUTO_CANDIDATES, make);
    }

    /** A forecaster with default settings (deep models: seed 42, default epochs). */
    public static Forecaster create(String name) {
        return create(name, DeepForecasterConfig.defaults());
    }

    /**
     * {@code members} copies of the forecaster {@code name} trained with seeds {@code config.seed()},
     * {@code +1}, ...; the step-by-step median of their forecasts if {@code median}, else the mean. Named
     * {@code name*members}; one member is the forecaster itself.
     */
    public static Forecaster seedEnsemble(String name, DeepForecasterConfig config, int members, boolean median) {
        if (members < 1) {
            throw new IllegalArgumentException("The members (" + members + ") of (" + name + ") must be >= 1.");
        }
        if (members == 1) {
            return create(name, config);
        }
        List<Forecaster> nets = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            nets.add(create(name, config.withSeed(config.seed() + i)));
        }
        return new EnsembleForecaster(name.toLowerCase(Locale.ROOT) + "*" + members, nets,
                median ? EnsembleForecaster.Combination.MEDIAN : EnsembleForecaster.Combination.MEAN);
    }

    /** A forecaster; {@code config} applies to the deep models only. */
    public static Forecaster create(String name, DeepForecasterConfig config) {
        String key = name.toLowerCase(Locale.ROOT);
        for (M4Benchmark b : M4Benchmark.values()) {
            if (b.key().equals(key)) {
                return new StatisticalForecaster(b);
            }
        }
        return switch (key) {
            case "lstm" -> new LstmForecaster(config);
            case "nbeats" -> new NBeatsForecaster(config);
            case "nbeatslog" -> new NBeatsForecaster(config, WindowScaling.LOG_LEVEL);
            default -> throw new IllegalArgumentException(
                    "The forecaster (" + name + ") is unknown. Maybe one of " + names() + "?");
        };
    }
}
