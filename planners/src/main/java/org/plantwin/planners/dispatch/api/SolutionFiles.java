package org.plantwin.planners.dispatch.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads and writes CVRPLIB {@code .sol} files: {@code Route #k: c1 c2 ...} lines and a {@code Cost X} line.
 */
public final class SolutionFiles {

    private SolutionFiles() {
    }

    public static Solution read(Path file) {
        List<List<Integer>> routes = new ArrayList<>();
        for (String raw : lines(file)) {
            String line = raw.strip();
            if (line.startsWith("Route")) {
                List<Integer> route = new ArrayList<>();
                String body = line.substring(line.indexOf(':') + 1).strip();
                if (!body.isEmpty()) {
                    for (String f : body.split("\\s+")) {
                        route.add(Integer.parseInt(f));
                    }
                }
                routes.add(route);
            }
        }
        return new Solution(routes);
    }

    /** The {@code Cost} stated in the file, if any. */
    public static OptionalDouble statedCost(Path file) {
        for (String raw : lines(file)) {
            String line = raw.strip();
            if (line.startsWith("Cost")) {
                return OptionalDouble.of(Double.parseDouble(line.substring(4).strip()));
            }
        }
        return OptionalDouble.empty();
    }

    public static String format(Solution solution, double cost) {
        return solution.toSolText() + "Cost " + cost + "\n";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the solution file (" + file + ").", e);
        }
    }
}
