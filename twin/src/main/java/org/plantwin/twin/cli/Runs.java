package org.plantwin.twin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.twin.report.RunReport;

/**
 * Shared by {@code run} and {@code demo}: load, run with a progress bar, print, write result.json (and with a report,
 * report.html) atomically.
 */
final class Runs {

    private Runs() {
    }

    static int runAndReport(String fileOrName, RunOptions options, Path outDir, boolean json, boolean quiet,
                            PrintWriter out, PrintWriter err) {
        return runAndReport(fileOrName, options, outDir, json, quiet, false, out, err);
    }

    /** {@code report}: also trace batches and operations, and write report.html beside result.json. */
    static int runAndReport(String fileOrName, RunOptions options, Path outDir, boolean json, boolean quiet,
                            boolean report, PrintWriter out, PrintWriter err) {
        Scenario scenario;
        try {
            scenario = Scenarios.resolve(fileOrName);
        } catch (ScenarioException e) {
            printProblems(fileOrName, e, err);
            return PlantwinCli.EXIT_INVALID;
        }
        if (report) {
            options = RunReport.observe(options, RunReport.horizonMillis(scenario, options));
        }
        RunResult result;
        long wallStart = System.nanoTime(); // wall clock at the process edge only, to tell the user
        try (SimulationRuntime runtime = SimulationRuntime.create(1)) {
            if (quiet || json || System.console() == null) {
                result = runtime.run(scenario, options);
            } else {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName(scenario.name()).setInitialMax(1000)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .setUnit(" ‰", 1).build()) {
                    result = runtime.start(scenario, options, p -> bar.stepTo(Math.round(p.fraction() * 1000)))
                            .toCompletableFuture().join();
                    bar.stepTo(1000);
                }
            }
        }
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        String text = ResultJson.write(result);
        Path dir = outDir != null ? outDir : Path.of("plantwin-out", scenario.name());
        Path file = dir.resolve("result.json");
        Path reportFile = dir.resolve("report.html");
        try {
            writeAtomically(file, text);
            if (report) {
                writeAtomically(reportFile, RunReport.html(scenario, result));
            }
        } catch (IOException e) {
            err.println("Error: cannot write " + file + ": " + e.getMessage() + ". Maybe choose another --out folder.");
            return PlantwinCli.EXIT_ERROR;
        }
        if (json) {
            out.print(text);
        } else {
            out.print(KpiReport.render(result));
            out.printf(java.util.Locale.ROOT, "Ran in %.2f s wall time. Result: %s%n", wallSeconds, file);
            if (report) {
                out.println("Report: " + reportFile);
            }
        }
        out.flush();
        return 0;
    }

    /** Writes to a temporary file beside the target, then moves it into place: never a half-written result. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                // createTempFile makes the file owner-only; results are for everyone who can read the folder.
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: keep the default.
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void printProblems(String source, ScenarioException e, PrintWriter err) {
        err.println("The scenario " + source + " has " + e.problems().size() + " problem"
                + (e.problems().size() == 1 ? "" : "s") + ":");
        for (Problem p : e.problems()) {
            err.println("  " + p.path() + "  (found " + p.value() + ")");
            err.println("      " + p.rule());
            err.println("      " + p.hint());
        }
        err.flush();
    }
}
