package org.plantwin.learning.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmapssFilesTest {

    @TempDir
    Path tmp;

    @Test
    void readsUnitsWithTheirCyclesSettingsAndSensors() {
        List<EngineUnit> units = CmapssFiles.readUnits(CmapssFixtures.train());
        assertThat(units).extracting(EngineUnit::unit).containsExactly(1, 2, 3);
        assertThat(units).extracting(EngineUnit::cycles).containsExactly(192, 287, 179);
        EngineUnit first = units.get(0);
        // "1 1 -0.0007 -0.0004 100.0 518.67 641.82 ... 23.4190"
        assertThat(first.settings()[0]).containsExactly(-0.0007, -0.0004, 100.0);
        assertThat(first.sensors()[0][0]).isEqualTo(518.67);
        assertThat(first.sensors()[0][1]).isEqualTo(641.82);
        assertThat(first.sensors()[0][20]).isEqualTo(23.4190);
    }

    @Test
    void readsTheTrueRemainingLives() {
        assertThat(CmapssFiles.readRul(CmapssFixtures.rul())).containsExactly(112, 98, 69);
    }

    @Test
    void rejectsANonNumberNamingFileLineAndValue() throws IOException {
        Path f = copyWithLine2Replaced("1 2 0.0019 -0.0003 100.0 518.67 x642.15 1591.82 1403.14 14.62 21.61 553.75"
                + " 2388.04 9044.07 1.30 47.49 522.28 2388.07 8131.49 8.4318 0.03 392 2388 100.00 39.00 23.4236");
        assertThatThrownBy(() -> CmapssFiles.readUnits(f)).isInstanceOf(CmapssFormatException.class)
                .hasMessageContaining(f + ":2:").hasMessageContaining("sensor s2").hasMessageContaining("(x642.15)");
    }

    @Test
    void rejectsAWrongColumnCount() throws IOException {
        Path f = copyWithLine2Replaced("1 2 0.0019 -0.0003 100.0 518.67");
        assertThatThrownBy(() -> CmapssFiles.readUnits(f)).hasMessageContaining(f + ":2:")
                .hasMessageContaining("expected 26 numbers").hasMessageContaining("found 6");
    }

    @Test
    void rejectsASkippedCycle() throws IOException {
        Path f = copyWithLine2Replaced("1 3 0.0019 -0.0003 100.0 518.67 642.15 1591.82 1403.14 14.62 21.61 553.75"
                + " 2388.04 9044.07 1.30 47.49 522.28 2388.07 8131.49 8.4318 0.03 392 2388 100.00 39.00 23.4236");
        assertThatThrownBy(() -> CmapssFiles.readUnits(f)).hasMessageContaining(f + ":2:")
                .hasMessageContaining("cycle (3)").hasMessageContaining("should be 2");
    }

    @Test
    void rejectsANegativeRemainingLife() throws IOException {
        Path f = tmp.resolve("RUL.txt");
        Files.writeString(f, "112\n-4\n");
        assertThatThrownBy(() -> CmapssFiles.readRul(f)).hasMessageContaining(f + ":2:")
                .hasMessageContaining("(-4)");
    }

    @Test
    void rejectsAMissingFile() {
        Path f = tmp.resolve("none.txt");
        assertThatThrownBy(() -> CmapssFiles.readUnits(f)).hasMessageContaining(f + ": no such file");
    }

    private Path copyWithLine2Replaced(String line) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(CmapssFixtures.train()));
        lines.set(1, line);
        Path f = tmp.resolve("train.txt");
        Files.write(f, lines);
        return f;
    }
}
