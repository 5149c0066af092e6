package org.plantwin.planners.scheduling;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.plantwin.planners.scheduling.api.DispatchRule;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleGeneration;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.SetupTimes;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.planners.scheduling.api.SolveResult;
import org.plantwin.planners.scheduling.api.TabuSearch;
import org.plantwin.planners.scheduling.api.TabuSearchOptions;
import org.plantwin.planners.scheduling.api.TimeWindow;
import org.plantwin.planners.scheduling.api.Unavailability;
import org.plantwin.planners.scheduling.cpsat.CpSatJobShop;
import org.plantwin.planners.scheduling.cpsat.CpSatOptions;
import org.plantwin.planners.scheduling.cpsat.CpSatResult;

/**
 * A job-shop instance with generated sequence-dependent setups and one maintenance window per machine,
 * solved by every dispatching rule, the tabu search (from the best rule) and CP-SAT (plain, then with the best
 * rule's schedule as a hint), each with the same time limit.
 *
 * <p>Usage: {@code SetupWindowExample FILE [--seed N] [--families F] [--time 10s] [--iterations N] [--workers 2]}.
 * The generator ({@link #generate}) is seeded: job j belongs to family j mod F; a setup between different
 * families is uniform in [mean/5, mean/2] of the mean processing time, 0 within a family; initial setups
 * uniform in [0, mean/5]; each machine gets one window of length mean in [0.2, 0.6] x the trivial lower bound.
 */
public final class SetupWindowExample {
  private SetupWindowExample() {
  }

  /** The base instance with seeded setups by family and one maintenance window per machine. */
  public static ShopInstance generate(ShopInstance base, long seed, int families) {
    SplittableRandom rng = new SplittableRandom(seed);
    long sum = 0;
    int ops = 0;
    for (var job : base.jobs()) {
      for (var op : job.operations()) {
        sum += op.minDuration();
        ops++;
      }
    }
    long mean = Math.max(1, sum / ops);
    int machines = base.machineCount();
    int[] familyOfJob = new int[base.jobCount()];
    for (int j = 0; j < familyOfJob.length; j++) {
      familyOfJob[j] = j % families;
    }
    long[][][] setup = new long[machines][families][families];
    long[][] initial = new long[machines][families];
    for (int m = 0; m < machines; m++) {
      for (int f = 0; f < families; f++) {
        initial[m][f] = rng.nextLong(mean / 5 + 1);
        for (int g = 0; g < families; g++) {
          setup[m][f][g] = f == g ? 0 : mean / 5 + rng.nextLong(mean / 2 - mean / 5 + 1);
        }
      }
    }
    long lb = base.trivialLowerBound();
    List<List<TimeWindow>> windows = new ArrayList<>();
    for (int m = 0; m < machines; m++) {
      long start = lb / 5 + rng.nextLong(2 * lb / 5 + 1);
      windows.add(List.of(new TimeWindow(start, start + mean)));
    }
    return new ShopInstance(base.name() + "-setups-s" + seed, machines, base.jobs(),
        SetupTimes.byFamily(familyOfJob, setup, initial), Unavailability.of(windows));
  }

  private static void print(String label, CpSatResult cp, int workers) {
    System.out.printf(Locale.ROOT, "%s: %s (bound %d, %s, %.2f s, %d workers)%n", label,
        cp.schedule().isPresent() ? Long.toString(cp.makespan()) : "-", cp.lowerBound(), cp.status(),
        cp.seconds(), workers);
  }

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("Usage: SetupWindowExample FILE [--seed N] [--families F] [--time 10s] [--iterations N]"
          + " [--workers 2]");
      System.exit(2);
    }
    long seed = 1;
    int families = 3;
    Duration time = Duration.ofSeconds(10);
    long iterations = Long.MAX_VALUE;
    int workers = 2;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--families" -> families = Integer.parseInt(args[++i]);
        case "--time" -> time = Duration.ofMillis((long) (Double.parseDouble(args[++i].replace("s", "")) * 1000));
        case "--iterations" -> iterations = Long.parseLong(args[++i]);
        case "--workers" -> workers = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("The option (" + args[i] + ") is unknown. Maybe --seed,"
            + " --families, --time, --iterations or --workers?");
      }
    }
    ShopInstance instance = generate(JsspFormat.read(Path.of(args[0])), seed, families);
    System.out.println(instance.name() + ": " + instance.jobCount() + " jobs, " + instance.machineCount()
        + " machines, " + families + " families, windows " + instance.unavailability());
    for (ScheduleGeneration g : ScheduleGeneration.values()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s", g));
      for (DispatchRule r : DispatchRule.values()) {
        Schedule s = DispatchScheduler.schedule(instance, r, g);
        line.append(String.format(Locale.ROOT, " %s=%d", r, ScheduleValidator.requireValid(instance, s)));
      }
      System.out.println(line);
    }
    Schedule best = DispatchScheduler.best(instance);
    System.out.println("best dispatch: " + ScheduleValidator.requireValid(instance, best));
    SolveResult tabu = TabuSearch.solve(instance, best, TabuSearchOptions.builder().optSeed(seed)
        .optTimeLimit(time).optMaxIterations(iterations).build());
    System.out.printf(Locale.ROOT, "tabu: %d (%d iterations, %.2f s)%n",
        ScheduleValidator.requireValid(instance, tabu.schedule()), tabu.iterations(), tabu.elapsed().toMillis() / 1000.0);
    CpSatOptions cpOptions = CpSatOptions.of(time).withSeed(seed).withWorkers(workers);
    print("cp-sat", CpSatJobShop.solve(instance, cpOptions), workers);
    print("cp-sat, best dispatch as hint", CpSatJobShop.solve(instance, cpOptions.withHint(best)), workers);
  }
}
