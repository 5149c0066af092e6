package org.plantwin.learning.forecast.deep;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.plantwin.learning.api.DeepForecasterConfig;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.TimeSeries;

/** Tiny seasonal data and settings that train in about a second on one CPU thread. */
final class DeepFixtures {

    static final ForecastTask TASK = new ForecastTask(8, 12);

    private DeepFixtures() {
    }

    /** Eight noisy sine series of period 12 with different levels and phases. */
    static List<TimeSeries> series() {
        SplittableRandom random = new SplittableRandom(11);
        List<TimeSeries> out = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            double level = 10 + 5 * s;
            double[] x = new double[120];
            for (int t = 0; t < x.length; t++) {
                x[t] = level * (1 + 0.4 * Math.sin(2 * Math.PI * (t + s) / 12)) + 0.3 * random.nextGaussian();
            }
            out.add(new TimeSeries("S" + s, x));
        }
        return out;
    }

    static DeepForecasterConfig config() {
        return new DeepForecasterConfig(7, 80, 32, 5e-3f, 24, 16, 0, 1, false);
    }
}
