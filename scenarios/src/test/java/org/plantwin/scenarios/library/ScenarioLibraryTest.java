package org.plantwin.scenarios.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Distribution;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.Station;

class ScenarioLibraryTest {

    static List<String> names() {
        return ScenarioLibrary.names();
    }

    @Test
    void listsTheScenariosTheIssueAsksFor() {
        assertThat(ScenarioLibrary.names()).contains("mm1", "mmc", "mm1k", "tandem", "flowline5", "demo").isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyLibraryScenarioParsesAndValidates(String name) {
        Scenario s = Scenarios.library(name);

        assertThat(s.name()).isEqualTo(name);
        assertThat(Scenarios.validate(s)).isEmpty();
        assertThat(s.description()).isNotBlank();
    }

    @Test
    void mmcHasThreeServersAtRate2Point4() {
        Scenario s = Scenarios.library("mmc");

        assertThat(s.lines()).singleElement().satisfies(l -> assertThat(l.stations()).singleElement()
                .satisfies(st -> assertThat(st.machines()).hasSize(3)));
        assertThat(s.sources().get(0).interarrival().meanMillis()).isEqualTo(60_000 / 2.4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.machines()).allSatisfy(m -> assertThat(m.processTime()).isEqualTo(
                new Distribution.Exponential(org.plantwin.scenarios.model.TimeSpan.parse("1m"))));
    }

    @Test
    void mm1kHoldsFivePartsAndLosesArrivals() {
        Scenario s = Scenarios.library("mm1k");

        Station st = s.lines().get(0).stations().get(0);
        assertThat(st.machines().size() + st.buffer()).isEqualTo(5);
        assertThat(s.sources().get(0).blocking()).isFalse();
    }

    @Test
    void tandemHasTwoUnboundedStations() {
        Scenario s = Scenarios.library("tandem");

        assertThat(s.lines().get(0).stations()).hasSize(2).allSatisfy(st -> assertThat(st.buffer()).isNull());
        assertThat(s.sources().get(0).interarrival().meanMillis()).isEqualTo(120_000.0);
    }

    @Test
    void demoShowsOffLinesSharedGroupSetupsFailuresScrapAndTransfers() {
        Scenario s = Scenarios.library("demo");

        assertThat(s.lines()).hasSize(2);
        assertThat(s.machineGroups()).hasSize(1);
        String group = s.machineGroups().get(0).id();
        assertThat(s.products()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(p -> assertThat(p.routing()).anySatisfy(step -> assertThat(step.at()).isEqualTo(group)));
        assertThat(s.machines()).anySatisfy(m -> assertThat(m.setup()).isNotNull());
        assertThat(s.machines()).anySatisfy(m -> assertThat(m.failures()).isNotEmpty());
        assertThat(s.machines()).anySatisfy(m -> assertThat(m.scrap()).isPositive());
        assertThat(s.transferTime().millis()).isPositive();
    }
}
