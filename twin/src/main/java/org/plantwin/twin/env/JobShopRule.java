package org.plantwin.twin.env;

import java.util.List;
import org.plantwin.actors.api.SchedulingPolicy;

/**
 * Dispatching rules as job-shop env agents: each picks, among the jobs waiting at the free machine, the one with
 * the smallest score; ties go to the lowest job index (as in the planners' {@code DispatchScheduler}).
 */
public enum JobShopRule {
    /** Shortest processing time here. */
    SPT,
    /** Most work remaining (this operation included). */
    MWKR,
    /** Most operations remaining. */
    MOPNR,
    /** The job that has waited here longest. */
    FIFO,
    /** The lowest waiting job index (the fixed policy of the benchmarks). */
    FIRST;

    /** The job (an index for {@link JobShopEnv#step(int)}) this rule starts now. */
    public int pick(JobShopEnv env) {
        SchedulingPolicy.View v = env.view();
        if (v == null) {
            throw new IllegalStateException("The episode is over: no decision to take.");
        }
        List<SchedulingPolicy.Job> waiting = v.waiting();
        int best = -1;
        double bestScore = 0;
        for (SchedulingPolicy.Job w : waiting) {
            int j = env.jobOf(w);
            double score = switch (this) {
                case SPT -> w.processMeanMillis();
                case MWKR -> -w.remainingWorkMillis();
                case MOPNR -> -w.remainingOperations();
                case FIFO -> w.enqueuedMillis();
                case FIRST -> 0;
            };
            if (best < 0 || score < bestScore || (score == bestScore && j < best)) {
                best = j;
                bestScore = score;
            }
        }
        return best;
    }

    /** Runs a whole episode with this rule; returns the episode return. */
    public double episode(JobShopEnv env, long seed) {
        env.reset(seed, java.util.Map.of());
        double ret = 0;
        while (!env.done()) {
            ret += env.step(pick(env)).reward();
        }
        return ret;
    }
}
