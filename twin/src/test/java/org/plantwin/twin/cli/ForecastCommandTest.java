package org.plantwin.twin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantwin.twin.cli.Cli.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.twin.cli.Cli.Outcome;

class ForecastCommandTest {

    private static final Path DATA = Path.of("src/test/resources/forecast");
    private static final Path M4_TRAIN = DATA.resolve("m4-hourly-train-H1-H10.csv");
    private static final Path M4_TEST = DATA.resolve("m4-hourly-test-H1-H10.csv");
    private static final Path CARPARTS = DATA.resolve("carparts-train-20.csv");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void writesOneRowPerSeriesWithTheIdAndHForecasts() throws Exception {
        Path out = dir.resolve("sub/forecasts.csv");
        Outcome o = cli("forecast", "--train", M4_TRAIN.toString(), "--horizon", "48", "--season", "24",
                "--model", "snaive", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("snaive: 10 series (m4 layout), horizon 48, season 24");
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0)).startsWith("H1,");
        assertThat(rows.get(9)).startsWith("H10,");
        assertThat(rows).allSatisfy(r -> assertThat(r.split(",")).hasSize(49));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).as("no temporary file is left behind").containsExactly(out);
        }
    }

    @Test
    void evalOfSeasonalNaiveOnH1ToH10MatchesTheOfficialTestValues() throws Exception {
        Path out = dir.resolve("snaive.csv");
        assertThat(cli("forecast", "--train", M4_TRAIN.toString(), "--horizon", "48", "--season", "24",
                "--model", "snaive", "--out", out.toString()).code()).isZero();
        Outcome o = cli("forecast", "eval", "--forecasts", out.toString(), "--test", M4_TEST.toString(),
                "--train", M4_TRAIN.toString(), "--season", "24");
        assertThat(o.code()).as(o.err()).isZero();
        // sMAPE 5.921279, MASE 1.141860, OWA 1.015876 against Naive2 (5.965388, 1.098844): the figures of an
        // independent numpy transcription of the organisers' R code (learning's ForecastMetricsTest).
        assertThat(o.out()).contains("series 10, horizon 48, season 24, M4 conventions")
                .containsPattern("forecasts\\s+5\\.921\\s+1\\.142\\s+1\\.016")
                .containsPattern("naive2\\s+5\\.965\\s+1\\.099\\s+1\\.000");
    }

    @Test
    void evalOfNaive2AgainstItselfGivesOwaOne() throws Exception {
        Path out = dir.resolve("naive2.csv");
        assertThat(cli("forecast", "--train", M4_TRAIN.toString(), "--horizon", "48", "--season", "24",
                "--model", "naive2", "--out", out.toString()).code()).isZero();
        Outcome o = cli("forecast", "eval", "--forecasts", out.toString(), "--test", M4_TEST.toString(),
                "--train", M4_TRAIN.toString(), "--season", "24");
        assertThat(o.out()).containsPattern("forecasts\\s+5\\.965\\s+1\\.099\\s+1\\.000");
    }

    @Test
    void readsTheCarPartsLayoutWithMissingCellsAsZero() throws Exception {
        Path out = dir.resolve("carparts.csv");
        Outcome o = cli("forecast", "--train", CARPARTS.toString(), "--horizon", "12", "--season", "12",
                "--model", "ses", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("ses: 20 series (carparts layout)");
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(20);
        assertThat(rows.get(0)).startsWith("21029627,");
        assertThat(rows.get(0).split(",")).hasSize(13);
    }

    @Test
    void evalOfCarPartsUsesTheMonashConventions() throws Exception {
        // Holdout as in learning's README: months 1-27 train, 28-39 test, from the 20-part fixture.
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        for (String line : Files.readAllLines(CARPARTS)) {
            String[] c = line.split(",", -1);
            train.append(String.join(",", java.util.Arrays.copyOfRange(c, 0, 28))).append('\n');
            test.append(c[0]).append(',').append(String.join(",", java.util.Arrays.copyOfRange(c, 28, 40)))
                    .append('\n');
        }
        Path trainFile = write("cp-train.csv", train.toString());
        Path testFile = write("cp-test.csv", test.toString());
        Path out = dir.resolve("cp-naive2.csv");
        assertThat(cli("forecast", "--train", trainFile.toString(), "--horizon", "12", "--season", "12",
                "--model", "naive2", "--out", out.toString()).code()).isZero();
        Outcome o = cli("forecast", "eval", "--forecasts", out.toString(), "--test", testFile.toString(),
                "--train", trainFile.toString(), "--season", "12");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("MONASH conventions").containsPattern("forecasts\\s+\\S+\\s+\\S+\\s+1\\.000");
    }

    @Test
    void theDeepModelsAreSeededAndReproducible() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        for (Path p : List.of(a, b)) {
            Outcome o = cli("forecast", "--train", M4_TRAIN.toString(), "--horizon", "48", "--season", "24",
                    "--model", "lstm", "--seed", "7", "--steps", "3", "--out", p.toString());
            assertThat(o.code()).as(o.err()).isZero();
        }
        assertThat(Files.readAllLines(a)).hasSize(10).isEqualTo(Files.readAllLines(b));
    }

    @Test
    void autoPicksTheLogNBeatsForPositiveSeasonalSeriesAndAHoldoutChoiceOtherwise() throws Exception {
        Path out = dir.resolve("auto.csv");
        Outcome o = cli("forecast", "--train", M4_TRAIN.toString(), "--horizon", "48", "--season", "24",
                "--steps", "3", "--members", "3", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("nbeatslog*3: 10 series (m4 layout)");
        assertThat(Files.readAllLines(out)).hasSize(10);
        Outcome parts = cli("forecast", "--train", CARPARTS.toString(), "--horizon", "12", "--season", "12",
                "--steps", "3", "--out", dir.resolve("parts.csv").toString());
        assertThat(parts.code()).as(parts.err()).isZero();
        assertThat(parts.out()).as("car parts have zeros").startsWith("auto(").contains("): 20 series");
    }

    @Test
    void rejectsZeroMembers() {
        Outcome o = cli("forecast", "--train", M4_TRAIN.toString(), "--horizon", "48", "--season", "24",
                "--model", "nbeatslog", "--members", "0", "--out", dir.resolve("f.csv").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--members (0)");
    }

    @Test
    void aMalformedValueNamesTheFileLineAndValue() throws Exception {
        Path bad = write("bad.csv", "\"V1\",\"V2\",\"V3\"\n\"H1\",\"1\",\"2\"\n\"H2\",\"3\",\"x7\"\n");
        Outcome o = cli("forecast", "--train", bad.toString(), "--horizon", "2", "--season", "1",
                "--out", dir.resolve("f.csv").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("bad.csv").contains("Line (3)").contains("(x7)").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("f.csv")).doesNotExist();
    }

    @Test
    void badOptionsAndMissingFilesExitWith2WithoutAStackTrace() {
        String out = dir.resolve("f.csv").toString();
        Outcome noFile = cli("forecast", "--train", "nope.csv", "--horizon", "2", "--season", "1", "--out", out);
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("nope.csv").contains("does not exist");
        Outcome horizon = cli("forecast", "--train", M4_TRAIN.toString(), "--horizon", "0", "--season", "24",
                "--out", out);
        assertThat(horizon.code()).isEqualTo(2);
        assertThat(horizon.err()).contains("--horizon (0)");
        Outcome model = cli("forecast", "--train", M4_TRAIN.toString(), "--horizon", "4", "--season", "24",
                "--model", "prophet", "--out", out);
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("(prophet)").contains("Maybe");
        Outcome format = cli("forecast", "--train", M4_TRAIN.toString(), "--horizon", "4", "--season", "24",
                "--format", "carparts", "--out", out);
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("m4-hourly-train-H1-H10.csv:1").contains("Maybe --format m4");
        Outcome missing = cli("forecast", "--train", M4_TRAIN.toString(), "--season", "24", "--out", out);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--horizon");
        for (Outcome o : List.of(noFile, horizon, model, format, missing)) {
            assertThat(o.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void evalNamesTheForecastLineWithABadValueOrAMissingSeries() throws Exception {
        Path bad = write("bad-forecasts.csv", "H1,1,2\nH2,3,oops\n");
        Outcome o = cli("forecast", "eval", "--forecasts", bad.toString(), "--test", M4_TEST.toString(),
                "--train", M4_TRAIN.toString(), "--season", "24");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("bad-forecasts.csv:2").contains("(oops)");
        Path partial = write("partial.csv", "H1," + "1,".repeat(47) + "1\n");
        Outcome p = cli("forecast", "eval", "--forecasts", partial.toString(), "--test", M4_TEST.toString(),
                "--train", M4_TRAIN.toString(), "--season", "24");
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("partial.csv").contains("series (H2)").contains("m4-hourly-test-H1-H10.csv:3");
        Path shortRows = write("short.csv", "H1,1,2\n");
        Outcome s = cli("forecast", "eval", "--forecasts", shortRows.toString(), "--test", M4_TEST.toString(),
                "--train", M4_TRAIN.toString(), "--season", "24");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("has 2 forecasts").contains("48");
    }
}
