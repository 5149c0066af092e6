package org.plantwin.twin.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.plantwin.actors.api.LiveTwin;
import org.plantwin.actors.api.TelemetryException;
import org.plantwin.twin.live.IngestReport;
import org.plantwin.twin.live.LiveTwins;
import org.plantwin.twin.live.TelemetryJson;
import org.plantwin.twin.live.TwinJournal;

/**
 * Live twins as Cluster Sharding entities: many plants spread over the worker nodes, one entity per twin id. Each
 * entity keeps its journal in {@code DIR/ID} of a directory every node sees (the same disk in tests; a shared
 * volume across machines); when its node leaves, the next message to the twin starts it on another node, which
 * replays the journal: the same state (remember-entities restarts paced twins without waiting for a message).
 *
 * <p>Every message to an entity crosses nodes, so commands are {@link CborSerializable} records and replies are
 * JSON strings.
 */
public final class ShardedTwins {

    /** The entity type of live twins. */
    public static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "live-twin");
    private static final Duration ASK = Duration.ofSeconds(30);
    private static final Duration TICK = Duration.ofMillis(200);

    /** A command to a twin entity. */
    public sealed interface Command extends CborSerializable permits Create, Ingest, GetState, Tick {
    }

    /** Creates the twin (answers its state, or {@code {"error": ...}} when the id is taken or the input bad). */
    public record Create(String library, String scenarioText, long seed, double speed, long originWallMillis,
                         ActorRef<String> replyTo) implements Command {
    }

    /** A telemetry payload; answers the {@link IngestReport} as JSON. */
    public record Ingest(String json, ActorRef<String> replyTo) implements Command {
    }

    /** Answers the twin's state as JSON, with the node that hosts it. */
    public record GetState(ActorRef<String> replyTo) implements Command {
    }

    /** The pacer's tick (local to the entity's node). */
    public record Tick() implements Command {
    }

    private final ActorSystem<?> system;
    private final ClusterSharding sharding;

    private ShardedTwins(ActorSystem<?> system, Path dir, LongSupplier wall) {
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(KEY, ctx -> entity(ctx.getEntityId(), dir.resolve(ctx.getEntityId()), wall,
                Cluster.get(system).selfMember().address().toString())));
    }

    /** Starts the sharding of live twins on this node (every node of the cluster calls it with the same dir). */
    public static ShardedTwins start(ActorSystem<?> system, Path sharedDir, LongSupplier wall) {
        return new ShardedTwins(system, sharedDir, wall);
    }

    private EntityRef<Command> ref(String id) {
        return sharding.entityRefFor(KEY, id);
    }

    /** Creates a twin somewhere in the cluster; answers its state JSON (or an {@code error} field). */
    public CompletionStage<String> create(String id, String library, long seed, double speed, long originWallMillis) {
        LiveTwins.checkNew(id, speed);
        return ref(id).ask(r -> new Create(library, null, seed, speed, originWallMillis, r), ASK);
    }

    /** Telemetry for a twin; answers the report JSON. */
    public CompletionStage<String> ingest(String id, String json) {
        return ref(id).ask(r -> new Ingest(json, r), ASK);
    }

    /** A twin's state JSON (with {@code node}: the address of the node hosting it). */
    public CompletionStage<String> state(String id) {
        return ref(id).ask(GetState::new, ASK);
    }

    // ---- the entity -------------------------------------------------------------------------------------------

    private static Behavior<Command> entity(String id, Path home, LongSupplier wall, String node) {
        return Behaviors.setup(ctx -> {
            if (Files.isRegularFile(home.resolve("twin.json"))) {
                try {
                    LiveTwins.Restored r = LiveTwins.restoreFrom(home);
                    return running(id, r.def(), r.twin(), home, wall, node);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot restore the twin " + id + " from " + home + ".", e);
                }
            }
            return Behaviors.receive(Command.class)
                    .onMessage(Create.class, c -> {
                        LiveTwins.Definition def = new LiveTwins.Definition(id, c.scenarioText(), c.library(),
                                c.seed(), c.speed(), c.originWallMillis());
                        LiveTwin twin;
                        try {
                            twin = LiveTwin.start(LiveTwins.scenario(def), def.seed());
                        } catch (RuntimeException e) {
                            c.replyTo().tell(error("Cannot create the twin " + id + ": " + e.getMessage()));
                            return Behaviors.same();
                        }
                        LiveTwins.persistNew(home, def);
                        c.replyTo().tell(state(def, twin, node));
                        return running(id, def, twin, home, wall, node);
                    })
                    .onMessage(Ingest.class, m -> {
                        m.replyTo().tell(json(IngestReport.refused(id, "$", id, "There is no live twin (" + id
                                + "); create it first.")));
                        return Behaviors.stopped();
                    })
                    .onMessage(GetState.class, m -> {
                        m.replyTo().tell(error("There is no live twin (" + id + ")."));
                        return Behaviors.stopped();
                    })
                    .onMessage(Tick.class, t -> Behaviors.same())
                    .build();
        });
    }

    private static Behavior<Command> running(String id, LiveTwins.Definition def, LiveTwin twin, Path home,
                                             LongSupplier wall, String node) {
        return Behaviors.withTimers(timers -> {
            timers.startTimerAtFixedRate(new Tick(), TICK);
            TwinJournal journal = TwinJournal.open(home);
            return Behaviors.receive(Command.class)
                    .onMessage(Tick.class, t -> {
                        if (def.speed() > 0) {
                            twin.advanceTo(LiveTwins.clock(def, wall.getAsLong()));
                        }
                        journal.sync();
                        return Behaviors.same();
                    })
                    .onMessage(Ingest.class, m -> {
                        LiveTwins.Payload p = LiveTwins.Payload.of(id, m.json());
                        m.replyTo().tell(json(p.refused() != null ? p.refused()
                                : LiveTwins.applyAndJournal(id, twin, p, def, journal)));
                        return Behaviors.same();
                    })
                    .onMessage(GetState.class, m -> {
                        journal.sync();
                        LiveTwins.saveReached(home, twin);
                        m.replyTo().tell(state(def, twin, node));
                        return Behaviors.same();
                    })
                    .onMessage(Create.class, c -> {
                        c.replyTo().tell(error("A twin with the id " + id + " exists."));
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static String state(LiveTwins.Definition def, LiveTwin twin, String node) {
        return LiveTwins.state(def, twin).put("node", node).toString();
    }

    private static String error(String message) {
        return TelemetryJson.JSON.createObjectNode().put("error", message).toString();
    }

    private static String json(Object o) {
        try {
            return TelemetryJson.JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TelemetryException("", o, "Cannot write JSON: " + e.getMessage());
        }
    }
}
