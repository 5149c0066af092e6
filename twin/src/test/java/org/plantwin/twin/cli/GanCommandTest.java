package org.plantwin.twin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantwin.twin.cli.Cli.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.learning.generate.GanSelection;
import org.plantwin.twin.cli.Cli.Outcome;

class GanCommandTest {

    @TempDir
    Path dir;

    private Path series() throws Exception {
        StringBuilder sb = new StringBuilder("demand,price\n");
        for (int i = 0; i < 60; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f%n", 50 + 20 * Math.sin(i / 4.0), 10 + Math.cos(i / 5.0)));
        }
        Path p = dir.resolve("series.csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void trainSampleEvaluateRoundTrip() throws Exception {
        Path data = series();
        Path model = dir.resolve("model");
        Outcome t = cli("gan", "train", "--data", data.toString(), "--seq-len", "8", "--epochs", "2", "--seed", "3",
                "--ema", "0.9", "--supervised", "2", "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("rgan: 53 windows of 8 x 2 [demand, price], 2 epochs");
        assertThat(model.resolve("gan-0000.params")).isRegularFile();
        assertThat(new ObjectMapper().readTree(model.resolve("gan.json").toFile()).at("/config/emaDecay").asDouble())
                .isEqualTo(0.9);
        assertThat(new ObjectMapper().readTree(model.resolve("gan.json").toFile()).at("/config/supervisedWeight")
                .asDouble()).isEqualTo(2.0);

        Path synth = dir.resolve("out/synth.csv");
        Outcome s = cli("gan", "sample", "--model", model.toString(), "--count", "20", "--out", synth.toString());
        assertThat(s.code()).as(s.err()).isZero();
        List<String> rows = Files.readAllLines(synth);
        assertThat(rows).hasSize(1 + 20 * 8);
        assertThat(rows.get(0)).isEqualTo("window,demand,price");
        assertThat(rows.get(1)).startsWith("0,");
        assertThat(rows.get(160)).startsWith("19,");

        Outcome e = cli("gan", "evaluate", "--real", data.toString(), "--synthetic", synth.toString(), "--seq-len", "8",
                "--repetitions", "1", "--classifier-iterations", "20", "--predictor-iterations", "20", "--json");
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(e.out());
        assertThat(j.get("realWindows").asInt()).isEqualTo(53);
        assertThat(j.get("syntheticWindows").asInt()).isEqualTo(20);
        assertThat(j.get("discriminative").asDouble()).isBetween(0.0, 0.5);
        assertThat(j.get("predictive").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("wasserstein1").has("price")).isTrue();
    }

    @Test
    void aConditionedModelSamplesForGivenConditionWindowsAndIsEvaluatedInTheRealFilesColumnOrder() throws Exception {
        StringBuilder sb = new StringBuilder("season,demand,price\n");
        for (int i = 0; i < 60; i++) {
            int season = (i / 10) % 2;
            sb.append(String.format(Locale.ROOT, "%d,%.3f,%.3f%n", season, 50 + 30 * season + 5 * Math.sin(i / 4.0),
                    10 + Math.cos(i / 5.0)));
        }
        Path data = Files.writeString(dir.resolve("seasons.csv"), sb.toString());
        Path model = dir.resolve("cond");
        Outcome t = cli("gan", "train", "--data", data.toString(), "--seq-len", "8", "--epochs", "1", "--seed", "3",
                "--condition", "season", "--supervised", "0", "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("rgan: 53 windows of 8 x 3 [demand, price, season] conditioned on [season]");

        Outcome noConditions = cli("gan", "sample", "--model", model.toString(), "--count", "4", "--out",
                dir.resolve("x.csv").toString());
        assertThat(noConditions.code()).isEqualTo(2);
        assertThat(noConditions.err()).contains("conditioned on [season]").contains("--conditions");
        assertThat(dir.resolve("x.csv")).doesNotExist();

        StringBuilder c = new StringBuilder("window,season\n");
        for (int w = 0; w < 6; w++) {
            for (int step = 0; step < 8; step++) {
                c.append(w).append(',').append(w % 2).append('\n');
            }
        }
        Path cond = Files.writeString(dir.resolve("cond.csv"), c.toString());
        Path synth = dir.resolve("cond-synth.csv");
        Outcome s = cli("gan", "sample", "--model", model.toString(), "--conditions", cond.toString(), "--out",
                synth.toString());
        assertThat(s.code()).as(s.err()).isZero();
        List<String> rows = Files.readAllLines(synth);
        assertThat(rows).hasSize(1 + 6 * 8);
        assertThat(rows.get(0)).isEqualTo("window,demand,price,season");
        assertThat(rows.get(9)).startsWith("1,").endsWith(",1.00000"); // window 1 carries season 1

        Outcome e = cli("gan", "evaluate", "--real", data.toString(), "--synthetic", synth.toString(), "--seq-len", "8",
                "--repetitions", "1", "--classifier-iterations", "5", "--predictor-iterations", "5", "--json");
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(e.out());
        assertThat(j.get("wasserstein1").fieldNames()).toIterable().containsExactly("season", "demand", "price");
        assertThat(j.at("/wasserstein1/season").asDouble()).isLessThan(0.5);

        Outcome bad = cli("gan", "train", "--data", data.toString(), "--seq-len", "8", "--condition", "nope", "--out",
                dir.resolve("m").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--condition (nope) is not a column").contains("[season, demand, price]");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void supervisedAutoTrainsBothWeightsAndKeepsTenOnlyWhenTheClassifierScoresItLowerByMoreThanItsNoise()
            throws Exception {
        Path model = dir.resolve("auto");
        // No --supervised: auto is rgan's default.
        Outcome t = cli("gan", "train", "--data", series().toString(), "--seq-len", "8", "--epochs", "1", "--seed",
                "3", "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(model.resolve("gan.json").toFile());
        JsonNode selection = d.get("selection");
        assertThat(selection).hasSize(2);
        assertThat(selection.get(0).at("/config/supervisedWeight").asDouble()).isZero();
        assertThat(selection.get(1).at("/config/supervisedWeight").asDouble()).isEqualTo(10.0);
        double s0 = selection.get(0).get("discriminative").asDouble();
        double s1 = selection.get(1).get("discriminative").asDouble();
        double sd0 = selection.get(0).get("discriminativeStd").asDouble();
        double sd1 = selection.get(1).get("discriminativeStd").asDouble();
        double standardError = Math.sqrt((sd0 * sd0 + sd1 * sd1) / GanSelection.JUDGE_REPETITIONS);
        assertThat(d.at("/config/supervisedWeight").asDouble()).isEqualTo(s0 - s1 > standardError ? 10.0 : 0.0);
        assertThat(t.out()).contains("supervised 0.0: discriminative").contains("supervised 10.0: discriminative")
                .contains("(kept)").contains("rgan: 53 windows of 8 x 2 [demand, price], 1 epochs");
    }

    @Test
    void timeGanTrainsSamplesAndTheEvaluationDrawsThePcaPicture() throws Exception {
        Path data = series();
        Path model = dir.resolve("tg");
        Outcome t = cli("gan", "train", "--data", data.toString(), "--seq-len", "8", "--epochs", "1", "--seed", "3",
                "--arch", "timegan", "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("timegan: 53 windows of 8 x 2 [demand, price], 1 epochs");
        assertThat(model.resolve("gan-generator-0000.params")).isRegularFile();
        assertThat(model.resolve("gan-recovery-0000.params")).isRegularFile();

        Path synth = dir.resolve("tg-synth.csv");
        Outcome s = cli("gan", "sample", "--model", model.toString(), "--count", "20", "--out", synth.toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(Files.readAllLines(synth)).hasSize(1 + 20 * 8);

        Path svg = dir.resolve("pca.svg");
        Path tsne = dir.resolve("tsne.svg");
        Outcome e = cli("gan", "evaluate", "--real", data.toString(), "--synthetic", synth.toString(), "--seq-len", "8",
                "--repetitions", "1", "--classifier-iterations", "5", "--predictor-iterations", "5", "--plot",
                svg.toString(), "--tsne", tsne.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("PCA picture          " + svg).contains("t-SNE picture        " + tsne);
        assertThat(Files.readString(svg)).contains("<g class=\"real\"").contains("<g class=\"synthetic\"")
                .contains("<circle ");
        assertThat(Files.readString(tsne)).contains("t-SNE of feature-averaged windows: real 53 (red), synthetic 20")
                .contains("<g class=\"synthetic\"");
    }

    @Test
    void unknownArchitectureIsRejected() throws Exception {
        Outcome t = cli("gan", "train", "--data", series().toString(), "--arch", "wgan", "--out",
                dir.resolve("m").toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("--arch (wgan)");
    }

    @Test
    void negativeThreadsAndAnEmaOutsideZeroOneAreRejectedByName() throws Exception {
        Outcome t = cli("gan", "train", "--data", series().toString(), "--threads", "-1", "--out",
                dir.resolve("m").toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("--threads (-1)");
        assertThat(dir.resolve("m")).doesNotExist();
        Outcome e = cli("gan", "train", "--data", series().toString(), "--ema", "1.5", "--out",
                dir.resolve("m").toString());
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("--ema (1.5)").contains("[0, 1)");
        assertThat(dir.resolve("m")).doesNotExist();
        Outcome g = cli("gan", "train", "--data", series().toString(), "--arch", "timegan", "--ema", "0.9", "--out",
                dir.resolve("m").toString());
        assertThat(g.code()).isEqualTo(2);
        assertThat(g.err()).contains("--ema (0.9)").contains("rgan only");
        assertThat(dir.resolve("m")).doesNotExist();
        Outcome n = cli("gan", "train", "--data", series().toString(), "--supervised", "-1", "--out",
                dir.resolve("m").toString());
        assertThat(n.code()).isEqualTo(2);
        assertThat(n.err()).contains("--supervised (-1)").contains(">= 0").contains("or auto");
        assertThat(dir.resolve("m")).doesNotExist();
        Outcome w = cli("gan", "train", "--data", series().toString(), "--supervised", "lots", "--out",
                dir.resolve("m").toString());
        assertThat(w.code()).isEqualTo(2);
        assertThat(w.err()).contains("--supervised (lots)").contains("or auto");
        assertThat(dir.resolve("m")).doesNotExist();
        Outcome a = cli("gan", "train", "--data", series().toString(), "--arch", "timegan", "--supervised", "auto",
                "--out", dir.resolve("m").toString());
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("--supervised (auto)").contains("rgan only");
        assertThat(dir.resolve("m")).doesNotExist();
        Outcome k = cli("gan", "train", "--data", series().toString(), "--arch", "timegan", "--supervised", "10",
                "--out", dir.resolve("m").toString());
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err()).contains("--supervised (10)").contains("rgan only");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void badCellIsNamedWithFileLineAndValue() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b\n1,2\n3,x7\n", StandardCharsets.UTF_8);
        Outcome t = cli("gan", "train", "--data", bad.toString(), "--out", dir.resolve("m").toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains(bad + ":3").contains("(x7)").contains("column b");
    }

    @Test
    void seriesShorterThanTheWindowIsRejected() throws Exception {
        Outcome t = cli("gan", "train", "--data", series().toString(), "--seq-len", "100", "--out",
                dir.resolve("m").toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("60 data rows").contains("--seq-len (100)");
    }

    @Test
    void missingModelIsNamed() {
        Path none = dir.resolve("none");
        Outcome s = cli("gan", "sample", "--model", none.toString(), "--count", "3", "--out",
                dir.resolve("s.csv").toString());
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains(none.toString()).contains("gan.json");
    }

    @Test
    void syntheticFileWithoutWindowColumnIsRejected() throws Exception {
        Path data = series();
        Outcome e = cli("gan", "evaluate", "--real", data.toString(), "--synthetic", data.toString());
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains(data + ":1").contains("(demand)").contains("window");
    }
}
