package org.plantwin.twin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantwin.twin.cli.Cli.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunResult;
import org.plantwin.twin.cli.Cli.Outcome;

class PlantwinCliTest {

    @Test
    void runPrintsKpiTablesAndWritesResultJson(@TempDir Path dir) throws Exception {
        Outcome o = cli("run", "flowline5", "--horizon", "2000m", "--out", dir.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("Plant", "Machines", "M3", "OEE", "Sinks");
        RunResult r = ResultJson.read(Files.readString(dir.resolve("result.json")));
        assertThat(r.scenario()).isEqualTo("flowline5");
        assertThat(r.horizon()).isEqualTo("2000m");
        assertThat(r.plant().partsOut()).isPositive();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void runWithJsonPrintsTheSameBytesAsResultJsonAndSeedChangesThem(@TempDir Path dir) throws Exception {
        Outcome a = cli("run", "mm1", "--horizon", "1000m", "--seed", "5", "--json", "--out", dir.toString());
        assertThat(a.code()).isZero();
        assertThat(a.out()).isEqualTo(Files.readString(dir.resolve("result.json")));
        Outcome b = cli("run", "mm1", "--horizon", "1000m", "--seed", "6", "--json", "--out", dir.toString());
        assertThat(b.out()).isNotEqualTo(a.out());
        assertThat(ResultJson.read(b.out()).seed()).isEqualTo(6);
    }

    @Test
    void validateReportsEveryProblemWithPathAndExitsOne() {
        String file = Path.of("src/test/resources/testdata/bad-plant.yaml").toString();
        Outcome o = cli("validate", file);
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_INVALID);
        assertThat(o.err()).contains("$.machines[0].scrap", "1.5")
                .contains("$.lines[0].stations[0].machines[1]", "M9")
                .contains("$.lines[0].stations[0].buffer", "-3")
                .contains("Maybe");
        assertThat(o.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void runOfABadFileGivesTheValidationReportNotAStackTrace() {
        Outcome o = cli("run", "src/test/resources/testdata/bad-plant.yaml");
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_INVALID);
        assertThat(o.err()).contains("$.machines[0].scrap").doesNotContain("\tat ");
    }

    @Test
    void unknownScenarioNameSuggestsTheClosestBuiltIn() {
        Outcome o = cli("run", "flowline6");
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_INVALID);
        assertThat(o.err()).contains("flowline6", "Maybe you meant \"flowline5\"");
    }

    @Test
    void validateAcceptsAGoodScenario() {
        Outcome o = cli("validate", "demo");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("OK");
    }

    @Test
    void runOfAWearingPlantPrintsTheMaintenanceTable(@TempDir Path dir) throws Exception {
        Outcome o = cli("run", "maintenance", "--horizon", "20d", "--out", dir.toString(), "--report");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("Maintenance (", "fixedInterval", "preventive cost", "maint");
        assertThat(java.nio.file.Files.readString(dir.resolve("report.html"))).contains("<h3>Maintenance</h3>");
    }

    @Test
    void runOfAPlantWithInspectionPrintsQualityKpis(@TempDir Path dir) {
        Outcome o = cli("run", "inspection", "--horizon", "5d", "--out", dir.toString());
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("Inspection (", "first-pass yield", "escapes", "QC");
    }

    @Test
    void scenariosListsTheLibrary() {
        Outcome o = cli("scenarios");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("mm1", "flowline5", "demo");
    }

    @Test
    void badHorizonNamesTheOptionAndTheValue() {
        Outcome o = cli("run", "mm1", "--horizon", "10 parsecs");
        assertThat(o.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(o.err()).contains("--horizon", "10 parsecs");
    }

    @Test
    void schemaPrintsAJsonSchema() {
        Outcome o = cli("schema");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("\"$schema\"", "horizon", "machines");
    }
}
