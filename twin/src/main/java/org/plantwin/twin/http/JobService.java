package org.plantwin.twin.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SimulationRuntime;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentCsv;
import org.plantwin.twin.experiment.ExperimentJson;
import org.plantwin.twin.experiment.ExperimentResult;
import org.plantwin.twin.experiment.ExperimentRunner;
import org.plantwin.twin.experiment.RunExecutor;
import org.plantwin.twin.experiment.Kpis;
import org.plantwin.twin.report.RunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runs and experiments as {@link Job}s: runs on the lanes of the {@link SimulationRuntime} (asynchronous,
 * cancellable through the kernel), experiments on a bounded pool of worker threads (the experiment runner waits
 * for its runs, so it must not sit on an actor or HTTP thread). Results are rendered off the actor threads.
 */
final class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    private final SimulationRuntime runtime;
    private final RunExecutor experimentRuns;
    private final Jobs jobs;
    private final ExecutorService workers;
    private final HttpMetrics metrics;

    JobService(SimulationRuntime runtime, Jobs jobs, ExecutorService workers, HttpMetrics metrics) {
        this(runtime, null, jobs, workers, metrics);
    }

    /** {@code experimentRuns}: where experiments run their replications (a cluster); null for the local lanes. */
    JobService(SimulationRuntime runtime, RunExecutor experimentRuns, Jobs jobs, ExecutorService workers,
               HttpMetrics metrics) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.experimentRuns = experimentRuns != null ? experimentRuns : RunExecutor.local(runtime);
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    Jobs jobs() {
        return jobs;
    }

    ExecutorService workers() {
        return workers;
    }

    /** Queues a run; 429 when the pool is full. */
    Job startRun(Scenario scenario, RunOptions options) {
        return startRun(scenario, options, false);
    }

    /**
     * Queues a run; 429 when the pool is full. {@code report}: also trace batches, operations and trips (KPIs do not
     * change), so that {@code /runs/{id}/report} can draw them.
     */
    Job startRun(Scenario scenario, RunOptions runOptions, boolean report) {
        Job job = jobs.admit(Job.Kind.RUN, scenario.name());
        long horizon = RunReport.horizonMillis(scenario, runOptions);
        RunOptions options = report ? RunReport.observe(runOptions, horizon) : runOptions;
        if (report) {
            job.withReport(scenario);
        }
        job.runProgress(0, horizon, 0); // before the kernel's first report, never after it
        CompletableFuture<RunResult> run;
        try {
            run = runtime.start(scenario, options,
                    p -> job.runProgress(p.nowMillis(), p.horizonMillis(), p.events())).toCompletableFuture();
        } catch (RuntimeException e) {
            // The scenario passed validation but cannot be assembled: the client's input, so a problem, not a 500.
            end(job, job.fail(String.valueOf(e.getMessage()), now()));
            throw ApiProblem.of(422, "unrunnable-scenario", "Scenario cannot be run",
                    "The scenario is valid but cannot be run: " + e.getMessage());
        }
        job.onCancel(() -> run.cancel(false));
        run.whenCompleteAsync((result, err) -> {
            if (err == null) {
                String json;
                String csv;
                try {
                    json = ResultJson.write(result);
                    csv = kpiCsv(Kpis.all(result));
                } catch (RuntimeException e) {
                    LOG.error("Cannot render the result of run {}", job.id(), e);
                    end(job, job.fail("The result cannot be rendered: " + e, now()));
                    return;
                }
                end(job, job.succeed(json, csv, now()));
            } else if (!(err instanceof java.util.concurrent.CancellationException)) {
                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                end(job, job.fail(String.valueOf(cause.getMessage()), now()));
            }
        }, workers);
        return job;
    }

    /** Queues an experiment (already checked with {@link ExperimentRunner#prepare}); 429 when the pool is full. */
    Job startExperiment(Experiment experiment) {
        Job job = jobs.admit(Job.Kind.EXPERIMENT, experiment.name());
        Future<?> task;
        try {
            task = workers.submit(() -> runExperiment(job, experiment));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            end(job, job.fail("The server is shutting down.", now()));
            throw ApiProblem.of(503, "shutting-down", "Shutting down", "The server is shutting down.");
        }
        // The runner cannot stop its runs midway: cancelling frees the slot, and the result is dropped.
        job.onCancel(() -> task.cancel(true));
        return job;
    }

    private void runExperiment(Job job, Experiment experiment) {
        job.running();
        try {
            ExperimentResult r = ExperimentRunner.run(experiment, experimentRuns,
                    p -> job.experimentProgress(p.completedRuns(), p.plannedRuns()));
            end(job, job.succeed(ExperimentJson.write(r), ExperimentCsv.summary(r), now()));
        } catch (RuntimeException e) {
            if (!job.snapshot().status().terminal()) {
                LOG.warn("Experiment {} failed", job.id(), e);
            }
            end(job, job.fail(String.valueOf(e.getMessage()), now()));
        }
    }

    /** Cancels a job; false when it had already ended. */
    boolean cancel(Job job) {
        boolean cancelled = job.cancel(now());
        end(job, cancelled);
        return cancelled;
    }

    /** Called once per job with {@code ended} true: the transition to a terminal status happened here. */
    private void end(Job job, boolean ended) {
        if (ended) {
            jobs.release(job);
            metrics.jobEnded(job.kind(), job.snapshot().status());
        }
    }

    private java.time.Instant now() {
        return jobs.clock().instant();
    }

    /** A flat KPI table: {@code kpi,value}, one row per numeric KPI, in result order. */
    static String kpiCsv(Map<String, Double> kpis) {
        StringBuilder sb = new StringBuilder("kpi,value\n");
        kpis.forEach((k, v) -> sb.append(csvField(k)).append(',').append(number(v)).append('\n'));
        return sb.toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Names of the jobs' kinds, for documentation. */
    static List<String> kinds() {
        return List.of(Job.Kind.RUN.collection(), Job.Kind.EXPERIMENT.collection());
    }
}
