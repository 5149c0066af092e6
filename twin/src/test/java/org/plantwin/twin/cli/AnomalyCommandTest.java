package org.plantwin.twin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantwin.twin.cli.Cli.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.learning.maintenance.SensorAutoencoder;
import org.plantwin.twin.cli.Cli.Outcome;

class AnomalyCommandTest {

    private static final Path CMAPSS = Path.of("src/test/resources/rul/cmapss-train_FD001-units1-3.txt");

    @TempDir
    Path dir;

    @Test
    void trainsOnTheTwinsOwnLivesWithTheScenariosSensors() {
        Path model = dir.resolve("ae");
        Outcome t = cli("anomaly", "train", "--scenario", "maintenance", "--replications", "1", "--steps", "30",
                "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).startsWith("autoencoder: ").contains("window 30").contains("sensors [1, 2]");
        try (SensorAutoencoder ae = SensorAutoencoder.load(model, 1)) {
            // The scenario's two sensors (vibration, temperature) are the columns live telemetry fills, in order.
            assertThat(ae.descriptor().scaling().sensorsKept()).containsExactly(1, 2);
            assertThat(ae.descriptor().threshold()).isPositive();
            assertThat(ae.descriptor().flat()).isPositive();
            assertThat(ae.descriptor().steps()).isEqualTo(30);
        }
    }

    @Test
    void trainsOnACmapssFile() {
        Path model = dir.resolve("ae");
        Outcome t = cli("anomaly", "train", "--train", CMAPSS.toString(), "--steps", "20", "--window", "20",
                "--seed", "3", "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("3 lives, window 20");
        assertThat(model.resolve("autoencoder.json")).isRegularFile();
    }

    @Test
    void badInputIsNamedAndWritesNothing() {
        Path model = dir.resolve("ae");
        Outcome neither = cli("anomaly", "train", "--out", model.toString());
        assertThat(neither.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(neither.err()).contains("exactly one of --train FILE and --scenario");
        Outcome both = cli("anomaly", "train", "--train", CMAPSS.toString(), "--scenario", "maintenance", "--out",
                model.toString());
        assertThat(both.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        Outcome q = cli("anomaly", "train", "--scenario", "maintenance", "--quantile", "1.2", "--out",
                model.toString());
        assertThat(q.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(q.err()).contains("--quantile (1.2)");
        Outcome noWear = cli("anomaly", "train", "--scenario", "supply-chain", "--out", model.toString());
        assertThat(noWear.code()).isEqualTo(PlantwinCli.EXIT_ERROR);
        assertThat(noWear.err()).contains("supply-chain").contains("degrades");
        Outcome unknown = cli("anomaly", "train", "--scenario", "no-such-plant", "--out", model.toString());
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains("no-such-plant");
        assertThat(model).doesNotExist();
    }
}
