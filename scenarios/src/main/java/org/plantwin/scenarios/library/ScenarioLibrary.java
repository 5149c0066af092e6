package org.plantwin.scenarios.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The built-in scenarios, stored as {@code resources/scenarios/NAME.yaml}; {@code index.txt} lists them. */
public final class ScenarioLibrary {

    private ScenarioLibrary() {
    }

    /** Names of the built-in scenarios, sorted. */
    public static List<String> names() {
        return read("index.txt").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .sorted().toList();
    }

    /** The YAML text of a built-in scenario. */
    public static String text(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("The scenario name (" + name + ") is not in the library " + names() + ".");
        }
        return read(name + ".yaml");
    }

    private static String read(String resource) {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream("/scenarios/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("The library resource (/scenarios/" + resource + ") is missing.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
