package org.plantwin.learning.maintenance;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads NASA C-MAPSS files (FD001-FD004 share the layout): {@code train_FD00X.txt} and {@code test_FD00X.txt}
 * have 26 space-separated numbers per line ({@code unit cycle setting1..3 s1..s21}), rows ordered by unit and
 * cycle; {@code RUL_FD00X.txt} has one true remaining life per test unit, in unit order.
 *
 * <p>Every problem is a {@link CmapssFormatException} whose message reads {@code FILE:LINE: ...} with the value.
 */
public final class CmapssFiles {

    /** Columns per row of a train or test file. */
    public static final int COLUMNS = 2 + EngineUnit.SETTINGS + EngineUnit.SENSORS;

    private CmapssFiles() {
    }

    /** The engines of a train or test file, in file order; cycles must run 1, 2, 3, ... within each unit. */
    public static List<EngineUnit> readUnits(Path file) {
        List<EngineUnit> units = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            List<double[]> settings = new ArrayList<>();
            List<double[]> sensors = new ArrayList<>();
            int unit = -1;
            String line;
            int no = 0;
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            while ((line = r.readLine()) != null) {
                no++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] cells = trimmed.split("\\s+");
                if (cells.length != COLUMNS) {
                    throw new CmapssFormatException(file + ":" + no + ": expected " + COLUMNS
                            + " numbers (unit, cycle, 3 settings, 21 sensors), found " + cells.length + " ("
                            + abbreviate(trimmed) + ").");
                }
                int u = integer(file, no, "unit", cells[0]);
                int cycle = integer(file, no, "cycle", cells[1]);
                if (u != unit) {
                    if (unit >= 0) {
                        units.add(unit(unit, settings, sensors));
                    }
                    if (!seen.add(u)) {
                        throw new CmapssFormatException(file + ":" + no + ": unit (" + u
                                + ") appears again after other units; rows must be grouped by unit.");
                    }
                    unit = u;
                    settings.clear();
                    sensors.clear();
                }
                if (cycle != settings.size() + 1) {
                    throw new CmapssFormatException(file + ":" + no + ": the cycle (" + cells[1] + ") of unit (" + u
                            + ") should be " + (settings.size() + 1) + "; cycles must run 1, 2, 3, ...");
                }
                double[] s = new double[EngineUnit.SETTINGS];
                for (int k = 0; k < s.length; k++) {
                    s[k] = number(file, no, "setting " + (k + 1), cells[2 + k]);
                }
                double[] x = new double[EngineUnit.SENSORS];
                for (int k = 0; k < x.length; k++) {
                    x[k] = number(file, no, "sensor s" + (k + 1), cells[2 + EngineUnit.SETTINGS + k]);
                }
                settings.add(s);
                sensors.add(x);
            }
            if (unit < 0) {
                throw new CmapssFormatException(file + ":1: the file has no rows.");
            }
            units.add(unit(unit, settings, sensors));
        } catch (IOException e) {
            throw new CmapssFormatException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        return List.copyOf(units);
    }

    /** The true remaining lives of a {@code RUL_FD00X.txt} file, one per non-empty line. */
    public static double[] readRul(Path file) {
        List<Double> values = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                double v = number(file, no, "remaining useful life", t);
                if (v < 0) {
                    throw new CmapssFormatException(file + ":" + no + ": the remaining useful life (" + t
                            + ") must be >= 0.");
                }
                values.add(v);
            }
        } catch (IOException e) {
            throw new CmapssFormatException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        if (values.isEmpty()) {
            throw new CmapssFormatException(file + ":1: the file has no values.");
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static BufferedReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CmapssFormatException(file + ": no such file" + (Files.isDirectory(file) ? " (a directory)" : "")
                    + ".", new NoSuchFileException(file.toString()));
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private static EngineUnit unit(int unit, List<double[]> settings, List<double[]> sensors) {
        return new EngineUnit(unit, settings.toArray(double[][]::new), sensors.toArray(double[][]::new));
    }

    private static int integer(Path file, int line, String what, String cell) {
        try {
            int v = Integer.parseInt(cell);
            if (v < 1) {
                throw new CmapssFormatException(file + ":" + line + ": the " + what + " (" + cell + ") must be >= 1.");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CmapssFormatException(file + ":" + line + ": the " + what + " (" + cell
                    + ") is not a whole number.", e);
        }
    }

    private static double number(Path file, int line, String what, String cell) {
        try {
            double v = Double.parseDouble(cell);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException("not finite");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CmapssFormatException(file + ":" + line + ": the " + what + " (" + cell
                    + ") is not a finite number.", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
