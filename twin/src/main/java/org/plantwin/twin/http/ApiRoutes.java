package org.plantwin.twin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.javadsl.Source;
import org.plantwin.actors.api.ResultJson;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.ScenarioSchema;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.io.Hints;
import org.plantwin.scenarios.io.ScenarioReader;
import org.plantwin.scenarios.library.ScenarioLibrary;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.twin.cli.Plans;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentFile;
import org.plantwin.twin.experiment.ExperimentRunner;
import org.plantwin.twin.experiment.UnknownKpiException;
import org.plantwin.twin.report.RunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and the dashboard as one Pekko HTTP route (Java DSL). Every error, including rejections and
 * unexpected exceptions, is an RFC 9457 {@code application/problem+json} document; client input never gives a
 * 500. {@link #ROUTES} lists every route; {@code /openapi.json} documents each of them (a test checks it).
 */
public final class ApiRoutes extends AllDirectives {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    /** Every route as "METHOD /template"; the OpenAPI document must describe each one. */
    public static final List<String> ROUTES = List.of(
            "GET /health", "GET /metrics", "GET /openapi.json", "GET /schema",
            "GET /scenarios", "GET /scenarios/{name}", "POST /scenarios/validate",
            "POST /runs", "GET /runs/{id}", "DELETE /runs/{id}", "GET /runs/{id}/result", "GET /runs/{id}/events",
            "GET /runs/{id}/report",
            "POST /experiments", "GET /experiments/{id}", "DELETE /experiments/{id}",
            "GET /experiments/{id}/result", "GET /experiments/{id}/events",
            "POST /plans/jssp", "POST /plans/fjsp", "POST /plans/vrptw", "POST /plans/cvrp",
            "POST /models", "GET /models", "GET /models/{id}", "DELETE /models/{id}", "POST /models/{id}/forecast",
            "POST /envs", "GET /envs/{id}", "DELETE /envs/{id}", "POST /envs/{id}/reset", "POST /envs/{id}/step",
            "POST /twins", "GET /twins", "GET /twins/{id}", "DELETE /twins/{id}", "POST /twins/{id}/telemetry",
            "POST /twins/{id}/advance", "GET /twins/{id}/events", "GET /twins/{id}/history", "POST /twins/{id}/fork");

    static final ContentType PROBLEM_JSON =
            MediaTypes.applicationWithFixedCharset("problem+json", HttpCharsets.UTF_8).toContentType();
    static final ContentType CSV = MediaTypes.TEXT_CSV.toContentType(HttpCharsets.UTF_8);
    static final ContentType YAML =
            MediaTypes.applicationWithFixedCharset("yaml", HttpCharsets.UTF_8).toContentType();

    private static final Set<String> RUN_FIELDS = Set.of("library", "scenario", "seed", "horizon", "replication",
            "report");
    private static final Set<String> PLAN_FIELDS = Set.of("instance", "name", "time", "iterations", "seed",
            "objective");
    /** Most runs one experiment may plan (variants x replications, or x maxReplications). */
    static final int MAX_EXPERIMENT_RUNS = 5_000;

    private final ServerSettings settings;
    private final JobService service;
    private final HttpMetrics metrics;
    private final String openApi;
    private final String schema;
    private final byte[] token;
    private final EnvRoutes envRoutes = new EnvRoutes();
    private final TwinRoutes twinRoutes;
    private final ModelService models;

    ApiRoutes(ServerSettings settings, JobService service, HttpMetrics metrics,
              org.plantwin.twin.live.TwinService live) {
        this.twinRoutes = new TwinRoutes(live);
        this.settings = settings;
        this.service = service;
        this.metrics = metrics;
        this.models = new ModelService(service);
        this.openApi = OpenApi.document();
        this.schema = ScenarioSchema.jsonSchema();
        this.token = settings.token() == null ? null : ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
    }

    /** The whole route: timing, problem documents for every error, the public and the protected routes. */
    public Route route() {
        return timed(() -> handleExceptions(exceptions(), () -> handleRejections(rejections(), () -> concat(
                path("health", () -> get(this::health)),
                pathSingleSlash(() -> get(() -> getFromResource("dashboard/index.html",
                        MediaTypes.TEXT_HTML.toContentType(HttpCharsets.UTF_8)))),
                pathPrefix("dashboard", () -> get(() -> getFromResourceDirectory("dashboard"))),
                path("openapi.json", () -> get(() -> json(200, openApi))),
                authenticated(this::api)))));
    }

    private Route api() {
        return concat(
                path("metrics", () -> get(() -> complete(HttpResponse.create().withEntity(
                        ContentTypes.TEXT_PLAIN_UTF8, metrics.scrape())))),
                path("schema", () -> get(() -> json(200, schema))),
                pathPrefix("scenarios", () -> concat(
                        pathEnd(() -> get(this::listScenarios)),
                        path("validate", () -> post(() -> withBody(this::validate))),
                        path(PathMatchers.segment(), name -> get(() -> scenario(name))))),
                pathPrefix("runs", () -> concat(
                        pathEnd(() -> post(() -> withBody(this::startRun))),
                        pathPrefix(PathMatchers.segment(), id -> concat(
                                path("report", () -> get(() -> report(job(Job.Kind.RUN, id)))),
                                jobRoutes(Job.Kind.RUN, id))))),
                pathPrefix("experiments", () -> concat(
                        pathEnd(() -> post(() -> withBody(this::startExperiment))),
                        pathPrefix(PathMatchers.segment(), id -> jobRoutes(Job.Kind.EXPERIMENT, id)))),
                pathPrefix("models", this::modelRoutes),
                pathPrefix("envs", envRoutes::route),
                pathPrefix("twins", twinRoutes::route),
                path(PathMatchers.segment("plans").slash(PathMatchers.segment()),
                        problem -> post(() -> withBody(b -> plan(problem, b)))));
    }

    private Route jobRoutes(Job.Kind kind, String id) {
        return concat(
                pathEnd(() -> concat(
                        get(() -> json(200, status(job(kind, id)).toString())),
                        delete(() -> cancel(job(kind, id))))),
                path("result", () -> get(() -> result(job(kind, id)))),
                path("events", () -> get(() -> events(job(kind, id)))));
    }

    // ---- scenarios ---------------------------------------------------------------------------------------------

    private Route health() {
        ObjectNode n = RequestBodies.object();
        n.put("status", "up");
        n.put("jobsActive", service.jobs().active());
        n.put("jobsLimit", service.jobs().maxActive());
        n.put("lanes", settings.lanes());
        n.put("authentication", token == null ? "none" : "bearer");
        return json(200, n.toString());
    }

    private Route listScenarios() {
        ArrayNode list = RequestBodies.JSON.createArrayNode();
        for (String name : Scenarios.libraryNames()) {
            Scenario s = Scenarios.library(name);
            ObjectNode n = list.addObject();
            n.put("name", name);
            n.put("description", s.description() == null ? "" : s.description().strip());
            n.put("horizon", s.horizon().text());
            n.put("seed", s.seed() == null ? 1 : s.seed());
            n.put("machines", s.machines() == null ? 0 : s.machines().size());
            n.put("lines", s.lines() == null ? 0 : s.lines().size());
            n.put("warehouses", s.warehouses() == null ? 0 : s.warehouses().size());
            n.put("href", "/scenarios/" + name);
        }
        return json(200, list.toString());
    }

    private Route scenario(String name) {
        if (!Scenarios.libraryNames().contains(name)) {
            throw ApiProblem.notFound("There is no built-in scenario (" + abbreviate(name) + "). "
                    + Hints.closest(name, Scenarios.libraryNames()));
        }
        String text = ScenarioLibrary.text(name);
        return optionalHeaderValueByName("Accept", accept -> {
            if (accept.isPresent() && accept.get().contains("yaml")) {
                return complete(HttpResponse.create().withEntity(YAML, text.getBytes(StandardCharsets.UTF_8)));
            }
            Scenario s = Scenarios.library(name);
            ObjectNode n = RequestBodies.object();
            n.put("name", name);
            n.put("description", s.description() == null ? "" : s.description().strip());
            n.put("yaml", text);
            n.set("scenario", new ScenarioReader().jsonMapper().valueToTree(s));
            return json(200, n.toString());
        });
    }

    private Route validate(Body body) {
        ObjectNode n = RequestBodies.object();
        ArrayNode problems = RequestBodies.JSON.createArrayNode();
        List<Problem> files = RequestBodies.fileReferences(body.text());
        try {
            if (!files.isEmpty()) {
                throw new ScenarioException("request", files);
            }
            Scenario s = Scenarios.parse(body.text(), "request");
            n.put("valid", true);
            n.put("name", s.name());
        } catch (ScenarioException e) {
            n.put("valid", false);
            e.problems().forEach(p -> problems.add(problemNode(p)));
        }
        n.set("problems", problems);
        return json(200, n.toString());
    }

    // ---- runs --------------------------------------------------------------------------------------------------

    private Route startRun(Body body) {
        return parameterMap(query -> {
            Scenario scenario;
            Long seed = RequestBodies.integer(query, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
            Long replication = RequestBodies.integer(query, "replication", 0, Integer.MAX_VALUE);
            Boolean report = RequestBodies.bool(query, "report");
            String horizon = query.get("horizon");
            String horizonWhere = "?horizon";
            JsonNode envelope = envelope(body);
            if (envelope != null) {
                RequestBodies.requireKnownFields(envelope, "$", RUN_FIELDS);
                String library = RequestBodies.text(envelope, "library", "$");
                JsonNode text = envelope.get("scenario");
                if ((library == null) == (text == null)) {
                    throw ApiProblem.badField("$", "(library and scenario)", "Give either library or scenario",
                            "Maybe {\"library\": \"mm1\"}.");
                }
                if (library != null) {
                    scenario = RequestBodies.library(library, "$.library");
                } else if (text.isTextual()) {
                    scenario = RequestBodies.scenario(text.textValue(), "request");
                } else if (text.isObject()) {
                    scenario = RequestBodies.scenario(text.toString(), "request");
                } else {
                    throw ApiProblem.badField("$.scenario", RequestBodies.abbreviate(text),
                            "Must be scenario text (YAML or JSON) or a JSON object", "Maybe {\"library\": \"mm1\"}.");
                }
                Long s = RequestBodies.integer(envelope, "seed", "$", Long.MIN_VALUE, Long.MAX_VALUE);
                seed = s != null ? s : seed;
                Long r = RequestBodies.integer(envelope, "replication", "$", 0, Integer.MAX_VALUE);
                replication = r != null ? r : replication;
                Boolean withReport = RequestBodies.bool(envelope, "report", "$");
                report = withReport != null ? withReport : report;
                String h = RequestBodies.text(envelope, "horizon", "$");
                if (h != null) {
                    horizon = h;
                    horizonWhere = "$.horizon";
                }
            } else {
                scenario = RequestBodies.scenario(body.text(), "request");
            }
            RunOptions options = RunOptions.defaults();
            if (seed != null) {
                options = options.withSeed(seed);
            }
            if (horizon != null) {
                options = options.withHorizonMillis(RequestBodies.durationMillis(horizon, horizonWhere));
            }
            if (replication != null) {
                options = options.withReplication((int) (long) replication);
            }
            return accepted(service.startRun(scenario, options, Boolean.TRUE.equals(report)));
        });
    }

    /**
     * The run request envelope ({@code {"library": ...}} or {@code {"scenario": ...}}), or null when the body is
     * itself the scenario text.
     */
    private static JsonNode envelope(Body body) {
        if (!RequestBodies.looksLikeJson(body.text(), body.json())) {
            return null;
        }
        JsonNode tree = RequestBodies.readJson(body.text());
        if (tree.isObject() && (tree.has("library") || tree.has("scenario"))) {
            return tree;
        }
        return null;
    }

    // ---- experiments -------------------------------------------------------------------------------------------

    private Route startExperiment(Body body) {
        if (body.json()) {
            RequestBodies.readJson(body.text()); // a JSON syntax error is reported as malformed JSON
        }
        ExperimentFile file;
        Experiment experiment;
        try {
            file = ExperimentFile.parse(body.text(), "request");
            refuseFileOverrides(file);
            Scenario base = RequestBodies.library(file.base(), "$.base");
            experiment = file.toExperiment(base, "request");
            int variants = experiment.variants().size();
            long runs = (long) variants * (experiment.precision() != null
                    ? experiment.precision().maxReplications() : experiment.replications());
            if (runs > MAX_EXPERIMENT_RUNS) {
                throw ApiProblem.badField("$.replications", Long.toString(runs),
                        "An experiment over HTTP may plan at most " + MAX_EXPERIMENT_RUNS + " runs (variants x "
                                + "replications)", "Maybe fewer replications, or run it with `plantwin experiment`.");
            }
            ExperimentRunner.prepare(experiment);
        } catch (ScenarioException e) {
            throw ApiProblem.invalid("invalid-experiment", "Invalid experiment", "The experiment has "
                    + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + ".", e.problems());
        } catch (UnknownKpiException e) {
            throw ApiProblem.badField("$.kpis", "(see rule)", e.getMessage(), "Maybe check the KPI names.");
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("$", "(see rule)", String.valueOf(e.getMessage()),
                    "Maybe compare with the experiment file format in twin/README.md.");
        }
        return accepted(service.startExperiment(experiment));
    }

    /** Overrides must not make the server read files (a demand series {@code file}); 400 naming each one. */
    private static void refuseFileOverrides(ExperimentFile file) {
        List<Problem> problems = new ArrayList<>();
        String rule = "An experiment sent to the server must not name files: the server does not read its own"
                + " files for clients";
        String hint = "Maybe put the values inline, e.g. series: {values: [12, 15, 9], period: 1d}.";
        if (file.variants() != null) {
            for (int i = 0; i < file.variants().size(); i++) {
                ExperimentFile.VariantSpec v = file.variants().get(i);
                if (v.overrides() != null) {
                    int index = i;
                    v.overrides().forEach((path, value) -> {
                        if (RequestBodies.namesFile(path, value)) {
                            problems.add(new Problem("$.variants[" + index + "].overrides." + path,
                                    RequestBodies.abbreviate(value), rule, hint));
                        }
                    });
                }
            }
        }
        if (file.sweep() != null) {
            java.util.Map<String, List<JsonNode>> all = new java.util.LinkedHashMap<>();
            if (file.sweep().grid() != null) {
                all.putAll(file.sweep().grid());
            }
            if (file.sweep().latinHypercube() != null && file.sweep().latinHypercube().ranges() != null) {
                all.putAll(file.sweep().latinHypercube().ranges());
            }
            all.forEach((path, values) -> {
                boolean names = values == null ? RequestBodies.namesFile(path, null)
                        : values.stream().anyMatch(v -> RequestBodies.namesFile(path, v))
                        || RequestBodies.namesFile(path, null);
                if (names) {
                    problems.add(new Problem("$.sweep." + path, "(sweep)", rule, hint));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("invalid-experiment", "Invalid experiment", "The experiment names files on"
                    + " the server.", problems);
        }
    }

    // ---- jobs --------------------------------------------------------------------------------------------------

    private Job job(Job.Kind kind, String id) {
        return service.jobs().find(id).filter(j -> j.kind() == kind).orElseThrow(() -> ApiProblem.notFound(
                "There is no " + kind.collection().replaceAll("s$", "") + " (" + abbreviate(id)
                        + "). Maybe it finished long ago and was forgotten, or the id is mistyped."));
    }

    private Route accepted(Job job) {
        String location = job.location();
        return complete(HttpResponse.create().withStatus(StatusCodes.ACCEPTED)
                .addHeader(RawHeader.create("Location", location))
                .withEntity(ContentTypes.APPLICATION_JSON, status(job).toString()));
    }

    static ObjectNode status(Job job) {
        Job.Snapshot s = job.snapshot();
        ObjectNode n = RequestBodies.object();
        n.put("id", s.id());
        n.put("kind", s.kind() == Job.Kind.RUN ? "run" : "experiment");
        n.put("name", s.name());
        n.put("status", s.status().text());
        n.put("progress", Math.round(s.progress() * 10000) / 10000.0);
        if (s.kind() == Job.Kind.RUN) {
            n.put("simulatedMillis", s.simulatedMillis());
            n.put("horizonMillis", s.horizonMillis());
            n.put("events", s.events());
        } else {
            n.put("completedRuns", s.completedRuns());
            n.put("plannedRuns", s.plannedRuns());
        }
        n.put("createdAt", s.created().toString());
        if (s.finished() != null) {
            n.put("finishedAt", s.finished().toString());
        }
        if (s.error() != null) {
            n.put("error", s.error());
        }
        ObjectNode links = n.putObject("links");
        links.put("self", job.location());
        links.put("result", job.location() + "/result");
        links.put("events", job.location() + "/events");
        if (job.reportScenario() != null) {
            links.put("report", job.location() + "/report");
        }
        return n;
    }

    private Route cancel(Job job) {
        boolean cancelled = service.cancel(job);
        if (!cancelled && job.snapshot().status() != Job.Status.CANCELLED) {
            throw ApiProblem.of(409, "already-finished", "Already finished", "The " + kindName(job) + " ("
                    + job.id() + ") has already " + job.snapshot().status().text() + "; there is nothing to cancel.");
        }
        return json(200, status(job).toString());
    }

    private Route result(Job job) {
        return parameterOptional("format", format -> optionalHeaderValueByName("Accept", accept -> {
            Job.Snapshot s = job.snapshot();
            if (s.status() != Job.Status.SUCCEEDED) {
                throw ApiProblem.of(409, "not-finished", "No result", "The " + kindName(job) + " (" + job.id()
                        + ") is " + s.status().text() + (s.error() != null ? ": " + s.error() : "")
                        + "; it has no result. " + (s.status().terminal() ? "Maybe start it again."
                        : "Maybe poll " + job.location() + " until its status is succeeded."));
            }
            boolean csv;
            if (format.isPresent()) {
                csv = switch (format.get()) {
                    case "csv" -> true;
                    case "json" -> false;
                    default -> throw ApiProblem.badField("?format", RequestBodies.quote(format.get()),
                            "Must be json or csv", "Maybe ?format=csv.");
                };
            } else {
                csv = accept.isPresent() && accept.get().contains("text/csv");
            }
            return csv ? complete(HttpResponse.create().withEntity(CSV, job.resultCsv().getBytes(StandardCharsets.UTF_8)))
                    : json(200, job.resultJson());
        }));
    }

    /**
     * The run report: the self-contained HTML page of {@code plantwin run --report}, or with {@code ?format=json} the
     * data its charts are drawn from (what the dashboard draws). Only for runs started with {@code "report": true}.
     */
    private Route report(Job job) {
        return parameterOptional("format", format -> {
            boolean json = format.map(f -> switch (f) {
                case "json" -> true;
                case "html" -> false;
                default -> throw ApiProblem.badField("?format", RequestBodies.quote(f), "Must be html or json",
                        "Maybe ?format=json.");
            }).orElse(false);
            Scenario scenario = job.reportScenario();
            if (scenario == null) {
                throw ApiProblem.of(409, "no-report", "No report", "The run (" + job.id() + ") was started without"
                        + " a report. Maybe start it again with {\"report\": true} (or ?report=true).");
            }
            Job.Snapshot s = job.snapshot();
            if (s.status() != Job.Status.SUCCEEDED) {
                throw ApiProblem.of(409, "not-finished", "No result", "The run (" + job.id() + ") is "
                        + s.status().text() + "; it has no report yet. Maybe poll " + job.location()
                        + " until its status is succeeded.");
            }
            RunResult result = ResultJson.read(job.resultJson());
            if (json) {
                return json(200, RunReport.dataJson(scenario, result));
            }
            return complete(HttpResponse.create().withEntity(MediaTypes.TEXT_HTML.toContentType(HttpCharsets.UTF_8),
                    RunReport.html(scenario, result).getBytes(StandardCharsets.UTF_8)));
        });
    }

    /** Server-sent events: {@code progress} on every change, then {@code result} (when succeeded) and {@code end}. */
    private Route events(Job job) {
        AtomicLong last = new AtomicLong(-1);
        Source<ServerSentEvent, NotUsed> source = Source.tick(Duration.ZERO, Duration.ofMillis(200), "tick")
                .map(t -> job.snapshot())
                .filter(s -> last.getAndSet(s.version()) != s.version())
                .takeWhile(s -> !s.status().terminal(), true)
                .mapConcat(s -> events(job, s))
                .keepAlive(Duration.ofSeconds(15), ServerSentEvent::heartbeat)
                .mapMaterializedValue(c -> NotUsed.getInstance());
        return completeOK(source, EventStreamMarshalling.toEventStream());
    }

    private static List<ServerSentEvent> events(Job job, Job.Snapshot s) {
        List<ServerSentEvent> out = new ArrayList<>();
        ObjectNode status = status(job);
        if (!s.status().terminal()) {
            out.add(ServerSentEvent.create(status.toString(), "progress"));
            return out;
        }
        String result = job.resultJson();
        if (s.status() == Job.Status.SUCCEEDED && result != null) {
            out.add(ServerSentEvent.create(compact(result), "result"));
        }
        out.add(ServerSentEvent.create(status.toString(), "end"));
        return out;
    }

    private static String compact(String json) {
        try {
            return RequestBodies.JSON.readTree(json).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored result is not JSON.", e);
        }
    }

    private static String kindName(Job job) {
        return job.kind() == Job.Kind.RUN ? "run" : "experiment";
    }

    // ---- models ------------------------------------------------------------------------------------------------

    private Route modelRoutes() {
        return concat(
                pathEnd(() -> concat(
                        get(() -> json(200, models.list().toString())),
                        post(() -> withBody(b -> parameterMap(query -> {
                            ObjectNode m = models.train(b.text(), b.json(), query);
                            String location = m.get("links").get("self").asText();
                            return complete(HttpResponse.create().withStatus(StatusCodes.ACCEPTED)
                                    .addHeader(RawHeader.create("Location", location))
                                    .withEntity(ContentTypes.APPLICATION_JSON, m.toString()));
                        }))))),
                pathPrefix(PathMatchers.segment(), id -> concat(
                        pathEnd(() -> concat(
                                get(() -> json(200, models.get(id).toString())),
                                delete(() -> {
                                    models.delete(id);
                                    return complete(StatusCodes.NO_CONTENT);
                                }))),
                        path("forecast", () -> post(() -> withBody(b -> {
                            // Forecasting refits the statistical methods per series: off the HTTP threads.
                            CompletableFuture<String> f = CompletableFuture.supplyAsync(
                                    () -> models.forecast(id, b.text()).toString(), service.workers());
                            return onComplete(f, t -> {
                                if (t.isSuccess()) {
                                    return json(200, t.get());
                                }
                                Throwable e = t.failed().get();
                                Throwable cause = e instanceof CompletionException && e.getCause() != null
                                        ? e.getCause() : e;
                                throw cause instanceof RuntimeException r ? r
                                        : new IllegalStateException("A forecast failed", cause);
                            });
                        }))))));
    }

    // ---- plans -------------------------------------------------------------------------------------------------

    private Route plan(String problem, Body body) {
        if (!Plans.PROBLEMS.contains(problem)) {
            throw ApiProblem.notFound("There is no planning problem (" + abbreviate(problem) + "). "
                    + Hints.closest(problem, Plans.PROBLEMS));
        }
        return parameterMap(query -> {
            String text;
            String name = query.get("name");
            String time = query.getOrDefault("time", "10s");
            String timeWhere = "?time";
            Long iterations = RequestBodies.integer(query, "iterations", 1, Long.MAX_VALUE);
            Long seed = RequestBodies.integer(query, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
            String objective = query.get("objective");
            if (RequestBodies.looksLikeJson(body.text(), body.json())) {
                JsonNode n = RequestBodies.readJson(body.text());
                if (!n.isObject()) {
                    throw ApiProblem.badField("$", RequestBodies.abbreviate(n), "Must be a JSON object",
                            "Maybe {\"instance\": \"...\", \"time\": \"10s\"}.");
                }
                RequestBodies.requireKnownFields(n, "$", PLAN_FIELDS);
                text = RequestBodies.text(n, "instance", "$");
                if (text == null) {
                    throw ApiProblem.badField("$.instance", "(missing)", "The instance text is required",
                            "Maybe {\"instance\": \"6 6\\n2 1 0 3 ...\"}.");
                }
                name = Optional.ofNullable(RequestBodies.text(n, "name", "$")).orElse(name);
                String t = RequestBodies.text(n, "time", "$");
                if (t != null) {
                    time = t;
                    timeWhere = "$.time";
                }
                Long i = RequestBodies.integer(n, "iterations", "$", 1, Long.MAX_VALUE);
                iterations = i != null ? i : iterations;
                Long s = RequestBodies.integer(n, "seed", "$", Long.MIN_VALUE, Long.MAX_VALUE);
                seed = s != null ? s : seed;
                objective = Optional.ofNullable(RequestBodies.text(n, "objective", "$")).orElse(objective);
            } else {
                text = body.text();
            }
            Duration limit = Duration.ofMillis(RequestBodies.durationMillis(time, timeWhere));
            if (limit.compareTo(settings.maxPlanTime()) > 0) {
                throw ApiProblem.badField(timeWhere, RequestBodies.quote(time), "Must be at most "
                        + settings.maxPlanTime().toSeconds() + "s on this server", "Maybe \"10s\".");
            }
            String instance = text;
            String instanceName = name;
            Long budget = iterations;
            long planSeed = seed == null ? 0 : seed;
            String goal = objective;
            service.jobs().acquireSlot();
            CompletableFuture<String> planned;
            try {
                planned = CompletableFuture.supplyAsync(() -> Plans.json(problem, instance, instanceName, limit,
                        budget, planSeed, goal), service.workers());
            } catch (RuntimeException e) {
                service.jobs().releaseSlot();
                throw e;
            }
            planned = planned.whenComplete((r, e) -> service.jobs().releaseSlot());
            return onComplete(planned, t -> {
                if (t.isSuccess()) {
                    return json(200, t.get());
                }
                Throwable e = t.failed().get();
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof Plans.InputException input) {
                    throw ApiProblem.of(400, "invalid-instance", "Invalid planning instance", input.getMessage());
                }
                throw new IllegalStateException("The planner failed on (" + problem + ")", cause);
            });
        });
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    /** A request body read whole (up to the size limit) as UTF-8, and whether it is declared as JSON. */
    record Body(String text, boolean json) {
    }

    private Route withBody(Function<Body, Route> inner) {
        return extractRequestEntity(entity -> extractMaterializer(mat -> onComplete(
                entity.withSizeLimit(settings.maxBodyBytes()).toStrict(30_000, mat),
                t -> {
                    if (t.isFailure()) {
                        throw bodyProblem(t.failed().get());
                    }
                    HttpEntity.Strict strict = t.get();
                    String media = strict.getContentType().mediaType().toString();
                    return inner.apply(new Body(strict.getData().utf8String(), media.contains("json")));
                })));
    }

    private ApiProblem bodyProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EntityStreamSizeException) {
                return ApiProblem.of(413, "payload-too-large", "Payload too large", "The body is larger than this"
                        + " server's limit of " + settings.maxBodyBytes() + " bytes. Maybe send a smaller scenario.");
            }
        }
        return ApiProblem.of(400, "unreadable-body", "Unreadable body", "The body could not be read: "
                + t.getMessage());
    }

    private Route authenticated(Supplier<Route> inner) {
        if (token == null) {
            return inner.get();
        }
        return optionalHeaderValueByName("Authorization", h -> {
            if (h.isPresent() && MessageDigest.isEqual(h.get().getBytes(StandardCharsets.UTF_8), token)) {
                return inner.get();
            }
            throw ApiProblem.of(401, "unauthorized", "Unauthorized", h.isPresent()
                    ? "The bearer token is wrong. Maybe check the token file the server was started with."
                    : "This server needs a bearer token. Maybe send 'Authorization: Bearer TOKEN'.");
        });
    }

    private Route timed(Supplier<Route> inner) {
        return extractRequest(request -> {
            long start = System.nanoTime(); // wall clock at the HTTP edge only
            String method = request.method().value();
            String path = request.getUri().path();
            return mapResponse(response -> {
                metrics.request(method, path, response.status().intValue(), System.nanoTime() - start);
                return response;
            }, inner);
        });
    }

    private ExceptionHandler exceptions() {
        return ExceptionHandler.newBuilder()
                .match(ApiProblem.class, p -> complete(problemResponse(p)))
                .match(Throwable.class, e -> {
                    LOG.error("Unexpected failure while serving a request", e);
                    return complete(problemResponse(ApiProblem.of(500, "internal-error", "Internal error",
                            "The server failed unexpectedly: " + e.getClass().getSimpleName()
                                    + ". Maybe report it with the request that caused it.")));
                })
                .build();
    }

    private static RejectionHandler rejections() {
        return RejectionHandler.defaultHandler().mapRejectionResponse(ApiRoutes::rejectionToProblem);
    }

    /** The default rejection responses (plain text) as problem documents with the same status. */
    private static HttpResponse rejectionToProblem(HttpResponse response) {
        int status = response.status().intValue();
        String text = response.entity() instanceof HttpEntity.Strict s ? s.getData().utf8String() : "";
        String detail = status == 404 ? "There is no such route. Maybe see /openapi.json for the routes." : text;
        String type = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        String title = response.status().reason();
        ApiProblem p = ApiProblem.of(status, type, title, detail.isEmpty() ? title : detail);
        HttpResponse out = problemResponse(p);
        for (HttpHeader h : response.getHeaders()) {
            out = out.addHeader(h); // e.g. Allow on 405
        }
        return out;
    }

    static HttpResponse problemResponse(ApiProblem p) {
        ObjectNode n = RequestBodies.object();
        n.put("type", p.type());
        n.put("title", p.title());
        n.put("status", p.status());
        n.put("detail", p.detail());
        if (!p.problems().isEmpty()) {
            ArrayNode a = n.putArray("problems");
            p.problems().forEach(x -> a.add(problemNode(x)));
        }
        HttpResponse r = HttpResponse.create().withStatus(p.status()).withEntity(PROBLEM_JSON,
                n.toString().getBytes(StandardCharsets.UTF_8));
        if (p.retryAfterSeconds() != null) {
            r = r.addHeader(RawHeader.create("Retry-After", Integer.toString(p.retryAfterSeconds())));
        }
        if (p.status() == 401) {
            r = r.addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"plantwin\""));
        }
        return r;
    }

    private static ObjectNode problemNode(Problem p) {
        ObjectNode n = RequestBodies.object();
        n.put("path", p.path());
        n.put("value", p.value());
        n.put("rule", p.rule());
        n.put("hint", p.hint());
        return n;
    }

    private Route json(int status, String body) {
        return complete(HttpResponse.create().withStatus(status)
                .withEntity(ContentTypes.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
