package org.plantwin.twin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.plantwin.planners.dispatch.api.Objective;

/**
 * The planners for callers that hold an instance as text rather than a file (the HTTP service): the same reading,
 * search and validation as {@code plantwin plan}, the same JSON. The text is written to a private temporary
 * folder under a sanitised name and deleted afterwards; messages and the JSON name the instance, not that folder.
 */
public final class Plans {

    /** The problems: {@code jssp}, {@code fjsp}, {@code vrptw}, {@code cvrp}. */
    public static final java.util.List<String> PROBLEMS = java.util.List.of("jssp", "fjsp", "vrptw", "cvrp");

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Plans() {
    }

    /** A planning input the caller must fix; the message names the line and the value where it can. */
    public static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Plans {@code text} as {@code problem} and returns the JSON object {@code plantwin plan ... --json} prints.
     *
     * @param name       the instance name (letters, digits, {@code _ . -}); null gives {@code instance}
     * @param iterations null for no iteration budget
     * @param objective  {@code hierarchical} or {@code distance} (routing only); null for the problem's default
     * @throws InputException the text or an option is malformed
     */
    public static String json(String problem, String text, String name, Duration timeLimit, Long iterations,
                              long seed, String objective) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (!PROBLEMS.contains(problem)) {
            throw new IllegalArgumentException("The problem (" + problem + ") must be one of " + PROBLEMS + ".");
        }
        String safe = name == null ? "instance" : name;
        if (!SAFE_NAME.matcher(safe).matches()) {
            throw new InputException("The instance name (" + safe + ") must be 1 to 64 letters, digits, '_', '.' or"
                    + " '-', starting with a letter or digit. Maybe \"ft06\".", null);
        }
        String ext = switch (problem) {
            case "fjsp" -> ".fjs";
            case "cvrp" -> ".vrp";
            default -> ".txt";
        };
        String fileName = safe.toLowerCase(Locale.ROOT).endsWith(ext) ? safe : safe + ext;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("plantwin-plan-");
            Path file = dir.resolve(fileName);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            PlanOptions options = new PlanOptions();
            options.time = timeLimit.toMillis() + "ms";
            options.seed = seed;
            options.iterations = iterations;
            options.threads = 1;
            options.json = true;
            String json = switch (problem) {
                case "jssp" -> ShopPlanning.json(ShopPlanning.solve(file, false, options));
                case "fjsp" -> ShopPlanning.json(ShopPlanning.solve(file, true, options));
                case "vrptw" -> RoutePlanning.json(RoutePlanning.solveVrptw(file,
                        RoutePlanning.objective(objective, Objective.HIERARCHICAL), options));
                default -> RoutePlanning.json(RoutePlanning.solveCvrp(file,
                        RoutePlanning.objective(objective, Objective.DISTANCE), options));
            };
            return json.replace(quoted(file.toString()), quoted(fileName));
        } catch (PlanInputException e) {
            String message = e.getMessage();
            if (dir != null) {
                message = message.replace(dir.resolve(fileName).toString(), fileName)
                        .replace("--objective", "objective").replace("--iterations", "iterations")
                        .replace("--time", "time");
            }
            throw new InputException(message, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the instance to a temporary folder.", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String quoted(String s) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the result is already complete.
        }
    }
}
