package org.plantwin.learning.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesFilesTest {

    @Test
    void readsRaggedM4RowsUpToTheFirstEmptyField() {
        List<TimeSeries> train = TestData.m4HourlyTrain();
        assertThat(train).extracting(TimeSeries::id).containsExactly("H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8",
                "H9", "H10");
        assertThat(train).allSatisfy(s -> assertThat(s.length()).isEqualTo(700));
        assertThat(train.get(0).valueAt(0)).isEqualTo(605.0);
        assertThat(TestData.m4HourlyTest()).allSatisfy(s -> assertThat(s.length()).isEqualTo(48));
    }

    @Test
    void readsCarPartsWithEmptyCellsAsMissing() {
        List<TimeSeries> parts = TestData.carParts();
        assertThat(parts).hasSize(20);
        TimeSeries first = parts.get(0);
        assertThat(first.id()).isEqualTo("21029627");
        assertThat(first.length()).isEqualTo(39);
        assertThat(first.valueAt(6)).isEqualTo(2.0);
        assertThat(first.valueAt(38)).isNaN();
        assertThat(first.fillMissing(0).valueAt(38)).isEqualTo(0.0);
    }

    @Test
    void rejectsAValueAfterTheEndOfARaggedRow() {
        String csv = "\"V1\",\"V2\",\"V3\",\"V4\"\n\"H1\",\"1\",\"\",\"3\"\n";
        assertThatThrownBy(() -> SeriesFiles.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "bad.csv")).hasMessageContaining("Line (2)").hasMessageContaining("column (3)");
    }

    @Test
    void writesOneRowPerSeriesWithIdThenForecasts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("f.csv");
        SeriesFiles.writeForecasts(out, List.of(Forecast.point("H1", new double[] {1.5, 2})));
        assertThat(Files.readAllLines(out)).containsExactly("H1,1.50000,2.00000");
    }
}
