package org.plantwin.twin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.plantwin.learning.api.DeepForecasterConfig;
import org.plantwin.learning.api.Forecast;
import org.plantwin.learning.api.ForecastTask;
import org.plantwin.learning.api.Forecaster;
import org.plantwin.learning.api.Forecasters;
import org.plantwin.learning.api.SeriesFiles;
import org.plantwin.learning.api.TimeSeries;
import org.plantwin.scenarios.io.Hints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forecasting models of the HTTP service ({@code /models}): trained asynchronously on posted series (a JSON object of
 * series or an M4-layout CSV body) with the {@code learning} module's {@link Forecasters}, kept in memory (at most
 * {@link #MAX_MODELS}; the next gets 429 until one is deleted), then asked for forecasts. Training takes a job slot
 * of the server's pool while it runs (429 when the pool is full).
 *
 * <p>The statistical methods fit each series when they forecast it, so their "training" records the series and a
 * forecast may ask for any horizon; the deep models (lstm, nbeats, nbeatslog) learn weights for the horizon given at training
 * and forecast only that horizon.
 */
final class ModelService {

    private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);

    /** Most models kept at once (training, ready or failed). */
    static final int MAX_MODELS = 32;
    /** Most training steps a deep model may ask for over HTTP. */
    static final int MAX_STEPS = 20_000;
    /** Most networks in a deep model's seed ensemble over HTTP. */
    static final int MAX_MEMBERS = 5;
    /** Longest forecast horizon. */
    static final int MAX_HORIZON = 10_000;
    private static final Set<String> TRAIN_FIELDS = Set.of("name", "model", "season", "horizon", "series", "seed",
            "steps", "members");
    private static final Set<String> FORECAST_FIELDS = Set.of("horizon", "series");

    /** One model: its descriptor fields, its training series, and the trained forecaster once ready. */
    private static final class Model {
        final String id;
        final String name;
        final String model;
        final int season;
        final Integer horizon;
        final long seed;
        final Integer steps;
        final int members;
        final List<TimeSeries> training;
        final int version;
        final Instant created;
        String status = "training";
        String error;
        Instant finished;
        double trainingSeconds;
        Forecaster trained;

        Model(String id, String name, String model, int season, Integer horizon, long seed, Integer steps,
              int members, List<TimeSeries> training, int version, Instant created) {
            this.id = id;
            this.name = name;
            this.model = model;
            this.season = season;
            this.horizon = horizon;
            this.seed = seed;
            this.steps = steps;
            this.members = members;
            this.training = List.copyOf(training);
            this.version = version;
            this.created = created;
        }
    }

    private final JobService jobs;
    private final Map<String, Model> models = new LinkedHashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    ModelService(JobService jobs) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /** Starts training from a JSON body or an M4-layout CSV body (settings then in the query); the descriptor. */
    ObjectNode train(String body, boolean json, Map<String, String> query) {
        String name;
        String model;
        long season;
        Long horizon;
        Long seed;
        Long steps;
        Long members;
        List<TimeSeries> series;
        if (RequestBodies.looksLikeJson(body, json)) {
            JsonNode n = RequestBodies.readJson(body);
            if (!n.isObject()) {
                throw ApiProblem.badField("$", RequestBodies.abbreviate(n), "Must be a JSON object",
                        "Maybe {\"model\": \"theta\", \"season\": 24, \"series\": {\"H1\": [605, 586, ...]}}.");
            }
            RequestBodies.requireKnownFields(n, "$", TRAIN_FIELDS);
            model = RequestBodies.text(n, "model", "$");
            name = RequestBodies.text(n, "name", "$");
            Long s = RequestBodies.integer(n, "season", "$", 1, 10_000);
            season = s == null ? 1 : s;
            horizon = RequestBodies.integer(n, "horizon", "$", 1, MAX_HORIZON);
            seed = RequestBodies.integer(n, "seed", "$", Long.MIN_VALUE, Long.MAX_VALUE);
            steps = RequestBodies.integer(n, "steps", "$", 1, MAX_STEPS);
            members = RequestBodies.integer(n, "members", "$", 1, MAX_MEMBERS);
            JsonNode map = n.get("series");
            if (map == null || !map.isObject() || map.isEmpty()) {
                throw ApiProblem.badField("$.series", map == null ? "(missing)" : RequestBodies.abbreviate(map),
                        "Must be an object of at least one series: id to an array of numbers",
                        "Maybe {\"H1\": [605, 586, 586, 559]}.");
            }
            series = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = map.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                series.add(new TimeSeries(e.getKey(), values(e.getValue(), "$.series." + e.getKey())));
            }
        } else {
            model = query.get("model");
            name = query.get("name");
            Long s = RequestBodies.integer(query, "season", 1, 10_000);
            season = s == null ? 1 : s;
            horizon = RequestBodies.integer(query, "horizon", 1, MAX_HORIZON);
            seed = RequestBodies.integer(query, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
            steps = RequestBodies.integer(query, "steps", 1, MAX_STEPS);
            members = RequestBodies.integer(query, "members", 1, MAX_MEMBERS);
            try {
                series = SeriesFiles.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "request");
            } catch (RuntimeException e) {
                throw ApiProblem.of(400, "invalid-series", "Invalid series", String.valueOf(e.getMessage())
                        + " Maybe send M4 layout (\"V1\",\"V2\",... then one row per series) or a JSON object.");
            }
            if (series.isEmpty()) {
                throw ApiProblem.of(400, "invalid-series", "Invalid series", "The CSV body has no series. Maybe send"
                        + " a header line and one row per series.");
            }
        }
        String where = json ? "$.model" : "?model";
        if (model == null) {
            throw ApiProblem.badField(where, "(missing)", "The model is required; one of " + Forecasters.names(),
                    "Maybe \"theta\".");
        }
        String key = model.toLowerCase(Locale.ROOT);
        if (!Forecasters.names().contains(key)) {
            throw ApiProblem.badField(where, RequestBodies.quote(model), "Must be one of " + Forecasters.names(),
                    Hints.closest(model, Forecasters.names()));
        }
        if (Forecasters.isDeep(key) && horizon == null) {
            throw ApiProblem.badField(json ? "$.horizon" : "?horizon", "(missing)", "A deep model (" + key
                    + ") learns one horizon: give it at training", "Maybe \"horizon\": 48.");
        }
        String label = name == null ? key : name;
        Model m;
        synchronized (this) {
            if (models.size() >= MAX_MODELS) {
                throw ApiProblem.tooMany("too-many-models", "Too many models", "The server keeps " + models.size()
                        + " models, its limit (" + MAX_MODELS + "). Maybe DELETE /models/{id} one you no longer use.",
                        1);
            }
            jobs.jobs().acquireSlot(); // 429 when the pool is busy; released when training ends
            String id;
            do {
                byte[] b = new byte[8];
                random.nextBytes(b);
                id = HexFormat.of().formatHex(b);
            } while (models.containsKey(id));
            int version = versions.merge(label, 1, Integer::sum);
            m = new Model(id, label, key, (int) season, horizon == null ? null : (int) (long) horizon,
                    seed == null ? 42 : seed, steps == null ? null : (int) (long) steps,
                    members == null ? 1 : (int) (long) members, series, version,
                    jobs.jobs().clock().instant());
            models.put(id, m);
        }
        Model model0 = m;
        try {
            CompletableFuture.runAsync(() -> fit(model0), jobs.workers())
                    .whenComplete((r, e) -> jobs.jobs().releaseSlot());
        } catch (RuntimeException e) {
            jobs.jobs().releaseSlot();
            synchronized (this) {
                models.remove(m.id);
            }
            throw ApiProblem.of(503, "shutting-down", "Shutting down", "The server is shutting down.");
        }
        return describe(m);
    }

    private void fit(Model m) {
        long start = System.nanoTime(); // wall clock at the service edge only: training time for people
        Forecaster f = null;
        String error = null;
        try {
            f = create(m);
            // Statistical methods only record the task here; a forecast refits them for its own horizon.
            f.fit(m.training, new ForecastTask(m.horizon == null ? 1 : m.horizon, m.season));
        } catch (RuntimeException e) {
            LOG.info("Training model {} ({}) failed: {}", m.id, m.model, e.toString());
            error = String.valueOf(e.getMessage());
        }
        synchronized (this) {
            m.trainingSeconds = (System.nanoTime() - start) / 1e9;
            m.finished = jobs.jobs().clock().instant();
            if (error == null) {
                m.trained = f;
                m.status = "ready";
            } else {
                m.status = "failed";
                m.error = error;
            }
        }
    }

    private static Forecaster create(Model m) {
        // The settings of the holdout harness, as `plantwin forecast` uses them.
        DeepForecasterConfig config = DeepForecasterConfig.measured(m.model, m.seed, m.season);
        if (m.steps != null) {
            config = config.withTrainingSteps(m.steps);
        }
        // A statistical method is one "member" whatever was asked: it is deterministic.
        return Forecasters.seedEnsemble(m.model, config, Forecasters.isDeep(m.model) ? m.members : 1, true);
    }

    /** Every model's descriptor, oldest first. */
    synchronized ArrayNode list() {
        ArrayNode a = RequestBodies.JSON.createArrayNode();
        models.values().forEach(m -> a.add(describe(m)));
        return a;
    }

    /** One model's descriptor; 404 when unknown. */
    synchronized ObjectNode get(String id) {
        return describe(model(id));
    }

    /** Forgets a model; 404 when unknown. */
    synchronized void delete(String id) {
        model(id);
        models.remove(id);
    }

    /** Forecasts of the series named, posted or (absent) all training series. */
    ObjectNode forecast(String id, String body) {
        Model m;
        Forecaster trained;
        synchronized (this) {
            m = model(id);
            trained = m.trained;
            if (trained == null) {
                throw ApiProblem.of(409, "not-ready", "Model not ready", "The model (" + id + ") is " + m.status
                        + (m.error != null ? ": " + m.error : "") + ". " + ("training".equals(m.status)
                        ? "Maybe poll /models/" + id + " until its status is ready." : "Maybe train it again."));
            }
        }
        JsonNode n = body.isBlank() ? RequestBodies.object() : RequestBodies.readJson(body);
        if (!n.isObject()) {
            throw ApiProblem.badField("$", RequestBodies.abbreviate(n), "Must be a JSON object",
                    "Maybe {\"horizon\": 48, \"series\": [\"H1\"]}.");
        }
        RequestBodies.requireKnownFields(n, "$", FORECAST_FIELDS);
        Long h = RequestBodies.integer(n, "horizon", "$", 1, MAX_HORIZON);
        int horizon;
        if (h == null) {
            if (m.horizon == null) {
                throw ApiProblem.badField("$.horizon", "(missing)", "The horizon is required: the model was trained"
                        + " without one", "Maybe \"horizon\": 48.");
            }
            horizon = m.horizon;
        } else {
            horizon = (int) (long) h;
        }
        boolean deep = Forecasters.isDeep(m.model);
        if (deep && horizon != m.horizon) {
            throw ApiProblem.badField("$.horizon", Long.toString(horizon), "This " + m.model + " model forecasts"
                    + " the horizon it was trained for (" + m.horizon + ")", "Maybe \"horizon\": " + m.horizon
                    + ", or train another model.");
        }
        List<TimeSeries> histories = histories(m, n.get("series"));
        List<Forecast> out;
        try {
            if (deep) {
                synchronized (trained) { // one DJL model: one forecast at a time
                    out = trained.predict(histories);
                }
            } else {
                Forecaster f = create(m);
                f.fit(m.training, new ForecastTask(horizon, m.season));
                out = f.predict(histories);
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(400, "invalid-series", "Cannot forecast", String.valueOf(e.getMessage()));
        }
        ObjectNode r = RequestBodies.object();
        r.put("model", m.id);
        r.put("name", m.name);
        r.put("method", m.model);
        r.put("horizon", horizon);
        ArrayNode a = r.putArray("forecasts");
        for (Forecast f : out) {
            ObjectNode x = a.addObject();
            x.put("id", f.seriesId());
            ArrayNode mean = x.putArray("mean");
            for (double v : f.mean()) {
                if (Double.isFinite(v)) {
                    mean.add(v);
                } else {
                    mean.addNull();
                }
            }
        }
        return r;
    }

    private static List<TimeSeries> histories(Model m, JsonNode series) {
        if (series == null) {
            return m.training;
        }
        List<TimeSeries> out = new ArrayList<>();
        if (series.isArray()) {
            Map<String, TimeSeries> byId = new LinkedHashMap<>();
            m.training.forEach(t -> byId.put(t.id(), t));
            for (int i = 0; i < series.size(); i++) {
                JsonNode v = series.get(i);
                TimeSeries t = v.isTextual() ? byId.get(v.textValue()) : null;
                if (t == null) {
                    throw ApiProblem.badField("$.series[" + i + "]", RequestBodies.abbreviate(v),
                            "Must be the id of a training series", Hints.closest(v.asText(), byId.keySet()));
                }
                out.add(t);
            }
        } else if (series.isObject() && !series.isEmpty()) {
            series.fields().forEachRemaining(e -> out.add(new TimeSeries(e.getKey(),
                    values(e.getValue(), "$.series." + e.getKey()))));
        } else {
            throw ApiProblem.badField("$.series", RequestBodies.abbreviate(series), "Must be an array of training"
                    + " series ids or an object of series (id to values)", "Maybe [\"H1\"] or {\"new\": [1, 2, 3]}.");
        }
        return out;
    }

    private static double[] values(JsonNode a, String path) {
        if (!a.isArray() || a.isEmpty()) {
            throw ApiProblem.badField(path, RequestBodies.abbreviate(a), "Must be a non-empty array of numbers",
                    "Maybe [605, 586, 586, 559].");
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < a.size(); i++) {
            JsonNode x = a.get(i);
            if (x.isNull()) {
                v[i] = Double.NaN; // a missing value, as an empty car-parts cell
            } else if (x.isNumber()) {
                v[i] = x.doubleValue();
            } else {
                throw ApiProblem.badField(path + "[" + i + "]", RequestBodies.abbreviate(x), "Must be a number"
                        + " (or null for a missing value)", "Maybe write the number without quotes.");
            }
        }
        return v;
    }

    private Model model(String id) {
        Model m = models.get(id);
        if (m == null) {
            throw ApiProblem.notFound("There is no model (" + (id.length() > 60 ? id.substring(0, 57) + "..." : id)
                    + "). Maybe it was deleted, or the id is mistyped; GET /models lists them.");
        }
        return m;
    }

    private synchronized ObjectNode describe(Model m) {
        ObjectNode n = RequestBodies.object();
        n.put("id", m.id);
        n.put("name", m.name);
        n.put("model", m.model);
        n.put("version", m.version);
        n.put("status", m.status);
        n.put("season", m.season);
        if (m.horizon != null) {
            n.put("horizon", m.horizon);
        } else {
            n.putNull("horizon");
        }
        n.put("series", m.training.size());
        n.put("values", m.training.stream().mapToLong(TimeSeries::length).sum());
        if (Forecasters.isDeep(m.model)) {
            n.put("seed", m.seed);
            n.put("members", m.members);
        }
        n.put("trainingSeconds", Math.round(m.trainingSeconds * 1000) / 1000.0);
        n.put("createdAt", m.created.toString());
        if (m.finished != null) {
            n.put("finishedAt", m.finished.toString());
        }
        if (m.error != null) {
            n.put("error", m.error);
        }
        ObjectNode links = n.putObject("links");
        links.put("self", "/models/" + m.id);
        links.put("forecast", "/models/" + m.id + "/forecast");
        return n;
    }
}
