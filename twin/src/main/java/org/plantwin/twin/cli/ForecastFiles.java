package org.plantwin.twin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.SeriesFiles;
import org.plantwin.learning.api.TimeSeries;

/**
 * The files of {@code plantwin forecast}: series files (M4 or car-parts layout, told apart by the header or
 * named by {@code --format}), forecast files ({@code id,f1..fH}, no header) and their atomic writing.
 * Every problem becomes a {@link ForecastInputException} naming the file, the line and the value.
 */
final class ForecastFiles {

    /** The two layouts of series files. */
    enum Format {
        /** {@code "V1","V2",...}, every field quoted, ragged rows. */
        M4,
        /** {@code part,1998-01,...}, unquoted, empty cells missing (read as 0, the Monash convention). */
        CARPARTS;

        static Format parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "m4" -> M4;
                case "carparts", "car-parts" -> CARPARTS;
                default -> throw new ForecastInputException("The format (" + value
                        + ") is unknown. Maybe m4 or carparts, or leave --format out to detect it from the header.");
            };
        }
    }

    /** The series of one file and the layout they were read in. */
    record SeriesFile(Path file, Format format, List<TimeSeries> series) {

        Map<String, TimeSeries> byId() {
            Map<String, TimeSeries> m = new LinkedHashMap<>();
            for (TimeSeries s : series) {
                m.put(s.id(), s);
            }
            return m;
        }
    }

    private ForecastFiles() {
    }

    /** Detects the layout from the header: M4 files begin with {@code "V1"}. */
    static Format detect(Path file) {
        String header = firstLine(file);
        return header.startsWith("\"V1\"") ? Format.M4 : Format.CARPARTS;
    }

    /**
     * Reads a series file; {@code format} null detects it. Missing car-parts cells become 0; every series must
     * have at least {@code minLength} values.
     */
    static SeriesFile readSeries(Path file, Format format, String role, int minLength) {
        Format detected = detect(file);
        if (format != null && format != detected) {
            throw new ForecastInputException(file + ":1: the header (" + abbreviate(firstLine(file)) + ") is not the "
                    + format.name().toLowerCase(Locale.ROOT) + " layout of the " + role + " file. Maybe --format "
                    + detected.name().toLowerCase(Locale.ROOT) + "?");
        }
        List<TimeSeries> raw;
        try {
            raw = SeriesFiles.read(file);
        } catch (IllegalArgumentException e) {
            throw new ForecastInputException(e.getMessage(), e); // names the file, line and value
        } catch (UncheckedIOException e) {
            throw new ForecastInputException("Cannot read the " + role + " file (" + file + "): " + e.getCause(), e);
        }
        if (raw.isEmpty()) {
            throw new ForecastInputException(file + ": the " + role + " file has a header but no series.");
        }
        List<TimeSeries> out = new ArrayList<>(raw.size());
        int line = 1;
        for (TimeSeries s : raw) {
            line++;
            double[] v = s.values();
            for (int i = 0; i < v.length; i++) {
                if (Double.isInfinite(v[i]) || detected == Format.M4 && Double.isNaN(v[i])) {
                    throw new ForecastInputException(file + ":" + line + ": series (" + s.id() + ") has the value ("
                            + v[i] + ") at column " + (i + 2) + ". Maybe a typo; values must be finite numbers.");
                }
            }
            if (v.length < minLength) {
                throw new ForecastInputException(file + ":" + line + ": series (" + s.id() + ") has " + v.length
                        + " values; the " + role + " file needs at least " + minLength + ".");
            }
            out.add(detected == Format.CARPARTS ? s.fillMissing(0) : s);
        }
        return new SeriesFile(file, detected, out);
    }

    /** Reads a forecasts file: {@code id,f1..fH} rows, no header (a header whose second cell is not a number is skipped). */
    static Map<String, double[]> readForecasts(Path file) {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = unquote(cells[i].trim());
                }
                if (lineNo == 1 && cells.length > 1 && !isNumber(cells[1])) {
                    continue; // a header
                }
                if (cells.length < 2) {
                    throw new ForecastInputException(file + ":" + lineNo + ": the row (" + abbreviate(line)
                            + ") has no forecasts. Maybe the wrong file; rows are id,f1,...,fH.");
                }
                double[] values = new double[cells.length - 1];
                for (int i = 1; i < cells.length; i++) {
                    try {
                        values[i - 1] = Double.parseDouble(cells[i]);
                    } catch (NumberFormatException e) {
                        throw new ForecastInputException(file + ":" + lineNo + ": column " + (i + 1) + " of series ("
                                + cells[0] + ") is not a number: (" + cells[i] + ").", e);
                    }
                    if (!Double.isFinite(values[i - 1])) {
                        throw new ForecastInputException(file + ":" + lineNo + ": column " + (i + 1) + " of series ("
                                + cells[0] + ") is not finite: (" + cells[i] + ").");
                    }
                }
                if (out.put(cells[0], values) != null) {
                    throw new ForecastInputException(file + ":" + lineNo + ": the series id (" + cells[0]
                            + ") appears twice.");
                }
            }
        } catch (NoSuchFileException e) {
            throw new ForecastInputException("The forecasts file (" + file + ") does not exist.", e);
        } catch (IOException e) {
            throw new ForecastInputException("Cannot read the forecasts file (" + file + "): " + e, e);
        }
        if (out.isEmpty()) {
            throw new ForecastInputException(file + ": the forecasts file has no rows.");
        }
        return out;
    }

    /** Writes the forecasts to a temporary file beside {@code out}, then moves it over {@code out}. */
    static void writeAtomically(Path out, List<Forecast> forecasts) {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                SeriesFiles.writeForecasts(tmp, forecasts);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ForecastInputException("Cannot write the forecasts file (" + out + "): " + e.getMessage(), e);
        }
    }

    private static String firstLine(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new ForecastInputException(file + ":1: the file is empty. Maybe the wrong path; a series file"
                        + " starts with a header (\"V1\",\"V2\",... or part,1998-01,...).");
            }
            return header;
        } catch (NoSuchFileException e) {
            throw new ForecastInputException("The file (" + file + ") does not exist.", e);
        } catch (IOException e) {
            throw new ForecastInputException("Cannot read the file (" + file + "): " + e, e);
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String unquote(String c) {
        return c.length() >= 2 && c.charAt(0) == '"' && c.charAt(c.length() - 1) == '"' ? c.substring(1, c.length() - 1)
                : c;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
