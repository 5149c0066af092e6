package org.plantwin.twin.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.plantwin.planners.dispatch.RoutingBench;
import org.plantwin.planners.dispatch.api.Objective;
import org.plantwin.planners.dispatch.api.SolverOptions;
import org.plantwin.planners.scheduling.SchedulingBench;
import org.plantwin.planners.scheduling.cpsat.CpSatOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plantwin plan}: the planners from the command line (job shop, flexible job shop, VRPTW, CVRP,
 * and a bench over a folder of instances).
 *
 * <p>Exit codes: 0 planned; 1 no feasible plan found (routing only); 2 bad input (missing or malformed
 * file, bad option value), reported as {@code FILE:LINE: message} without a stack trace.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plan from a benchmark instance file: job shop, flexible job shop, VRPTW, CVRP.",
                "Exit 0 planned, 1 no feasible plan found, 2 bad input (file and line named)."},
        subcommands = {PlanCommand.Jssp.class, PlanCommand.Fjsp.class, PlanCommand.Vrptw.class, PlanCommand.Cvrp.class,
                PlanCommand.Bench.class})
final class PlanCommand extends CommandGroup {

    /** Exit code: the routing search found no feasible plan (the JSON says why). */
    static final int EXIT_NO_FEASIBLE_PLAN = 1;

    /** Runs a planning action; a {@link PlanInputException} becomes its message on stderr and exit code 2. */
    static int guarded(CommandSpec spec, Callable<Integer> action) throws Exception {
        try {
            return action.call();
        } catch (PlanInputException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return PlantwinCli.EXIT_ERROR;
        }
    }

    private static int printShop(CommandSpec spec, Path file, boolean flexible, PlanOptions options) throws Exception {
        return guarded(spec, () -> {
            String note = options.threadsNote();
            if (note != null) {
                spec.commandLine().getErr().println(note);
            }
            ShopPlanning.Plan plan = ShopPlanning.solve(file, flexible, options);
            spec.commandLine().getOut().print(options.json ? ShopPlanning.json(plan) : ShopPlanning.text(plan));
            return 0;
        });
    }

    private static int printRoutes(CommandSpec spec, Callable<RoutePlanning.Plan> solve, PlanOptions options)
            throws Exception {
        return guarded(spec, () -> {
            String note = options.threadsNote();
            if (note != null) {
                spec.commandLine().getErr().println(note);
            }
            RoutePlanning.Plan plan = solve.call();
            spec.commandLine().getOut().print(options.json ? RoutePlanning.json(plan) : RoutePlanning.text(plan));
            if (!plan.result().report().feasible()) {
                spec.commandLine().getErr().println("Error: no feasible plan found for " + plan.file() + ": "
                        + plan.result().report().problems() + ". Maybe a longer --time or more --iterations.");
                return EXIT_NO_FEASIBLE_PLAN;
            }
            return 0;
        });
    }

    @Command(name = "jssp", mixinStandardHelpOptions = true,
            description = {"Job shop (JSPLIB/Taillard \"n m\" file, 0-based machines): best dispatching rule, then tabu"
                    + " search (N7 neighbourhood); the schedule is checked by ScheduleValidator before printing.",
                    "lowerBound/bestKnown come from a bounds.csv beside FILE (else null); the search stops early"
                            + " at a proven lower bound."})
    static final class Jssp implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Instance file.")
        Path file;

        @Mixin
        PlanOptions options;

        @Override
        public Integer call() throws Exception {
            return printShop(spec, file, false, options);
        }
    }

    @Command(name = "fjsp", mixinStandardHelpOptions = true,
            description = {"Flexible job shop (Brandimarte .fjs file, 1-based machines in the file, 0-based in the"
                    + " output): best dispatching rule, then tabu search with machine reassignment; checked by"
                    + " ScheduleValidator.", "lowerBound/bestKnown come from a bounds.csv beside FILE (else null)."})
    static final class Fjsp implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Instance file.")
        Path file;

        @Mixin
        PlanOptions options;

        @Override
        public Integer call() throws Exception {
            return printShop(spec, file, true, options);
        }
    }

    @Command(name = "vrptw", mixinStandardHelpOptions = true,
            description = {"VRP with time windows (Solomon file): Solomon I1 construction, then hybrid genetic search;"
                    + " checked by SolutionValidator.",
                    "hierarchical = fewest vehicles, then distance, double-precision Euclidean arcs (bks.csv bks_*);"
                            + " distance = distance only, arcs truncated to one decimal (bks.csv distmin_*)."})
    static final class Vrptw implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Instance file.")
        Path file;

        @Option(names = "--objective", paramLabel = "hierarchical|distance",
                description = "What to minimise (default: hierarchical).")
        String objective;

        @Mixin
        PlanOptions options;

        @Override
        public Integer call() throws Exception {
            return printRoutes(spec, () -> RoutePlanning.solveVrptw(file,
                    RoutePlanning.objective(objective, Objective.HIERARCHICAL), options), options);
        }
    }

    @Command(name = "cvrp", mixinStandardHelpOptions = true,
            description = {"Capacitated VRP (VRPLIB EUC_2D file, nint arcs): construction, then hybrid genetic search;"
                    + " checked by SolutionValidator. Routes use the CVRPLIB .sol numbering (file node k+1 = customer"
                    + " k, depot 0).", "bestKnown comes from an optimal.csv beside FILE (else null)."})
    static final class Cvrp implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Instance file.")
        Path file;

        @Option(names = "--objective", paramLabel = "hierarchical|distance",
                description = "What to minimise (default: distance).")
        String objective;

        @Mixin
        PlanOptions options;

        @Override
        public Integer call() throws Exception {
            return printRoutes(spec, () -> RoutePlanning.solveCvrp(file,
                    RoutePlanning.objective(objective, Objective.DISTANCE), options), options);
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Run every instance of a folder and print, per instance, the result, best known, gap %% and"
                    + " time, then the mean gap (per size group for scheduling).",
                    "A folder with bounds.csv holds job-shop (*.txt) / flexible (*.fjs) instances (SchedulingBench);"
                            + " one with bks.csv holds Solomon VRPTW files, one with optimal.csv VRPLIB CVRP files"
                            + " (RoutingBench).",
                    "By default the OR-Tools reference runs beside ours on each instance at the same --time: plain CP-SAT"
                            + " (--workers workers, no hint) for scheduling, routing with guided local search for"
                            + " VRPTW/CVRP. --reference none runs ours only."})
    static final class Bench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder of instances.")
        Path dir;

        @Option(names = "--time", defaultValue = "60s", paramLabel = "DURATION",
                description = "Wall-clock limit per instance (default: ${DEFAULT-VALUE}).")
        String time;

        @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--iterations", paramLabel = "N", description = "Iteration budget per instance.")
        Long iterations;

        @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Only these instances (scheduling).")
        List<String> only = List.of();

        @Option(names = "--objective", paramLabel = "hierarchical|distance",
                description = "VRPTW objective (default: hierarchical; CVRP always distance).")
        String objective;

        @Option(names = "--reference", defaultValue = "ortools", paramLabel = "ortools|none",
                description = "Reference solver run beside ours at the same --time (default: ${DEFAULT-VALUE}).")
        String reference;

        @Option(names = "--workers", defaultValue = "2", paramLabel = "N",
                description = "CP-SAT workers for the scheduling reference (default: ${DEFAULT-VALUE}).")
        int workers;

        @Override
        public Integer call() throws Exception {
            return guarded(spec, this::run);
        }

        private boolean referenceOn() {
            return switch (reference) {
                case "ortools" -> true;
                case "none" -> false;
                default -> throw new PlanInputException("--reference: the value (" + reference
                        + ") is unknown. Maybe ortools or none?");
            };
        }

        private int run() {
            if (!Files.isDirectory(dir)) {
                throw new PlanInputException("The folder (" + dir + ") does not exist or is not a folder.");
            }
            PlanOptions budget = new PlanOptions();
            budget.time = time;
            budget.iterations = iterations;
            Duration limit = budget.timeLimit();
            Long maxIterations = budget.iterationBudget();
            boolean withReference = referenceOn();
            if (workers < 1) {
                throw new PlanInputException("--workers: the value (" + workers + ") must be >= 1.");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (PrintStream stream = printStream(out)) {
                if (Files.isRegularFile(dir.resolve(ShopPlanning.BOUNDS_CSV))) {
                    out.printf("Scheduling bench: %s, %s per instance, seed %d (%s)%n", dir, time, seed,
                            withReference ? "plain OR-Tools CP-SAT side by side, " + workers + " workers, same time limit"
                                    : "OR-Tools CP-SAT side by side: not run");
                    out.flush();
                    CpSatOptions cpSat = withReference
                            ? CpSatOptions.of(limit).withSeed(seed).withWorkers(workers) : null;
                    SchedulingBench.run(dir, limit, seed, maxIterations == null ? Long.MAX_VALUE : maxIterations,
                            only, cpSat, stream);
                } else if (Files.isRegularFile(dir.resolve("bks.csv")) || Files.isRegularFile(dir.resolve("optimal.csv"))) {
                    Objective requested = objective == null ? null : RoutePlanning.objective(objective, null);
                    SolverOptions options;
                    try {
                        options = new SolverOptions(seed, maxIterations == null ? 0 : maxIterations, limit);
                    } catch (IllegalArgumentException e) {
                        throw new PlanInputException("--time/--iterations: " + e.getMessage(), e);
                    }
                    out.printf("Routing bench: %s, %s per instance, seed %d (%s)%n", dir, time, seed,
                            withReference ? "OR-Tools routing (guided local search) side by side, same time limit"
                                    : "OR-Tools routing side by side: not run");
                    out.flush();
                    RoutingBench.run(dir, requested, options, withReference ? limit : null, stream);
                } else {
                    throw new PlanInputException("The folder (" + dir + ") has no bounds.csv (job shop), bks.csv"
                            + " (VRPTW) or optimal.csv (CVRP). Maybe point at ../shared/data/jssp?");
                }
            } catch (PlanInputException e) {
                throw e;
            } catch (RuntimeException e) {
                // The bench mains read every file of the folder; name the folder with whatever they reported.
                throw new PlanInputException("Bench of " + dir + " failed: " + e.getMessage(), e);
            }
            return 0;
        }
    }

    /** A PrintStream for the bench mains that forwards each completed write to the CLI's writer. */
    static PrintStream printStream(PrintWriter writer) {
        OutputStream forward = new OutputStream() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
            }

            @Override
            public void flush() {
                writer.print(buffer.toString(StandardCharsets.UTF_8));
                buffer.reset();
                writer.flush();
            }
        };
        return new PrintStream(forward, true, StandardCharsets.UTF_8);
    }
}
