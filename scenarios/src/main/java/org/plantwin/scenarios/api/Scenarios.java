package org.plantwin.scenarios.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.plantwin.scenarios.io.ScenarioReader;
import org.plantwin.scenarios.library.ScenarioLibrary;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.validate.ScenarioValidator;

/** Entry point: load, parse, validate scenarios and reach the built-in library. */
public final class Scenarios {

    private static final ScenarioReader READER = new ScenarioReader();

    private Scenarios() {
    }

    /** Reads and validates a scenario file (YAML or JSON). */
    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), List.of(new Problem("$", file.toString(),
                    "The file cannot be read: " + e.getMessage(), "Maybe check the path and permissions.")));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir == null ? Path.of("").toAbsolutePath() : dir);
    }

    /** Parses and validates scenario text; {@code source} names it in errors; files resolve against the working folder. */
    public static Scenario parse(String text, String source) {
        return parse(text, source, Path.of("").toAbsolutePath());
    }

    /** Parses and validates scenario text; relative file names in it (demand series, inspection models) resolve against {@code baseDir}. */
    public static Scenario parse(String text, String source, Path baseDir) {
        Scenario s = READER.read(text, source);
        List<Problem> problems = new java.util.ArrayList<>();
        s = org.plantwin.scenarios.io.SeriesFiles.inline(s, baseDir, problems);
        s = org.plantwin.scenarios.io.ClassifierFiles.inline(s, baseDir, problems);
        java.util.Set<String> reported = new java.util.HashSet<>();
        problems.forEach(p -> reported.add(p.path()));
        ScenarioValidator.validate(s).stream().filter(p -> !reported.contains(p.path())).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return s;
    }

    /** Every problem of a parsed scenario (empty when valid). */
    public static List<Problem> validate(Scenario scenario) {
        return ScenarioValidator.validate(scenario);
    }

    /** Loads {@code fileOrName}: a path to a file, or else the name of a built-in library scenario. */
    public static Scenario resolve(String fileOrName) {
        Path p = Path.of(fileOrName);
        if (Files.isRegularFile(p)) {
            return load(p);
        }
        if (ScenarioLibrary.names().contains(fileOrName)) {
            return library(fileOrName);
        }
        throw new ScenarioException(fileOrName, List.of(new Problem("$", "\"" + fileOrName + "\"",
                "Neither a file nor a built-in scenario",
                org.plantwin.scenarios.io.Hints.closest(fileOrName, ScenarioLibrary.names()))));
    }

    /** A built-in scenario by name. */
    public static Scenario library(String name) {
        return parse(ScenarioLibrary.text(name), "library:" + name);
    }

    /** Names of the built-in scenarios, sorted. */
    public static List<String> libraryNames() {
        return ScenarioLibrary.names();
    }

    /** Reads a resource or stream fully as UTF-8. */
    static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
