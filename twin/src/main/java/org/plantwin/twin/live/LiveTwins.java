package org.plantwin.twin.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.plantwin.actors.api.Fork;
import org.plantwin.actors.api.LiveTwin;
import org.plantwin.actors.api.Telemetry;
import org.plantwin.actors.api.TelemetryException;
import org.plantwin.learning.agent.SensorWatcher;
import org.plantwin.learning.maintenance.EngineUnit;
import org.plantwin.learning.maintenance.SensorAutoencoder;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live twins of a server: each one a Pekko actor that owns its {@link LiveTwin}, paces it by the wall clock
 * (a timer tick moves it to {@code speed x elapsed wall time}; a twin with speed 0 moves only when told to), applies
 * telemetry batches, answers state, history and change queries, and hands immutable copies to forks, which run on
 * the given executor so the twin keeps pace meanwhile. The wall clock is read here, in the pacer, never inside the
 * simulation.
 *
 * <p>Persistence (when a data directory is given): {@code DIR/ID/twin.json} holds the twin's definition (scenario
 * text, seed, speed, clock origin), {@code journal.jsonl} one applied message per line (appended and flushed before
 * the batch is acknowledged), {@code reached.json} the time reached (rewritten atomically every few seconds and on
 * close). {@link #open} rebuilds every twin by replaying its journal: the state is the same as before the restart.
 */
public final class LiveTwins implements TwinService, AutoCloseable {

    /** Most live twins on one server. */
    public static final int MAX_TWINS = 64;
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration ASK = Duration.ofSeconds(30);

    /** A twin's definition, as persisted. */
    public record Definition(String id, String scenarioText, String scenarioName, long seed, double speed,
                             long originWallMillis) {
    }

    private final ActorSystem<?> system;
    private final Executor forks;
    private final Path dir;
    private final LongSupplier wall;
    private final Map<String, Hosted> twins = new ConcurrentHashMap<>();
    /** Watches every twin's sensor readings, or null without an anomaly model. */
    private final ActorRef<SensorWatcher.Command> watcher;
    /** The largest sensor number (1-based) the anomaly model reads, 0 without one. */
    private final int sensorsNeeded;
    /** The twin/machine keys whose readings the model cannot read, each logged once. */
    private final Set<String> unwatched = ConcurrentHashMap.newKeySet();
    private static final Logger LOG = LoggerFactory.getLogger(LiveTwins.class);

    private record Hosted(Definition def, ActorRef<Command> actor) {
    }

    private LiveTwins(ActorSystem<?> system, Executor forks, Path dir, LongSupplier wall,
                      SensorAutoencoder anomalyModel) {
        this.system = system;
        this.forks = forks;
        this.dir = dir;
        this.wall = wall;
        if (anomalyModel == null) {
            this.watcher = null;
            this.sensorsNeeded = 0;
        } else {
            // DJL inference is heavy work: the blocking dispatcher, never the twins' or HTTP's. A reading the model
            // cannot score must not stop the watcher for every twin: resume, keeping windows and subscribers.
            this.watcher = system.systemActorOf(Behaviors.supervise(SensorWatcher.create(anomalyModel))
                    .onFailure(SupervisorStrategy.resume()), "sensor-watcher", DispatcherSelector.blocking());
            this.sensorsNeeded = java.util.Collections.max(anomalyModel.descriptor().scaling().sensorsKept());
            ActorRef<SensorWatcher.Alarm> alarms = system.systemActorOf(Behaviors.receive(SensorWatcher.Alarm.class)
                    .onMessage(SensorWatcher.Alarm.class, this::routeAlarm).build(), "sensor-alarms", Props.empty());
            watcher.tell(new SensorWatcher.Subscribe(alarms));
        }
    }

    /**
     * The twins service; with {@code dir} non-null every twin persisted there is restored (journal replayed).
     *
     * @param wall the wall clock in epoch milliseconds (the pacer's only clock; tests pass their own)
     */
    public static LiveTwins open(ActorSystem<?> system, Executor forks, Path dir, LongSupplier wall) {
        return open(system, forks, dir, wall, null);
    }

    /**
     * As {@link #open(ActorSystem, Executor, Path, LongSupplier)}; with {@code anomalyModel} non-null one
     * {@link SensorWatcher} scores the accepted {@code sensors} telemetry of every twin (keyed {@code twin/machine})
     * and its alarms join that twin's changes as field {@code sensorAlarm} of the machine. The caller closes the
     * model after the actor system has stopped.
     */
    public static LiveTwins open(ActorSystem<?> system, Executor forks, Path dir, LongSupplier wall,
                                 SensorAutoencoder anomalyModel) {
        LiveTwins t = new LiveTwins(system, forks, dir, wall, anomalyModel);
        if (dir != null) {
            try {
                Files.createDirectories(dir);
                try (var list = Files.list(dir)) {
                    for (Path p : list.sorted().toList()) {
                        if (Files.isRegularFile(p.resolve("twin.json"))) {
                            t.restore(p);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the live twins in " + dir + ".", e);
            }
        }
        return t;
    }

    // ---- the twin actor ----------------------------------------------------------------------------------------

    interface Command {
    }

    private record Tick() implements Command {
    }

    private record Ingest(Payload payload, ActorRef<IngestReport> replyTo) implements Command {
    }

    private record Query<T>(Function<LiveTwin, T> read, ActorRef<Object> replyTo) implements Command {
    }

    private record Stop(ActorRef<Boolean> replyTo) implements Command {
    }

    /** The sensor watcher's alarm about one of this twin's machines. */
    private record SensorAlarm(String machine, SensorWatcher.Alarm alarm) implements Command {
    }

    /** The field of the change that carries a sensor alarm (and the server-sent event's type). */
    public static final String SENSOR_ALARM = "sensorAlarm";

    private Behavior<Command> behavior(Definition def, LiveTwin twin, Path home) {
        return Behaviors.withTimers(timers -> {
            timers.startTimerAtFixedRate(new Tick(), TICK);
            TwinKeeper keeper = new TwinKeeper(def, twin, home, wall);
            return Behaviors.receive(Command.class)
                    .onMessage(Tick.class, t -> {
                        keeper.tick();
                        return Behaviors.same();
                    })
                    .onMessage(Ingest.class, m -> {
                        int before = twin.journalSize();
                        IngestReport report = applyAndJournal(def.id(), twin, m.payload(), def, keeper.journal());
                        // The watcher hears of the readings before the sender does (tests rely on that order).
                        if (watcher != null) {
                            watch(def.id(), twin.journalSince(before));
                        }
                        m.replyTo().tell(report);
                        return Behaviors.same();
                    })
                    .onMessage(SensorAlarm.class, a -> {
                        twin.recordEvent(a.alarm().timeMillis(), a.machine(), SENSOR_ALARM, alarmJson(a),
                                "sensorWatcher");
                        return Behaviors.same();
                    })
                    .onMessage(Query.class, q -> {
                        Object out;
                        try {
                            out = java.util.Objects.requireNonNull(q.read().apply(twin), "a twin query's answer");
                        } catch (RuntimeException e) {
                            out = e;
                        }
                        q.replyTo().tell(out);
                        return Behaviors.same();
                    })
                    .onMessage(Stop.class, s -> {
                        keeper.stop();
                        s.replyTo().tell(Boolean.TRUE);
                        return Behaviors.stopped();
                    })
                    .build();
        });
    }

    /**
     * Parses a payload against the twin's clock and applies it (in the twin's owner's thread), journalling the
     * applied messages ({@code journal} null: in memory only).
     */
    public static IngestReport applyAndJournal(String twinId, LiveTwin twin, Payload payload, Definition def,
                                               TwinJournal journal) {
        List<Object> out = ingest(twin, payload.parse(def, twin.now()), journal);
        return report(twinId, out, payload.prefix());
    }

    /**
     * Hands applied sensor readings to the watcher (keyed {@code twin/machine}: twin ids hold no '/'), and starts a
     * machine's window afresh when it is reported down. Readings the model cannot read are not watched.
     */
    private void watch(String twinId, List<LiveTwin.Applied> applied) {
        for (LiveTwin.Applied a : applied) {
            if (a.body() instanceof Telemetry.SensorReading r) {
                int n = r.values().size();
                if (n >= sensorsNeeded && n <= EngineUnit.SENSORS) {
                    watcher.tell(new SensorWatcher.SensorReading(twinId + "/" + r.machine(), a.atMillis(),
                            r.values().stream().mapToDouble(Double::doubleValue).toArray()));
                } else if (unwatched.add(twinId + "/" + r.machine())) {
                    LOG.warn("Sensor readings of {}/{} carry {} values, but the anomaly model reads sensors up to"
                            + " number {} (and at most {}): they are journalled, not watched.", twinId, r.machine(), n,
                            sensorsNeeded, EngineUnit.SENSORS);
                }
            } else if (a.body() instanceof Telemetry.MachineState m && m.down()) {
                watcher.tell(new SensorWatcher.Restored(twinId + "/" + m.machine()));
            }
        }
    }

    /** Passes the watcher's alarm to the twin it concerns (gone twins' alarms are dropped). */
    private Behavior<SensorWatcher.Alarm> routeAlarm(SensorWatcher.Alarm a) {
        int slash = a.machine().indexOf('/');
        Hosted h = twins.get(a.machine().substring(0, slash));
        if (h != null) {
            h.actor().tell(new SensorAlarm(a.machine().substring(slash + 1), a));
        }
        return Behaviors.same();
    }

    /** The alarm as a change's value: machine, simMillis, score, threshold, flat. */
    private static Map<String, Object> alarmJson(SensorAlarm a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("machine", a.machine());
        v.put("simMillis", a.alarm().timeMillis());
        v.put("score", a.alarm().score());
        v.put("threshold", a.alarm().threshold());
        v.put("flat", a.alarm().flat());
        return v;
    }

    private static List<Object> ingest(LiveTwin twin, List<Object> parsed, TwinJournal journal) {
        List<LiveTwin.Message> batch = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        Object[] out = parsed.toArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof TelemetryJson.Read r) {
                batch.add(new LiveTwin.Message(r.id(), r.atMillis(), r.body()));
                where.add(i);
            }
        }
        int before = twin.journalSize();
        List<Object> results = twin.applyBatch(batch);
        for (int k = 0; k < results.size(); k++) {
            out[where.get(k)] = results.get(k);
        }
        if (journal != null) {
            journal.append(twin.journalSince(before));
        }
        return List.of(out);
    }

    // ---- the service ---------------------------------------------------------------------------------------------

    @Override
    public CompletionStage<ObjectNode> create(String id, String library, String scenarioText, long seed, double speed) {
        Definition def;
        try {
            def = define(id, library, scenarioText, seed, speed);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return state(def.id());
    }

    @Override
    public CompletionStage<ObjectNode> state(String id) {
        Definition def = hosted(id).def();
        return read(id, t -> state(def, t));
    }

    @Override
    public CompletionStage<ArrayNode> changesSince(String id, long afterSeq, int limit) {
        return read(id, t -> changes(t.changesSince(afterSeq, limit)));
    }

    @Override
    public CompletionStage<ArrayNode> history(String id, long fromMillis, long toMillis, String entity) {
        return read(id, t -> changes(t.history(fromMillis, toMillis, entity)));
    }

    /** JSON of changes, oldest first. */
    public static ArrayNode changes(List<LiveTwin.Change> changes) {
        ArrayNode a = TelemetryJson.JSON.createArrayNode();
        changes.forEach(c -> a.add(change(c)));
        return a;
    }

    /** Creates and starts a twin; {@code scenarioText} is the scenario's JSON/YAML (or null with a library name). */
    public Definition define(String id, String scenarioName, String scenarioText, long seed, double speed) {
        checkNew(id, speed);
        if (twins.containsKey(id)) {
            throw new TelemetryException("id", id, "A twin with this id exists; DELETE it first or pick another id.");
        }
        if (twins.size() >= MAX_TWINS) {
            throw new TelemetryException("id", id, "This server holds " + MAX_TWINS + " twins, the most it takes.");
        }
        String text = scenarioText;
        Scenario scenario = scenario(scenarioName, text);
        Definition def = new Definition(id, text, scenarioName, seed, speed, wall.getAsLong());
        Path home = null;
        if (dir != null) {
            home = dir.resolve(id);
            persistNew(home, def);
        }
        start(def, LiveTwin.start(scenario, seed), home);
        return def;
    }

    /** Writes a new twin's definition to {@code home} (an old journal there is removed). */
    public static void persistNew(Path home, Definition def) {
        try {
            Files.createDirectories(home);
            Files.deleteIfExists(home.resolve("journal.jsonl"));
            Files.deleteIfExists(home.resolve("reached.json"));
            writeAtomically(home.resolve("twin.json"), TelemetryJson.JSON.writeValueAsString(def));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot persist the twin " + def.id() + " in " + home + ".", e);
        }
    }

    /** Checks a new twin's id and speed (the same rules for local and sharded twins). */
    public static void checkNew(String id, double speed) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new TelemetryException("id", id, "A twin id is 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new TelemetryException("speed", speed, "The speed must be >= 0 (0: a manual clock; 1: real time;"
                    + " 60: a minute per second).");
        }
    }

    /** The scenario of a definition: its text, or the library scenario it names. */
    public static Scenario scenario(Definition def) {
        return scenario(def.scenarioName(), def.scenarioText());
    }

    private static Scenario scenario(String name, String text) {
        if (text != null) {
            return Scenarios.parse(text, "twin scenario");
        }
        if (name == null) {
            throw new TelemetryException("scenario", "(missing)", "Give a library scenario name or a scenario.");
        }
        return Scenarios.library(name);
    }

    private void start(Definition def, LiveTwin twin, Path home) {
        ActorRef<Command> actor = system.systemActorOf(behavior(def, twin, home), "live-twin-" + def.id(),
                Props.empty());
        twins.put(def.id(), new Hosted(def, actor));
    }

    private void restore(Path home) throws IOException {
        Restored r = restoreFrom(home);
        start(r.def(), r.twin(), home);
    }

    /** A twin rebuilt from its directory: definition, and the twin with its journal replayed. */
    public record Restored(Definition def, LiveTwin twin) {
    }

    /** Rebuilds the twin persisted in {@code home} (its journal replayed, its counters restored). */
    public static Restored restoreFrom(Path home) throws IOException {
        Definition def = TelemetryJson.JSON.readValue(Files.readString(home.resolve("twin.json")), Definition.class);
        List<LiveTwin.Applied> journal = new ArrayList<>();
        Path j = home.resolve("journal.jsonl");
        if (Files.exists(j)) {
            byte[] bytes = Files.readAllBytes(j);
            int complete = bytes.length;
            while (complete > 0 && bytes[complete - 1] != '\n') {
                complete--;
            }
            if (complete < bytes.length) {
                // The process died while writing a line: that batch was never acknowledged. Cut the torn tail so
                // that later appends start on a line of their own.
                try (var ch = java.nio.channels.FileChannel.open(j, StandardOpenOption.WRITE)) {
                    ch.truncate(complete);
                }
            }
            for (String line : new String(bytes, 0, complete, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    journal.add(fromJournalLine(TelemetryJson.JSON.readTree(line)));
                }
            }
        }
        long reached = 0;
        Map<String, Long> counters = Map.of();
        Path r = home.resolve("reached.json");
        if (Files.exists(r)) {
            JsonNode saved = TelemetryJson.JSON.readTree(Files.readString(r));
            reached = saved.get("reachedMillis").asLong();
            if (saved.has("counters")) {
                counters = TelemetryJson.JSON.convertValue(saved.get("counters"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() { });
            }
        }
        for (LiveTwin.Applied a : journal) {
            reached = Math.max(reached, a.appliedMillis());
        }
        Scenario scenario = scenario(def.scenarioName(), def.scenarioText());
        LiveTwin twin = LiveTwin.restore(scenario, def.seed(), journal, reached);
        twin.restoreCounters(counters);
        return new Restored(def, twin);
    }

    /** The twin time of definition {@code def} at wall-clock time {@code wallMillis}. */
    public static long clock(Definition def, long wallMillis) {
        return Math.max(0, Math.round((wallMillis - def.originWallMillis()) * def.speed()));
    }

    /** Twin time of a wall-clock instant for twin {@code def}. */
    private static long wallToTwin(Definition def, long epochMillis) {
        if (def.speed() == 0) {
            throw new IllegalStateException("This twin runs on a manual clock (speed 0): give simTime, not a"
                    + " wall-clock instant.");
        }
        return Math.max(0, Math.round((epochMillis - def.originWallMillis()) * def.speed()));
    }

    @Override
    public List<Definition> list() {
        return twins.values().stream().map(Hosted::def).sorted(java.util.Comparator.comparing(Definition::id))
                .toList();
    }

    @Override
    public boolean exists(String id) {
        return twins.containsKey(id);
    }

    /** Reads from the twin in its actor (state, history, changes...). */
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> read(String id, Function<LiveTwin, T> read) {
        ActorRef<Command> actor = hosted(id).actor();
        CompletionStage<Object> r = AskPattern.ask(actor, (ActorRef<Object> reply) -> new Query<>(read, reply), ASK,
                system.scheduler());
        return r.thenApply(o -> {
            if (o instanceof RuntimeException e) {
                throw e;
            }
            return (T) o;
        });
    }

    /** Moves a twin's clock forward to {@code twinMillis} (any twin; a manual one moves only this way). */
    @Override
    public CompletionStage<Long> advance(String id, long twinMillis) {
        return read(id, t -> {
            t.advanceTo(twinMillis);
            return t.now();
        });
    }

    /** Runs a fork of the twin's current state on the fork executor (the what-if checked first). */
    @Override
    public CompletionStage<ObjectNode> fork(String id, Fork fork) {
        // Fork.run checks the what-if against the scenario before any work.
        return this.<LiveTwin.Base>read(id, LiveTwin::forkBase)
                .thenApplyAsync(base -> forkJson(fork.run(base)), forks);
    }

    @Override
    public void delete(String id) {
        Hosted h = twins.remove(id);
        if (h == null) {
            throw new java.util.NoSuchElementException(id);
        }
        stop(h); // before removing its files, which the actor writes until it stops
        if (dir != null) {
            removeFiles(dir.resolve(id));
        }
    }

    /** Removes a twin's directory and everything in it. */
    public static void removeFiles(Path home) {
        try (var files = Files.walk(home)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the files of the twin in " + home + ".", e);
        }
    }

    private Hosted hosted(String id) {
        Hosted h = twins.get(id);
        if (h == null) {
            throw new java.util.NoSuchElementException(id);
        }
        return h;
    }

    /** Parses a payload (one message or {"messages": [...]}) and applies it; never fails for bad content. */
    @Override
    public CompletionStage<IngestReport> ingestAsync(String twinId, String json) {
        Hosted h = twins.get(twinId);
        if (h == null) {
            return CompletableFuture.completedFuture(IngestReport.refused(twinId, "$", twinId,
                    "There is no live twin (" + twinId + "); POST /twins creates one."));
        }
        Payload payload = Payload.of(twinId, json);
        if (payload.refused() != null) {
            return CompletableFuture.completedFuture(payload.refused());
        }
        return AskPattern.ask(h.actor(), (ActorRef<IngestReport> reply) -> new Ingest(payload, reply), ASK,
                system.scheduler());
    }

    /** A telemetry payload split into message nodes (or refused as a whole). */
    public record Payload(List<JsonNode> nodes, String prefix, IngestReport refused) {

        public static Payload of(String twinId, String json) {
            JsonNode root;
            try {
                root = TelemetryJson.JSON.readTree(json);
            } catch (IOException e) {
                return new Payload(List.of(), null, IngestReport.refused(twinId, "$", abbreviate(json),
                        "Not JSON: " + e.getMessage()));
            }
            List<JsonNode> nodes = new ArrayList<>();
            if (root != null && root.isObject() && root.has("messages")) {
                if (!root.get("messages").isArray() || root.size() != 1) {
                    return new Payload(List.of(), null, IngestReport.refused(twinId, "$.messages",
                            abbreviate(root.toString()), "A batch is {\"messages\": [ ... ]} and nothing else."));
                }
                root.get("messages").forEach(nodes::add);
                return new Payload(nodes, "$.messages[", null);
            }
            nodes.add(root);
            return new Payload(nodes, null, null);
        }

        /** Each message read against the twin's clock (a {@link TelemetryJson.Read}) or its refusal. */
        public List<Object> parse(Definition def, long now) {
            List<Object> parsed = new ArrayList<>();
            for (JsonNode n : nodes) {
                try {
                    parsed.add(TelemetryJson.read(n, ms -> wallToTwin(def, ms), now));
                } catch (TelemetryException e) {
                    parsed.add(e);
                }
            }
            return parsed;
        }
    }

    private static IngestReport report(String twin, List<Object> results, String prefix) {
        int accepted = 0;
        int duplicates = 0;
        int stale = 0;
        List<IngestReport.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Object r = results.get(i);
            if (r == LiveTwin.Outcome.APPLIED) {
                accepted++;
            } else if (r == LiveTwin.Outcome.DUPLICATE) {
                duplicates++;
            } else if (r == LiveTwin.Outcome.STALE) {
                stale++;
            } else if (r instanceof TelemetryException e) {
                String base = prefix == null ? "$" : prefix + i + "]";
                rejected.add(new IngestReport.Rejection(i, e.path().isEmpty() ? base : base + "." + e.path(),
                        e.value(), e.getMessage()));
            }
        }
        return new IngestReport(twin, accepted, duplicates, stale, rejected);
    }

    // ---- persistence helpers -------------------------------------------------------------------------------------

    static String journalLine(LiveTwin.Applied a) {
        ObjectNode o = TelemetryJson.write(a.body());
        o.put("seq", a.seq());
        if (a.id() != null) {
            o.put("id", a.id());
        }
        o.put("atMillis", a.atMillis());
        o.put("appliedMillis", a.appliedMillis());
        return o.toString();
    }

    static LiveTwin.Applied fromJournalLine(JsonNode n) {
        ObjectNode body = n.deepCopy();
        for (String f : List.of("seq", "id", "atMillis", "appliedMillis")) {
            body.remove(f);
        }
        TelemetryJson.Read r = TelemetryJson.read(body, ms -> ms, 0);
        return new LiveTwin.Applied(n.get("seq").asLong(), n.hasNonNull("id") ? n.get("id").asText() : null,
                n.get("atMillis").asLong(), n.get("appliedMillis").asLong(), r.body());
    }

    /** Saves the time reached and the counters of {@code twin} in {@code home}. */
    public static void saveReached(Path home, LiveTwin twin) {
        try {
            ObjectNode o = TelemetryJson.JSON.createObjectNode();
            o.put("reachedMillis", twin.now());
            o.set("counters", TelemetryJson.JSON.valueToTree(twin.counters()));
            writeAtomically(home.resolve("reached.json"), o.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the time reached in " + home + ".", e);
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** A JSON view of a change for history and the change stream. */
    public static ObjectNode change(LiveTwin.Change c) {
        ObjectNode o = TelemetryJson.JSON.createObjectNode();
        o.put("seq", c.seq());
        o.put("simMillis", c.atMillis());
        o.put("entity", c.entity());
        o.put("field", c.field());
        o.set("from", TelemetryJson.JSON.valueToTree(c.from()));
        o.set("to", TelemetryJson.JSON.valueToTree(c.to()));
        o.put("source", c.source());
        return o;
    }

    /** A JSON view of a twin's state. */
    public static ObjectNode state(Definition def, LiveTwin t) {
        ObjectNode o = TelemetryJson.JSON.createObjectNode();
        o.put("id", def.id());
        o.put("scenario", t.scenario().name());
        o.put("seed", def.seed());
        o.put("speed", def.speed());
        o.put("simMillis", t.now());
        o.put("changeSeq", t.lastChangeSeq());
        o.set("telemetry", TelemetryJson.JSON.valueToTree(t.counters()));
        o.set("entities", TelemetryJson.JSON.valueToTree(t.entities()));
        o.set("drift", TelemetryJson.JSON.valueToTree(t.drift()));
        return o;
    }

    /** Ordered summary of a fork: KPI means with 95 % intervals over replications, and the orders at risk. */
    public static ObjectNode forkJson(Fork.Result r) {
        ObjectNode o = TelemetryJson.JSON.createObjectNode();
        o.put("fromSimMillis", r.fromMillis());
        o.put("toSimMillis", r.toMillis());
        o.put("replications", r.replications().size());
        Map<String, double[]> kpis = new LinkedHashMap<>();
        for (int k = 0; k < r.replications().size(); k++) {
            var x = r.replications().get(k);
            put(kpis, "throughputPerHour", k, r, x.plant().throughputPerHour());
            put(kpis, "wipMean", k, r, x.plant().wipMean());
            if (x.supplyChain() != null) {
                put(kpis, "orders", k, r, x.supplyChain().orders());
                put(kpis, "orderFillRate", k, r, x.supplyChain().orderFillRate());
                put(kpis, "onTimeDelivery", k, r, x.supplyChain().onTimeDelivery());
                put(kpis, "leadTimeMeanHours", k, r, x.supplyChain().leadTimeMeanHours());
                put(kpis, "backordersMean", k, r, x.supplyChain().backordersMean());
                put(kpis, "totalCost", k, r, x.supplyChain().totalCost());
            }
        }
        ObjectNode k = o.putObject("kpis");
        kpis.forEach((name, v) -> k.set(name, TelemetryJson.JSON.valueToTree(org.plantwin.twin.experiment.Summary
                .of(v, 0.95))));
        ArrayNode orders = o.putArray("orders");
        for (Fork.OrderRisk risk : r.orders()) {
            ObjectNode n = TelemetryJson.JSON.valueToTree(risk);
            n.put("lateShare", risk.lateShare());
            orders.add(n);
        }
        return o;
    }

    private static void put(Map<String, double[]> kpis, String name, int k, Fork.Result r, double v) {
        kpis.computeIfAbsent(name, n -> new double[r.replications().size()])[k] = v;
    }

    /** Saves every twin's time reached and stops them (waits for each, at most the ask timeout). */
    @Override
    public void close() {
        for (Hosted h : twins.values()) {
            try {
                stop(h);
            } catch (RuntimeException e) {
                // Closing anyway: the journal holds every applied message; only the time reached may lag.
            }
        }
        twins.clear();
    }

    /** Stops a twin's actor once it has saved its time reached and closed its journal. */
    private void stop(Hosted h) {
        CompletionStage<Boolean> stopped = AskPattern.ask(h.actor(), Stop::new, ASK, system.scheduler());
        stopped.toCompletableFuture().join();
    }
}
