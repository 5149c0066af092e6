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

class RulCommandTest {

    private static final Path DATA = Path.of("src/test/resources/rul");
    private static final Path TRAIN = DATA.resolve("cmapss-train_FD001-units1-3.txt");
    private static final Path TEST = DATA.resolve("cmapss-test_FD001-units1-3.txt");
    private static final Path TRUTH = DATA.resolve("cmapss-RUL_FD001-units1-3.txt");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void trainPredictEvalRoundTrip() throws Exception {
        Path model = dir.resolve("model");
        Outcome t = cli("rul", "train", "--train", TRAIN.toString(), "--out", model.toString(), "--seed", "3",
                "--epochs", "1");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("lstm: 3 units (1 held out), 1 condition(s)").contains("1 epochs");
        assertThat(model.resolve("rul-0000.params")).isRegularFile();
        assertThat(model.resolve("rul.json")).isRegularFile();

        Path pred = dir.resolve("out/pred.csv");
        Outcome p = cli("rul", "predict", "--model", model.toString(), "--test", TEST.toString(), "--out",
                pred.toString());
        assertThat(p.code()).as(p.err()).isZero();
        List<String> rows = Files.readAllLines(pred);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo("unit,rul");
        assertThat(rows.get(1)).startsWith("1,");
        assertThat(rows.get(3)).startsWith("3,");
        try (Stream<Path> files = Files.list(pred.getParent())) {
            assertThat(files).as("no temporary file is left behind").containsExactly(pred);
        }

        Outcome e = cli("rul", "eval", "--pred", pred.toString(), "--truth", TRUTH.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("units 3").contains("RMSE").contains("score");
    }

    @Test
    void evalComputesRmseAndScore() throws Exception {
        // truth 112, 98, 69; d = -2, +10, 0 -> RMSE sqrt(104/3) = 5.888; score (e^(2/13)-1) + (e-1) = 1.884
        Path pred = write("pred.csv", "unit,rul\n1,110\n2,108\n3,69\n");
        Outcome e = cli("rul", "eval", "--pred", pred.toString(), "--truth", TRUTH.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("RMSE  5.888").contains("score 1.88");
    }

    @Test
    void badPredictionNamesFileLineAndValue() throws Exception {
        Path pred = write("pred.csv", "unit,rul\n1,110\n2,abc\n3,69\n");
        Outcome e = cli("rul", "eval", "--pred", pred.toString(), "--truth", TRUTH.toString());
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains(pred + ":3:").contains("(abc)").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingUnitIsAnError() throws Exception {
        Path pred = write("pred.csv", "1,110\n3,69\n");
        Outcome e = cli("rul", "eval", "--pred", pred.toString(), "--truth", TRUTH.toString());
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("no row for unit (2)");
    }

    @Test
    void badTrainingFileNamesFileLineAndValue() throws Exception {
        List<String> lines = Files.readAllLines(TRAIN);
        lines.set(4, lines.get(4).replaceFirst("518\\.67", "5l8.67"));
        Path bad = dir.resolve("train.txt");
        Files.write(bad, lines);
        Outcome t = cli("rul", "train", "--train", bad.toString(), "--out", dir.resolve("m").toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains(bad + ":5:").contains("(5l8.67)").doesNotContain("\tat ");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void missingModelIsAnError() {
        Outcome p = cli("rul", "predict", "--model", dir.resolve("none").toString(), "--test", TEST.toString(),
                "--out", dir.resolve("p.csv").toString());
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("none").contains("rul.json");
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }

    @Test
    void missingRequiredOptionExitsTwo() {
        Outcome t = cli("rul", "train", "--train", TRAIN.toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("--out");
    }
}
