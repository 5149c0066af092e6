package org.plantwin.planners.scheduling;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.plantwin.planners.scheduling.api.BrandimarteFormat;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.planners.scheduling.api.SolveResult;
import org.plantwin.planners.scheduling.api.TabuSearch;
import org.plantwin.planners.scheduling.api.TabuSearchOptions;
import org.plantwin.planners.scheduling.cpsat.CpSatJobShop;
import org.plantwin.planners.scheduling.cpsat.CpSatOptions;
import org.plantwin.planners.scheduling.cpsat.CpSatResult;

/**
 * Runs the tabu search on every instance of a folder that has a {@code bounds.csv} and prints, per
 * instance, the makespan, best known, gap and time, then the mean gap per size group.
 *
 * <p>Usage: {@code SchedulingBench DIR [--time 10s] [--seed N] [--iterations N] [--only ft06,la01]
 * [--reference ortools] [--workers 2]}. Instances are {@code *.txt} (JSPLIB format) or {@code *.fjs} (Brandimarte).
 * With {@code --reference ortools}, plain CP-SAT ({@link CpSatJobShop}, no hint, {@code --workers} workers) runs
 * after the tabu search on each instance with the same wall-clock limit, and both are printed side by side.
 */
public final class SchedulingBench {
  /**
   * One measured instance; the reference fields are -1 / NaN / "-" when CP-SAT was not run.
   *
   * @param referenceMakespan plain CP-SAT's validated makespan, -1 if not run or no solution
   * @param referenceStatus CP-SAT's status (OPTIMAL, FEASIBLE, UNKNOWN) or "-"
   */
  public record Row(String instance, String size, long dispatchMakespan, long makespan, long bestKnown,
      double gapPercent, double seconds, long referenceMakespan, double referenceGapPercent, double referenceSeconds,
      String referenceStatus) {
    public boolean hasReference() {
      return referenceMakespan >= 0;
    }
  }

  private SchedulingBench() {
  }

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("Usage: SchedulingBench DIR [--time 10s] [--seed N] [--iterations N] [--only a,b]"
          + " [--reference ortools] [--workers 2]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Duration time = Duration.ofSeconds(10);
    long seed = 0;
    long iterations = Long.MAX_VALUE;
    List<String> only = List.of();
    boolean reference = false;
    int workers = 2;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--time" -> time = parseDuration(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--iterations" -> iterations = Long.parseLong(args[++i]);
        case "--only" -> only = Arrays.asList(args[++i].split(","));
        case "--reference" -> reference = parseReference(args[++i]);
        case "--workers" -> workers = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("The option (" + args[i] + ") is unknown. Maybe --time, --seed,"
            + " --iterations, --only, --reference or --workers?");
      }
    }
    CpSatOptions cpSat = reference ? CpSatOptions.of(time).withSeed(seed).withWorkers(workers) : null;
    run(dir, time, seed, iterations, only, cpSat, System.out);
  }

  /** Runs the bench (tabu search only) and prints to out; returns the rows. */
  public static List<Row> run(Path dir, Duration time, long seed, long iterations, List<String> only, PrintStream out) {
    return run(dir, time, seed, iterations, only, null, out);
  }

  /**
   * Runs the bench and prints to out; returns the rows. With {@code reference} not null, plain CP-SAT runs on each
   * instance after the tabu search (its own time limit, seed and workers; no hint, so it is the plain baseline).
   */
  public static List<Row> run(Path dir, Duration time, long seed, long iterations, List<String> only,
      CpSatOptions reference, PrintStream out) {
    Map<String, String[]> bounds = readBounds(dir.resolve("bounds.csv"));
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".fjs")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the bench folder (" + dir + ").", e);
    }
    if (reference == null) {
      out.printf(Locale.ROOT, "%-8s %-7s %9s %9s %9s %8s %8s%n", "instance", "size", "dispatch", "makespan",
          "best", "gap%", "time_s");
    } else {
      out.printf(Locale.ROOT, "%-8s %-7s %9s %9s %9s %8s %8s %9s %8s %8s %-9s%n", "instance", "size", "dispatch",
          "tabu", "best", "gap%", "time_s", "cpsat", "gap%", "time_s", "status");
    }
    List<Row> rows = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      if (!bounds.containsKey(name) || (!only.isEmpty() && !only.contains(name))) {
        continue;
      }
      ShopInstance instance = f.toString().endsWith(".fjs") ? BrandimarteFormat.read(f) : JsspFormat.read(f);
      long bestKnown = Long.parseLong(bounds.get(name)[0]);
      long lowerBound = Long.parseLong(bounds.get(name)[1]);
      Schedule dispatch = DispatchScheduler.best(instance);
      TabuSearchOptions options = TabuSearchOptions.builder().optTimeLimit(time).optSeed(seed)
          .optMaxIterations(iterations).optTargetMakespan(lowerBound).build();
      SolveResult result = TabuSearch.solve(instance, dispatch, options);
      long makespan = ScheduleValidator.requireValid(instance, result.schedule());
      double gap = 100.0 * (makespan - bestKnown) / bestKnown;
      String size = instance.jobCount() + "x" + instance.machineCount();
      double seconds = result.elapsed().toNanos() / 1e9;
      if (reference == null) {
        Row row = new Row(name, size, dispatch.makespan(), makespan, bestKnown, gap, seconds, -1, Double.NaN,
            Double.NaN, "-");
        rows.add(row);
        out.printf(Locale.ROOT, "%-8s %-7s %9d %9d %9d %8.2f %8.2f%n", name, size, row.dispatchMakespan(), makespan,
            bestKnown, gap, row.seconds());
        continue;
      }
      CpSatResult cp = CpSatJobShop.solve(instance, reference);
      double cpGap = cp.makespan() < 0 ? Double.NaN : 100.0 * (cp.makespan() - bestKnown) / bestKnown;
      Row row = new Row(name, size, dispatch.makespan(), makespan, bestKnown, gap, seconds, cp.makespan(), cpGap,
          cp.seconds(), cp.status());
      rows.add(row);
      out.printf(Locale.ROOT, "%-8s %-7s %9d %9d %9d %8.2f %8.2f %9s %8.2f %8.2f %-9s%n", name, size,
          row.dispatchMakespan(), makespan, bestKnown, gap, seconds, cp.makespan() < 0 ? "-" : cp.makespan(), cpGap,
          cp.seconds(), cp.status());
    }
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row row : rows) {
      groups.computeIfAbsent(row.size(), k -> new ArrayList<>()).add(row);
    }
    out.println();
    if (reference != null) {
      printReferenceSummary(groups, out);
      return rows;
    }
    out.printf(Locale.ROOT, "%-7s %3s %10s %14s %10s%n", "size", "n", "mean_gap%", "dispatch_gap%", "optimal");
    for (Map.Entry<String, List<Row>> e : groups.entrySet()) {
      double gap = e.getValue().stream().mapToDouble(Row::gapPercent).average().orElse(0);
      double dgap = e.getValue().stream()
          .mapToDouble(r -> 100.0 * (r.dispatchMakespan() - r.bestKnown()) / r.bestKnown()).average().orElse(0);
      long hits = e.getValue().stream().filter(r -> r.makespan() <= r.bestKnown()).count();
      out.printf(Locale.ROOT, "%-7s %3d %10.2f %14.2f %7d/%d%n", e.getKey(), e.getValue().size(), gap, dgap, hits,
          e.getValue().size());
    }
    return rows;
  }

  /** Per size group and overall: mean gaps of tabu and CP-SAT, instances at best known, wins/ties/losses of tabu. */
  private static void printReferenceSummary(Map<String, List<Row>> groups, PrintStream out) {
    out.printf(Locale.ROOT, "%-7s %3s %10s %11s %9s %10s %14s%n", "size", "n", "tabu_gap%", "cpsat_gap%", "tabu_best",
        "cpsat_best", "tabu_w/t/l");
    List<Row> all = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : groups.entrySet()) {
      printSummaryLine(e.getKey(), e.getValue(), out);
      all.addAll(e.getValue());
    }
    printSummaryLine("all", all, out);
  }

  private static void printSummaryLine(String label, List<Row> rows, PrintStream out) {
    double gap = rows.stream().mapToDouble(Row::gapPercent).average().orElse(0);
    double cpGap = rows.stream().mapToDouble(Row::referenceGapPercent).average().orElse(Double.NaN);
    long hits = rows.stream().filter(r -> r.makespan() <= r.bestKnown()).count();
    long cpHits = rows.stream().filter(r -> r.hasReference() && r.referenceMakespan() <= r.bestKnown()).count();
    long wins = rows.stream().filter(r -> !r.hasReference() || r.makespan() < r.referenceMakespan()).count();
    long ties = rows.stream().filter(r -> r.hasReference() && r.makespan() == r.referenceMakespan()).count();
    long losses = rows.size() - wins - ties;
    out.printf(Locale.ROOT, "%-7s %3d %10.2f %11.2f %6d/%-2d %7d/%-2d %8d/%d/%d%n", label, rows.size(), gap, cpGap, hits,
        rows.size(), cpHits, rows.size(), wins, ties, losses);
  }

  static boolean parseReference(String text) {
    return switch (text) {
      case "ortools", "cpsat" -> true;
      case "none" -> false;
      default -> throw new IllegalArgumentException("The reference (" + text + ") is unknown. Maybe ortools or none?");
    };
  }

  /** instance -> {upper_bound, lower_bound}, by header names. */
  static Map<String, String[]> readBounds(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bounds file (" + file + "). Maybe the folder has no bounds.csv?", e);
    }
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int nameCol = header.indexOf("instance");
    int ubCol = header.indexOf("upper_bound");
    int lbCol = header.indexOf("lower_bound");
    if (nameCol < 0 || ubCol < 0 || lbCol < 0) {
      throw new IllegalArgumentException("The header (" + lines.get(0) + ") of " + file
          + " must name instance, lower_bound and upper_bound.");
    }
    Map<String, String[]> result = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      result.put(cells[nameCol], new String[] {cells[ubCol], cells[lbCol]});
    }
    return result;
  }

  static Duration parseDuration(String text) {
    String t = text.strip();
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.endsWith("s")) {
      return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
    }
    if (t.endsWith("m")) {
      return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
    }
    throw new IllegalArgumentException("The duration (" + text + ") must end in ms, s or m, e.g. 10s.");
  }
}
