package org.plantwin.twin.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.Simulation;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.learning.generate.GanCsv;
import org.plantwin.learning.generate.TimeSeriesGan;
import org.plantwin.learning.generate.Windows;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.io.Hints;
import org.plantwin.scenarios.model.Customer;
import org.plantwin.scenarios.model.Demand;
import org.plantwin.scenarios.model.DemandSeries;
import org.plantwin.scenarios.model.Failure;
import org.plantwin.scenarios.model.FailureTrace;
import org.plantwin.scenarios.model.Fleet;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;
import org.plantwin.twin.experiment.PathOverride;
import org.plantwin.twin.experiment.Variant;

/**
 * Scenario variants drawn from trained generators ({@link TimeSeriesGan}): {@code count} scenarios whose demand
 * trajectories (per customer and product), failure traces (per machine and failure mode) and travel-time traces (per
 * fleet) come from the generators' samples, and as many parametric scenarios (the base scenario as it is) to compare
 * them with.
 *
 * <p>Generated scenario i draws, from every model, windows with a seed derived from ({@code seed}, model, i) and
 * lays them end to end until the horizon is covered: demand needs one row per period; a failure trace needs times
 * between failures that add up to the horizon; a travel trace needs one row per leg, twice as many as the fleet drove
 * in a run of the base scenario (seed {@code simulationSeed}). Each column then replaces what its
 * {@link GeneratorTarget} names: the product's demand lines of that customer become one series (units rounded to
 * whole numbers, negatives to 0), the failure mode gets a {@link FailureTrace} (durations rounded to seconds; times
 * between failures at least 1 s) after which its distributions take over, the fleet gets a {@code travelTrace}
 * (factors at least {@value #MIN_TRAVEL_FACTOR}) after which the travel noise draws. Scenario i of both groups runs
 * with the simulation seed {@code simulationSeed + i}, so a generated scenario and its parametric twin share every
 * other random stream.
 *
 * @param count scenarios per group, >= 2
 * @param seed seed of the generators' noise
 * @param parametric whether to add the parametric group
 * @param replayed whether to add the replayed group: scenario i replays, through the same targets, the history of
 *     the base scenario's own run with seed {@code simulationSeed + i} (demand per period as a series, failure
 *     durations as a trace, each leg's travel factor as the fleet's travel trace); it differs from parametric
 *     scenario i only by that representation (one order per period, fixed across replications), so it tells how
 *     much of a difference comes from the representation and how much from the generator
 * @param models the generators, each with its column mapping
 */
public record GeneratedVariants(int count, long seed, boolean parametric, boolean replayed, List<Model> models) {

    /** The group names of generated and parametric variants. */
    public static final String GENERATED = "generated";
    public static final String PARAMETRIC = "parametric";
    public static final String REPLAYED = "replayed";

    /** The largest number of rows drawn per model and scenario; beyond it the distributions take over. */
    static final int MAX_ROWS = 100_000;

    /**
     * The smallest travel-time factor a generated trace gets: a factor must be > 0, and a small one shrinks the
     * kernel's lookahead (and so slows the run) in proportion.
     */
    static final double MIN_TRAVEL_FACTOR = 0.1;

    /**
     * One generator: its model folder ({@code plantwin gan train --out}), optional column-to-target mapping (empty:
     * every column names its target), the period of a demand row, and for a generator conditioned on context
     * ({@code plantwin gan train --condition}) a CSV of the condition columns, one row per period from time 0 (other
     * columns are ignored, so the history the model trained on serves too).
     */
    public record Model(Path dir, Map<String, String> targets, TimeSpan period, Path conditions) {
        public Model {
            Objects.requireNonNull(dir, "dir");
            targets = targets == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
            period = period == null ? TimeSpan.parse("1d") : period;
        }

        /** An unconditioned generator's model. */
        public Model(Path dir, Map<String, String> targets, TimeSpan period) {
            this(dir, targets, period, null);
        }
    }

    public GeneratedVariants {
        if (count < 2) {
            throw new IllegalArgumentException("The count (" + count + ") of generated scenarios must be >= 2 for a"
                    + " distribution.");
        }
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("Generated scenarios need at least one model.");
        }
    }

    /**
     * The parametric variants (group {@value #PARAMETRIC}, the baseline the experiment compares with) if asked for,
     * then the generated ones (group {@value #GENERATED}).
     *
     * @param base the base scenario
     * @param simulationSeed the seed of scenario 0 (the experiment's or the base's)
     * @param horizonMillis the horizon the variants will run (the experiment's or the base's)
     * @param source names the experiment in errors; problems point into {@code $.generated}
     * @throws ScenarioException a model cannot be read, a column names no target of the base scenario, ...
     */
    public List<Variant> variants(Scenario base, long simulationSeed, long horizonMillis, String source) {
        List<Scenario> generated = new ArrayList<>(java.util.Collections.nCopies(count, base));
        List<Scenario> replays = new ArrayList<>(java.util.Collections.nCopies(count, base));
        for (int m = 0; m < models.size(); m++) {
            Model model = models.get(m);
            String at = "$.generated.models[" + m + "]";
            if (!Files.isRegularFile(model.dir().resolve(TimeSeriesGan.NAME + ".json"))) {
                throw problem(source, at + ".model", model.dir().toString(), "There is no trained generator in this "
                        + "folder (no " + TimeSeriesGan.NAME + ".json)", "Maybe train one: plantwin gan train --data"
                        + " FILE.csv --out DIR; a relative folder is resolved against the experiment file's.");
            }
            List<GeneratorTarget> used;
            try (TimeSeriesGan gan = TimeSeriesGan.load(model.dir(), 1)) {
                List<String> columns = gan.descriptor().columns();
                int c = gan.descriptor().conditions();
                // Condition columns are context, not targets: only the generated columns drive the scenario.
                Map<Integer, GeneratorTarget> targets = targets(model, columns.subList(0, columns.size() - c), base,
                        at, source);
                used = List.copyOf(targets.values());
                ConditionWindows conditions = conditions(gan, model, targets, horizonMillis, at, source);
                int legs = travelLegs(targets, base, simulationSeed, horizonMillis);
                for (int i = 0; i < count; i++) {
                    double[][] rows = conditions == null
                            ? rows(gan, targets, base, model, horizonMillis, legs, mix(seed, m, i))
                            : rows(gan, conditions, neededRows(targets, base, model, horizonMillis, legs),
                                    mix(seed, m, i));
                    Map<GeneratorTarget, double[]> values = new LinkedHashMap<>();
                    targets.forEach((j, t) -> values.put(t, column(rows, j)));
                    generated.set(i, apply(generated.get(i), values, model, horizonMillis));
                }
            }
            if (replayed) {
                try (SimulationRuntime runtime = SimulationRuntime.create(1)) {
                    for (int i = 0; i < count; i++) {
                        RunResult r = runtime.run(base, RunOptions.defaults().withSeed(simulationSeed + i)
                                .withHorizonMillis(horizonMillis).withHistory(model.period().toMillis()));
                        replays.set(i, apply(replays.get(i), recorded(r.history(), used), model, horizonMillis));
                    }
                }
            }
        }
        List<Variant> out = new ArrayList<>();
        if (parametric) {
            add(out, PARAMETRIC, java.util.Collections.nCopies(count, null), simulationSeed);
        }
        if (replayed) {
            add(out, REPLAYED, replays, simulationSeed);
        }
        add(out, GENERATED, generated, simulationSeed);
        return List.copyOf(out);
    }

    private void add(List<Variant> out, String group, List<Scenario> scenarios, long simulationSeed) {
        for (int i = 0; i < count; i++) {
            out.add(new Variant(name(group, i), scenarios.get(i), List.of(PathOverride.of("seed", simulationSeed + i)),
                    group));
        }
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            c[k] = rows[k][j];
        }
        return c;
    }

    /** What a run recorded for each target: units per period, or durations in minutes. */
    private static Map<GeneratorTarget, double[]> recorded(RunResult.History h, List<GeneratorTarget> targets) {
        Map<GeneratorTarget, double[]> out = new LinkedHashMap<>();
        for (GeneratorTarget t : targets) {
            if (t instanceof GeneratorTarget.Demand d) {
                double[] sum = null;
                for (RunResult.DemandHistory x : h.demand()) {
                    if (x.customer().equals(d.customer()) && x.product().equals(d.product())) {
                        sum = sum == null ? new double[x.units().size()] : sum;
                        for (int k = 0; k < sum.length; k++) {
                            sum[k] += x.units().get(k);
                        }
                    }
                }
                out.put(t, sum);
            } else if (t instanceof GeneratorTarget.Travel v) {
                out.put(t, h.travel().stream().filter(x -> x.fleet().equals(v.fleet())).findFirst().orElseThrow()
                        .factors().stream().mapToDouble(Double::doubleValue).toArray());
            } else {
                GeneratorTarget.Failure f = (GeneratorTarget.Failure) t;
                RunResult.FailureHistory x = h.failures().stream()
                        .filter(y -> y.machine().equals(f.machine()) && y.mode() == f.mode()).findFirst().orElseThrow();
                out.put(t, (f.repair() ? x.repairMinutes() : x.timeBetweenMinutes()).stream()
                        .mapToDouble(Double::doubleValue).toArray());
            }
        }
        return out;
    }

    private String name(String group, int i) {
        int digits = String.valueOf(count).length();
        return group + "-" + String.format(java.util.Locale.ROOT, "%0" + digits + "d", i + 1);
    }

    /** Column index -> target, checked against the base scenario. */
    private static Map<Integer, GeneratorTarget> targets(Model model, List<String> columns, Scenario base, String at,
                                                         String source) {
        Map<Integer, GeneratorTarget> out = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (model.targets().isEmpty()) {
            for (int j = 0; j < columns.size(); j++) {
                add(out, j, columns.get(j), at + ".model", model.dir() + " column " + columns.get(j), base, problems);
            }
        } else {
            model.targets().forEach((column, target) -> {
                int j = columns.indexOf(column);
                String path = at + ".targets['" + column + "']";
                if (j < 0) {
                    problems.add(new Problem(path, "\"" + column + "\"", "The generator has no such column; it has "
                            + columns, Hints.closest(column, columns)));
                } else {
                    add(out, j, target, path, target, base, problems);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return out;
    }

    private static void add(Map<Integer, GeneratorTarget> out, int column, String text, String path, String value,
                            Scenario base, List<Problem> problems) {
        GeneratorTarget t;
        try {
            t = GeneratorTarget.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, "\"" + value + "\"", e.getMessage().replaceFirst(" Maybe.*", ""),
                    "Maybe map the column in targets: {\"" + text + "\": \"customers[C01].demand[A]\"}."));
            return;
        }
        String missing = missing(t, base);
        if (missing != null) {
            problems.add(new Problem(path, "\"" + value + "\"", missing, hint(t, base)));
            return;
        }
        if (out.containsValue(t)) {
            problems.add(new Problem(path, "\"" + value + "\"", "Two columns drive the same target (" + t.text() + ")",
                    "Maybe map one of them elsewhere, or leave it out of targets."));
            return;
        }
        out.put(column, t);
    }

    private static String missing(GeneratorTarget t, Scenario base) {
        if (t instanceof GeneratorTarget.Demand d) {
            Customer c = base.customers().stream().filter(x -> x.id().equals(d.customer())).findFirst().orElse(null);
            if (c == null) {
                return "The scenario has no customer (" + d.customer() + ")";
            }
            return c.demand().stream().anyMatch(x -> x.product().equals(d.product())) ? null
                    : "Customer " + d.customer() + " has no demand for product (" + d.product() + ")";
        }
        if (t instanceof GeneratorTarget.Travel v) {
            return base.fleets().stream().anyMatch(f -> f.id().equals(v.fleet())) ? null
                    : "The scenario has no fleet (" + v.fleet() + ")";
        }
        GeneratorTarget.Failure f = (GeneratorTarget.Failure) t;
        Machine m = base.machines().stream().filter(x -> x.id().equals(f.machine())).findFirst().orElse(null);
        if (m == null) {
            return "The scenario has no machine (" + f.machine() + ")";
        }
        return f.mode() < m.failures().size() ? null
                : "Machine " + f.machine() + " has " + m.failures().size() + " failure modes, not a mode " + f.mode();
    }

    private static String hint(GeneratorTarget t, Scenario base) {
        if (t instanceof GeneratorTarget.Demand d) {
            List<String> known = new ArrayList<>();
            base.customers().forEach(c -> c.demand().forEach(x ->
                    known.add(new GeneratorTarget.Demand(c.id(), x.product()).text())));
            return Hints.closest(d.text(), known);
        }
        if (t instanceof GeneratorTarget.Travel) {
            List<String> known = base.fleets().stream().map(f -> new GeneratorTarget.Travel(f.id()).text()).toList();
            return known.isEmpty() ? "Maybe add a fleet to the scenario, or leave this column out of targets."
                    : Hints.closest(t.text(), known);
        }
        List<String> known = new ArrayList<>();
        base.machines().forEach(m -> {
            for (int k = 0; k < m.failures().size(); k++) {
                known.add(new GeneratorTarget.Failure(m.id(), k, ((GeneratorTarget.Failure) t).repair()).text());
            }
        });
        return Hints.closest(t.text(), known);
    }

    /**
     * A conditioned generator's condition windows for one run: the condition columns of {@code model.conditions()}
     * (original units) cut into windows of the model's length that start at rows 0, T, 2T, ..., the last one ending
     * at the row the horizon needs (overlapping the one before it if the count is not a multiple of T); null for an
     * unconditioned generator. A conditioned generator drives demand only, since only demand rows are periods that a
     * calendar of conditions can name.
     */
    private static ConditionWindows conditions(TimeSeriesGan gan, Model model, Map<Integer, GeneratorTarget> targets,
                                      long horizonMillis, String at, String source) {
        if (gan.descriptor().conditions() == 0) {
            if (model.conditions() != null) {
                throw problem(source, at + ".conditions", model.conditions().toString(), "The generator has no"
                        + " condition columns", "Leave conditions out (they are for a model trained with"
                        + " plantwin gan train --condition).");
            }
            return null;
        }
        List<String> names = gan.descriptor().conditionColumns();
        if (model.conditions() == null) {
            throw problem(source, at + ".conditions", "(none)", "The generator is conditioned on " + names
                    + ": it needs their values for every period of the run", "Give conditions: FILE.csv with the"
                    + " columns " + names + ", one row per period from time 0 (next year's calendar, or the history"
                    + " the model trained on).");
        }
        for (Map.Entry<Integer, GeneratorTarget> e : targets.entrySet()) {
            if (!(e.getValue() instanceof GeneratorTarget.Demand)) {
                throw problem(source, at + ".model", gan.descriptor().columns().get(e.getKey()), "A conditioned"
                        + " generator drives demand only (its rows are periods a calendar of conditions can name);"
                        + " this column drives " + e.getValue().text(), "Train failures and travel without"
                        + " --condition, as a separate model.");
            }
        }
        GanCsv.Table table;
        try {
            table = GanCsv.readSeries(model.conditions()).select(names, "condition columns");
        } catch (IllegalArgumentException | java.io.UncheckedIOException ex) {
            throw problem(source, at + ".conditions", model.conditions().toString(), ex.getMessage(),
                    "A CSV with a header naming the columns " + names + " and one numeric row per period.");
        }
        int seqLen = gan.descriptor().seqLen();
        long periods = (horizonMillis + model.period().toMillis() - 1) / model.period().toMillis();
        long rows = Math.max(periods, seqLen);
        if (table.rows().length < rows) {
            throw problem(source, at + ".conditions", model.conditions() + " (" + table.rows().length + " rows)",
                    "The horizon needs " + periods + " periods of " + model.period() + (rows > periods ? " (and a"
                    + " window " + seqLen + " rows)" : "") + ", so " + rows + " rows of conditions",
                    "Add rows to the file, or shorten the horizon.");
        }
        Windows sliding = Windows.sliding(java.util.Arrays.copyOf(table.rows(), (int) rows), seqLen);
        int n = (int) ((rows + seqLen - 1) / seqLen);
        int[] starts = new int[n];
        for (int k = 0; k < n; k++) {
            starts[k] = (int) Math.min((long) k * seqLen, rows - seqLen);
        }
        return new ConditionWindows(sliding.select(starts, 0, n), starts);
    }

    /** Condition windows and the row of time 0 each starts at. */
    private record ConditionWindows(Windows windows, int[] starts) {
    }

    /**
     * A conditioned generator's rows: one window per condition window, each step at the row its condition came from
     * (of a last window that overlaps the one before, only the rows past it), cut to {@code needed} rows.
     */
    private static double[][] rows(TimeSeriesGan gan, ConditionWindows conditions, int needed, long seed) {
        Windows w = gan.sample(conditions.windows(), seed);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < w.count(); i++) {
            // Window i starts at row starts[i] <= rows.size(): skip the steps the windows before it covered.
            for (int t = rows.size() - conditions.starts()[i]; t < w.length() && rows.size() < needed; t++) {
                rows.add(step(w, i, t));
            }
        }
        return rows.toArray(new double[0][]);
    }

    /** Step {@code t} of window {@code i}: one row, every column. */
    private static double[] step(Windows w, int i, int t) {
        double[] row = new double[w.features()];
        for (int f = 0; f < row.length; f++) {
            row[f] = w.get(i, t, f);
        }
        return row;
    }

    /** Windows laid end to end until every target is covered (or {@link #MAX_ROWS}): rows {@code [t][column]}. */
    private static double[][] rows(TimeSeriesGan gan, Map<Integer, GeneratorTarget> targets, Scenario base,
                                   Model model, long horizonMillis, int legs, long seed) {
        int seqLen = gan.descriptor().seqLen();
        List<double[]> rows = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        int needed = neededRows(targets, base, model, horizonMillis, legs);
        while (rows.size() < MAX_ROWS && (rows.size() < needed || !failuresCovered(targets, rows, horizonMillis))) {
            int missing = Math.max(needed - rows.size(), seqLen);
            int windows = Math.min((missing + seqLen - 1) / seqLen, (MAX_ROWS - rows.size() + seqLen - 1) / seqLen);
            Windows w = gan.sample(windows, seeds.nextLong());
            for (int i = 0; i < w.count(); i++) {
                for (int t = 0; t < seqLen; t++) {
                    rows.add(step(w, i, t));
                }
            }
        }
        return rows.toArray(new double[0][]);
    }

    /**
     * Demand: one row per period; a repair trace without a time-between column: twice the expected failures; travel:
     * {@code legs} rows.
     */
    private static int neededRows(Map<Integer, GeneratorTarget> targets, Scenario base, Model model,
                                  long horizonMillis, int legs) {
        long needed = 1;
        for (GeneratorTarget t : targets.values()) {
            if (t instanceof GeneratorTarget.Travel) {
                needed = Math.max(needed, legs);
            } else if (t instanceof GeneratorTarget.Demand) {
                needed = Math.max(needed, (horizonMillis + model.period().toMillis() - 1) / model.period().toMillis());
            } else if (t instanceof GeneratorTarget.Failure f && f.repair()
                    && !targets.containsValue(new GeneratorTarget.Failure(f.machine(), f.mode(), false))) {
                double mean = failure(base, f).timeBetween().meanMillis();
                needed = Math.max(needed, (long) Math.ceil(2.0 * horizonMillis / Math.max(1, mean)));
            }
        }
        return (int) Math.min(needed, MAX_ROWS);
    }

    /**
     * Rows a travel trace needs: twice the most legs a targeted fleet drove in a run of the base scenario (a generated
     * future may need more legs than the base's); 0 without travel targets. Beyond the trace the noise draws.
     */
    private static int travelLegs(Map<Integer, GeneratorTarget> targets, Scenario base, long simulationSeed,
                                  long horizonMillis) {
        List<String> fleets = targets.values().stream().filter(t -> t instanceof GeneratorTarget.Travel)
                .map(t -> ((GeneratorTarget.Travel) t).fleet()).toList();
        if (fleets.isEmpty()) {
            return 0;
        }
        RunResult r = Simulation.run(base, RunOptions.defaults().withSeed(simulationSeed)
                .withHorizonMillis(horizonMillis).withHistory(horizonMillis));
        int most = r.history().travel().stream().filter(h -> fleets.contains(h.fleet()))
                .mapToInt(h -> h.factors().size()).max().orElse(0);
        return (int) Math.min(MAX_ROWS, 2L * most);
    }

    private static boolean failuresCovered(Map<Integer, GeneratorTarget> targets, List<double[]> rows,
                                           long horizonMillis) {
        for (Map.Entry<Integer, GeneratorTarget> e : targets.entrySet()) {
            if (e.getValue() instanceof GeneratorTarget.Failure f && !f.repair()
                    && traceLength(column(rows.toArray(new double[0][]), e.getKey()), horizonMillis) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Times between failures (minutes) until they add up to the horizon, -1 if they never do. */
    private static int traceLength(double[] minutes, long horizonMillis) {
        double sum = 0;
        for (int k = 0; k < minutes.length; k++) {
            sum += millis(minutes[k], 1000);
            if (sum >= horizonMillis) {
                return k + 1;
            }
        }
        return -1;
    }

    /** Minutes -> milliseconds rounded to whole seconds, at least {@code minMillis}. */
    private static double millis(double minutes, double minMillis) {
        return Math.max(minMillis, Math.rint(minutes * 60.0) * 1000.0);
    }

    private static Failure failure(Scenario s, GeneratorTarget.Failure f) {
        return s.machines().stream().filter(m -> m.id().equals(f.machine())).findFirst().orElseThrow()
                .failures().get(f.mode());
    }

    private static Scenario apply(Scenario s, Map<GeneratorTarget, double[]> values, Model model,
                                  long horizonMillis) {
        List<Customer> customers = new ArrayList<>(s.customers());
        List<Machine> machines = new ArrayList<>(s.machines());
        List<Fleet> fleets = new ArrayList<>(s.fleets());
        for (Map.Entry<GeneratorTarget, double[]> e : values.entrySet()) {
            double[] v = e.getValue();
            if (e.getKey() instanceof GeneratorTarget.Travel t) {
                List<Double> factors = new ArrayList<>();
                for (double f : v) {
                    factors.add(Math.max(MIN_TRAVEL_FACTOR, f));
                }
                fleets.replaceAll(f -> f.id().equals(t.fleet()) ? f.withTravelTrace(factors) : f);
            } else if (e.getKey() instanceof GeneratorTarget.Demand d) {
                int periods = (int) Math.min(v.length,
                        (horizonMillis + model.period().toMillis() - 1) / model.period().toMillis());
                List<Double> units = new ArrayList<>();
                for (int k = 0; k < periods; k++) {
                    units.add(Math.max(0.0, Math.rint(v[k])));
                }
                replaceDemand(customers, d, new Demand(d.product(), null, null, null, null,
                        new DemandSeries(null, units, model.period()), 1.0));
            } else {
                GeneratorTarget.Failure f = (GeneratorTarget.Failure) e.getKey();
                double[] timeBetween = values.get(new GeneratorTarget.Failure(f.machine(), f.mode(), false));
                int n = timeBetween != null ? traceLength(timeBetween, horizonMillis) : v.length;
                n = Math.min(n < 0 ? v.length : n, v.length);
                List<TimeSpan> trace = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    trace.add(TimeSpan.ofMillis(millis(v[k], f.repair() ? 0 : 1000)));
                }
                replaceTrace(machines, f, trace);
            }
        }
        return new Scenario(s.name(), s.description(), s.seed(), s.horizon(), s.warmup(), s.transferTime(),
                s.products(), machines, s.lines(), s.machineGroups(), s.sources(), s.sinks(), s.sites(), s.travel(),
                s.warehouses(), s.suppliers(), customers, fleets);
    }

    /** The customer's demand lines of the product become one line: {@code series}, where the first one was. */
    private static void replaceDemand(List<Customer> customers, GeneratorTarget.Demand d, Demand series) {
        for (int c = 0; c < customers.size(); c++) {
            Customer cu = customers.get(c);
            if (!cu.id().equals(d.customer())) {
                continue;
            }
            List<Demand> demand = new ArrayList<>();
            boolean placed = false;
            for (Demand x : cu.demand()) {
                if (!x.product().equals(d.product())) {
                    demand.add(x);
                } else if (!placed) {
                    demand.add(series);
                    placed = true;
                }
            }
            customers.set(c, new Customer(cu.id(), cu.site(), cu.warehouse(), cu.quotedLeadTime(), demand));
        }
    }

    private static void replaceTrace(List<Machine> machines, GeneratorTarget.Failure f, List<TimeSpan> trace) {
        for (int i = 0; i < machines.size(); i++) {
            Machine m = machines.get(i);
            if (!m.id().equals(f.machine())) {
                continue;
            }
            List<Failure> failures = new ArrayList<>(m.failures());
            Failure old = failures.get(f.mode());
            FailureTrace t = old.trace() != null ? old.trace() : new FailureTrace(null, null);
            t = f.repair() ? new FailureTrace(t.timeBetween(), trace) : new FailureTrace(trace, t.repair());
            failures.set(f.mode(), new Failure(old.basis(), old.timeBetween(), old.repair(), t));
            machines.set(i, new Machine(m.id(), m.processTime(), m.processTimes(), failures, m.setup(), m.scrap(),
                    m.degradation(), m.maintenance()));
        }
    }

    /** A seed for (model, scenario) from the generators' seed. */
    private static long mix(long seed, int model, int scenario) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (model + 1))).split().nextLong() + scenario * 0xBF58476D1CE4E5B9L;
    }

    private static ScenarioException problem(String source, String path, String value, String rule, String hint) {
        return new ScenarioException(source, List.of(new Problem(path, "\"" + value + "\"", rule, hint)));
    }
}
