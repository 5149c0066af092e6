package org.plantwin.learning.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastMetricsTest {

    private static final int H = 48;
    private static final int M = 24;

    @Test
    void smapeIsTwoHundredTimesAbsoluteErrorOverSumOfMagnitudes() {
        double[] actual = {100, 50, 10};
        double[] forecast = {110, 50, 30};
        // 200*10/210, 0, 200*20/40
        assertThat(ForecastMetrics.smapeTerms(actual, forecast))
                .containsExactly(new double[] {2000.0 / 210, 0, 100}, within(1e-12));
        assertThat(ForecastMetrics.smape(actual, forecast)).isCloseTo((2000.0 / 210 + 100) / 3, within(1e-12));
    }

    @Test
    void maseScalesByInSampleSeasonalNaiveErrorSkippingMissingTerms() {
        double[] insample = {1, 2, 4, 3, Double.NaN, 9};
        // lag 2 differences: |4-1|=3, |3-2|=1, NaN (skipped), |9-3|=6 -> mean 10/3
        assertThat(ForecastMetrics.maseScale(insample, 2)).isCloseTo(10.0 / 3, within(1e-12));
        assertThat(ForecastMetrics.mase(insample, new double[] {10, 10}, new double[] {12, 9}, 2))
                .isCloseTo((2 + 1) / 2.0 / (10.0 / 3), within(1e-12));
    }

    @Test
    void owaOfNaive2AgainstItselfIsOne() {
        Accuracy naive2 = new Accuracy(18.383, 2.395, Double.NaN, 414);
        assertThat(naive2.relativeTo(naive2).owa()).isEqualTo(1.0);
        // The published M4 Hourly seasonal-naive row: sMAPE 13.912, MASE 1.193 -> OWA 0.627.
        assertThat(new Accuracy(13.912, 1.193, Double.NaN, 414).relativeTo(naive2).owa())
                .isCloseTo(0.627, within(0.0005));
    }

    /**
     * Seasonal naive and Naive2 forecasts of M4 H1-H10 scored against their official test values. The expected
     * figures come from an independent numpy transcription of the organisers' R code (seasonality test, R
     * decompose, smape_cal, mase_cal); all ten series pass the seasonality test.
     */
    @Test
    void scoresSeasonalNaiveAndNaive2OnM4HourlyH1ToH10AsTheOrganisersCode() {
        List<TimeSeries> train = TestData.m4HourlyTrain();
        List<TimeSeries> test = TestData.m4HourlyTest();
        assertThat(train).hasSize(10);
        Accuracy snaive = score("snaive", train, test);
        Accuracy naive2 = score("naive2", train, test);
        Accuracy naive = score("naive", train, test);
        assertThat(snaive.smape()).isCloseTo(5.921279424392202, within(1e-9));
        assertThat(snaive.mase()).isCloseTo(1.1418600515373711, within(1e-9));
        assertThat(naive2.smape()).isCloseTo(5.965388233805101, within(1e-9));
        assertThat(naive2.mase()).isCloseTo(1.0988435114044468, within(1e-9));
        assertThat(naive.smape()).isCloseTo(21.18743728297439, within(1e-9));
        assertThat(naive.mase()).isCloseTo(4.176550906872183, within(1e-9));
        assertThat(snaive.relativeTo(naive2).owa()).isCloseTo(1.0158764904183155, within(1e-9));
        double h1Smape = ForecastMetrics.smape(test.get(0).values(),
                forecast("snaive", train.subList(0, 1)).get(0));
        assertThat(h1Smape).isCloseTo(5.262880743360628, within(1e-9));
    }

    @Test
    void monashConventionDropsSeriesWithUndefinedMase() {
        List<double[]> insamples = List.of(new double[] {0, 0, 0, 0}, new double[] {1, 3, 2, 5});
        List<double[]> actuals = List.of(new double[] {1, 0}, new double[] {4, 4});
        List<double[]> forecasts = List.of(new double[] {0, 0}, new double[] {3, 5});
        Accuracy monash = ForecastMetrics.evaluate(insamples, actuals, forecasts, 2, MaseConvention.MONASH);
        Accuracy m4 = ForecastMetrics.evaluate(insamples, actuals, forecasts, 2, MaseConvention.M4);
        // Series 2: scale mean(|2-1|, |5-3|) = 1.5; errors 1, 1 -> MASE 2/3.
        assertThat(monash.mase()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(monash.seriesCounted()).isEqualTo(1);
        // M4 keeps every series: 1/0 and 0/0 terms make the mean undefined, as in R.
        assertThat(m4.mase()).isNaN();
    }

    @Test
    void monashFallsBackToLagOneWhenTheSeriesMaseIsZeroOverZero() {
        // Lag-2 differences all 0, lag-1 differences 2: a perfect forecast is 0/0 at lag 2, so R retries at lag 1
        // and counts the series with MASE 0. An imperfect one is x/0 = Inf at lag 2 and is dropped.
        List<double[]> insamples = List.of(new double[] {1, 3, 1, 3, 1, 3}, new double[] {1, 3, 2, 5});
        List<double[]> actuals = List.of(new double[] {1, 3}, new double[] {4, 4});
        Accuracy perfect = ForecastMetrics.evaluate(insamples, actuals,
                List.of(new double[] {1, 3}, new double[] {3, 5}), 2, MaseConvention.MONASH);
        assertThat(perfect.seriesCounted()).isEqualTo(2);
        assertThat(perfect.mase()).isCloseTo((0 + 2.0 / 3) / 2, within(1e-12));
        Accuracy off = ForecastMetrics.evaluate(insamples, actuals,
                List.of(new double[] {1, 2}, new double[] {3, 5}), 2, MaseConvention.MONASH);
        assertThat(off.seriesCounted()).isEqualTo(1);
        assertThat(off.mase()).isCloseTo(2.0 / 3, within(1e-12));
    }

    private static Accuracy score(String method, List<TimeSeries> train, List<TimeSeries> test) {
        List<double[]> insamples = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            insamples.add(train.get(i).values());
            actuals.add(test.get(i).values());
        }
        return ForecastMetrics.evaluate(insamples, actuals, forecast(method, train), M, MaseConvention.M4);
    }

    private static List<double[]> forecast(String method, List<TimeSeries> train) {
        Forecaster f = Forecasters.create(method);
        f.fit(train, new ForecastTask(H, M));
        return f.predict(train).stream().map(Forecast::mean).toList();
    }
}
