package org.plantwin.twin.http;

import java.time.Instant;
import java.util.Objects;

/**
 * One asynchronous job (a run or an experiment) of the HTTP service, with its status, progress and result.
 *
 * <p>Thread-safe: progress comes from simulation threads, reads from HTTP threads. A job moves once from
 * {@code queued}/{@code running} to a terminal status; the result text is set in the same synchronized step, so a
 * reader sees either no result or the whole of it, never half of one.
 */
public final class Job {

    /** What the job computes. */
    public enum Kind {
        RUN("runs"), EXPERIMENT("experiments");

        private final String collection;

        Kind(String collection) {
            this.collection = collection;
        }

        /** The URL collection: {@code runs} or {@code experiments}. */
        public String collection() {
            return collection;
        }
    }

    /** Lifecycle; the last three are terminal. */
    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean terminal() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }

        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A consistent view of a job at one moment; {@code version} grows with every change. */
    public record Snapshot(String id, Kind kind, String name, Status status, double progress, long simulatedMillis,
                           long horizonMillis, long events, int completedRuns, int plannedRuns, String error,
                           Instant created, Instant finished, long version) {
    }

    private final String id;
    private final Kind kind;
    private final String name;
    private final Instant created;
    private Status status = Status.QUEUED;
    private double progress;
    private long simulatedMillis;
    private long horizonMillis;
    private long events;
    private int completedRuns;
    private int plannedRuns;
    private String error;
    private Instant finished;
    private String resultJson;
    private String resultCsv;
    private long version;
    private Runnable canceller = () -> { };
    private org.plantwin.scenarios.model.Scenario reportScenario;

    Job(String id, Kind kind, String name, Instant created) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.created = Objects.requireNonNull(created, "created");
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** Where the job lives: {@code /runs/ID} or {@code /experiments/ID}. */
    public String location() {
        return "/" + kind.collection() + "/" + id;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(id, kind, name, status, progress, simulatedMillis, horizonMillis, events, completedRuns,
                plannedRuns, error, created, finished, version);
    }

    /** The result JSON when succeeded, else null. */
    public synchronized String resultJson() {
        return resultJson;
    }

    /** The result CSV when succeeded, else null. */
    public synchronized String resultCsv() {
        return resultCsv;
    }

    /** The scenario of a run started with a report (its sites are drawn on the route map), else null. */
    public synchronized org.plantwin.scenarios.model.Scenario reportScenario() {
        return reportScenario;
    }

    synchronized void withReport(org.plantwin.scenarios.model.Scenario scenario) {
        this.reportScenario = Objects.requireNonNull(scenario, "scenario");
    }

    synchronized void onCancel(Runnable action) {
        this.canceller = Objects.requireNonNull(action, "action");
    }

    synchronized void running() {
        if (status == Status.QUEUED) {
            status = Status.RUNNING;
            version++;
        }
    }

    /** Progress of a run: simulated time reached of the horizon. */
    synchronized void runProgress(long nowMillis, long horizon, long eventCount) {
        if (status.terminal()) {
            return;
        }
        status = Status.RUNNING;
        simulatedMillis = nowMillis;
        horizonMillis = horizon;
        events = eventCount;
        progress = horizon <= 0 ? 1.0 : Math.min(1.0, (double) nowMillis / horizon);
        version++;
    }

    /** Progress of an experiment: runs completed of runs planned so far. */
    synchronized void experimentProgress(int completed, int planned) {
        if (status.terminal()) {
            return;
        }
        status = Status.RUNNING;
        completedRuns = completed;
        plannedRuns = planned;
        progress = planned <= 0 ? 0 : Math.min(1.0, (double) completed / planned);
        version++;
    }

    /** Stores the whole result and marks the job succeeded; false when it had already ended (e.g. cancelled). */
    synchronized boolean succeed(String json, String csv, Instant at) {
        if (status.terminal()) {
            return false;
        }
        resultJson = Objects.requireNonNull(json, "json");
        resultCsv = Objects.requireNonNull(csv, "csv");
        status = Status.SUCCEEDED;
        progress = 1.0;
        if (horizonMillis > 0) {
            simulatedMillis = horizonMillis;
        }
        finished = at;
        version++;
        return true;
    }

    synchronized boolean fail(String reason, Instant at) {
        if (status.terminal()) {
            return false;
        }
        error = reason;
        status = Status.FAILED;
        finished = at;
        version++;
        return true;
    }

    /** Cancels a job that has not ended; returns false when it already had. */
    boolean cancel(Instant at) {
        Runnable action;
        synchronized (this) {
            if (status.terminal()) {
                return false;
            }
            status = Status.CANCELLED;
            finished = at;
            version++;
            action = canceller;
        }
        action.run(); // outside the lock: it may complete futures whose callbacks come back here
        return true;
    }
}
