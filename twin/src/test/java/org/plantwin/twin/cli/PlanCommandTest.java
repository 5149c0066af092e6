package org.plantwin.twin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantwin.twin.cli.Cli.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.planners.dispatch.api.DistanceConvention;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.SolomonReader;
import org.plantwin.planners.dispatch.api.Solution;
import org.plantwin.planners.dispatch.api.SolutionValidator;
import org.plantwin.planners.dispatch.api.ValidationReport;
import org.plantwin.planners.dispatch.api.VrplibReader;
import org.plantwin.planners.scheduling.api.BrandimarteFormat;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ScheduledOperation;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.twin.cli.Cli.Outcome;

class PlanCommandTest {

    private static final Path DATA = Path.of("src/test/resources/plan");
    private static final Path FT06 = DATA.resolve("jssp/ft06.txt");
    private static final Path MK01 = DATA.resolve("fjsp/mk01.fjs");
    private static final Path C101 = DATA.resolve("vrptw/C101.txt");
    private static final Path A_N32_K5 = DATA.resolve("cvrp/A-n32-k5.vrp");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rebuilds the schedule from the JSON's per-machine lists. */
    private static Schedule schedule(JsonNode json) {
        List<ScheduledOperation> ops = new ArrayList<>();
        for (JsonNode machine : json.get("schedule")) {
            for (JsonNode op : machine.get("operations")) {
                ops.add(new ScheduledOperation(op.get("job").asInt(), op.get("operation").asInt(),
                        machine.get("machine").asInt(), op.get("start").asLong(), op.get("end").asLong()));
            }
        }
        return new Schedule(ops);
    }

    private static Solution routes(JsonNode json) {
        List<List<Integer>> routes = new ArrayList<>();
        for (JsonNode route : json.get("routes")) {
            List<Integer> r = new ArrayList<>();
            route.forEach(c -> r.add(c.asInt()));
            routes.add(r);
        }
        return new Solution(routes);
    }

    @Test
    void jsspJsonReachesFt06OptimumWithAnIterationBudgetAndTheValidatorAgrees() throws Exception {
        Outcome o = cli("plan", "jssp", FT06.toString(), "--iterations", "20000", "--seed", "1", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = JSON.readTree(o.out());
        assertThat(json.get("makespan").asLong()).isEqualTo(55);
        assertThat(json.get("lowerBound").asLong()).isEqualTo(55);
        assertThat(json.get("bestKnown").asLong()).isEqualTo(55);
        assertThat(json.get("optimal").asBoolean()).isTrue();
        assertThat(json.get("timeSeconds").isNumber()).isTrue();
        assertThat(json.get("schedule")).hasSize(6);
        ShopInstance ft06 = JsspFormat.read(FT06);
        assertThat(ScheduleValidator.requireValid(ft06, schedule(json))).isEqualTo(json.get("makespan").asLong());
    }

    @Test
    void jsspJsonIsOneObjectOnOneLine() throws Exception {
        Outcome o = cli("plan", "jssp", FT06.toString(), "--iterations", "100", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out().strip()).doesNotContain("\n").startsWith("{").endsWith("}");
    }

    @Test
    void jsspWithoutBoundsCsvReportsANullLowerBound(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(FT06, dir.resolve("ft06.txt"));
        Outcome o = cli("plan", "jssp", copy.toString(), "--iterations", "500", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = JSON.readTree(o.out());
        assertThat(json.get("lowerBound").isNull()).isTrue();
        assertThat(json.get("gapPercent").isNull()).isTrue();
        assertThat(ScheduleValidator.requireValid(JsspFormat.read(copy), schedule(json)))
                .isEqualTo(json.get("makespan").asLong());
    }

    @Test
    void fjspJsonGivesAValidScheduleOfMk01WithItsRecomputedMakespan() throws Exception {
        Outcome o = cli("plan", "fjsp", MK01.toString(), "--iterations", "3000", "--seed", "1", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = JSON.readTree(o.out());
        ShopInstance mk01 = BrandimarteFormat.read(MK01);
        long makespan = json.get("makespan").asLong();
        assertThat(ScheduleValidator.requireValid(mk01, schedule(json))).isEqualTo(makespan);
        assertThat(json.get("lowerBound").asLong()).isEqualTo(40);
        assertThat(makespan).isBetween(40L, 45L); // 45 = the best dispatching rule, where the search starts
        assertThat(json.get("problem").asText()).isEqualTo("fjsp");
    }

    @Test
    void jsspSummaryShowsMakespanBoundAndMachineSequences() {
        Outcome o = cli("plan", "jssp", FT06.toString(), "--iterations", "20000", "--seed", "1");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("ft06: job shop, 6 jobs x 6 machines, 36 operations")
                .contains("makespan     55", "lower bound  55", "optimal", "best dispatching rule")
                .containsPattern("M0 +J\\d+\\.\\d+ \\d+-\\d+").contains("M5 ");
    }

    @Test
    void sameSeedAndIterationBudgetGiveTheSameSchedule() throws Exception {
        Outcome a = cli("plan", "fjsp", MK01.toString(), "--iterations", "500", "--seed", "3", "--json");
        Outcome b = cli("plan", "fjsp", MK01.toString(), "--iterations", "500", "--seed", "3", "--json");
        assertThat(JSON.readTree(a.out()).get("schedule")).isEqualTo(JSON.readTree(b.out()).get("schedule"));
    }

    @Test
    void missingFileExitsTwoAndNamesTheFile() {
        Outcome o = cli("plan", "jssp", "no/such/ft99.txt", "--json");
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.out()).isEmpty();
        assertThat(o.err()).contains("no/such/ft99.txt", "does not exist").doesNotContain("Exception", "\tat ");
    }

    @Test
    void badTokenExitsTwoNamingFileLineAndValue(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "# a comment\n2 2\n0 3 1 x7\n1 2 0 4\n");
        Outcome o = cli("plan", "jssp", bad.toString());
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.err()).contains(bad + ":3:", "(x7)").doesNotContain("\tat ");
    }

    @Test
    void shortJobLineNamesItsLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("short.txt");
        Files.writeString(bad, "2 2\n\n0 3 1 2\n# job 1 follows\n1 2 0\n");
        Outcome o = cli("plan", "jssp", bad.toString());
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.err()).contains(bad + ":5:", "Job 1", "1 2 0");
    }

    @Test
    void fjsFileGivenToJsspSuggestsFjsp() {
        Outcome o = cli("plan", "jssp", MK01.toString());
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.err()).contains(MK01 + ":2:", "Maybe use `plantwin plan fjsp`");
    }

    @Test
    void badTimeNamesTheOptionAndTheValue() {
        Outcome o = cli("plan", "jssp", FT06.toString(), "--time", "10 parsecs");
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.err()).contains("--time", "10 parsecs");
    }

    @Test
    void cvrpJsonGivesFeasibleRoutesWhoseDistanceTheValidatorRecomputes() throws Exception {
        Outcome o = cli("plan", "cvrp", A_N32_K5.toString(), "--iterations", "200", "--seed", "1", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = JSON.readTree(o.out());
        ValidationReport report = SolutionValidator.validate(VrplibReader.read(A_N32_K5), routes(json));
        assertThat(report.problems()).isEmpty();
        assertThat(json.get("vehicles").asInt()).isEqualTo(report.vehicles());
        assertThat(json.get("distance").asDouble()).isEqualTo(report.distance());
        assertThat(json.get("bestKnown").get("distance").asDouble()).isEqualTo(784);
        assertThat(json.get("distance").asDouble()).isGreaterThanOrEqualTo(784);
        assertThat(json.get("timeSeconds").isNumber()).isTrue();
    }

    @Test
    void vrptwJsonServesEveryCustomerOnceUnderTheHierarchicalConvention() throws Exception {
        Outcome o = cli("plan", "vrptw", C101.toString(), "--iterations", "20", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = JSON.readTree(o.out());
        RoutingInstance c101 = SolomonReader.read(C101, DistanceConvention.EUCLIDEAN);
        ValidationReport report = SolutionValidator.validate(c101, routes(json));
        assertThat(report.problems()).isEmpty();
        assertThat(json.get("objective").asText()).isEqualTo("hierarchical");
        assertThat(json.get("vehicles").asInt()).isEqualTo(report.vehicles()).isGreaterThanOrEqualTo(10);
        assertThat(json.get("distance").asDouble()).isEqualTo(report.distance());
        assertThat(json.get("bestKnown").get("vehicles").asInt()).isEqualTo(10);
    }

    @Test
    void unknownObjectiveIsRejectedWithTheValue() {
        Outcome o = cli("plan", "vrptw", C101.toString(), "--objective", "cheapest");
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.err()).contains("--objective", "cheapest", "Maybe");
    }

    @Test
    void malformedSolomonRowNamesFileLineAndValue(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(C101));
        int row = 12; // customer 2 (0-based index 11 + 1)
        lines.set(row - 1, lines.get(row - 1).replace("45", "4x5"));
        Path bad = dir.resolve("C101.txt");
        Files.write(bad, lines);
        Outcome o = cli("plan", "vrptw", bad.toString());
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.err()).contains(bad + ":" + row + ":", "(4x5)").doesNotContain("\tat ");
    }

    @Test
    void benchRunsTheSchedulingBenchOnAFolderWithBoundsCsv() {
        Outcome o = cli("plan", "bench", DATA.resolve("jssp").toString(), "--iterations", "20000", "--seed", "1",
                "--reference", "none");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("Scheduling bench", "CP-SAT side by side: not run")
                .containsPattern("ft06\\s+6x6\\s+\\d+\\s+55\\s+55\\s+0\\.00")
                .containsPattern("6x6\\s+1\\s+0\\.00");
    }

    @Test
    void benchOfAFolderWithoutReferenceFileExitsTwo(@TempDir Path dir) {
        Outcome o = cli("plan", "bench", dir.toString());
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.err()).contains(dir.toString(), "bounds.csv");
    }

    @Test
    void benchRunsPlainCpSatBesideTheTabuSearchByDefault() {
        // ft06 only: the tabu search stops at the lower bound and CP-SAT proves 55 well before the limit.
        Outcome o = cli("plan", "bench", DATA.resolve("jssp").toString(), "--time", "5s", "--seed", "1");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("plain OR-Tools CP-SAT side by side", "cpsat", "OPTIMAL")
                .containsPattern("ft06\\s+6x6\\s+\\d+\\s+55\\s+55\\s+0\\.00\\s+\\S+\\s+55\\s+0\\.00")
                .containsPattern("all\\s+1\\s+0\\.00\\s+0\\.00");
    }

    @Test
    void benchRejectsAnUnknownReference() {
        Outcome o = cli("plan", "bench", DATA.resolve("jssp").toString(), "--reference", "gurobi");
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.err()).contains("--reference", "gurobi");
    }

    @Test
    void helpOfBenchNamesTheOrToolsReference() {
        Outcome o = cli("plan", "bench", "--help");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("OR-Tools", "CP-SAT", "guided local search", "--reference");
    }
}
