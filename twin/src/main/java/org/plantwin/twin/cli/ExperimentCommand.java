package org.plantwin.twin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plantwin experiment FILE}: replications of variants or a sweep, tables, JSON and CSV. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run an experiment file (base scenario, variants or a sweep, replications, KPIs); print "
                + "tables and write experiment.json, summary.csv, replications.csv, comparisons.csv, report.html.")
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Experiment file (YAML/JSON).")
    Path file;

    @Option(names = "--replications", description = "Replications per variant (default: the file's, else 10).")
    Integer replications;

    @Option(names = "--warmup", description = "Override the file's warm-up: a duration such as 1d, or auto "
            + "(detected with MSER-5).")
    String warmup;

    @Option(names = "--warmup-kpi", description = "The plant series MSER-5 looks at with warm-up auto: plant.wipMean "
            + "(default), plant.throughputPerHour, plant.cycleTimeMeanMinutes, plant.partsOut.")
    String warmupKpi;

    @Option(names = "--generator", paramLabel = "MODEL_DIR", description = "A trained generator (plantwin gan train"
            + " --out) whose columns name what they drive (customers[C01].demand[A], machines[M1].failures[0]."
            + "timeBetweenMinutes|repairMinutes): run --variants generated scenarios from it beside as many parametric"
            + " ones, and report each KPI's distribution across them. Repeatable; replaces the file's generated models.")
    List<Path> generators;

    @Option(names = "--variants", paramLabel = "N", description = "Generated scenarios (and as many parametric ones)"
            + " with --generator or the file's generated: (default: the file's, else 20).")
    Integer variants;

    @Option(names = "--replayed", description = "With generated scenarios, also replay the base scenario's own run"
            + " histories through the generators' targets (tells the representation's effect from the generator's).")
    boolean replayed;

    @Option(names = "--generator-seed", paramLabel = "N", description = "Seed of the generators' noise (default: the"
            + " file's, else 1).")
    Long generatorSeed;

    @Option(names = "--lanes", description = "Parallel runs (default: the number of cores); results do not depend on it.")
    Integer lanes;

    @Option(names = "--out", description = "Folder for the results (default: plantwin-out/NAME).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("Error: the experiment file (" + file + ") does not exist. "
                    + "Maybe check the path.");
            return PlantwinCli.EXIT_ERROR;
        }
        Experiment e;
        try {
            ExperimentFile f = ExperimentFile.read(file);
            if (generators != null || variants != null || generatorSeed != null || replayed) {
                f = f.withGenerated(generated(f.generated()));
            }
            e = f.toExperiment(file.toAbsolutePath().getParent(), file.toString());
        } catch (ScenarioException ex) {
            Runs.printProblems(file.toString(), ex, spec.commandLine().getErr());
            return PlantwinCli.EXIT_INVALID;
        } catch (IllegalArgumentException ex) {
            spec.commandLine().getErr().println("Error in " + file + ": " + ex.getMessage());
            return PlantwinCli.EXIT_INVALID;
        }
        try {
            if (replications != null) {
                e = e.withReplications(replications);
            }
            if (warmup != null) {
                e = e.withAutoWarmup(null).withWarmup(warmup);
            }
            e = withWarmupKpi(e, warmupKpi);
        } catch (IllegalArgumentException ex) {
            spec.commandLine().getErr().println("Error: " + ex.getMessage());
            return PlantwinCli.EXIT_INVALID;
        }
        return ExperimentReport.runAndReport(e, lanes != null ? lanes : Runtime.getRuntime().availableProcessors(),
                out, quiet, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The file's generated scenarios with the command line's generators, count and seed. */
    private ExperimentFile.GeneratedSpec generated(ExperimentFile.GeneratedSpec fromFile) {
        List<ExperimentFile.GeneratorSpec> models = fromFile != null ? fromFile.models() : List.of();
        if (generators != null) {
            models = generators.stream().map(g -> new ExperimentFile.GeneratorSpec(g.toAbsolutePath().toString(),
                    null, null)).toList();
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("The options --variants, --generator-seed and --replayed need a"
                    + " generator. Maybe add --generator MODEL_DIR.");
        }
        int count = variants != null ? variants : fromFile != null ? fromFile.count() : 20;
        Long seed = generatorSeed != null ? generatorSeed : fromFile != null ? fromFile.seed() : null;
        Boolean replay = replayed ? Boolean.TRUE : fromFile != null ? fromFile.replayed() : null;
        return new ExperimentFile.GeneratedSpec(count, seed, fromFile != null ? fromFile.parametric() : null, replay,
                models);
    }

    /** {@code --warmup-kpi}: only with a detected warm-up. */
    static Experiment withWarmupKpi(Experiment e, String kpi) {
        if (kpi == null) {
            return e;
        }
        if (e.autoWarmup() == null) {
            throw new IllegalArgumentException("The option --warmup-kpi (" + kpi + ") needs a detected warm-up. "
                    + "Maybe add --warmup auto.");
        }
        return e.withAutoWarmup(e.autoWarmup().withKpi(org.plantwin.twin.experiment.Kpis.normalise(kpi)));
    }
}
