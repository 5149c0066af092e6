package org.plantwin.learning.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.plantwin.learning.api.TimeSeries;

/**
 * Parsers for the two series layouts the evaluation uses.
 *
 * <ul>
 *   <li>M4: header {@code "V1","V2",...}, every field quoted, first column the id, rows ragged: a series ends at
 *       its first empty field.</li>
 *   <li>Car parts (Monash/expsmooth export): header {@code part,1998-01,...}, unquoted, every row as long as the
 *       header, empty cells missing ({@code NaN}).</li>
 * </ul>
 */
public final class SeriesCsv {

    private SeriesCsv() {
    }

    /** The layouts {@link #read} recognises. */
    public enum Layout {
        M4,
        WIDE_WITH_MISSING
    }

    /** Recognises the layout from the header line. */
    public static Layout detect(String header) {
        return header.startsWith("\"V1\"") ? Layout.M4 : Layout.WIDE_WITH_MISSING;
    }

    /** Reads every series of a file; the layout is detected from its header. */
    public static List<TimeSeries> read(BufferedReader in, String source) {
        try {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException("The series file (" + source + ") is empty.");
            }
            Layout layout = detect(header);
            int columns = split(header).length;
            List<TimeSeries> out = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line);
                if (cells.length > columns) {
                    throw new IllegalArgumentException("Line (" + lineNo + ") of (" + source + ") has " + cells.length
                            + " fields, more than the header's " + columns + ".");
                }
                String id = cells[0];
                if (!ids.add(id)) {
                    throw new IllegalArgumentException(
                            "Line (" + lineNo + ") of (" + source + ") repeats the series id (" + id + ").");
                }
                double[] values = layout == Layout.M4 ? ragged(cells, lineNo, source)
                        : wide(cells, columns - 1, lineNo, source);
                out.add(new TimeSeries(id, values));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the series file (" + source + ").", e);
        }
    }

    private static double[] ragged(String[] cells, int lineNo, String source) {
        double[] values = new double[cells.length - 1];
        int n = 0;
        for (int i = 1; i < cells.length; i++) {
            if (cells[i].isEmpty()) {
                for (int j = i + 1; j < cells.length; j++) {
                    if (!cells[j].isEmpty()) {
                        throw new IllegalArgumentException("Line (" + lineNo + ") of (" + source
                                + ") has a value after an empty field at column (" + (i + 1) + ").");
                    }
                }
                break;
            }
            values[n++] = parse(cells[i], lineNo, i, source);
        }
        return Arrays.copyOf(values, n);
    }

    private static double[] wide(String[] cells, int length, int lineNo, String source) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        for (int i = 1; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                values[i - 1] = parse(cells[i], lineNo, i, source);
            }
        }
        return values;
    }

    private static double parse(String cell, int lineNo, int column, String source) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Line (" + lineNo + "), column (" + (column + 1) + ") of (" + source
                    + ") is not a number: (" + cell + ").", e);
        }
    }

    /** Splits on commas and strips surrounding quotes; the files hold no quoted commas. */
    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim();
            if (c.length() >= 2 && c.charAt(0) == '"' && c.charAt(c.length() - 1) == '"') {
                c = c.substring(1, c.length() - 1);
            }
            cells[i] = c;
        }
        // Trailing empty cells of ragged rows carry no information; keep the row as long as its last field.
        return cells;
    }
}
