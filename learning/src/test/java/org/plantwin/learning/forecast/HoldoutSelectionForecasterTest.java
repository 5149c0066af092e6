package org.plantwin.learning.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.TimeSeries;
import org.junit.jupiter.api.Test;

class HoldoutSelectionForecasterTest {

    private static final ForecastTask TASK = new ForecastTask(12, 12);

    /** Series of 60 months: a pure yearly pattern (seasonal naive is exact) or a straight line (naive is closest). */
    private static List<TimeSeries> series(boolean seasonal) {
        List<TimeSeries> out = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            double[] v = new double[60];
            for (int t = 0; t < v.length; t++) {
                v[t] = seasonal ? 10 + k + 5 * Math.sin(2 * Math.PI * t / 12) + (t % 12 == 3 ? 4 : 0)
                        : 10 + k + 0.5 * t;
            }
            out.add(new TimeSeries("s" + k, v));
        }
        return out;
    }

    @Test
    void choosesTheCandidateWithTheLowestHoldoutMaseAndRefitsOnEverything() {
        for (boolean seasonal : List.of(true, false)) {
            try (HoldoutSelectionForecaster f = new HoldoutSelectionForecaster(List.of("naive", "snaive"),
                    Forecasters::create)) {
                List<TimeSeries> train = series(seasonal);
                f.fit(train, TASK);
                String expected = seasonal ? "snaive" : "naive";
                assertThat(f.choice()).as("seasonal %s", seasonal).isEqualTo(expected);
                assertThat(f.name()).isEqualTo("auto(" + expected + ")");
                assertThat(f.holdoutScores()).containsOnlyKeys("naive", "snaive");
                // Forecasts are those of the choice fitted on the whole series, not on the holdout's part.
                var direct = Forecasters.create(expected);
                direct.fit(train, TASK);
                assertThat(f.predict(train).get(0).mean()).containsExactly(direct.predict(train).get(0).mean());
            }
        }
    }

    @Test
    void seriesTooShortForAHoldoutLeaveTheFirstCandidate() {
        List<TimeSeries> shortOnes = List.of(new TimeSeries("a", new double[] {1, 2, 3, 4, 5, 6, 7}));
        try (HoldoutSelectionForecaster f = new HoldoutSelectionForecaster(List.of("naive", "snaive"),
                Forecasters::create)) {
            f.fit(shortOnes, new ForecastTask(3, 3)); // needs 3 + max(5, 3) = 8 points
            assertThat(f.choice()).isEqualTo("naive");
            assertThat(f.holdoutScores()).isEmpty();
        }
    }
}
