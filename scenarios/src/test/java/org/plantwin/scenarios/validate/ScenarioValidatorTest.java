package org.plantwin.scenarios.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Fleet;
import org.plantwin.scenarios.model.InventoryPolicy;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.Site;

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
    void reportsEveryBadFailureTraceEntryWithItsPath() {
        String text = """
                name: trace
                horizon: 8h
                products: [{id: part, routing: [L1]}]
                machines:
                  - id: M1
                    processTime: 1m
                    failures:
                      - timeBetween: 2h
                        repair: 10m
                        trace: {timeBetween: [3h, 0s, 1h, 0ms], repair: [5m, 0s]}
                lines: [{id: L1, stations: [{id: S1, machines: [M1]}]}]
                sources: [{id: in, product: part, interarrival: 2m}]
                sinks: [{id: out}]
                """;

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(text, "trace"));

        assertThat(e.problems()).extracting(Problem::path, Problem::value).containsExactly(
                tuple("$.machines[0].failures[0].trace.timeBetween[1]", "\"0s\""),
                tuple("$.machines[0].failures[0].trace.timeBetween[3]", "\"0ms\""));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.hint()).startsWith("Maybe"));
    }

    private static String withTravelTrace(String trace) {
        return """
                name: travel-trace
                horizon: 8h
                products: [{id: part, routing: [L1], sink: W1}]
                machines: [{id: M1, processTime: 1m}]
                lines: [{id: L1, stations: [{id: S1, machines: [M1]}]}]
                sites: [{id: plant, x: 0, y: 0}, {id: shop, x: 10, y: 5}]
                warehouses:
                  - id: W1
                    site: plant
                    stock: [{product: part, initial: 5, replenishFrom: production, policy: {type: baseStock, level: 5}}]
                customers:
                  - {id: C1, site: shop, warehouse: W1, quotedLeadTime: 1d, demand: [{product: part, interarrival: 2h}]}
                fleets:
                  - {id: F1, depot: W1, trucks: 1, capacity: 5, travelTrace: %s}
                  - {id: F2, depot: W1, trucks: 1, capacity: 5}
                """.formatted(trace);
    }

    @Test
    void reportsEveryBadTravelTraceFactorWithItsPath() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.parse(withTravelTrace("[1.2, 0, 0.9, -1, 2]"), "travel-trace"));

        assertThat(e.problems()).extracting(Problem::path, Problem::value).containsExactly(
                tuple("$.fleets[0].travelTrace[1]", "0"),
                tuple("$.fleets[0].travelTrace[3]", "-1"));
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.rule()).contains("finite number > 0");
            assertThat(p.hint()).startsWith("Maybe");
        });
    }

    @Test
    void theReaderRefusesBlankAndNonNumericTravelFactorsAndTheValidatorNonFiniteOnes() {
        ScenarioException blank = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.parse(withTravelTrace("[1, ~]"), "travel-trace"));
        ScenarioException inf = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.parse(withTravelTrace("[1, .inf]"), "travel-trace"));
        Scenario ok = Scenarios.parse(withTravelTrace("[1]"), "travel-trace");
        List<Fleet> fleets = new ArrayList<>(ok.fleets());
        fleets.set(0, fleets.get(0).withTravelTrace(java.util.Arrays.asList(1.0, Double.POSITIVE_INFINITY,
                Double.NaN, null)));
        Scenario fromJava = ok.withFleets(fleets);

        assertThat(blank.problems()).extracting(Problem::path, Problem::value)
                .containsExactly(tuple("$.fleets[0].travelTrace[1]", "null"));
        assertThat(inf.problems()).singleElement().satisfies(p -> assertThat(p.rule()).contains("'.inf'"));
        assertThat(Scenarios.validate(fromJava)).extracting(Problem::path, Problem::value).containsExactly(
                tuple("$.fleets[0].travelTrace[1]", "Infinity"),
                tuple("$.fleets[0].travelTrace[2]", "NaN"),
                tuple("$.fleets[0].travelTrace[3]", "(missing)"));
    }

    @Test
    void aValidTravelTraceIsReadInOrder() {
        Scenario s = Scenarios.parse(withTravelTrace("[1.05, 0.93, 2]"), "travel-trace");

        assertThat(s.fleets().get(0).travelTrace()).containsExactly(1.05, 0.93, 2.0);
        assertThat(s.fleets().get(1).travelTrace()).isEmpty();
    }

    @Test
    void reportsBadDegradationAndMaintenanceWithTheirPaths() {
        String text = """
                name: wear
                horizon: 8h
                products: [{id: part, routing: [L1]}]
                machines:
                  - id: M1
                    processTime: 1m
                    degradation:
                      wearPerHour: 1.5
                      slowdownAtFailure: -0.2
                      scrapAtFailure: 1.5
                      repair: 1h
                      sensors: [{id: vib, atNew: 1, atFailure: 1}]
                    maintenance: {policy: fixedInterval, duration: 1h, cost: -5}
                  - id: M2
                    processTime: 1m
                    maintenance: {policy: predictive, threshold: 2h, duration: 1h}
                lines: [{id: L1, stations: [{id: S1, machines: [M1]}, {id: S2, machines: [M2]}]}]
                sources: [{id: in, product: part, interarrival: 2m}]
                sinks: [{id: out}]
                """;

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(text, "wear"));

        assertThat(e.problems()).extracting(Problem::path, Problem::value).containsExactly(
                tuple("$.machines[0].degradation.wearPerHour", "1.5"),
                tuple("$.machines[0].degradation.slowdownAtFailure", "-0.2"),
                tuple("$.machines[0].degradation.scrapAtFailure", "1.5"),
                tuple("$.machines[0].degradation.sensors[0].atFailure", "1"),
                tuple("$.machines[0].maintenance.interval", "(missing)"),
                tuple("$.machines[0].maintenance.cost", "-5"),
                tuple("$.machines[1].maintenance.policy", "\"predictive\""));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.hint()).startsWith("Maybe"));
    }

    @Test
    void reportsBadInspectionWithItsPaths() {
        String text = """
                name: qc
                horizon: 8h
                products: [{id: part, routing: [L1]}]
                machines: [{id: M1, processTime: 1m}, {id: Q1, processTime: 1m}]
                lines:
                  - id: L1
                    stations:
                      - {id: S1, machines: [M1]}
                      - id: QC
                        machines: [Q1]
                        inspection: {defectRate: 1.5, falseReject: -0.1, disposition: rework, reworkAt: S9}
                sources: [{id: in, product: part, interarrival: 2m}]
                sinks: [{id: out}]
                """;

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(text, "qc"));

        assertThat(e.problems()).extracting(Problem::path, Problem::value).containsExactly(
                tuple("$.lines[0].stations[1].inspection.defectRate", "1.5"),
                tuple("$.lines[0].stations[1].inspection.falseReject", "-0.1"),
                tuple("$.lines[0].stations[1].inspection.reworkAt", "\"S9\""));
        assertThat(e.problems().get(2).hint()).contains("S1");
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

    @Test
    void acceptsTheSupplyChainFixture() throws IOException {
        Scenario s = Scenarios.parse(resource("/testdata/supply-chain.yaml"), "supply-chain.yaml");

        assertThat(s.sources()).isEmpty();
        assertThat(s.sinks()).isEmpty();
        assertThat(s.sites()).hasSize(7);
        assertThat(s.travel().matrix().get("plant")).containsEntry("c1", 14.2);
        assertThat(s.travel().speedKmPerHour()).isEqualTo(55.0);
        assertThat(s.warehouses()).extracting(w -> w.id()).containsExactly("FG", "DC");
        assertThat(s.warehouses().get(0).stock().get(0).policy().type()).isEqualTo(InventoryPolicy.PolicyType.S_S);
        assertThat(s.suppliers().get(0).reliability()).isEqualTo(0.9);
        assertThat(s.customers()).hasSize(4);
        assertThat(s.customers().get(3).demand().get(0).quantity().meanUnits()).isEqualTo(1.0);
        assertThat(s.fleets().get(0).dispatch()).isEqualTo(Fleet.DispatchRule.NEAREST);
        assertThat(s.fleets().get(1).maxWait().millis()).isEqualTo(6 * 3_600_000.0);
        assertThat(s.fleets().get(1).costPerKm()).isZero();
    }

    @Test
    void reportsEverySupplyChainProblemAtOnceInDocumentOrder() throws IOException {
        String text = resource("/testdata/supply-chain.yaml")
                .replace("{id: gadget, routing: [L2], sink: FG}", "{id: gadget, routing: [L2], sink: DC}")
                .replace("capacity: 500", "capacity: 50")
                .replace("replenishFrom: acme", "replenishFrom: acmee")
                .replace("reliability: 0.9", "reliability: 1.5")
                .replace("warehouse: DC\n    quotedLeadTime: 3d\n    demand:\n      - {product: widget, interarrival: {type: exponential, mean: 5h}}",
                        "warehouse: DC\n    quotedLeadTime: 3d\n    demand:\n      - {product: gadget, interarrival: {type: exponential, mean: 5h}}")
                .replace("depot: DC", "depot: DCC");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(text, "broken"));

        assertThat(e.problems()).extracting(Problem::path, Problem::value).containsExactly(
                tuple("$.products[1].sink", "\"DC\""),
                tuple("$.warehouses[0].capacity", "50"),
                tuple("$.warehouses[0].stock[1].replenishFrom", "\"production\""),
                tuple("$.warehouses[1].stock[0].replenishFrom", "\"acmee\""),
                tuple("$.suppliers[0].reliability", "1.5"),
                tuple("$.customers[3].demand[0].product", "\"gadget\""),
                tuple("$.fleets[1].depot", "\"DCC\""));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.hint()).startsWith("Maybe"));
        assertThat(e.problems().get(3).hint()).isEqualTo("Maybe you meant \"acme\".");
        assertThat(e.problems().get(6).hint()).isEqualTo("Maybe you meant \"DC\".");
    }

    @Test
    void reportsACoordinateThatIsNotANumberOnAScenarioBuiltInJava() throws IOException {
        Scenario s = Scenarios.parse(resource("/testdata/supply-chain.yaml"), "supply-chain.yaml");
        List<Site> sites = new ArrayList<>(s.sites());
        sites.set(1, new Site("dc-site", 80.0, Double.NaN));
        Scenario broken = new Scenario(s.name(), s.description(), s.seed(), s.horizon(), s.warmup(), s.transferTime(),
                s.products(), s.machines(), s.lines(), s.machineGroups(), s.sources(), s.sinks(), sites, s.travel(),
                s.warehouses(), s.suppliers(), s.customers(), s.fleets());

        assertThat(ScenarioValidator.validate(broken)).extracting(Problem::path, Problem::value)
                .containsExactly(tuple("$.sites[1].y", "NaN"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ScenarioValidatorTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
