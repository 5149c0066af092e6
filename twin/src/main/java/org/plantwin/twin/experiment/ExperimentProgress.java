package org.plantwin.twin.experiment;

/**
 * One run of an experiment finished: {@code completedRuns} of {@code plannedRuns} so far (a sequential experiment
 * plans one batch at a time, so {@code plannedRuns} can grow).
 */
public record ExperimentProgress(int completedRuns, int plannedRuns, String variant, int replication) {

    public double fraction() {
        return plannedRuns == 0 ? 1 : (double) completedRuns / plannedRuns;
    }
}
