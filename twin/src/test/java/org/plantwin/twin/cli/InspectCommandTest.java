package org.plantwin.twin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantwin.twin.cli.Cli.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.twin.cli.Cli.Outcome;

class InspectCommandTest {

    /** One NEU image per class (see the README there). */
    private static final Path NEU = Path.of("src/test/resources/inspection/neu");

    @TempDir
    Path dir;

    @Test
    void trainWithLabelsThenPredictWritesOneRowPerImage() throws Exception {
        Path model = dir.resolve("model");
        Outcome t = cli("inspect", "train", "--images", NEU.toString(), "--labels", NEU.resolve("labels.csv").toString(),
                "--out", model.toString(), "--epochs", "2", "--size", "32", "--width", "4", "--seed", "3");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("6 images, 6 classes").contains("32x32 px");
        assertThat(model.resolve("inspection-0000.params")).isRegularFile();
        assertThat(model.resolve("inspection.json")).isRegularFile();

        Path pred = dir.resolve("out/pred.csv");
        Outcome p = cli("inspect", "predict", "--model", model.toString(), "--images", NEU.toString(), "--out",
                pred.toString());
        assertThat(p.code()).as(p.err()).isZero();
        List<String> rows = Files.readAllLines(pred);
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0)).isEqualTo("file,class,confidence");
        assertThat(rows.get(1)).startsWith("crazing/crazing_1.jpg,");
        String[] cells = rows.get(1).split(",");
        assertThat(cells).hasSize(3);
        assertThat(Double.parseDouble(cells[2])).isBetween(1.0 / 6, 1.0);

        // Reloading the model gives the same file again.
        Path again = dir.resolve("out/again.csv");
        assertThat(cli("inspect", "predict", "--model", model.toString(), "--images", NEU.toString(), "--out",
                again.toString()).code()).isZero();
        assertThat(Files.readAllLines(again)).isEqualTo(rows);
    }

    @Test
    void trainFromFolderLayout() {
        Path model = dir.resolve("model");
        Outcome t = cli("inspect", "train", "--images", NEU.toString(), "--out", model.toString(), "--epochs", "1",
                "--width", "4", "--size", "16");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("[crazing, inclusion, patches, pitted_surface, rolled-in_scale, scratches]");
    }

    @Test
    void missingImageInLabelsNamesFileAndValue() throws Exception {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "path,label\ncrazing/crazing_1.jpg,crazing\ncrazing/missing.jpg,crazing\n",
                StandardCharsets.UTF_8);
        Outcome t = cli("inspect", "train", "--images", NEU.toString(), "--labels", labels.toString(), "--out",
                dir.resolve("m").toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("labels.csv:3").contains("(crazing/missing.jpg)");
    }

    @Test
    void badOptionValueIsNamed() {
        Outcome t = cli("inspect", "train", "--images", NEU.toString(), "--out", dir.resolve("m").toString(),
                "--size", "8");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("--size (8)");
    }

    @Test
    void predictWithoutModelNamesTheDirectory() {
        Outcome p = cli("inspect", "predict", "--model", dir.toString(), "--images", NEU.toString(), "--out",
                dir.resolve("p.csv").toString());
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains(dir.toString()).contains("inspection.json");
    }

    @Test
    void emptyImagesFolderIsRejected() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Outcome t = cli("inspect", "train", "--images", empty.toString(), "--out", dir.resolve("m").toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("(" + empty + ")").contains("Maybe pass --labels");
    }
}
