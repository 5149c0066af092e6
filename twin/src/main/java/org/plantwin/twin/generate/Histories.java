package org.plantwin.twin.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plantwin.actors.api.RunResult;
import org.plantwin.learning.generate.GanCsv;

/**
 * Turns a run's {@link RunResult.History} into training tables for a scenario generator (demand per period, failure
 * durations, travel-time factors per leg), with column names that are {@link GeneratorTarget}s, so that a generator
 * trained on them maps back onto the scenario by itself.
 */
public final class Histories {

    private Histories() {
    }

    /**
     * Demand: one row per period from time 0, one column {@code customers[C].demand[P]} per customer and product (in
     * scenario order), units ordered in that period.
     *
     * @throws IllegalArgumentException the run has no history or no customers
     */
    public static GanCsv.Table demand(RunResult r) {
        RunResult.History h = history(r);
        if (h.demand().isEmpty()) {
            throw new IllegalArgumentException("The scenario (" + r.scenario() + ") has no customers, so no demand"
                    + " history. Maybe export --failures only.");
        }
        Map<String, long[]> columns = new LinkedHashMap<>();
        int periods = h.demand().get(0).units().size();
        for (RunResult.DemandHistory d : h.demand()) {
            long[] sum = columns.computeIfAbsent(new GeneratorTarget.Demand(d.customer(), d.product()).text(),
                    k -> new long[periods]);
            for (int k = 0; k < periods; k++) {
                sum[k] += d.units().get(k);
            }
        }
        double[][] rows = new double[periods][columns.size()];
        int j = 0;
        for (long[] c : columns.values()) {
            for (int k = 0; k < periods; k++) {
                rows[k][j] = c[k];
            }
            j++;
        }
        return new GanCsv.Table(List.copyOf(columns.keySet()), rows);
    }

    /** The calendar column of the day of the week (0..6; day 0 starts at time 0, as a demand's weekly factors). */
    public static final String DAY_OF_WEEK = "calendar.dayOfWeek";
    /** The calendar column of the hour of the day (0..23) at which a period starts. */
    public static final String HOUR_OF_DAY = "calendar.hourOfDay";

    /**
     * {@code table} with calendar columns after its own, for the period starting at row k's time {@code k x
     * periodMillis}: {@value #DAY_OF_WEEK}, and {@value #HOUR_OF_DAY} when a period is shorter than a day. Context a
     * generator can be conditioned on ({@code plantwin gan train --condition calendar.dayOfWeek}) and that an
     * experiment's future has too (the same columns for its own periods).
     */
    public static GanCsv.Table withCalendar(GanCsv.Table table, long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("The period (" + periodMillis + " ms) must be > 0.");
        }
        long day = 86_400_000L;
        boolean hours = periodMillis < day;
        List<String> columns = new java.util.ArrayList<>(table.columns());
        columns.add(DAY_OF_WEEK);
        if (hours) {
            columns.add(HOUR_OF_DAY);
        }
        int own = table.columns().size();
        double[][] rows = new double[table.rows().length][columns.size()];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(table.rows()[k], 0, rows[k], 0, own);
            long start = k * periodMillis;
            rows[k][own] = (start / day) % 7;
            if (hours) {
                rows[k][own + 1] = (start % day) / 3_600_000L;
            }
        }
        return new GanCsv.Table(List.copyOf(columns), rows);
    }

    /**
     * Failures: row k holds the k-th time between failures and repair time (minutes) of every failure mode, two
     * columns per mode in scenario order; as many rows as the mode with the fewest repairs has (the rows of the
     * others beyond it are dropped, so that every row is complete).
     *
     * @throws IllegalArgumentException the run has no history, no failure modes, or a mode that never failed
     */
    public static GanCsv.Table failures(RunResult r) {
        RunResult.History h = history(r);
        if (h.failures().isEmpty()) {
            throw new IllegalArgumentException("The scenario (" + r.scenario() + ") has no machine failures, so no"
                    + " failure history. Maybe export --demand only.");
        }
        int rows = Integer.MAX_VALUE;
        for (RunResult.FailureHistory f : h.failures()) {
            rows = Math.min(rows, f.repairMinutes().size());
        }
        if (rows == 0) {
            RunResult.FailureHistory none = h.failures().stream().filter(f -> f.repairMinutes().isEmpty())
                    .findFirst().orElseThrow();
            throw new IllegalArgumentException("Failure mode " + none.mode() + " of machine " + none.machine()
                    + " never failed in the run, so there is no complete row. Maybe a longer --horizon?");
        }
        List<String> names = new ArrayList<>();
        double[][] out = new double[rows][2 * h.failures().size()];
        int j = 0;
        for (RunResult.FailureHistory f : h.failures()) {
            names.add(new GeneratorTarget.Failure(f.machine(), f.mode(), false).text());
            names.add(new GeneratorTarget.Failure(f.machine(), f.mode(), true).text());
            for (int k = 0; k < rows; k++) {
                out[k][j] = f.timeBetweenMinutes().get(k);
                out[k][j + 1] = f.repairMinutes().get(k);
            }
            j += 2;
        }
        return new GanCsv.Table(List.copyOf(names), out);
    }

    /**
     * Travel: row k holds the travel-time factor of the k-th leg of every fleet that drove (one column
     * {@code fleets[F].travelFactor} per fleet, scenario order); as many rows as the fleet with the fewest legs drove.
     * A fleet that drove no leg is left out (it has nothing to learn from; only the first fleet of a depot gets
     * shipments).
     *
     * @throws IllegalArgumentException the run has no history, no fleets, or no fleet drove a leg
     */
    public static GanCsv.Table travel(RunResult r) {
        RunResult.History h = history(r);
        if (h.travel().isEmpty()) {
            throw new IllegalArgumentException("The scenario (" + r.scenario() + ") has no fleets, so no travel"
                    + " history. Maybe export --demand or --failures only.");
        }
        List<RunResult.TravelHistory> drove = h.travel().stream().filter(t -> !t.factors().isEmpty()).toList();
        if (drove.isEmpty()) {
            throw new IllegalArgumentException("No fleet of (" + r.scenario() + ") drove a leg in the run, so there is"
                    + " no row. Maybe a longer --horizon?");
        }
        int rows = drove.stream().mapToInt(t -> t.factors().size()).min().orElseThrow();
        List<String> names = new ArrayList<>();
        double[][] out = new double[rows][drove.size()];
        for (int j = 0; j < drove.size(); j++) {
            names.add(new GeneratorTarget.Travel(drove.get(j).fleet()).text());
            for (int k = 0; k < rows; k++) {
                out[k][j] = drove.get(j).factors().get(k);
            }
        }
        return new GanCsv.Table(List.copyOf(names), out);
    }

    private static RunResult.History history(RunResult r) {
        if (r.history() == null) {
            throw new IllegalArgumentException("The run of (" + r.scenario() + ") recorded no history. Maybe run it"
                    + " with RunOptions.withHistory(periodMillis).");
        }
        return r.history();
    }
}
