package org.plantwin.twin.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.plantwin.actors.api.Fork;
import org.plantwin.actors.api.LiveTwin;
import org.plantwin.actors.api.TelemetryException;
import org.plantwin.twin.live.IngestReport;
import org.plantwin.twin.live.LiveTwins;
import org.plantwin.twin.live.TelemetryJson;
import org.plantwin.twin.live.TwinKeeper;
import org.plantwin.twin.live.TwinService;

/**
 * Live twins as Cluster Sharding entities: many plants spread over the nodes, one entity per twin id, reached the
 * same way from every node (the HTTP routes of {@code plantwin serve --cluster --live-dir DIR} use it). Each entity
 * keeps its journal in {@code DIR/ID} of a directory every node sees (the same disk in tests; a shared volume across
 * machines); when its node leaves or crashes, sharding restarts it on another node (remember-entities), which
 * replays the journal: the same state.
 *
 * <p>Every command crosses nodes, so commands are {@link CborSerializable} records carrying plain values (a fork's
 * what-if travels as telemetry JSON) and every reply is a JSON string; an error reply is {@code {"error": reason,
 * "path": field, "value": value}} ({@code "missing": true} for an unknown twin).
 */
public final class ShardedTwins implements TwinService {

    /** The entity type of live twins. */
    public static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "live-twin");
    private static final Duration ASK = Duration.ofSeconds(30);
    /** Forks run many replications: they get longer. */
    private static final Duration FORK_ASK = Duration.ofSeconds(300);
    private static final Duration TICK = Duration.ofMillis(200);

    /** A command to a twin entity. */
    public sealed interface Command extends CborSerializable permits Request, Tick {
    }

    /** A command that is answered: every command but the pacer's tick. */
    public sealed interface Request extends Command
            permits Create, Ingest, GetState, Advance, Changes, History, ForkRun, Delete {
        /** Where the answer goes. */
        ActorRef<String> replyTo();
    }

    /** Creates the twin (answers its state). */
    public record Create(String library, String scenarioText, long seed, double speed, long originWallMillis,
                         ActorRef<String> replyTo) implements Request {
    }

    /** A telemetry payload; answers the {@link IngestReport}. */
    public record Ingest(String json, ActorRef<String> replyTo) implements Request {
    }

    /** Answers the twin's state, with {@code node}: the node that hosts it. */
    public record GetState(ActorRef<String> replyTo) implements Request {
    }

    /** Moves the clock; answers {@code {"simMillis": t}}. */
    public record Advance(long toMillis, ActorRef<String> replyTo) implements Request {
    }

    /** Changes after a sequence number; answers a JSON array. */
    public record Changes(long afterSeq, int limit, ActorRef<String> replyTo) implements Request {
    }

    /** Changes in a range of twin time; answers a JSON array. */
    public record History(long fromMillis, long toMillis, String entity, ActorRef<String> replyTo)
            implements Request {
    }

    /** A fork, run on the twin's node off the entity's thread; {@code whatIf} is a JSON array of {after, telemetry}. */
    public record ForkRun(long horizonMillis, int replications, Long seed, String whatIf, ActorRef<String> replyTo)
            implements Request {
    }

    /** Removes the twin's files and passivates it. */
    public record Delete(ActorRef<String> replyTo) implements Request {
    }

    /** The pacer's tick (local to the entity's node). */
    public record Tick() implements Command {
    }

    private final ClusterSharding sharding;
    private final Path dir;
    private final LongSupplier wall;

    private ShardedTwins(ActorSystem<?> system, Path dir, LongSupplier wall) {
        this.sharding = ClusterSharding.get(system);
        this.dir = dir;
        this.wall = wall;
        Executor forks = system.dispatchers().lookup(DispatcherSelector.blocking());
        String node = Cluster.get(system).selfMember().address().toString();
        sharding.init(Entity.of(KEY, ctx -> entity(ctx, dir.resolve(ctx.getEntityId()), wall, node, forks)));
    }

    /** Starts the sharding of live twins on this node (every node of the cluster calls it with the same dir). */
    public static ShardedTwins start(ActorSystem<?> system, Path sharedDir, LongSupplier wall) {
        try {
            Files.createDirectories(sharedDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the live twins directory " + sharedDir + ".", e);
        }
        return new ShardedTwins(system, sharedDir, wall);
    }

    // ---- the service -----------------------------------------------------------------------------------------

    private EntityRef<Command> ref(String id) {
        return sharding.entityRefFor(KEY, id);
    }

    private static CompletionStage<JsonNode> parse(CompletionStage<String> reply, String id) {
        return reply.thenApply(text -> {
            JsonNode n;
            try {
                n = TelemetryJson.JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException("A twin answered no JSON: " + text, e);
            }
            if (n.isObject() && n.has("error")) {
                if (n.path("missing").asBoolean()) {
                    throw new NoSuchElementException(id);
                }
                throw new TelemetryException(n.path("path").asText(""), n.path("value").asText(""),
                        n.get("error").asText());
            }
            return n;
        });
    }

    @Override
    public CompletionStage<ObjectNode> create(String id, String library, String scenarioText, long seed,
                                              double speed) {
        try {
            LiveTwins.checkNew(id, speed);
        } catch (TelemetryException e) {
            return CompletableFuture.failedFuture(e);
        }
        long origin = wall.getAsLong();
        return parse(ref(id).ask(r -> new Create(library, scenarioText, seed, speed, origin, r), ASK), id)
                .thenApply(n -> (ObjectNode) n);
    }

    @Override
    public List<LiveTwins.Definition> list() {
        List<LiveTwins.Definition> out = new ArrayList<>();
        try (var homes = Files.list(dir)) {
            for (Path home : homes.sorted().toList()) {
                Path def = home.resolve("twin.json");
                if (Files.isRegularFile(def)) {
                    out.add(TelemetryJson.JSON.readValue(Files.readString(def), LiveTwins.Definition.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the live twins in " + dir + ".", e);
        }
        out.sort(Comparator.comparing(LiveTwins.Definition::id));
        return out;
    }

    @Override
    public boolean exists(String id) {
        return id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") && Files.isRegularFile(dir.resolve(id).resolve("twin.json"));
    }

    @Override
    public CompletionStage<ObjectNode> state(String id) {
        return parse(ref(id).ask(GetState::new, ASK), id).thenApply(n -> (ObjectNode) n);
    }

    @Override
    public CompletionStage<IngestReport> ingestAsync(String id, String json) {
        return parse(ref(id).ask(r -> new Ingest(json, r), ASK), id)
                .thenApply(n -> TelemetryJson.JSON.convertValue(n, IngestReport.class));
    }

    @Override
    public CompletionStage<Long> advance(String id, long twinMillis) {
        return parse(ref(id).ask(r -> new Advance(twinMillis, r), ASK), id).thenApply(n -> n.get("simMillis").asLong());
    }

    @Override
    public CompletionStage<ArrayNode> changesSince(String id, long afterSeq, int limit) {
        return parse(ref(id).ask(r -> new Changes(afterSeq, limit, r), ASK), id).thenApply(n -> (ArrayNode) n);
    }

    @Override
    public CompletionStage<ArrayNode> history(String id, long fromMillis, long toMillis, String entity) {
        return parse(ref(id).ask(r -> new History(fromMillis, toMillis, entity, r), ASK), id)
                .thenApply(n -> (ArrayNode) n);
    }

    @Override
    public CompletionStage<ObjectNode> fork(String id, Fork fork) {
        ArrayNode whatIf = TelemetryJson.JSON.createArrayNode();
        for (Fork.Disturbance d : fork.whatIf()) {
            whatIf.addObject().put("after", d.afterMillis()).set("telemetry", TelemetryJson.write(d.body()));
        }
        return parse(ref(id).ask(r -> new ForkRun(fork.horizonMillis(), fork.replications(), fork.seed(),
                whatIf.toString(), r), FORK_ASK), id).thenApply(n -> (ObjectNode) n);
    }

    @Override
    public void delete(String id) {
        if (!exists(id)) {
            throw new NoSuchElementException(id);
        }
        parse(ref(id).ask(Delete::new, ASK), id).toCompletableFuture().join();
    }

    // ---- the entity -------------------------------------------------------------------------------------------

    private static Behavior<Command> entity(EntityContext<Command> ectx, Path home, LongSupplier wall, String node,
                                            Executor forks) {
        String id = ectx.getEntityId();
        return Behaviors.setup(ctx -> {
            if (Files.isRegularFile(home.resolve("twin.json"))) {
                try {
                    LiveTwins.Restored r = LiveTwins.restoreFrom(home);
                    return running(ectx, ctx.getSelf(), r.def(), r.twin(), home, wall, node, forks);
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
                            c.replyTo().tell(error(e));
                            passivate(ectx, ctx.getSelf());
                            return Behaviors.same();
                        }
                        LiveTwins.persistNew(home, def);
                        c.replyTo().tell(state(def, twin, node));
                        return running(ectx, ctx.getSelf(), def, twin, home, wall, node, forks);
                    })
                    .onMessage(Tick.class, t -> Behaviors.same())
                    .onMessage(Request.class, m -> {
                        m.replyTo().tell("{\"error\": \"There is no live twin (" + id + ").\", \"missing\": true}");
                        passivate(ectx, ctx.getSelf());
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static Behavior<Command> running(EntityContext<Command> ectx, ActorRef<Command> self,
                                             LiveTwins.Definition def, LiveTwin twin, Path home, LongSupplier wall,
                                             String node, Executor forks) {
        String id = def.id();
        return Behaviors.withTimers(timers -> {
            timers.startTimerAtFixedRate(new Tick(), TICK);
            TwinKeeper keeper = new TwinKeeper(def, twin, home, wall);
            return Behaviors.receive(Command.class)
                    .onMessage(Tick.class, t -> {
                        keeper.tick();
                        return Behaviors.same();
                    })
                    .onMessage(Ingest.class, m -> {
                        LiveTwins.Payload p = LiveTwins.Payload.of(id, m.json());
                        m.replyTo().tell(json(p.refused() != null ? p.refused()
                                : LiveTwins.applyAndJournal(id, twin, p, def, keeper.journal())));
                        return Behaviors.same();
                    })
                    .onMessage(GetState.class, m -> {
                        m.replyTo().tell(state(def, twin, node));
                        return Behaviors.same();
                    })
                    .onMessage(Advance.class, m -> {
                        twin.advanceTo(m.toMillis());
                        // Saved at once: a node that takes the twin over starts from the time reached.
                        keeper.save();
                        m.replyTo().tell("{\"simMillis\": " + twin.now() + "}");
                        return Behaviors.same();
                    })
                    .onMessage(Changes.class, m -> {
                        m.replyTo().tell(LiveTwins.changes(twin.changesSince(m.afterSeq(), m.limit())).toString());
                        return Behaviors.same();
                    })
                    .onMessage(History.class, m -> {
                        m.replyTo().tell(LiveTwins.changes(twin.history(m.fromMillis(), m.toMillis(), m.entity()))
                                .toString());
                        return Behaviors.same();
                    })
                    .onMessage(ForkRun.class, m -> {
                        Fork fork;
                        try {
                            fork = fork(m); // Fork.run checks the what-if against the scenario
                        } catch (RuntimeException e) {
                            m.replyTo().tell(error(e));
                            return Behaviors.same();
                        }
                        LiveTwin.Base base = twin.forkBase();
                        CompletableFuture.supplyAsync(() -> LiveTwins.forkJson(fork.run(base)).toString(), forks)
                                .whenComplete((out, e) -> m.replyTo().tell(e == null ? out : error(e)));
                        return Behaviors.same();
                    })
                    .onMessage(Delete.class, m -> {
                        keeper.stop();
                        LiveTwins.removeFiles(home);
                        m.replyTo().tell("{}");
                        passivate(ectx, self);
                        return Behaviors.stopped();
                    })
                    .onMessage(Create.class, c -> {
                        c.replyTo().tell(error(new TelemetryException("id", id, "A twin with this id exists; DELETE"
                                + " it first or pick another id.")));
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static Fork fork(ForkRun m) throws IOException {
        List<Fork.Disturbance> whatIf = new ArrayList<>();
        for (JsonNode d : TelemetryJson.JSON.readTree(m.whatIf())) {
            whatIf.add(new Fork.Disturbance(d.get("after").asLong(),
                    TelemetryJson.read(d.get("telemetry"), ms -> ms, 0).body()));
        }
        return new Fork(m.horizonMillis(), m.replications(), m.seed(), whatIf);
    }

    private static void passivate(EntityContext<Command> ectx, ActorRef<Command> self) {
        ectx.getShard().tell(new ClusterSharding.Passivate<>(self));
    }

    private static String state(LiveTwins.Definition def, LiveTwin twin, String node) {
        return LiveTwins.state(def, twin).put("node", node).toString();
    }

    private static String error(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        ObjectNode o = TelemetryJson.JSON.createObjectNode().put("error", String.valueOf(c.getMessage()));
        if (c instanceof TelemetryException t) {
            o.put("path", t.path()).put("value", t.value());
        }
        return o.toString();
    }

    private static String json(Object o) {
        try {
            return TelemetryJson.JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }
}
