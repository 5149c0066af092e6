package org.plantwin.twin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.twin.experiment.Comparison;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentCsv;
import org.plantwin.twin.experiment.ExperimentHtml;
import org.plantwin.twin.experiment.ExperimentJson;
import org.plantwin.twin.experiment.ExperimentResult;
import org.plantwin.twin.experiment.ExperimentRunner;
import org.plantwin.twin.experiment.PairedDifference;
import org.plantwin.twin.experiment.ScenarioDistribution;
import org.plantwin.twin.experiment.Summary;
import org.plantwin.twin.experiment.UnknownKpiException;
import org.plantwin.twin.experiment.VariantResult;
import org.plantwin.twin.experiment.WarmupDetection;

/** Shared by {@code experiment} and {@code compare}: run with a progress bar, print tables, write the files. */
final class ExperimentReport {

    private ExperimentReport() {
    }

    static int runAndReport(Experiment e, int lanes, Path outDir, boolean quiet, PrintWriter out, PrintWriter err) {
        ExperimentResult result;
        long wallStart = System.nanoTime(); // wall clock at the process edge only, to tell the user
        try {
            if (quiet || System.console() == null) {
                result = ExperimentRunner.run(e, lanes, null);
            } else {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName(e.name()).setInitialMax(1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .setUnit(" runs", 1).showSpeed().build()) {
                    result = ExperimentRunner.run(e, lanes, p -> {
                        synchronized (bar) {
                            bar.maxHint(p.plannedRuns());
                            bar.stepTo(Math.max(bar.getCurrent(), p.completedRuns()));
                        }
                    });
                }
            }
        } catch (ScenarioException ex) {
            Runs.printProblems(e.name(), ex, err);
            return PlantwinCli.EXIT_INVALID;
        } catch (UnknownKpiException ex) {
            err.println("Error: " + ex.getMessage());
            err.flush();
            return PlantwinCli.EXIT_INVALID;
        }
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        Path dir = outDir != null ? outDir : Path.of("plantwin-out", e.name());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("experiment.json", ExperimentJson.write(result));
        files.put("summary.csv", ExperimentCsv.summary(result));
        files.put("replications.csv", ExperimentCsv.replications(result));
        if (!result.comparisons().isEmpty()) {
            files.put("comparisons.csv", ExperimentCsv.comparisons(result));
        }
        files.put("report.html", ExperimentHtml.write(result));
        try {
            writeAllAtomically(dir, files);
        } catch (IOException ex) {
            err.println("Error: cannot write into " + dir + ": " + ex.getMessage() + ". Maybe choose another --out folder.");
            err.flush();
            return PlantwinCli.EXIT_ERROR;
        }
        out.print(render(result));
        out.printf(Locale.ROOT, "%d variant%s x %d replications in %.2f s wall time on %d lane%s. Results: %s%n",
                result.variants().size(), result.variants().size() == 1 ? "" : "s", result.replications(),
                wallSeconds, lanes, lanes == 1 ? "" : "s", dir);
        out.flush();
        return 0;
    }

    /** The terminal tables: KPI summaries per variant, then paired comparisons with verdicts. */
    static String render(ExperimentResult r) {
        String pct = String.format(Locale.ROOT, "%.0f%%", 100 * r.confidence());
        StringBuilder sb = new StringBuilder();
        String title = "Experiment " + r.name() + " (" + r.scenario() + ", seed " + r.seed() + ", " + r.replications()
                + " replications" + (r.precisionReached() == null ? ""
                : r.precisionReached() ? ", precision reached" : ", precision NOT reached at the maximum") + ")";
        if (r.distributions().isEmpty()) {
            TextTable t = new TextTable(title, "variant", "KPI", "mean", "+/-", "sd", pct + " CI");
            for (VariantResult v : r.variants()) {
                for (String k : r.kpis()) {
                    Summary s = v.summary(k);
                    t.row(v.name(), k, s.mean(), s.halfWidth(), s.sd(), "[" + TextTable.format(s.lower()) + ", "
                            + TextTable.format(s.upper()) + "]");
                }
            }
            sb.append(t.render());
        } else {
            // One row per scenario would run to hundreds of lines: they are in summary.csv.
            sb.append(title).append(": ").append(r.variants().size()).append(" scenarios, each in summary.csv\n");
        }
        WarmupDetection w = r.warmupDetection();
        if (w != null) {
            sb.append('\n');
            TextTable wt = new TextTable("Warm-up detected: " + w.applied() + " (" + w.method() + " on " + w.kpi()
                    + ", " + w.pilotReplications() + " pilot runs per variant averaged, " + w.batches()
                    + " batches; the largest over the variants is applied)",
                    "variant", "batch (min)", "batches dropped", "warm-up (min)", "pilots alone", "note");
            for (WarmupDetection.VariantWarmup v : w.variants()) {
                wt.row(v.variant(), v.batchMinutes(), String.valueOf(v.truncationBatches()), v.warmupMinutes(),
                        v.pilotTruncations().toString(), v.atBoundary() ? "at the search limit: lengthen the horizon"
                                : "");
            }
            sb.append(wt.render());
        }
        if (!r.distributions().isEmpty()) {
            sb.append('\n');
            TextTable dt = new TextTable("KPI distribution across scenarios (each scenario: the mean of its "
                    + r.replications() + " replications; 5% worst: the 5% tail on the bad side)",
                    "KPI", "scenarios", "n", "median", "5% worst", "mean", "+/-", pct + " CI", "min", "max");
            for (String k : r.kpis()) {
                for (ScenarioDistribution g : r.distributions()) {
                    ScenarioDistribution.KpiDistribution d = g.kpi(k);
                    dt.row(k, g.group(), String.valueOf(g.scenarios()), d.median(), d.worstCase5(), d.mean().mean(),
                            d.mean().halfWidth(), "[" + TextTable.format(d.mean().lower()) + ", "
                                    + TextTable.format(d.mean().upper()) + "]", d.min(), d.max());
                }
            }
            sb.append(dt.render());
        }
        for (Comparison c : r.groupComparisons()) {
            sb.append('\n').append(comparisonTable(c.variant() + " vs " + c.baseline() + " scenarios (paired: scenario i"
                    + " of both shares its simulation seed)", c, pct));
        }
        for (Comparison c : r.comparisons()) {
            sb.append('\n').append(comparisonTable(c.variant() + " vs " + c.baseline()
                    + " (paired, common random numbers)", c, pct));
        }
        return sb.toString();
    }

    private static String comparisonTable(String title, Comparison c, String pct) {
        TextTable d = new TextTable(title, "KPI", c.baseline(), c.variant(), "difference", pct + " CI", "verdict");
        for (PairedDifference p : c.differences()) {
            d.row(p.kpi(), p.baselineMean(), p.variantMean(), p.difference().mean(),
                    "[" + TextTable.format(p.difference().lower()) + ", " + TextTable.format(p.difference().upper())
                            + "]", p.verdict().label());
        }
        return d.render();
    }

    /**
     * Writes every file to a temporary file in {@code dir} first and moves them into place only when all are
     * written: an error leaves no half-written or partial set of results behind (earlier results stay).
     */
    static void writeAllAtomically(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        List<Path> temps = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path tmp = Files.createTempFile(dir, f.getKey(), ".tmp");
                temps.add(tmp);
                Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
            }
            int i = 0;
            for (String name : files.keySet()) {
                Files.move(temps.get(i++), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        }
    }
}
