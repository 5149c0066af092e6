package org.plantwin.twin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plantwin compare A B}: paired replications of two scenarios with common random numbers, and a verdict per KPI. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare scenarios (files or built-in names; the first is the baseline) over paired "
                + "replications with common random numbers: KPI means, differences with confidence intervals, verdicts.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "FILE|NAME", description = "Baseline, then the scenarios to compare with it.")
    List<String> scenarios;

    @Option(names = "--replications", defaultValue = "30", description = "Replications per scenario (default 30).")
    int replications;

    @Option(names = "--kpi", description = "A KPI to compare (repeatable; default throughput, cycle time, WIP), "
            + "e.g. plant.throughputPerHour, machines[M3].utilisation, stations[S1].waitMeanMinutes.")
    List<String> kpis;

    @Option(names = "--seed", description = "Root seed for all (default: each scenario's).")
    Long seed;

    @Option(names = "--horizon", description = "Simulated time for all, e.g. 30d (default: each scenario's).")
    String horizon;

    @Option(names = "--warmup", description = "Warm-up for all, e.g. 1d, or auto: detected with MSER-5 on "
            + "--warmup-kpi (default: each scenario's).")
    String warmup;

    @Option(names = "--warmup-kpi", description = "The plant series MSER-5 looks at with --warmup auto: plant.wipMean "
            + "(default), plant.throughputPerHour, plant.cycleTimeMeanMinutes, plant.partsOut.")
    String warmupKpi;

    @Option(names = "--lanes", description = "Parallel runs (default: the number of cores); results do not depend on it.")
    Integer lanes;

    @Option(names = "--out", description = "Folder for the results (default: plantwin-out/compare).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        List<Variant> variants = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Scenario first = null;
        for (String s : scenarios) {
            Scenario scenario;
            try {
                scenario = Scenarios.resolve(s);
            } catch (ScenarioException e) {
                Runs.printProblems(s, e, spec.commandLine().getErr());
                return PlantwinCli.EXIT_INVALID;
            }
            first = first == null ? scenario : first;
            // Two files may hold scenarios of the same name; the argument tells them apart.
            String name = names.contains(scenario.name()) ? Path.of(s).getFileName().toString() : scenario.name();
            if (names.contains(name)) {
                name = name + "#" + (names.size() + 1);
            }
            names.add(name);
            variants.add(Variant.ofScenario(name, scenario));
        }
        Experiment e;
        try {
            e = Experiment.of("compare", first).withVariants(variants).withKpis(kpis == null ? List.of() : kpis)
                    .withReplications(replications).withSeed(seed).withHorizon(horizon).withWarmup(warmup);
            e = ExperimentCommand.withWarmupKpi(e, warmupKpi);
        } catch (IllegalArgumentException ex) {
            spec.commandLine().getErr().println("Error: " + ex.getMessage());
            return PlantwinCli.EXIT_ERROR;
        }
        return ExperimentReport.runAndReport(e, lanes != null ? lanes : Runtime.getRuntime().availableProcessors(),
                out, quiet, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
