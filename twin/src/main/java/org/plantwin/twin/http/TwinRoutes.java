package org.plantwin.twin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.plantwin.actors.api.Fork;
import org.plantwin.actors.api.TelemetryException;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.twin.live.IngestReport;
import org.plantwin.twin.live.TwinService;
import org.plantwin.twin.live.LiveTwins;
import org.plantwin.twin.live.TelemetryJson;

/**
 * Live twins over HTTP ({@link LiveTwins}):
 * <pre>
 * POST   /twins                  {"id": "plant1", "library": "supply-chain", "seed": 1, "speed": 60} -> 201 state
 * GET    /twins                  -> [{id, scenario, seed, speed}]
 * GET    /twins/{id}             -> current state of every entity, drift, telemetry counters
 * DELETE /twins/{id}             -> 204 (its persisted files too)
 * POST   /twins/{id}/telemetry   one message or {"messages": [...]} -> {accepted, duplicates, stale, rejected[]}
 * POST   /twins/{id}/advance     {"to": "36h"}   moves the clock (the only way for speed 0)
 * GET    /twins/{id}/events      server-sent events: one "change" per changed field, one "sensorAlarm" per alarm
 * GET    /twins/{id}/history     ?from=0s&amp;to=2d&amp;entity=M3 -> changes in that range of twin time
 * POST   /twins/{id}/fork        {"horizon": "2d", "replications": 10, "seed": 7,
 *                                 "whatIf": [{"after": "0s", "telemetry": {...}}]} -> KPIs with CIs, orders at risk
 * </pre>
 * A telemetry batch with bad messages is answered 200 with each refused message, its JSON path and reason (the
 * others are applied); a payload that is not JSON at all is a 400.
 */
public final class TwinRoutes extends AllDirectives {

    private static final Set<String> CREATE_FIELDS = Set.of("id", "library", "scenario", "seed", "speed");
    private static final Set<String> FORK_FIELDS = Set.of("horizon", "replications", "seed", "whatIf");
    /** Most fork replications per request. */
    static final int MAX_FORK_REPLICATIONS = 200;

    private final TwinService twins;

    TwinRoutes(TwinService twins) {
        this.twins = twins;
    }

    /** The routes under {@code /twins}. */
    public Route route() {
        return concat(
                pathEnd(() -> concat(
                        post(() -> body(this::create)),
                        get(() -> json(200, twins.list())))),
                pathPrefix(PathMatchers.segment(), id -> concat(
                        pathEnd(() -> concat(
                                get(() -> await(twins.state(id(id)), s -> json(200, s))),
                                delete(() -> {
                                    twins.delete(id(id));
                                    return complete(HttpResponse.create().withStatus(204));
                                }))),
                        path("telemetry", () -> post(() -> body(b -> telemetry(id(id), b)))),
                        path("advance", () -> post(() -> body(b -> advance(id(id), b)))),
                        path("events", () -> get(() -> events(id(id)))),
                        path("history", () -> get(() -> parameterMap(q -> history(id(id), q)))),
                        path("fork", () -> post(() -> body(b -> fork(id(id), b)))))));
    }

    private String id(String id) {
        if (!twins.exists(id)) {
            throw ApiProblem.notFound("There is no live twin (" + RequestBodies.quote(id) + "). Maybe POST /twins"
                    + " creates it; GET /twins lists them.");
        }
        return id;
    }

    private Route create(String body) {
        JsonNode n = object(body, CREATE_FIELDS, "{\"id\": \"plant1\", \"library\": \"supply-chain\", \"speed\": 60}");
        String id = RequestBodies.text(n, "id", "$");
        if (id == null) {
            throw ApiProblem.badField("$.id", "(missing)", "A twin needs an id", "Maybe \"plant1\".");
        }
        String library = RequestBodies.text(n, "library", "$");
        JsonNode inline = n.get("scenario");
        if ((library == null) == (inline == null)) {
            throw ApiProblem.badField("$", RequestBodies.abbreviate(n), "Give exactly one of library or scenario",
                    "Maybe {\"library\": \"supply-chain\"}.");
        }
        if (library != null) {
            RequestBodies.library(library, "$.library");
        }
        Long seed = RequestBodies.integer(n, "seed", "$", Long.MIN_VALUE, Long.MAX_VALUE);
        double speed = 1.0;
        if (n.has("speed")) {
            if (!n.get("speed").isNumber()) {
                throw ApiProblem.badField("$.speed", RequestBodies.abbreviate(n.get("speed")), "Must be a number",
                        "Maybe 60 (a simulated minute per second) or 0 for a manual clock.");
            }
            speed = n.get("speed").asDouble();
        }
        return await(twins.create(id, library, inline == null ? null : inline.toString(), seed == null ? 1 : seed,
                speed), s -> json(201, s));
    }

    private Route telemetry(String id, String body) {
        return await(twins.ingestAsync(id, body), r -> {
            if (r.accepted() + r.duplicates() + r.stale() == 0 && r.rejected().size() == 1
                    && r.rejected().get(0).index() == -1) {
                IngestReport.Rejection x = r.rejected().get(0);
                throw ApiProblem.badField(x.path(), x.value(), x.reason(), "See the telemetry format in"
                        + " docs/design/live.md.");
            }
            return json(200, r);
        });
    }

    private Route advance(String id, String body) {
        JsonNode n = object(body, Set.of("to"), "{\"to\": \"36h\"}");
        String to = RequestBodies.text(n, "to", "$");
        if (to == null) {
            throw ApiProblem.badField("$.to", "(missing)", "Give the twin time to move to", "Maybe \"36h\".");
        }
        long ms = RequestBodies.durationMillis(to, "$.to");
        return await(twins.advance(id, ms), now -> {
            ObjectNode o = RequestBodies.object();
            o.put("simMillis", now);
            return json(200, o);
        });
    }

    /** Server-sent events: the changes after the one that was last when the stream opened. */
    private Route events(String id) {
        AtomicLong last = new AtomicLong();
        Source<ServerSentEvent, NotUsed> source = Source.completionStage(twins.state(id))
                .flatMapConcat(state -> {
                    last.set(state.get("changeSeq").asLong());
                    return Source.tick(Duration.ZERO, Duration.ofMillis(200), "tick");
                })
                .mapAsync(1, t -> twins.changesSince(id, last.get(), 1000)
                        .exceptionally(e -> null))
                .takeWhile(c -> c != null)
                .mapConcat(changes -> {
                    List<ServerSentEvent> out = new ArrayList<>();
                    for (JsonNode c : changes) {
                        last.set(c.get("seq").asLong());
                        // Alarms an observer raised are events of their own type; the rest are state changes.
                        String type = LiveTwins.SENSOR_ALARM.equals(c.path("field").asText()) ? LiveTwins.SENSOR_ALARM
                                : "change";
                        out.add(ServerSentEvent.create(c.toString(), type));
                    }
                    return out;
                })
                .keepAlive(Duration.ofSeconds(15), ServerSentEvent::heartbeat);
        return completeOK(source, EventStreamMarshalling.toEventStream());
    }

    private Route history(String id, Map<String, String> q) {
        long from = q.containsKey("from") ? twinTime(q.get("from"), "?from") : 0;
        long to = q.containsKey("to") ? twinTime(q.get("to"), "?to") : Long.MAX_VALUE;
        String entity = q.get("entity");
        return await(twins.history(id, from, to, entity), a -> json(200, a));
    }

    /** A twin time or offset: a duration with a unit, zero allowed ("0s", "36h"). */
    private static long twinTime(String text, String where) {
        try {
            long ms = "0".equals(text.strip()) ? 0 : org.plantwin.scenarios.model.TimeSpan.parse(text).toMillis();
            if (ms >= 0) {
                return ms;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiProblem.badField(where, RequestBodies.quote(text), "Must be a duration with a unit (ms, s, m, h, d,"
                + " w), 0 or more", "Maybe \"0s\" or \"36h\".");
    }

    private Route fork(String id, String body) {
        JsonNode n = object(body, FORK_FIELDS, "{\"horizon\": \"2d\", \"replications\": 10}");
        String horizon = RequestBodies.text(n, "horizon", "$");
        if (horizon == null) {
            throw ApiProblem.badField("$.horizon", "(missing)", "A fork needs a horizon", "Maybe \"2d\".");
        }
        long h = RequestBodies.durationMillis(horizon, "$.horizon");
        Long reps = RequestBodies.integer(n, "replications", "$", 1, MAX_FORK_REPLICATIONS);
        Long seed = RequestBodies.integer(n, "seed", "$", Long.MIN_VALUE, Long.MAX_VALUE);
        List<Fork.Disturbance> whatIf = new ArrayList<>();
        JsonNode w = n.get("whatIf");
        if (w != null) {
            if (!w.isArray()) {
                throw ApiProblem.badField("$.whatIf", RequestBodies.abbreviate(w), "Must be an array",
                        "Maybe [{\"after\": \"0s\", \"telemetry\": {\"kind\": \"machineState\", \"machine\": \"M3\","
                                + " \"state\": \"down\"}}].");
            }
            for (int i = 0; i < w.size(); i++) {
                whatIf.add(disturbance(w.get(i), "$.whatIf[" + i + "]"));
            }
        }
        Fork f = new Fork(h, reps == null ? 10 : reps.intValue(), seed, whatIf);
        CompletionStage<ObjectNode> result = twins.fork(id, f);
        return await(result.exceptionally(e -> {
            Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (c instanceof TelemetryException t) {
                throw ApiProblem.badField("$.whatIf." + t.path(), t.value(), t.getMessage(),
                        "Maybe check the entity names in GET /twins/" + id + ".");
            }
            throw c instanceof RuntimeException r ? r : new CompletionException(c);
        }), o -> json(200, o));
    }

    private static Fork.Disturbance disturbance(JsonNode d, String path) {
        if (!d.isObject()) {
            throw ApiProblem.badField(path, RequestBodies.abbreviate(d), "Must be an object",
                    "Maybe {\"after\": \"6h\", \"telemetry\": {...}}.");
        }
        RequestBodies.requireKnownFields(d, path, Set.of("after", "telemetry"));
        String after = RequestBodies.text(d, "after", path);
        long a = after == null ? 0 : twinTime(after, path + ".after");
        try {
            return new Fork.Disturbance(a, TelemetryJson.read(d.get("telemetry"), ms -> {
                throw new IllegalStateException("A what-if is placed by after, not by a wall-clock time.");
            }, 0).body());
        } catch (TelemetryException e) {
            throw ApiProblem.badField(path + ".telemetry" + (e.path().isEmpty() ? "" : "." + e.path()), e.value(),
                    e.getMessage(), "See the telemetry format in docs/design/live.md.");
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    private <T> Route await(CompletionStage<T> stage, Function<T, Route> inner) {
        return onComplete(stage, t -> {
            if (t.isSuccess()) {
                return inner.apply(t.get());
            }
            Throwable e = t.failed().get();
            while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException)
                    && e.getCause() != null) {
                e = e.getCause();
            }
            if (e instanceof ApiProblem p) {
                throw p;
            }
            if (e instanceof NoSuchElementException) {
                throw ApiProblem.notFound("The live twin was deleted meanwhile.");
            }
            if (e instanceof TelemetryException x) {
                throw ApiProblem.badField("$." + x.path(), x.value(), x.getMessage(), "See docs/design/live.md.");
            }
            if (e instanceof ScenarioException x) {
                throw RequestBodies.invalidScenario(x);
            }
            throw new IllegalStateException("A live twin failed: " + e.getMessage(), e);
        });
    }

    private Route body(Function<String, Route> inner) {
        return entity(org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller.entityToString(), inner);
    }

    private static JsonNode object(String body, Set<String> allowed, String example) {
        JsonNode n = RequestBodies.readJson(body);
        if (!n.isObject()) {
            throw ApiProblem.badField("$", RequestBodies.abbreviate(n), "The body must be a JSON object",
                    "Maybe " + example + ".");
        }
        RequestBodies.requireKnownFields(n, "$", allowed);
        return n;
    }

    private Route json(int status, Object body) {
        return complete(RequestBodies.jsonResponse(status, body));
    }
}
