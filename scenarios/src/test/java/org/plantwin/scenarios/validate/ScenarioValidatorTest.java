package org.plantwin.scenarios.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

class ScenarioValidatorTest {

    @Test
    void reportsEveryProblemAtOnceInDocumentOrder() throws IOException {
        String text = resource("/testdata/many-problems.yaml");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(text, "many"));

        assertThat(e.problems()).extracting(Problem::path, Problem::value).containsExactly(
                tuple("$.warmup", "\"9h\""),
                tuple("$.products[0].routing[1]", "\"L9\""),
                tuple("$.machines[0].processTime.mean", "\"0s\""),
                tuple("$.machines[0].scrap", "1.2"),
                tuple("$.lines[0].stations[0].buffer", "-3"),
                tuple("$.lines[0].stations[0].machines[1]", "\"M7\""),
                tuple("$.sources[0].batch", "0"));
        assertThat(e.getMessage()).startsWith("The scenario (many) has 7 problems:");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.hint()).startsWith("Maybe"));
    }

    @Test
    void reportsEveryExplicitNullAtOnce() {
        String text = """
                name: nulls
                horizon: 8h
                products: [{id: part, routing: [L1], sink: null}]
                machines: [{id: M1, processTime: 1m, scrap: ~}]
                lines: [{id: L1, stations: [{id: S1, machines: [M1]}]}]
                sources: [{id: in, product: part, interarrival: 2m}]
                sinks: [{id: out}]
                """;

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(text, "nulls"));

        assertThat(e.problems()).extracting(Problem::path, Problem::value)
                .containsExactly(tuple("$.products[0].sink", "null"), tuple("$.machines[0].scrap", "null"));
    }

    @Test
    void acceptsAJobShopRoutingThatRevisitsAResource() {
        String text = """
                name: reentrant
                horizon: 8h
                products: [{id: part, routing: [G1, G2, G1, G1]}]
                machines: [{id: M1, processTime: 1m}, {id: M2, processTime: 1m}]
                machineGroups: [{id: G1, machines: [M1]}, {id: G2, machines: [M2]}]
                sources: [{id: in, orders: [{release: 0s, product: part, quantity: 3}]}]
                sinks: [{id: out}]
                """;

        Scenario s = Scenarios.parse(text, "reentrant");

        assertThat(s.products().get(0).routing()).hasSize(4);
    }

    @Test
    void namesTheSinkWhenARoutingStepIsASink() {
        String text = """
                name: sink-step
                horizon: 8h
                products: [{id: part, routing: [L1, out]}]
                machines: [{id: M1, processTime: 1m}]
                lines: [{id: L1, stations: [{id: S1, machines: [M1]}]}]
                sources: [{id: in, product: part, interarrival: 2m}]
                sinks: [{id: out}]
                """;

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(text, "s"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.products[0].routing[1]");
            assertThat(p.value()).isEqualTo("\"out\"");
            assertThat(p.hint()).contains("sink: out");
        });
    }

    @Test
    void quotesMapKeysThatAreNotPlainNames() {
        assertThat(ScenarioValidator.key("$.sources[0].mix", "part-2")).isEqualTo("$.sources[0].mix['part-2']");
        assertThat(ScenarioValidator.key("$.sources[0].mix", "part_2")).isEqualTo("$.sources[0].mix.part_2");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ScenarioValidatorTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
