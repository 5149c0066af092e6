package org.plantwin.twin.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.Simulation;
import org.plantwin.learning.generate.GanCsv;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;
import org.plantwin.twin.generate.Histories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plantwin history}: runs a scenario and writes what drove it as training series for {@code plantwin gan
 * train}: demand per customer and product per period, failure durations per machine, and travel-time factors per
 * fleet and leg.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Run a scenario and write what drove it as CSV series for plantwin gan train: --demand (one row"
                + " per period from time 0, one column customers[C].demand[P] per customer and product: units ordered)"
                + " and --failures (row k: the k-th time between failures and repair time of every failure mode, in"
                + " minutes, columns machines[M].failures[N].timeBetweenMinutes and .repairMinutes) and --travel (row k:"
                + " the travel-time factor of the k-th leg of every fleet that drove, columns fleets[F].travelFactor)."
                + " The column names tell plantwin experiment --generator what each column drives.",
                "Exit 0 done, 1 invalid scenario, 2 bad option."})
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|NAME", description = "Scenario file (YAML/JSON) or built-in name.")
    String scenario;

    @Option(names = "--seed", description = "Root seed (default: the scenario's).")
    Long seed;

    @Option(names = "--horizon", description = "Simulated time, e.g. 730d (default: the scenario's); longer gives"
            + " more training rows.")
    String horizon;

    @Option(names = "--replication", defaultValue = "0", description = "Replication index (default: ${DEFAULT-VALUE}).")
    int replication;

    @Option(names = "--period", defaultValue = "1d", description = "Period of a demand row (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--demand", paramLabel = "FILE.csv", description = "Where to write the demand series.")
    Path demand;

    @Option(names = "--failures", paramLabel = "FILE.csv", description = "Where to write the failure series.")
    Path failures;

    @Option(names = "--travel", paramLabel = "FILE.csv", description = "Where to write the travel-factor series.")
    Path travel;

    @Option(names = "--calendar", description = "Add calendar columns to the demand series: calendar.dayOfWeek (0..6,"
            + " day 0 at time 0, as the weekly demand factors) and, for periods under a day, calendar.hourOfDay; a"
            + " generator can be conditioned on them (plantwin gan train --condition calendar.dayOfWeek).")
    boolean calendar;

    @Override
    public Integer call() {
        Scenario s;
        try {
            s = Scenarios.resolve(scenario);
        } catch (ScenarioException e) {
            Runs.printProblems(scenario, e, spec.commandLine().getErr());
            return PlantwinCli.EXIT_INVALID;
        }
        return PlantwinCli.guarded(spec, () -> {
            if (calendar && demand == null) {
                throw new IllegalArgumentException("--calendar adds columns to the demand series. Maybe add --demand"
                        + " demand.csv.");
            }
            if (demand == null && failures == null && travel == null) {
                throw new IllegalArgumentException("Nothing to write. Maybe add --demand demand.csv, --failures"
                        + " failures.csv or --travel travel.csv.");
            }
            RunOptions options = RunOptions.defaults().withReplication(replication)
                    .withHistory(duration("--period", period));
            if (seed != null) {
                options = options.withSeed(seed);
            }
            if (horizon != null) {
                options = options.withHorizonMillis(duration("--horizon", horizon));
            }
            RunResult r = Simulation.run(s, options);
            // Every table first, so that a history it cannot write leaves no file behind.
            GanCsv.Table d = demand != null ? Histories.demand(r) : null;
            if (d != null && calendar) {
                d = Histories.withCalendar(d, duration("--period", period));
            }
            GanCsv.Table f = failures != null ? Histories.failures(r) : null;
            GanCsv.Table t = travel != null ? Histories.travel(r) : null;
            if (d != null) {
                write(demand, d, "periods");
            }
            if (f != null) {
                write(failures, f, "failures");
            }
            if (t != null) {
                write(travel, t, "legs");
            }
            return 0;
        });
    }

    private void write(Path file, GanCsv.Table table, String rows) {
        GanCsv.writeSeries(file, table);
        spec.commandLine().getOut().printf(Locale.ROOT, "%d %s x %d columns -> %s%n", table.rows().length, rows,
                table.columns().size(), file);
    }

    private static long duration(String option, String text) {
        long millis;
        try {
            millis = TimeSpan.parse(text).toMillis();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The option " + option + " (" + text + "): " + e.getMessage());
        }
        if (millis <= 0) {
            throw new IllegalArgumentException("The option " + option + " (" + text + ") must be > 0. Maybe 1d.");
        }
        return millis;
    }
}
