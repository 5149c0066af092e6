package org.plantwin.twin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantwin.twin.cli.Cli.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.twin.cli.Cli.Outcome;

class ExperimentCommandTest {

    private static final String DATA = "src/test/resources/testdata/experiments/";

    @Test
    void experimentComparesVariantsAndWritesJsonAndCsv(@TempDir Path dir) throws Exception {
        Outcome o = cli("experiment", DATA + "buffers.yaml", "--out", dir.toString(), "--lanes", "2");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("buffer1 vs buffer5", "plant.throughputPerHour", "machines[M3].utilisation");
        assertThat(o.out().lines().filter(l -> l.startsWith("plant.throughputPerHour")))
                .singleElement().asString().endsWith("worse");
        assertThat(dir.resolve("experiment.json")).content().contains("\"verdict\" : \"WORSE\"");
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(summary).hasSize(3);
        assertThat(summary.get(0)).startsWith("variant,lines[id=line].stations[*].buffer,replications,"
                + "plant.throughputPerHour:mean");
        assertThat(summary.get(2)).startsWith("buffer1,1,8,");
        assertThat(Files.readAllLines(dir.resolve("replications.csv"))).hasSize(1 + 2 * 8);
        assertThat(dir.resolve("comparisons.csv")).content().contains("buffer1,buffer5,plant.throughputPerHour,"
                + "higher_is_better");
        assertThat(dir.resolve("report.html")).content().contains("<h2>Comparisons</h2>", "buffer1", "Chart.js");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theSameExperimentOnOneLaneWritesTheSameBytes(@TempDir Path dir) throws Exception {
        cli("experiment", DATA + "sweep.yaml", "--out", dir.resolve("two").toString(), "--lanes", "2");
        cli("experiment", DATA + "sweep.yaml", "--out", dir.resolve("one").toString(), "--lanes", "1");
        for (String f : List.of("experiment.json", "summary.csv", "replications.csv", "report.html")) {
            assertThat(dir.resolve("one").resolve(f)).hasSameTextualContentAs(dir.resolve("two").resolve(f));
        }
    }

    @Test
    void sweepWritesOneRowPerPointWithTheFactor(@TempDir Path dir) throws Exception {
        Outcome o = cli("experiment", DATA + "sweep.yaml", "--out", dir.toString());
        assertThat(o.code()).as(o.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).extracting(r -> r.split(",")[1]).containsExactly("1", "3", "5");
        assertThat(dir.resolve("comparisons.csv")).doesNotExist();
        assertThat(o.out()).contains("buffer=3");
    }

    @Test
    void badOverridePathIsReportedWithThePathAndNothingIsWritten(@TempDir Path dir) {
        Path target = dir.resolve("results");
        Outcome o = cli("experiment", DATA + "bad-override.yaml", "--out", target.toString());
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_INVALID);
        assertThat(o.err()).contains("lines[id=line].stashions[*].buffer", "stashions", "Maybe you meant \"stations\"")
                .doesNotContain("\tat ");
        assertThat(target).doesNotExist();
    }

    @Test
    void aFailedExperimentLeavesEarlierResultsWhole(@TempDir Path dir) throws Exception {
        assertThat(cli("experiment", DATA + "sweep.yaml", "--out", dir.toString()).code()).isZero();
        String before = Files.readString(dir.resolve("experiment.json"));
        Outcome bad = cli("experiment", DATA + "buffers.yaml", "--out", dir.toString(), "--replications", "1");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("replications (1)");
        assertThat(dir.resolve("experiment.json")).hasContent(before.stripTrailing());
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void baseScenarioPathIsRelativeToTheExperimentFile(@TempDir Path dir) {
        Outcome o = cli("experiment", DATA + "relative-base.yaml", "--out", dir.toString(), "--quiet");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("small-mm1", "faster vs base", "stations[S1].waitMeanMinutes");
    }

    @Test
    void unknownKpiNamesTheClosest(@TempDir Path dir) {
        Outcome o = cli("compare", "mm1", "mm1", "--replications", "2", "--horizon", "100m", "--warmup", "0s",
                "--kpi", "plant.wip", "--out", dir.toString());
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_INVALID);
        assertThat(o.err()).contains("plant.wip", "Maybe you meant \"plant.wipMean\"");
    }

    @Test
    void compareTwoScenarioFilesGivesVerdicts(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("flowline5-buffer1.yaml");
        String text = new String(getClass().getResourceAsStream("/scenarios/flowline5.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("buffer: 5", "buffer: 1");
        Files.writeString(small, text);
        Outcome o = cli("compare", "flowline5", small.toString(), "--replications", "8", "--horizon", "3000m",
                "--warmup", "200m", "--out", dir.resolve("out").toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("flowline5-buffer1.yaml vs flowline5");
        assertThat(o.out().lines().filter(l -> l.startsWith("plant.throughputPerHour")))
                .singleElement().asString().endsWith("worse");
    }

    @Test
    void compareWithWarmupAutoReportsTheDetectedWarmup(@TempDir Path dir) throws Exception {
        Outcome o = cli("compare", "mm1", "mm1", "--replications", "2", "--horizon", "10000m", "--warmup", "auto",
                "--warmup-kpi", "plant.cycleTimeMeanMinutes", "--out", dir.toString(), "--quiet");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("Warm-up detected: ", "MSER-5 on plant.cycleTimeMeanMinutes", "batches dropped");
        assertThat(dir.resolve("experiment.json")).content().contains("\"warmupDetection\"", "\"method\" : \"MSER-5\"");
    }

    @Test
    void warmupKpiWithoutAutoIsRejected(@TempDir Path dir) {
        Outcome o = cli("experiment", DATA + "buffers.yaml", "--warmup-kpi", "plant.wipMean", "--out", dir.toString());
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_INVALID);
        assertThat(o.err()).contains("--warmup-kpi (plant.wipMean)", "Maybe add --warmup auto");
        assertThat(dir).isEmptyDirectory();
    }
}
