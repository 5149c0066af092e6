package org.plantwin.twin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantwin.planners.dispatch.api.DistanceConvention;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.SolomonReader;
import org.plantwin.planners.dispatch.api.VrplibReader;
import org.plantwin.planners.scheduling.api.BrandimarteFormat;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.ShopInstance;

/**
 * Reads planning instances for {@code plantwin plan} and turns reader failures into messages that name
 * the file, the line and the value ({@code FILE:LINE: message}).
 *
 * <p>The planners' readers report "data line N" (blank and {@code #} lines not counted), "job J" or the
 * bad value; this class maps those back to a line of the file, because that is what an editor shows.
 */
final class PlanInputs {

    private static final Pattern DATA_LINE = Pattern.compile("data line (\\d+)");
    private static final Pattern JOB = Pattern.compile("\\b[Jj]ob (\\d+)\\b");
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([^()]+)\\)");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("For input string: \"([^\"]*)\"");

    private PlanInputs() {
    }

    /** A job-shop ({@code n m}) or Brandimarte ({@code .fjs}) file. */
    static ShopInstance readShop(Path file, boolean flexible) {
        String other = flexible ? ".txt" : ".fjs";
        String hint = file.toString().endsWith(other)
                ? " Maybe use `plantwin plan " + (flexible ? "jssp" : "fjsp") + "` for a " + other + " file."
                : "";
        return read(file, hint, true, f -> flexible ? BrandimarteFormat.read(f) : JsspFormat.read(f));
    }

    /** A Solomon VRPTW file, with arcs under the given convention. */
    static RoutingInstance readSolomon(Path file, DistanceConvention convention) {
        String hint = file.toString().endsWith(".vrp") ? " Maybe use `plantwin plan cvrp` for a .vrp file." : "";
        return read(file, hint, false, f -> SolomonReader.read(f, convention));
    }

    /** A VRPLIB CVRP file (EUC_2D, nint arcs). */
    static RoutingInstance readVrplib(Path file) {
        String hint = file.toString().endsWith(".txt") ? " Maybe use `plantwin plan vrptw` for a Solomon .txt file."
                : "";
        return read(file, hint, false, VrplibReader::read);
    }

    private static <T> T read(Path file, String hint, boolean dataLineNumbers, Function<Path, T> reader) {
        requireFile(file);
        try {
            return reader.apply(file);
        } catch (UncheckedIOException e) {
            throw new PlanInputException("Cannot read the file (" + file + "): " + e.getCause().getMessage() + ".", e);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | NullPointerException e) {
            // The readers throw these for malformed text (NumberFormatException is an IllegalArgumentException).
            throw malformed(file, e, dataLineNumbers, hint);
        }
    }

    static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new PlanInputException("The path (" + file + ") is a folder, not an instance file."
                    + " Maybe `plantwin plan bench " + file + "`?");
        }
        if (!Files.isRegularFile(file)) {
            throw new PlanInputException("The file (" + file + ") does not exist. Maybe check the path"
                    + " (relative paths start at " + Path.of("").toAbsolutePath() + ").");
        }
    }

    /** The reader's message prefixed with {@code FILE:LINE:} when the line can be located. */
    static PlanInputException malformed(Path file, RuntimeException e, boolean dataLineNumbers, String hint) {
        List<String> lines = lines(file);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int line = -1;
        Matcher nan = NOT_A_NUMBER.matcher(message);
        if (nan.find()) {
            String value = nan.group(1);
            line = lineWithToken(lines, value);
            message = "The value (" + value + ") must be a number.";
        } else if (e instanceof IndexOutOfBoundsException) {
            message = "The file ends early or a row has too few values (" + message + ").";
        } else if (dataLineNumbers) {
            Matcher m = DATA_LINE.matcher(message);
            Matcher job = JOB.matcher(message);
            if (m.find()) {
                line = physicalLineOfDataLine(lines, Integer.parseInt(m.group(1)));
            } else if (job.find()) {
                line = physicalLineOfDataLine(lines, Integer.parseInt(job.group(1)) + 2);
            } else if (message.contains("header") || message.contains("declares")) {
                line = physicalLineOfDataLine(lines, 1);
            }
        }
        if (line < 0) {
            Matcher p = PARENTHESISED.matcher(message);
            while (line < 0 && p.find()) {
                line = lineEqualTo(lines, p.group(1).strip());
            }
        }
        String where = line > 0 ? file + ":" + line + ": " : file + ": ";
        String separator = hint.isEmpty() || message.endsWith(".") ? "" : ".";
        return new PlanInputException(where + message + separator + hint, e);
    }

    /**
     * The row of {@code csvName} in the instance file's folder whose {@code instance} column is the file's
     * name without extension, as column name to value; empty when there is no such file or row.
     */
    static Optional<Map<String, String>> boundsRow(Path instanceFile, String csvName) {
        Path csv = instanceFile.toAbsolutePath().resolveSibling(csvName);
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        String name = instanceFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<String> lines = lines(csv);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int nameColumn = header.indexOf("instance");
        if (nameColumn < 0) {
            throw new PlanInputException(csv + ":1: The header (" + lines.get(0) + ") has no column (instance).");
        }
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split(",", -1);
            if (cells.length > nameColumn && cells[nameColumn].equals(name)) {
                Map<String, String> result = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < cells.length; i++) {
                    result.put(header.get(i), cells[i]);
                }
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    /** A number column of a bounds row; null when absent or empty. */
    static Double number(Optional<Map<String, String>> row, String column, Path instanceFile, String csvName) {
        if (row.isEmpty()) {
            return null;
        }
        String text = row.get().get(column);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new PlanInputException(instanceFile.toAbsolutePath().resolveSibling(csvName) + ": The " + column
                    + " (" + text + ") of " + row.get().get("instance") + " must be a number.", e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlanInputException("Cannot read the file (" + file + "): " + e.getMessage() + ".", e);
        }
    }

    /** 1-based line of the file holding the {@code n}-th line that is neither blank nor a {@code #} comment. */
    private static int physicalLineOfDataLine(List<String> lines, int n) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (!t.isEmpty() && !t.startsWith("#") && ++seen == n) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int lineWithToken(List<String> lines, String token) {
        for (int i = 0; i < lines.size(); i++) {
            List<String> tokens = new ArrayList<>(Arrays.asList(lines.get(i).strip().split("\\s+")));
            if (tokens.contains(token)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int lineEqualTo(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(text)) {
                return i + 1;
            }
        }
        return -1;
    }
}
