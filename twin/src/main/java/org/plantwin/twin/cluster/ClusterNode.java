package org.plantwin.twin.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.plantwin.actors.api.SimulationRuntime;

/**
 * One plantwin cluster node: an actor system with Artery TCP and Pekko Cluster, a {@link RunWorker} on this node's
 * own {@link SimulationRuntime} lanes (when it has lanes) and a {@link ClusterRunner} that spreads the runs
 * submitted here over every worker of the cluster. Close it to leave the cluster.
 *
 * <pre>{@code
 * try (ClusterNode seed = ClusterNode.start(ClusterSettings.defaults().withPort(2551));
 *      ClusterNode other = ClusterNode.start(ClusterSettings.defaults().withPort(2552)
 *              .withSeedNodes(List.of("127.0.0.1:2551")))) {
 *     ExperimentResult r = ExperimentRunner.run(experiment, seed.executor(), null);
 * }
 * }</pre>
 */
public final class ClusterNode implements AutoCloseable {

    private final ActorSystem<Void> system;
    private final SimulationRuntime runtime;
    private final ActorRef<ClusterRunner.Command> runner;
    private final ClusterRunExecutor executor;
    private final int lanes;
    private ShardedTwins sharded; // guarded by this

    private ClusterNode(ClusterSettings settings) {
        this.lanes = settings.lanes();
        List<String> roles = new ArrayList<>(settings.roles());
        if (lanes > 0 && !roles.contains("worker")) {
            roles.add("worker");
        }
        Config config = ConfigFactory.parseString(settings.extraConfig())
                .withFallback(ConfigFactory.empty()
                        .withValue("pekko.remote.artery.canonical.hostname",
                                ConfigValueFactory.fromAnyRef(settings.host()))
                        .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(settings.port()))
                        .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(roles)))
                .withFallback(ConfigFactory.parseResources(ClusterNode.class.getClassLoader(), "plantwin-cluster.conf"))
                .withFallback(ConfigFactory.load());
        this.runtime = lanes > 0 ? SimulationRuntime.create(lanes) : null;
        try {
            this.system = ActorSystem.create(Behaviors.empty(), ClusterSettings.SYSTEM_NAME, config);
        } catch (RuntimeException e) {
            // Typically the port is taken.
            if (runtime != null) {
                runtime.close();
            }
            throw e;
        }
        try {
            if (runtime != null) {
                long frame = config.getBytes("pekko.remote.artery.advanced.maximum-frame-size");
                // JSON is mostly ASCII; leave room for the envelope. Compression only makes it smaller.
                int maxChars = (int) Math.min(Integer.MAX_VALUE - 8, frame - 64 * 1024);
                system.systemActorOf(RunWorker.create(runtime, maxChars), "plantwin-worker", Props.empty());
            }
            this.runner = system.systemActorOf(ClusterRunner.create(), "plantwin-runner", Props.empty());
            this.executor = new ClusterRunExecutor(runner, system);
            join(settings, config);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts a node and asks to join: the seed nodes of {@code settings}, else those of the configuration, else
     * itself (a new cluster). Returns at once; {@link #awaitMembersUp} waits for the cluster to form.
     *
     * @throws IllegalArgumentException a seed node is not {@code host:port} or a Pekko address
     */
    public static ClusterNode start(ClusterSettings settings) {
        Objects.requireNonNull(settings, "settings");
        // Initialise logging before Pekko starts so that no log call is queued and replayed with a warning.
        org.slf4j.LoggerFactory.getILoggerFactory();
        return new ClusterNode(settings);
    }

    private void join(ClusterSettings settings, Config config) {
        Cluster cluster = Cluster.get(system);
        if (!settings.seedNodes().isEmpty()) {
            List<Address> seeds = new ArrayList<>();
            for (String s : settings.seedNodes()) {
                seeds.add(AddressFromURIString.parse(ClusterSettings.seedAddress(s)));
            }
            cluster.manager().tell(new JoinSeedNodes(seeds));
        } else if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
    }

    /**
     * Joins this node to the sharding of live twins (call it on every node, with the same directory that all of them
     * see): twins created through any node spread over the nodes and move when one leaves.
     */
    public synchronized ShardedTwins liveTwins(java.nio.file.Path sharedDir) {
        if (sharded == null) {
            sharded = ShardedTwins.start(system, sharedDir, System::currentTimeMillis); // the pacers' wall clock
        }
        return sharded;
    }

    /** Runs experiments on the whole cluster from this node (see {@code ExperimentRunner.run}). */
    public ClusterRunExecutor executor() {
        return executor;
    }

    /** This node's address, {@code pekko://plantwin@host:port}, with the port actually bound. */
    public String address() {
        return Cluster.get(system).selfMember().address().toString();
    }

    /** {@code host:port} of this node, the form {@link ClusterSettings#seedNodes()} accepts. */
    public String hostPort() {
        Address a = Cluster.get(system).selfMember().address();
        return a.host().get() + ":" + a.port().get();
    }

    /** The node's actor system, for tests in this package. */
    ActorSystem<Void> system() {
        return system;
    }

    /** This node's simulation lanes (0 for a pure coordinator). */
    public int lanes() {
        return lanes;
    }

    /** Members with status Up, as this node sees them. */
    public int membersUp() {
        int n = 0;
        for (org.apache.pekko.cluster.Member m : Cluster.get(system).state().getMembers()) {
            if (m.status() == MemberStatus.up()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Waits until this node is Up and sees {@code n} members Up.
     *
     * @throws IllegalStateException not within {@code timeout}
     */
    public void awaitMembersUp(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(Cluster.get(system).selfMember().status() == MemberStatus.up() && membersUp() >= n)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The cluster did not reach " + n + " members Up within " + timeout
                        + " (" + membersUp() + " Up, as seen from " + address() + "). Maybe check the seed nodes"
                        + " and that the ports are open.");
            }
            // A facade wait outside any actor: poll the cluster state (a membership change is rare and slow).
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** The coordinator's counters: workers, lanes, jobs per node, re-queued jobs, dropped duplicates. */
    public ClusterRunner.Stats stats() {
        try {
            return AskPattern.<ClusterRunner.Command, ClusterRunner.Stats>ask(runner, ClusterRunner.GetStats::new,
                    Duration.ofSeconds(10), system.scheduler()).toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for the coordinator's stats.", e);
        } catch (java.util.concurrent.ExecutionException | TimeoutException | CompletionException e) {
            throw new IllegalStateException("The coordinator did not answer: " + e.getMessage(), e);
        }
    }

    /**
     * Leaves the cluster (the others re-run this node's jobs, if any were in flight), stops the actor system and the
     * lanes. With {@code pekko.coordinated-shutdown.run-by-actor-system-terminate = off} it stops without leaving,
     * as a crash would: the others find it unreachable and the split brain resolver downs it.
     */
    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
        if (runtime != null) {
            runtime.close();
        }
    }
}
