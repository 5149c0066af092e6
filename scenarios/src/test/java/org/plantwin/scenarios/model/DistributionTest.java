package org.plantwin.scenarios.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plantwin.scenarios.io.ScenarioReader;

/** Every distribution type parses from its scenario form and samples with the mean theory gives. */
class DistributionTest {

    private static final ObjectMapper MAPPER = new ScenarioReader().jsonMapper();
    private static final int SAMPLES = 200_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // type       | JSON                                                                          | mean ms   | class
        "constant     | \"90s\"                                                                       | 90000     | Constant",
        "constant     | {\"type\": \"constant\", \"value\": \"90s\"}                                   | 90000     | Constant",
        "exponential  | {\"type\": \"exponential\", \"mean\": \"5m\"}                                  | 300000    | Exponential",
        "uniform      | {\"type\": \"uniform\", \"min\": \"1m\", \"max\": \"3m\"}                      | 120000    | Uniform",
        "triangular   | {\"type\": \"triangular\", \"min\": \"1m\", \"mode\": \"2m\", \"max\": \"6m\"} | 180000    | Triangular",
        "normal       | {\"type\": \"normal\", \"mean\": \"5m\", \"sd\": \"1m\"}                       | 300000    | Normal",
        "lognormal    | {\"type\": \"lognormal\", \"mean\": \"5m\", \"sd\": \"2m\"}                    | 300000    | Lognormal",
        "gamma        | {\"type\": \"gamma\", \"shape\": 2.5, \"scale\": \"1m\"}                       | 150000    | Gamma",
        "erlang       | {\"type\": \"erlang\", \"k\": 3, \"mean\": \"6m\"}                             | 360000    | Erlang",
        "weibull      | {\"type\": \"weibull\", \"shape\": 1.5, \"scale\": \"10m\"}                    | 541647.17577056 | Weibull",
        "empirical    | {\"type\": \"empirical\", \"values\": [\"1m\", \"2m\", \"4m\"], \"weights\": [0.5, 0.25, 0.25]} | 120000 | Empirical",
        "empirical    | {\"type\": \"empirical\", \"values\": [\"1m\", \"2m\", \"6m\"]}                | 180000    | Empirical",
    })
    void parsesAndSamplesWithTheRightMean(String type, String json, double meanMillis, String recordName) throws Exception {
        Distribution d = MAPPER.readValue(json, Distribution.class);

        assertThat(d.getClass().getSimpleName()).isEqualTo(recordName);
        assertThat(d.meanMillis()).isCloseTo(meanMillis, within(meanMillis * 1e-6));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        ContinuousSampler sampler = d.sampler(rng);
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < SAMPLES; i++) {
            double x = sampler.sample();
            sum += x;
            min = Math.min(min, x);
        }
        assertThat(sum / SAMPLES).as("sample mean of %s", type).isCloseTo(meanMillis, within(meanMillis * 0.01));
        assertThat(min).as("durations are never negative").isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "exponential | {\"type\": \"exponential\", \"mean\": \"5m\"}",
        "gamma       | {\"type\": \"gamma\", \"shape\": 2.5, \"scale\": \"1m\"}",
        "empirical   | {\"type\": \"empirical\", \"values\": [\"1m\", \"2m\"], \"weights\": [1, 3]}",
        "constant    | \"90s\"",
    })
    void writesItsTypeAndReadsBackEqual(String type, String json) throws Exception {
        Distribution d = MAPPER.readValue(json, Distribution.class);

        String written = MAPPER.writeValueAsString(d);

        assertThat(written).contains("\"type\":\"" + type + "\"");
        assertThat(MAPPER.readValue(written, Distribution.class)).isEqualTo(d);
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "42"})
    void theSameSeedGivesTheSameDraws(long seed) throws Exception {
        Distribution d = MAPPER.readValue("{\"type\": \"lognormal\", \"mean\": \"5m\", \"sd\": \"2m\"}", Distribution.class);

        ContinuousSampler a = d.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        ContinuousSampler b = d.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));

        for (int i = 0; i < 100; i++) {
            assertThat(a.sample()).isEqualTo(b.sample());
        }
    }
}
