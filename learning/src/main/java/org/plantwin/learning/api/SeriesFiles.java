package org.plantwin.learning.api;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.plantwin.learning.data.SeriesCsv;

/**
 * Reads and writes series files: M4 training/test files ({@code "V1","V2",...}, ragged rows) and the car-parts
 * layout ({@code part,1998-01,...}, empty cells missing), told apart by their header.
 */
public final class SeriesFiles {

    private SeriesFiles() {
    }

    /** Reads all series of {@code file}; missing car-parts cells become {@code NaN}. */
    public static List<TimeSeries> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return SeriesCsv.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the series file (" + file + ").", e);
        }
    }

    /** Reads all series from a stream (e.g. a class-path resource) named {@code source} in errors. */
    public static List<TimeSeries> read(InputStream in, String source) {
        return SeriesCsv.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), source);
    }

    /** Writes one row per forecast: the series id, then the point forecasts (no header). */
    public static void writeForecasts(Path file, List<Forecast> forecasts) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Forecast f : forecasts) {
                StringBuilder row = new StringBuilder(f.seriesId());
                for (double v : f.mean()) {
                    row.append(',').append(String.format(Locale.ROOT, "%.6g", v));
                }
                out.write(row.toString());
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the forecasts file (" + file + ").", e);
        }
    }
}
