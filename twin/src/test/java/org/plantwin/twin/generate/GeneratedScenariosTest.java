package org.plantwin.twin.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.plantwin.twin.cli.Cli.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.Simulation;
import org.plantwin.learning.generate.GanCsv;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Demand;
import org.plantwin.scenarios.model.Failure;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;
import org.plantwin.twin.cli.Cli.Outcome;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentFile;
import org.plantwin.twin.experiment.Variant;

/**
 * End to end: a twin run's history -> CSV -> a small GAN per kind (2 epochs, seeded) -> an experiment whose variants
 * come from the generators, with the KPI distributions of generated and parametric scenarios in its output.
 */
class GeneratedScenariosTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void trainGenerators() {
        Outcome h = cli("history", "supply-chain", "--horizon", "60d", "--demand", dir.resolve("demand.csv").toString(),
                "--failures", dir.resolve("failures.csv").toString(), "--travel", dir.resolve("travel.csv").toString());
        assertThat(h.code()).as(h.err()).isZero();
        assertThat(h.out()).contains("60 periods x ").contains("failures x 4 columns").contains("legs x 1 columns");
        // A travel series from elsewhere: every leg takes about twice its noiseless time.
        double[][] slow = new double[200][1];
        for (int k = 0; k < slow.length; k++) {
            slow[k][0] = 1.9 + 0.02 * (k % 11);
        }
        GanCsv.writeSeries(dir.resolve("slow.csv"), new GanCsv.Table(List.of("delay"), slow));
        for (String kind : List.of("demand", "failures", "travel", "slow")) {
            Outcome t = cli("gan", "train", "--data", dir.resolve(kind + ".csv").toString(), "--seq-len", "5",
                    "--epochs", "2", "--seed", "3", "--supervised", "0", "--out",
                    dir.resolve("gan-" + kind).toString());
            assertThat(t.code()).as(t.err()).isZero();
        }
    }

    private static Path experiment(String name, String generated) throws Exception {
        return experiment(name, "[supplyChain.onTimeDelivery, supplyChain.orderFillRate]", generated);
    }

    private static Path experiment(String name, String kpis, String generated) throws Exception {
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, """
                name: %s
                base: supply-chain
                horizon: 20d
                warmup: 2d
                replications: 2
                kpis: %s
                generated: %s
                """.formatted(name, kpis, generated), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void historyRefusesWhatItCannotWrite() {
        Outcome none = cli("history", "supply-chain", "--horizon", "2d");
        Outcome noCustomers = cli("history", "flowline5", "--horizon", "1d", "--demand",
                dir.resolve("never.csv").toString());
        Outcome badPeriod = cli("history", "supply-chain", "--period", "0s", "--demand",
                dir.resolve("never.csv").toString());

        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("Nothing to write", "Maybe add --demand", "--travel travel.csv");
        assertThat(noCustomers.code()).isEqualTo(2);
        assertThat(noCustomers.err()).contains("(flowline5) has no customers");
        assertThat(badPeriod.code()).isEqualTo(2);
        assertThat(badPeriod.err()).contains("--period (0s) must be > 0");
        assertThat(dir.resolve("never.csv")).doesNotExist();

        // No fleet: nothing written, not even the demand that could be.
        Outcome noFleet = cli("history", "flowline5", "--horizon", "1d", "--failures",
                dir.resolve("never.csv").toString(), "--travel", dir.resolve("never2.csv").toString());
        assertThat(noFleet.code()).isEqualTo(2);
        assertThat(noFleet.err()).contains("(flowline5) has no fleets");
        assertThat(dir.resolve("never2.csv")).doesNotExist();
    }

    @Test
    void historyColumnsNameWhatTheyDrive() {
        GanCsv.Table demand = GanCsv.readSeries(dir.resolve("demand.csv"));
        GanCsv.Table failures = GanCsv.readSeries(dir.resolve("failures.csv"));

        assertThat(demand.columns()).startsWith("customers[C01].demand[A]", "customers[C01].demand[B]",
                "customers[C01].demand[C]", "customers[C02].demand[A]");
        assertThat(failures.columns()).containsExactly("machines[L1-M1].failures[0].timeBetweenMinutes",
                "machines[L1-M1].failures[0].repairMinutes", "machines[L2-M1].failures[0].timeBetweenMinutes",
                "machines[L2-M1].failures[0].repairMinutes");
        assertThat(demand.columns()).allSatisfy(c -> assertThat(GeneratorTarget.parse(c).text()).isEqualTo(c));

        GanCsv.Table travel = GanCsv.readSeries(dir.resolve("travel.csv"));
        assertThat(travel.columns()).containsExactly("fleets[trucks].travelFactor");
        assertThat(GeneratorTarget.parse(travel.columns().get(0))).isEqualTo(new GeneratorTarget.Travel("trucks"));
        // supply-chain draws lognormal factors with cv 0.15, clamped to [0.5, 3].
        List<Double> factors = java.util.Arrays.stream(travel.rows()).map(row -> row[0]).toList();
        assertThat(factors).hasSizeGreaterThan(100).allSatisfy(f -> assertThat(f).isBetween(0.5, 3.0));
        assertThat(factors.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .isCloseTo(1.0, within(0.05));
    }

    @Test
    void generatedAndReplayedVariantsGiveTheFleetATravelTrace() throws Exception {
        Path file = experiment("travel", "{count: 2, seed: 5, replayed: true, models: [{model: gan-travel}]}");

        Experiment e = ExperimentFile.load(file);

        assertThat(e.variants()).extracting(Variant::name).containsExactly("parametric-1", "parametric-2",
                "replayed-1", "replayed-2", "generated-1", "generated-2");
        assertThat(e.variants().get(0).scenario()).as("parametric runs the base as it is").isNull();
        Scenario base = Scenarios.library("supply-chain");
        RunOptions twentyDays = RunOptions.defaults().withHorizonMillis(TimeSpan.parse("20d").toMillis())
                .withHistory(TimeSpan.parse("1d").toMillis());
        int legs = Simulation.run(base, twentyDays.withSeed(base.seed())).history().travel().get(0).factors().size();
        GanCsv.Table history = GanCsv.readSeries(dir.resolve("travel.csv"));
        double lo = java.util.Arrays.stream(history.rows()).mapToDouble(row -> row[0]).min().orElseThrow();
        double hi = java.util.Arrays.stream(history.rows()).mapToDouble(row -> row[0]).max().orElseThrow();
        for (int i = 0; i < 2; i++) {
            RunResult parametric = Simulation.run(base, twentyDays.withSeed(base.seed() + i));
            Scenario replayed = e.variants().get(2 + i).scenario();
            assertThat(replayed.fleets().get(0).travelTrace())
                    .containsExactlyElementsOf(parametric.history().travel().get(0).factors());
            // Replication 0 of the same seed: the recorded factors replay the parametric run to the byte.
            assertThat(ResultJson.write(Simulation.run(replayed, twentyDays.withSeed(base.seed() + i))))
                    .isEqualTo(ResultJson.write(parametric));
            // Generated: twice the legs the base drove (rounded up to whole windows), within the trained range.
            List<Double> generated = e.variants().get(4 + i).scenario().fleets().get(0).travelTrace();
            assertThat(generated).hasSizeBetween(2 * legs, 2 * legs + 4)
                    .allSatisfy(f -> assertThat(f).isBetween(lo - 1e-6, hi + 1e-6));
            assertThat(e.variants().get(4 + i).scenario().customers()).isEqualTo(base.customers());
        }
        assertThat(e.variants().get(4).scenario()).isNotEqualTo(e.variants().get(5).scenario());
    }

    @Test
    void aGeneratorOfSlowLegsLengthensLeadTimesAndKeepsTrucksBusierScenarioByScenario() throws Exception {
        Path file = experiment("slow",
                "[supplyChain.leadTimeMeanHours, \"fleets[trucks].drivingShare\", supplyChain.onTimeDelivery]",
                "{count: 3, seed: 5, models: [{model: gan-slow, targets: {delay: \"fleets[trucks].travelFactor\"}}]}");
        Path out = dir.resolve("slow-out");

        Outcome r = cli("experiment", file.toString(), "--out", out.toString(), "--lanes", "1", "--quiet");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode groups = new ObjectMapper().readTree(out.resolve("experiment.json").toFile()).get("distributions");
        assertThat(groups).extracting(g -> g.get("group").asText()).containsExactly("parametric", "generated");
        double[][] lead = values(groups, 0);
        double[][] driving = values(groups, 1);
        double[][] onTime = values(groups, 2);
        for (int i = 0; i < 3; i++) {
            // Legs about twice as long (factors 1.9 to 2.1 against lognormal factors of mean 1): trucks drive more
            // and orders arrive later, in each scenario against its parametric twin (same seeds).
            assertThat(lead[1][i]).as("lead time of scenario " + i).isGreaterThan(lead[0][i] + 0.5);
            assertThat(driving[1][i]).as("driving share of scenario " + i).isGreaterThan(1.2 * driving[0][i]);
            assertThat(onTime[1][i]).as("on-time delivery of scenario " + i).isLessThanOrEqualTo(onTime[0][i]);
        }
    }

    /** {@code [group][scenario]} values of KPI {@code k}. */
    private static double[][] values(JsonNode groups, int k) {
        double[][] v = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            JsonNode values = groups.get(g).get("kpis").get(k).get("values");
            v[g] = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                v[g][i] = values.get(i).asDouble();
            }
        }
        return v;
    }

    @Test
    void generatedVariantsReplaceDemandAndFailuresAndShareSeedsWithTheirParametricTwins() throws Exception {
        Path file = experiment("gen", "{count: 3, seed: 5, models: [{model: gan-demand}, {model: gan-failures}]}");

        Experiment e = ExperimentFile.load(file);
        Experiment again = ExperimentFile.load(file);

        assertThat(e.variants()).extracting(Variant::name).containsExactly("parametric-1", "parametric-2",
                "parametric-3", "generated-1", "generated-2", "generated-3");
        assertThat(e.variants()).extracting(Variant::group).containsExactly("parametric", "parametric", "parametric",
                "generated", "generated", "generated");
        assertThat(e.variants().get(0).overrides()).isEqualTo(e.variants().get(3).overrides());
        assertThat(e.variants().get(0).overrides()).isNotEqualTo(e.variants().get(1).overrides());
        assertThat(again.variants()).isEqualTo(e.variants());
        assertThat(e.compare()).isFalse();

        GanCsv.Table history = GanCsv.readSeries(dir.resolve("demand.csv"));
        double max = java.util.Arrays.stream(history.rows()).mapToDouble(row -> row[0]).max().orElseThrow();
        long twentyDays = TimeSpan.parse("20d").toMillis();
        for (Variant v : e.variants().subList(3, 6)) {
            Demand a = v.scenario().customers().get(0).demand().get(0);
            assertThat(a.product()).isEqualTo("A");
            assertThat(a.interarrival()).isNull();
            assertThat(a.series().values()).hasSize(20)
                    .allSatisfy(u -> assertThat(u).isBetween(0.0, max + 0.5).isEqualTo(Math.rint(u)));
            Failure f = v.scenario().machines().get(0).failures().get(0);
            double sum = f.trace().timeBetween().stream().mapToDouble(TimeSpan::millis).sum();
            assertThat(sum).isGreaterThanOrEqualTo(twentyDays);
            assertThat(sum - f.trace().timeBetween().get(f.trace().timeBetween().size() - 1).millis())
                    .isLessThan(twentyDays);
            assertThat(f.trace().repair()).hasSameSizeAs(f.trace().timeBetween());
        }
        assertThat(e.variants().get(3).scenario()).isNotEqualTo(e.variants().get(4).scenario());
    }

    @Test
    void replayedVariantsCarryTheBaseRunsOwnHistoryThroughTheSameTargets() throws Exception {
        Path file = experiment("replay", "{count: 2, seed: 5, replayed: true, models: [{model: gan-demand},"
                + " {model: gan-failures}]}");

        Experiment e = ExperimentFile.load(file);

        assertThat(e.variants()).extracting(Variant::name).containsExactly("parametric-1", "parametric-2",
                "replayed-1", "replayed-2", "generated-1", "generated-2");
        Scenario base = Scenarios.library("supply-chain");
        for (int i = 0; i < 2; i++) {
            RunResult.History h = Simulation.run(base, RunOptions.defaults().withSeed(base.seed() + i)
                    .withHorizonMillis(TimeSpan.parse("20d").toMillis()).withHistory(TimeSpan.parse("1d").toMillis()))
                    .history();
            Variant replayed = e.variants().get(2 + i);
            assertThat(replayed.overrides()).isEqualTo(e.variants().get(i).overrides());
            RunResult.DemandHistory c01a = h.demand().get(0);
            assertThat(replayed.scenario().customers().get(0).demand().get(0).series().values())
                    .containsExactlyElementsOf(c01a.units().stream().map(Long::doubleValue).toList());
            List<TimeSpan> repairs = replayed.scenario().machines().get(0).failures().get(0).trace().repair();
            assertThat(repairs.get(0).millis() / 60_000.0)
                    .isCloseTo(h.failures().get(0).repairMinutes().get(0), within(1.0 / 60));
        }
    }

    @Test
    void experimentReportsBothDistributionsInJsonTableAndReport() throws Exception {
        Path file = experiment("gen-run", "{count: 3, seed: 5, replayed: true, models: [{model: gan-demand},"
                + " {model: gan-failures}]}");
        Path out = dir.resolve("out");

        Outcome r = cli("experiment", file.toString(), "--out", out.toString(), "--lanes", "1", "--quiet");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("KPI distribution across scenarios").contains("5% worst")
                .contains("replayed vs parametric scenarios").contains("generated vs replayed scenarios");
        JsonNode json = new ObjectMapper().readTree(out.resolve("experiment.json").toFile());
        JsonNode groups = json.get("distributions");
        assertThat(groups).extracting(g -> g.get("group").asText()).containsExactly("parametric", "replayed",
                "generated");
        JsonNode onTime = groups.get(2).get("kpis").get(0);
        assertThat(onTime.get("kpi").asText()).isEqualTo("supplyChain.onTimeDelivery");
        assertThat(onTime.get("values")).hasSize(3);
        double min = onTime.get("min").asDouble();
        assertThat(onTime.get("worstCase5").asDouble()).isBetween(min, onTime.get("median").asDouble());
        assertThat(json.get("groupComparisons")).extracting(c -> c.get("variant").asText() + " vs "
                + c.get("baseline").asText()).containsExactly("replayed vs parametric", "generated vs replayed");
        assertThat(Files.readString(out.resolve("report.html"))).contains("KPI distribution across scenarios")
                .contains("distribution-charts");

        Outcome twice = cli("experiment", file.toString(), "--out", dir.resolve("out2").toString(), "--lanes", "2",
                "--quiet");
        assertThat(twice.code()).as(twice.err()).isZero();
        assertThat(Files.readString(dir.resolve("out2/experiment.json")))
                .isEqualTo(Files.readString(out.resolve("experiment.json")));
    }

    @Test
    void theCommandLineGeneratorReplacesTheFileModels() throws Exception {
        Path file = dir.resolve("plain.yaml");
        Files.writeString(file, """
                name: plain
                base: supply-chain
                horizon: 10d
                warmup: 1d
                replications: 2
                kpis: [supplyChain.onTimeDelivery]
                """, StandardCharsets.UTF_8);

        Outcome r = cli("experiment", file.toString(), "--generator", dir.resolve("gan-demand").toString(),
                "--variants", "2", "--out", dir.resolve("cli-out").toString(), "--lanes", "1", "--quiet");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 variants x 2 replications");
        assertThat(Files.readString(dir.resolve("cli-out/summary.csv"))).contains("generated-2");
    }

    @Test
    void targetsThatTheScenarioLacksAreReportedWithTheirPath() throws Exception {
        Path file = experiment("bad", """
                {count: 3, models: [{model: gan-demand, targets: {"customers[C01].demand[A]": "customers[C99].demand[A]", \
                "nope": "customers[C01].demand[A]"}}, {model: missing-folder}]}""");

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ExperimentFile.load(file));

        assertThat(e.problems()).extracting(Problem::path).containsExactly(
                "$.generated.models[0].targets['customers[C01].demand[A]']", "$.generated.models[0].targets['nope']");
        assertThat(e.problems().get(0).value()).isEqualTo("\"customers[C99].demand[A]\"");
        assertThat(e.problems().get(0).rule()).contains("no customer (C99)");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.hint()).startsWith("Maybe"));

        Path missing = experiment("missing", "{count: 3, models: [{model: missing-folder}]}");
        ScenarioException m = catchThrowableOfType(ScenarioException.class, () -> ExperimentFile.load(missing));
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.generated.models[0].model");
            assertThat(p.value()).contains("missing-folder");
        });

        String first = Files.readAllLines(dir.resolve("demand.csv")).get(0).split(",")[0];
        Outcome c = cli("gan", "train", "--data", dir.resolve("demand.csv").toString(), "--seq-len", "5", "--epochs",
                "1", "--seed", "3", "--condition", first, "--supervised", "0", "--out",
                dir.resolve("gan-conditioned").toString());
        assertThat(c.code()).as(c.err()).isZero();
        Path conditioned = experiment("conditioned", "{count: 2, models: [{model: gan-conditioned}]}");
        ScenarioException ce = catchThrowableOfType(ScenarioException.class, () -> ExperimentFile.load(conditioned));
        assertThat(ce.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.generated.models[0].conditions");
            assertThat(p.rule()).contains("conditioned on [" + first + "]");
            assertThat(p.hint()).contains("conditions: FILE.csv");
        });

        Path tooFew = experiment("few", "{count: 1, models: [{model: gan-demand, period: 0s}]}");
        ScenarioException f = catchThrowableOfType(ScenarioException.class, () -> ExperimentFile.load(tooFew));
        assertThat(f.problems()).extracting(Problem::path)
                .containsExactly("$.generated.models[0].period", "$.generated.count");
    }
}
