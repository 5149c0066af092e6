package org.plantwin.twin.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bounded pool of jobs: at most {@code maxActive} queued or running at once (the next one gets 429), and the
 * {@code retained} most recent finished ones kept for their results (older ones are forgotten: 404).
 */
public final class Jobs {

    private final int maxActive;
    private final int retained;
    private final Clock clock;
    private final Map<String, Job> byId = new ConcurrentHashMap<>();
    private final Deque<String> finishedOrder = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();
    private int active;

    Jobs(int maxActive, int retained, Clock clock) {
        if (maxActive < 1) {
            throw new IllegalArgumentException("maxActive (" + maxActive + ") must be >= 1.");
        }
        if (retained < 1) {
            throw new IllegalArgumentException("retained (" + retained + ") must be >= 1.");
        }
        this.maxActive = maxActive;
        this.retained = retained;
        this.clock = clock;
    }

    /**
     * Admits a new job or throws the 429 problem when {@code maxActive} jobs are active. The caller must end the
     * job (succeed, fail or cancel) and then call {@link #release}.
     */
    public synchronized Job admit(Job.Kind kind, String name) {
        if (active >= maxActive) {
            throw ApiProblem.tooManyJobs("The server runs " + active + " jobs, its limit (" + maxActive
                    + "). Maybe retry after a few seconds, or cancel a job with DELETE.", 2);
        }
        active++;
        String id;
        do {
            byte[] b = new byte[8];
            random.nextBytes(b);
            id = HexFormat.of().formatHex(b);
        } while (byId.containsKey(id));
        Job job = new Job(id, kind, name, clock.instant());
        byId.put(id, job);
        return job;
    }

    /** A slot for work that is not a stored job (a plan request); throws 429 when none is free. */
    public synchronized void acquireSlot() {
        if (active >= maxActive) {
            throw ApiProblem.tooManyJobs("The server runs " + active + " jobs, its limit (" + maxActive
                    + "). Maybe retry after a few seconds.", 2);
        }
        active++;
    }

    public synchronized void releaseSlot() {
        active--;
    }

    /** The job has ended: frees its slot and forgets the oldest finished jobs beyond the retention. */
    synchronized void release(Job job) {
        active--;
        finishedOrder.addLast(job.id());
        while (finishedOrder.size() > retained) {
            byId.remove(finishedOrder.removeFirst());
        }
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized int active() {
        return active;
    }

    public int maxActive() {
        return maxActive;
    }

    Clock clock() {
        return clock;
    }
}
