package org.plantwin.learning.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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

    /** A forecaster with default settings (deep models: seed 42, default epochs). */
    public static Forecaster create(String name) {
        return create(name, DeepForecasterConfig.defaults());
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
