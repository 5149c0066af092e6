package org.plantwin.twin.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.scenarios.model.TimeSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plantwin run FILE|NAME}: one run, KPI tables on the terminal, result.json in the output folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario (file or built-in name); print KPI tables and write result.json (and with"
                + " --report, report.html).")
final class RunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|NAME", description = "Scenario file (YAML/JSON) or built-in name.")
    String scenario;

    @Option(names = "--seed", description = "Root seed (default: the scenario's).")
    Long seed;

    @Option(names = "--horizon", description = "Simulated time, e.g. 30d (default: the scenario's).")
    String horizon;

    @Option(names = "--replication", defaultValue = "0", description = "Replication index (streams derive from seed and index).")
    int replication;

    @Option(names = "--out", description = "Folder for result.json (default: plantwin-out/NAME).")
    Path out;

    @Option(names = "--json", description = "Print the result JSON instead of tables.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--report", description = "Also write report.html (KPI tables, states, series, stock over time,"
            + " Gantt chart, route map) beside result.json; traces batches and operations, KPIs unchanged.")
    boolean report;

    @Override
    public Integer call() {
        RunOptions options = RunOptions.defaults().withReplication(replication);
        if (seed != null) {
            options = options.withSeed(seed);
        }
        if (horizon != null) {
            try {
                options = options.withHorizonMillis(TimeSpan.parse(horizon).toMillis());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("--horizon: " + e.getMessage());
                return PlantwinCli.EXIT_ERROR;
            }
        }
        return Runs.runAndReport(scenario, options, out, json, quiet, report, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
