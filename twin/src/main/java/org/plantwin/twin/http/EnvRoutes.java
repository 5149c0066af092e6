package org.plantwin.twin.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.plantwin.twin.env.Envs;
import org.plantwin.twin.env.PlantEnv;
import org.plantwin.twin.env.ResetResult;
import org.plantwin.twin.env.Space;
import org.plantwin.twin.env.StepResult;

/**
 * Gymnasium-style environments over HTTP/JSON ({@link org.plantwin.twin.env}):
 * <pre>
 * POST   /envs               {"kind": "jobshop", "params": {"jobs": 6, "machines": 6}} -> 201 {id, spaces}
 * GET    /envs/{id}          -> {id, kind, observationSpace, actionSpace}
 * POST   /envs/{id}/reset    {"seed": 42}                 -> {observation, actionMask, info}
 * POST   /envs/{id}/step     {"action": 3} or {"action": [0, 1, ...]}
 *                            -> {observation, reward, terminated, truncated, actionMask, info}
 * DELETE /envs/{id}          -> 204
 * </pre>
 * Errors are problem documents like the other routes: 400 for a bad kind, parameter or action (with the allowed
 * ones), 404 for an unknown env, 409 for a step outside an episode, 429 when {@link #MAX_ENVS} are open. An env
 * runs in the request's thread under its own lock: a step takes microseconds.
 */
public final class EnvRoutes extends AllDirectives {

    /** Most environments open at once. */
    public static final int MAX_ENVS = 256;

    private static final Set<String> CREATE_FIELDS = Set.of("kind", "params");
    private static final Set<String> RESET_FIELDS = Set.of("seed", "options");
    private static final Set<String> STEP_FIELDS = Set.of("action");

    private final Map<String, PlantEnv> envs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** The routes under {@code /envs} (mounted with {@code pathPrefix("envs", ...)}). */
    public Route route() {
        return concat(
                pathEnd(() -> post(() -> body(this::create))),
                pathPrefix(PathMatchers.segment(), id -> concat(
                        pathEnd(() -> concat(
                                get(() -> json(200, describe(id, env(id)))),
                                delete(() -> {
                                    PlantEnv e = envs.remove(id);
                                    if (e == null) {
                                        throw notFound(id);
                                    }
                                    e.close();
                                    return complete(HttpResponse.create().withStatus(204));
                                }))),
                        path("reset", () -> post(() -> body(b -> reset(id, b)))),
                        path("step", () -> post(() -> body(b -> step(id, b)))))));
    }

    private Route body(java.util.function.Function<String, Route> inner) {
        return entity(Unmarshaller.entityToString(), inner);
    }

    private Route create(String body) {
        JsonNode n = object(body, CREATE_FIELDS);
        JsonNode kind = n.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw ApiProblem.badField("$.kind", String.valueOf(kind), "The kind is required, one of "
                    + new java.util.TreeSet<>(Envs.KINDS), "Maybe \"jobshop\".");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = n.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw ApiProblem.badField("$.params", p.toString(), "The params must be an object",
                        "Maybe {\"jobs\": 6, \"machines\": 6}.");
            }
            p.fields().forEachRemaining(e -> params.put(e.getKey(), plain(e.getValue(), "$.params." + e.getKey())));
        }
        if (envs.size() >= MAX_ENVS) {
            throw ApiProblem.of(429, "too-many-envs", "Too many environments", "There are " + envs.size()
                    + " environments open (the most is " + MAX_ENVS + "). Maybe DELETE the ones you are done with.");
        }
        PlantEnv env;
        try {
            env = Envs.create(kind.asText(), params);
        } catch (IllegalArgumentException | org.plantwin.scenarios.api.ScenarioException e) {
            throw ApiProblem.badField("$", abbreviate(params.toString()), e.getMessage(),
                    "Maybe see the environment kinds and parameters in twin/README.md.");
        }
        String id = "env-" + ids.incrementAndGet();
        envs.put(id, env);
        return json(201, describe(id, env));
    }

    private Route reset(String id, String body) {
        PlantEnv env = env(id);
        JsonNode n = body.isBlank() ? RequestBodies.object() : object(body, RESET_FIELDS);
        long seed = 0;
        if (n.has("seed") && !n.get("seed").isNull()) {
            if (!n.get("seed").canConvertToLong() || !n.get("seed").isIntegralNumber()) {
                throw ApiProblem.badField("$.seed", n.get("seed").toString(), "The seed must be an integer",
                        "Maybe 42.");
            }
            seed = n.get("seed").asLong();
        }
        Map<String, Object> options = new LinkedHashMap<>();
        if (n.has("options") && n.get("options").isObject()) {
            n.get("options").fields().forEachRemaining(e -> options.put(e.getKey(), plain(e.getValue(),
                    "$.options." + e.getKey())));
        }
        ResetResult r;
        synchronized (env) {
            r = env.reset(seed, options);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("observation", r.observation());
        out.put("actionMask", r.actionMask());
        out.put("info", r.info());
        return json(200, out);
    }

    private Route step(String id, String body) {
        PlantEnv env = env(id);
        JsonNode n = object(body, STEP_FIELDS);
        JsonNode a = n.get("action");
        if (a == null) {
            throw ApiProblem.badField("$.action", "(missing)", "The action is required", "Maybe {\"action\": 0}.");
        }
        Object action;
        if (a.isIntegralNumber()) {
            action = a.asInt();
        } else if (a.isArray()) {
            int[] v = new int[a.size()];
            for (int i = 0; i < v.length; i++) {
                if (!a.get(i).isIntegralNumber()) {
                    throw ApiProblem.badField("$.action[" + i + "]", a.get(i).toString(), "Must be an integer",
                            "Maybe 0 or 1.");
                }
                v[i] = a.get(i).asInt();
            }
            action = v;
        } else {
            throw ApiProblem.badField("$.action", abbreviate(a.toString()), "The action must be an integer or an "
                    + "array of integers", "Maybe see the env's actionSpace.");
        }
        StepResult s;
        synchronized (env) {
            if (env.done()) {
                throw ApiProblem.of(409, "episode-over", "No episode", "The env (" + id + ") has no episode going"
                        + " on. Maybe POST /envs/" + id + "/reset first.");
            }
            try {
                s = env.step(action);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badField("$.action", abbreviate(a.toString()), e.getMessage(),
                        "Maybe pick an action whose actionMask entry is true.");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("observation", s.observation());
        out.put("reward", s.reward());
        out.put("terminated", s.terminated());
        out.put("truncated", s.truncated());
        out.put("actionMask", s.actionMask());
        out.put("info", s.info());
        return json(200, out);
    }

    private PlantEnv env(String id) {
        PlantEnv e = envs.get(id);
        if (e == null) {
            throw notFound(id);
        }
        return e;
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("There is no environment (" + abbreviate(id) + "). Maybe it was deleted; "
                + "POST /envs creates one.");
    }

    private static Map<String, Object> describe(String id, PlantEnv env) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("kind", env.kind());
        out.put("observationSpace", env.observationSpace().describe());
        out.put("actionSpace", env.actionSpace().describe());
        return out;
    }

    private static JsonNode object(String body, Set<String> allowed) {
        JsonNode n = RequestBodies.readJson(body);
        if (!n.isObject()) {
            throw ApiProblem.badField("$", abbreviate(n.toString()), "The body must be a JSON object",
                    "Maybe {\"kind\": \"jobshop\", \"params\": {\"jobs\": 6, \"machines\": 6}}.");
        }
        RequestBodies.requireKnownFields(n, "$", allowed);
        return n;
    }

    /** A JSON scalar as a Java value (String, Long, Double, Boolean); anything else is a 400 at {@code path}. */
    private static Object plain(JsonNode v, String path) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        throw ApiProblem.badField(path, abbreviate(v.toString()), "Must be a string, number or boolean",
                "Maybe a plain value.");
    }

    private Route json(int status, Object body) {
        return complete(RequestBodies.jsonResponse(status, body));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** Open environments (for tests and metrics). */
    public int open() {
        return envs.size();
    }

    static List<String> routes() {
        return new ArrayList<>(List.of("POST /envs", "GET /envs/{id}", "DELETE /envs/{id}", "POST /envs/{id}/reset",
                "POST /envs/{id}/step"));
    }
}
