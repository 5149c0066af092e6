package org.plantwin.twin.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * The coordinator on the node that receives an experiment: spreads submitted runs over the cluster's
 * {@link RunWorker}s (found through the receptionist), at most as many in flight per worker as it has lanes, and
 * answers each submission exactly once.
 *
 * <p>A worker that leaves the receptionist listing, whose node becomes unreachable or is removed, loses its
 * in-flight jobs: they go back to the head of the queue (lowest job id first) and run elsewhere. A result that
 * arrives after its job was re-queued still counts if it is the first; every later result of that job is dropped
 * (counted in {@link Stats#duplicates()}). Runs are deterministic by seed and replication, so whichever copy
 * counts, the numbers are the same.
 */
public final class ClusterRunner extends AbstractBehavior<ClusterRunner.Command> {

    public sealed interface Command {
    }

    /** What workers send to the coordinator, across nodes. */
    public sealed interface WorkerReply extends Command, CborSerializable permits Ready, JobDone, JobFailed {
    }

    /** A worker's answer to {@link RunWorker.Hello}: it runs {@code lanes} jobs at once. */
    public record Ready(ActorRef<RunWorker.Command> worker, int lanes) implements WorkerReply {
    }

    /** A job's result as {@code org.plantwin.actors.api.ResultJson} text. */
    public record JobDone(long jobId, ActorRef<RunWorker.Command> worker, String resultJson) implements WorkerReply {
    }

    /** A job that failed on its worker (a failed run fails the same way everywhere, so it is not retried). */
    public record JobFailed(long jobId, ActorRef<RunWorker.Command> worker, String message) implements WorkerReply {
    }

    /** Queues a run (local only); answered once with {@link Succeeded} or {@link Failed}. */
    public record Submit(JobSpec spec, ActorRef<Outcome> replyTo) implements Command {
    }

    public sealed interface Outcome permits Succeeded, Failed {
    }

    /** The run's result JSON and the node ({@code host:port}) whose result counted. */
    public record Succeeded(String resultJson, String node) implements Outcome {
    }

    public record Failed(String message) implements Outcome {
    }

    /** Asks for {@link Stats} (local only). */
    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    /**
     * The coordinator's counters.
     *
     * @param workers          workers that answered {@link RunWorker.Hello} and are reachable
     * @param lanes            their lanes, together
     * @param pending          jobs waiting for a free lane
     * @param inFlight         jobs sent and not yet answered
     * @param completed        jobs answered (each once)
     * @param requeued         times a job went back to the queue because its worker was lost
     * @param duplicates       results dropped because their job had already been answered
     * @param completedByNode  jobs answered, by the node whose result counted ({@code host:port}), sorted
     */
    public record Stats(int workers, int lanes, int pending, int inFlight, long completed, long requeued,
                        long duplicates, Map<String, Long> completedByNode) {
    }

    private record WorkersListed(Set<ActorRef<RunWorker.Command>> workers) implements Command {
    }

    private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {
    }

    private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command {
    }

    private record Job(long id, JobSpec spec, ActorRef<Outcome> replyTo) {
    }

    /** A worker as the coordinator sees it; {@code lanes} is 0 until it answered {@link RunWorker.Hello}. */
    private static final class Worker {
        int lanes;
        boolean reachable = true;
        final Set<Long> inFlight = new LinkedHashSet<>();

        int free() {
            return reachable ? lanes - inFlight.size() : 0;
        }
    }

    private final Address selfAddress;
    private final ActorRef<WorkerReply> replies;
    private final Map<Long, Job> outstanding = new HashMap<>();
    private final TreeSet<Long> pending = new TreeSet<>();
    private final Map<ActorRef<RunWorker.Command>, Worker> workers = new LinkedHashMap<>();
    private final Map<String, Long> completedByNode = new TreeMap<>();
    private long nextJobId;
    private long completed;
    private long requeued;
    private long duplicates;

    public static Behavior<Command> create() {
        return Behaviors.setup(ClusterRunner::new);
    }

    private ClusterRunner(ActorContext<Command> context) {
        super(context);
        Cluster cluster = Cluster.get(context.getSystem());
        this.selfAddress = cluster.selfMember().address();
        this.replies = context.getSelf().narrow();
        ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class,
                l -> new WorkersListed(l.getServiceInstances(RunWorker.KEY)));
        context.getSystem().receptionist().tell(Receptionist.subscribe(RunWorker.KEY, listings));
        cluster.subscriptions().tell(Subscribe.create(
                context.messageAdapter(ClusterEvent.MemberEvent.class, MemberChanged::new),
                ClusterEvent.MemberEvent.class));
        cluster.subscriptions().tell(Subscribe.create(
                context.messageAdapter(ClusterEvent.ReachabilityEvent.class, ReachabilityChanged::new),
                ClusterEvent.ReachabilityEvent.class));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Ready.class, this::onReady)
                .onMessage(JobDone.class, this::onJobDone)
                .onMessage(JobFailed.class, this::onJobFailed)
                .onMessage(WorkersListed.class, this::onWorkersListed)
                .onMessage(MemberChanged.class, this::onMemberChanged)
                .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
                .onMessage(GetStats.class, this::onGetStats)
                .build();
    }

    private Behavior<Command> onSubmit(Submit submit) {
        long id = nextJobId++;
        outstanding.put(id, new Job(id, submit.spec(), submit.replyTo()));
        pending.add(id);
        dispatch();
        return this;
    }

    private Behavior<Command> onReady(Ready ready) {
        Worker w = workers.get(ready.worker());
        if (w != null) {
            w.lanes = ready.lanes();
            dispatch();
        }
        return this;
    }

    private Behavior<Command> onJobDone(JobDone done) {
        Job job = answered(done.jobId(), done.worker());
        if (job != null) {
            completedByNode.merge(node(done.worker()), 1L, Long::sum);
            job.replyTo().tell(new Succeeded(done.resultJson(), node(done.worker())));
        }
        dispatch();
        return this;
    }

    private Behavior<Command> onJobFailed(JobFailed failed) {
        Job job = answered(failed.jobId(), failed.worker());
        if (job != null) {
            job.replyTo().tell(new Failed(failed.message()));
        }
        dispatch();
        return this;
    }

    /** Frees the worker's lane; the job if this is its first answer, else null (a duplicate). */
    private Job answered(long jobId, ActorRef<RunWorker.Command> worker) {
        Worker w = workers.get(worker);
        if (w != null) {
            w.inFlight.remove(jobId);
        }
        Job job = outstanding.remove(jobId);
        if (job == null) {
            duplicates++;
            return null;
        }
        pending.remove(jobId);
        completed++;
        return job;
    }

    private Behavior<Command> onWorkersListed(WorkersListed listed) {
        for (ActorRef<RunWorker.Command> ref : listed.workers()) {
            if (!workers.containsKey(ref)) {
                workers.put(ref, new Worker());
                ref.tell(new RunWorker.Hello(replies));
            }
        }
        for (ActorRef<RunWorker.Command> ref : new ArrayList<>(workers.keySet())) {
            if (!listed.workers().contains(ref)) {
                lose(ref);
            }
        }
        dispatch();
        return this;
    }

    private Behavior<Command> onMemberChanged(MemberChanged changed) {
        if (changed.event() instanceof ClusterEvent.MemberRemoved removed) {
            workersAt(removed.member().address()).forEach(this::lose);
            dispatch();
        }
        return this;
    }

    private Behavior<Command> onReachabilityChanged(ReachabilityChanged changed) {
        Address at = changed.event().member().address();
        boolean reachable = changed.event() instanceof ClusterEvent.ReachableMember;
        for (ActorRef<RunWorker.Command> ref : workersAt(at)) {
            Worker w = workers.get(ref);
            w.reachable = reachable;
            if (!reachable) {
                requeue(w);
            }
        }
        dispatch();
        return this;
    }

    private Behavior<Command> onGetStats(GetStats get) {
        int n = 0;
        int lanes = 0;
        int inFlight = 0;
        for (Worker w : workers.values()) {
            if (w.lanes > 0 && w.reachable) {
                n++;
                lanes += w.lanes;
            }
            inFlight += w.inFlight.size();
        }
        get.replyTo().tell(new Stats(n, lanes, pending.size(), inFlight, completed, requeued, duplicates,
                Collections.unmodifiableMap(new TreeMap<>(completedByNode))));
        return this;
    }

    /** Forgets a worker; its in-flight jobs go back to the queue. */
    private void lose(ActorRef<RunWorker.Command> ref) {
        Worker w = workers.remove(ref);
        if (w != null) {
            requeue(w);
        }
    }

    private void requeue(Worker w) {
        for (long id : w.inFlight) {
            if (outstanding.containsKey(id)) {
                pending.add(id);
                requeued++;
            }
        }
        w.inFlight.clear();
    }

    /** Hands out the lowest pending jobs to the workers with the most free lanes, never more than their lanes. */
    private void dispatch() {
        while (!pending.isEmpty()) {
            ActorRef<RunWorker.Command> best = null;
            int bestFree = 0;
            for (Map.Entry<ActorRef<RunWorker.Command>, Worker> e : workers.entrySet()) {
                int free = e.getValue().free();
                if (free > bestFree) {
                    best = e.getKey();
                    bestFree = free;
                }
            }
            if (best == null) {
                return;
            }
            Job job = outstanding.get(pending.pollFirst());
            workers.get(best).inFlight.add(job.id());
            best.tell(new RunWorker.RunJob(job.id(), job.spec(), replies));
        }
    }

    private List<ActorRef<RunWorker.Command>> workersAt(Address address) {
        List<ActorRef<RunWorker.Command>> out = new ArrayList<>();
        for (ActorRef<RunWorker.Command> ref : workers.keySet()) {
            if (Objects.equals(addressOf(ref), address)) {
                out.add(ref);
            }
        }
        return out;
    }

    private Address addressOf(ActorRef<?> ref) {
        Address a = ref.path().address();
        return a.hasGlobalScope() ? a : selfAddress;
    }

    private String node(ActorRef<?> ref) {
        Address a = addressOf(ref);
        return a.host().isDefined() ? a.host().get() + ":" + a.port().get() : a.toString();
    }
}
