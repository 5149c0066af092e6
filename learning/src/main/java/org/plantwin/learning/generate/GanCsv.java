package org.plantwin.learning.generate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV files of the generator: a series (header of numeric column names, one row per time step) and synthetic
 * windows (header {@code window,<columns>}, the rows of window 0, then window 1, ...). Errors name file, line and
 * value.
 */
public final class GanCsv {

    /** The column that numbers the windows of a synthetic file. */
    public static final String WINDOW = "window";

    private GanCsv() {
    }

    /** A numeric table: column names and rows {@code [t][f]}. */
    public record Table(List<String> columns, double[][] rows) {

        /** {@link GanCsv#indexes} among these columns. */
        public int[] indexes(List<String> names, String what) {
            return GanCsv.indexes(columns, names, what);
        }

        /** The table with the columns {@code names}, in that order (see {@link #indexes}). */
        public Table select(List<String> names, String what) {
            int[] idx = indexes(names, what);
            double[][] out = new double[rows.length][idx.length];
            for (int i = 0; i < rows.length; i++) {
                for (int k = 0; k < idx.length; k++) {
                    out[i][k] = rows[i][idx[k]];
                }
            }
            return new Table(List.copyOf(names), out);
        }

        /**
         * The columns with {@code last} moved to the end (in the order given), the others keeping theirs: the layout
         * a model conditioned on {@code last} is trained on.
         */
        public Table withLast(List<String> last, String what) {
            indexes(last, what);
            if (new java.util.HashSet<>(last).size() != last.size()) {
                throw new IllegalArgumentException("The " + what + " " + last + " names a column twice.");
            }
            List<String> order = new ArrayList<>(columns);
            order.removeAll(last);
            order.addAll(last);
            return select(order, what);
        }
    }

    /**
     * The indexes of {@code names} among {@code columns}, in that order; an unknown name is an error that names
     * {@code what} (an option, a file) and lists the columns.
     */
    public static int[] indexes(List<String> columns, List<String> names, String what) {
        int[] idx = new int[names.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = columns.indexOf(names.get(k));
            if (idx[k] < 0) {
                throw new IllegalArgumentException("The " + what + " (" + names.get(k) + ") is not a column: "
                        + columns + ".");
            }
        }
        return idx;
    }

    /** Reads a series; every cell must be a finite number. */
    public static Table readSeries(Path file) {
        List<String> header = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        read(file, header, rows, false);
        return new Table(List.copyOf(header), rows.toArray(new double[0][]));
    }

    /** Reads synthetic windows written by {@link #writeWindows}; all windows must have the same length. */
    public static Table readWindowRows(Path file) {
        List<String> header = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        read(file, header, rows, true);
        return new Table(List.copyOf(header), rows.toArray(new double[0][]));
    }

    /** Synthetic windows from {@link #readWindowRows}: groups the rows by the window column. */
    public static Windows toWindows(Path file, double[][] rowsWithWindow) {
        int f = rowsWithWindow[0].length - 1;
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < rowsWithWindow.length; i++) {
            if (i == 0 || rowsWithWindow[i][0] != rowsWithWindow[i - 1][0]) {
                starts.add(i);
            }
        }
        starts.add(rowsWithWindow.length);
        int len = starts.get(1) - starts.get(0);
        float[] v = new float[rowsWithWindow.length * f];
        for (int w = 0; w + 1 < starts.size(); w++) {
            int n = starts.get(w + 1) - starts.get(w);
            if (n != len) {
                throw new IllegalArgumentException(file + ":" + (starts.get(w) + 2) + ": window ("
                        + (long) rowsWithWindow[starts.get(w)][0] + ") has " + n + " rows, the first window " + len
                        + ". Maybe the rows of a window are not consecutive?");
            }
        }
        for (int i = 0; i < rowsWithWindow.length; i++) {
            for (int j = 0; j < f; j++) {
                v[i * f + j] = (float) rowsWithWindow[i][j + 1];
            }
        }
        return new Windows(v, starts.size() - 1, len, f);
    }

    /** Writes windows (original units) with a leading window column, to a temporary file moved over {@code file}. */
    public static void writeWindows(Path file, List<String> columns, Windows w) {
        writeAtomically(file, out -> {
            out.write(WINDOW + "," + String.join(",", columns) + "\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < w.count(); i++) {
                for (int t = 0; t < w.length(); t++) {
                    sb.setLength(0);
                    sb.append(i);
                    for (int j = 0; j < w.features(); j++) {
                        sb.append(',').append(String.format(Locale.ROOT, "%.6g", w.get(i, t, j)));
                    }
                    out.write(sb.append('\n').toString());
                }
            }
        });
    }

    /**
     * Writes a series that {@link #readSeries} reads back: the header, then one row per time step (whole numbers
     * without a decimal point, others with up to 6 decimals), to a temporary file moved over {@code file}.
     */
    public static void writeSeries(Path file, Table table) {
        writeAtomically(file, out -> {
            out.write(String.join(",", table.columns()) + "\n");
            StringBuilder sb = new StringBuilder();
            for (double[] row : table.rows()) {
                sb.setLength(0);
                for (int j = 0; j < row.length; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    double v = row[j];
                    sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                            : new java.math.BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_EVEN)
                                    .stripTrailingZeros().toPlainString());
                }
                out.write(sb.append('\n').toString());
            }
        });
    }

    private interface Body {
        void write(BufferedWriter out) throws IOException;
    }

    private static void writeAtomically(Path file, Body body) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    body.write(out);
                }
                if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be written (" + e.getMessage() + ").", e);
        }
    }

    private static void read(Path file, List<String> header, List<double[]> rows, boolean windowColumn) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file.");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || line.isBlank()) {
                throw new IllegalArgumentException(file + ":1: the file has no header. Maybe an empty file?");
            }
            for (String c : line.strip().split(",", -1)) {
                header.add(c.strip());
            }
            if (windowColumn) {
                if (!header.get(0).equalsIgnoreCase(WINDOW)) {
                    throw new IllegalArgumentException(file + ":1: the first column (" + header.get(0) + ") must be "
                            + WINDOW + ". Maybe the output of plantwin gan sample?");
                }
                header.remove(0);
            }
            int expected = header.size() + (windowColumn ? 1 : 0);
            if (header.isEmpty()) {
                throw new IllegalArgumentException(file + ":1: the header (" + line + ") names no feature column.");
            }
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                String s = line.strip();
                if (s.isEmpty()) {
                    continue;
                }
                String[] cells = s.split(",", -1);
                if (cells.length != expected) {
                    throw new IllegalArgumentException(file + ":" + no + ": expected " + expected + " cells, found "
                            + cells.length + " (" + s + ").");
                }
                double[] row = new double[expected];
                for (int j = 0; j < expected; j++) {
                    double v;
                    try {
                        v = Double.parseDouble(cells[j].strip());
                    } catch (NumberFormatException e) {
                        v = Double.NaN;
                    }
                    if (!Double.isFinite(v)) {
                        String col = windowColumn ? (j == 0 ? WINDOW : header.get(j - 1)) : header.get(j);
                        throw new IllegalArgumentException(file + ":" + no + ": the value (" + cells[j].strip()
                                + ") of column " + col + " is not a finite number.");
                    }
                    row[j] = v;
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file + ":2: the file has no data rows.");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }
}
