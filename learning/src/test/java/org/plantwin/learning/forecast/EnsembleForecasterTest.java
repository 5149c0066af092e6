package org.plantwin.learning.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.TimeSeries;

class EnsembleForecasterTest {

    @Test
    void averagesThePointForecastsOfItsMembers() throws Exception {
        TimeSeries s = new TimeSeries("x", new double[] {1, 2, 3, 4, 5, 10});
        try (EnsembleForecaster e = new EnsembleForecaster("mix",
                List.of(Forecasters.create("naive"), Forecasters.create("snaive")))) {
            e.fit(List.of(s), new ForecastTask(2, 3));
            // naive: 10, 10; seasonal naive (m=3): 4, 5.
            assertThat(e.predict(List.of(s)).get(0).mean()).containsExactly(7.0, 7.5);
            assertThat(e.name()).isEqualTo("mix");
        }
    }

    @Test
    void medianIgnoresOneOutlyingMember() throws Exception {
        TimeSeries s = new TimeSeries("x", new double[] {1, 2, 3, 4, 5, 10});
        try (EnsembleForecaster e = new EnsembleForecaster("med", List.of(Forecasters.create("naive"),
                Forecasters.create("snaive"), Forecasters.create("naive")), EnsembleForecaster.Combination.MEDIAN)) {
            e.fit(List.of(s), new ForecastTask(2, 3));
            assertThat(e.predict(List.of(s)).get(0).mean()).containsExactly(10.0, 10.0);
        }
    }
}
