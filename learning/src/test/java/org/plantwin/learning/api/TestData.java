package org.plantwin.learning.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the fixtures in {@code src/test/resources/testdata} (see the README there for provenance). */
public final class TestData {

    private TestData() {
    }

    public static List<TimeSeries> m4HourlyTrain() {
        return read("m4-hourly-train-H1-H10.csv");
    }

    public static List<TimeSeries> m4HourlyTest() {
        return read("m4-hourly-test-H1-H10.csv");
    }

    public static List<TimeSeries> carParts() {
        return read("carparts-train-20.csv");
    }

    private static List<TimeSeries> read(String name) {
        try (InputStream in = TestData.class.getResourceAsStream("/testdata/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource (/testdata/" + name + ").");
            }
            return SeriesFiles.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
