package org.plantwin.twin.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.Simulation;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/**
 * The Java face of plantwin: load a scenario, run it, read the KPIs.
 *
 * <pre>{@code
 * RunResult r = Plantwin.load(Path.of("plant.yaml")).run(RunOptions.defaults().withSeed(7));
 * System.out.println(r.plant().throughputPerHour());
 * }</pre>
 */
public final class Plantwin {

    private final Scenario scenario;

    private Plantwin(Scenario scenario) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    /** Loads and validates a scenario file; throws {@link org.plantwin.scenarios.api.ScenarioException}. */
    public static Plantwin load(Path file) {
        return new Plantwin(Scenarios.load(file));
    }

    /** A file path or the name of a built-in scenario ({@code mm1}, {@code flowline5}, {@code demo}, ...). */
    public static Plantwin resolve(String fileOrName) {
        return new Plantwin(Scenarios.resolve(fileOrName));
    }

    public static Plantwin of(Scenario scenario) {
        return new Plantwin(scenario);
    }

    /** Every problem of a scenario file, empty when it is valid. */
    public static List<Problem> validate(Path file) {
        try {
            Scenarios.load(file);
            return List.of();
        } catch (org.plantwin.scenarios.api.ScenarioException e) {
            return e.problems();
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public RunResult run() {
        return run(RunOptions.defaults());
    }

    public RunResult run(RunOptions options) {
        return Simulation.run(scenario, options);
    }
}
