package org.plantwin.twin.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Distribution;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;

class OverridesTest {

    private final Scenario flowline = Scenarios.library("flowline5");

    @Test
    void setsFieldsByIdIndexAndWildcard() {
        Scenario s = Overrides.apply(flowline, List.of(
                PathOverride.of("machines[id=M3].failures[0].timeBetween.mean", "4h"),
                PathOverride.of("sources[*].interarrival.mean", "2m"),
                PathOverride.of("lines[id=line].stations[id=S2].buffer", 10),
                PathOverride.of("$.horizon", "30d")), "v");
        assertThat(s.machines().get(2).failures().get(0).timeBetween()).isEqualTo(new Distribution.Exponential(TimeSpan.parse("4h")));
        assertThat(s.machines().get(1).failures().get(0).timeBetween()).isEqualTo(new Distribution.Exponential(TimeSpan.parse("100m")));
        assertThat(s.sources().get(0).interarrival()).isEqualTo(new Distribution.Exponential(TimeSpan.parse("2m")));
        assertThat(s.lines().get(0).stations().get(1).buffer()).isEqualTo(10);
        assertThat(s.lines().get(0).stations().get(0).buffer()).isEqualTo(5);
        assertThat(s.horizon()).isEqualTo(TimeSpan.parse("30d"));
    }

    @Test
    void indexOutOfRangeNamesThePathAndTheRange() {
        assertThatThrownBy(() -> Overrides.apply(flowline,
                List.of(PathOverride.of("machines[id=M3].failures[2].repair.mean", "1m")), "v"))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("machines[id=M3].failures[2].repair.mean");
                    assertThat(p.rule()).contains("$.machines[2].failures", "1 element");
                    assertThat(p.hint()).startsWith("Maybe");
                }));
    }

    @Test
    void everyBadOverrideIsReported() {
        assertThatThrownBy(() -> Overrides.apply(flowline, List.of(
                PathOverride.of("machine[id=M3].scrap", 0.1),
                PathOverride.of("sources[id=src].limit", 5)), "v"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("machine[id=M3].scrap").hasMessageContaining("Maybe you meant \"machines\"")
                .hasMessageContaining("sources[id=src].limit").hasMessageContaining("Maybe use one of [source]");
    }

    @Test
    void aValueTheScenarioRejectsNamesTheOverride() {
        assertThatThrownBy(() -> Overrides.apply(flowline,
                List.of(PathOverride.of("sources[*].interarrival.mean", "fast")), "v"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("sources[*].interarrival.mean");
    }

    @Test
    void latinHypercubeUsesEachStratumOnce() {
        List<Variant> points = Sweep.latinHypercube(5, 7, Sweep.factors(Map.of("lines[id=line].stations[*].buffer",
                List.of(0, 10))));
        assertThat(points).hasSize(5);
        List<Integer> strata = points.stream()
                .map(v -> (int) Math.min(4, v.overrides().get(0).value().asDouble() / 2)).sorted().toList();
        assertThat(points).allSatisfy(v -> assertThat(v.overrides().get(0).value().isIntegralNumber()).isTrue());
        assertThat(Sweep.latinHypercube(5, 7, Sweep.factors(Map.of("lines[id=line].stations[*].buffer",
                List.of(0, 10))))).isEqualTo(points);
        assertThat(strata).hasSize(5);
        List<Variant> durations = Sweep.latinHypercube(4, 1, Sweep.factors(Map.of("sources[*].interarrival.mean",
                List.of("1m", "2m"))));
        assertThat(durations).allSatisfy(v -> {
            long ms = TimeSpan.parse(v.overrides().get(0).valueText()).toMillis();
            assertThat(ms).isBetween(60_000L, 120_000L);
        });
        List<Long> sorted = durations.stream()
                .map(v -> (TimeSpan.parse(v.overrides().get(0).valueText()).toMillis() - 60_000) / 15_000).sorted().toList();
        assertThat(sorted).containsExactly(0L, 1L, 2L, 3L);
    }
}
