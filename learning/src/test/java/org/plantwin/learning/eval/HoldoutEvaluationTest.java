package org.plantwin.learning.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.MaseConvention;
import org.plantwin.learning.api.TestData;

class HoldoutEvaluationTest {

    @Test
    void scoresAgainstHeldBackPointsWithNaive2AsTheOwaReference() {
        HoldoutEvaluator evaluator = new HoldoutEvaluator(new ForecastTask(48, 24), MaseConvention.M4, false);
        List<HoldoutEvaluator.Result> results = evaluator.evaluate(TestData.m4HourlyTrain(),
                List.of(Forecasters.create("naive"), Forecasters.create("snaive")));
        assertThat(results).extracting(HoldoutEvaluator.Result::model).containsExactly("naive2", "naive", "snaive");
        assertThat(results.get(0).accuracy().owa()).isEqualTo(1.0);
        assertThat(results.get(2).accuracy().owa()).isLessThan(results.get(1).accuracy().owa());
        assertThat(results).allSatisfy(r -> assertThat(r.accuracy().seriesCounted()).isEqualTo(10));
    }

    @Test
    void mainPrintsOneTablePerDataset() throws Exception {
        Path m4 = Path.of(getClass().getResource("/testdata/m4-hourly-train-H1-H10.csv").toURI());
        Path parts = Path.of(getClass().getResource("/testdata/carparts-train-20.csv").toURI());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        HoldoutEvaluation.run(Map.of("m4", m4.toString(), "carparts", parts.toString(), "models", "snaive,theta"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("== M4 Hourly holdout (10 series, h=48, m=24)")
                .contains("== Car parts holdout (20 series, h=12, m=12, Monash MASE)")
                .containsPattern("naive2 +[0-9.]+ +[0-9.]+ +1\\.000 +10 ")
                .contains("theta");
    }
}
