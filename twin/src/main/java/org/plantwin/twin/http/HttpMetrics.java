package org.plantwin.twin.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The service's metrics through Micrometer's Prometheus registry: requests by method, route template and status
 * (a timer), jobs active and ended by kind and status, JVM memory, threads, GC, CPU and uptime.
 */
final class HttpMetrics implements AutoCloseable {

    private static final Pattern JOB_ID = Pattern.compile("^/(runs|experiments)/[^/]+(/[^/]+)?$");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    HttpMetrics(Jobs jobs) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("plantwin.jobs.active", jobs, Jobs::active).description("Jobs queued or running")
                .register(registry);
        Gauge.builder("plantwin.jobs.limit", jobs, Jobs::maxActive).description("Most jobs at once")
                .register(registry);
    }

    void request(String method, String path, int status, long nanos) {
        Timer.builder("plantwin.http.requests").description("HTTP requests by route template and status")
                .tag("method", method).tag("route", route(path)).tag("status", Integer.toString(status))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void jobEnded(Job.Kind kind, Job.Status status) {
        Counter.builder("plantwin.jobs.ended").description("Jobs ended, by kind and final status")
                .tag("kind", kind.collection()).tag("status", status.text()).register(registry).increment();
    }

    /** Where other parts of the server (the MQTT bridge) register their meters, so that /metrics shows them. */
    MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    /** A route template for a path, so that ids and names do not multiply the time series. */
    static String route(String path) {
        if (JOB_ID.matcher(path).matches()) {
            String[] parts = path.split("/");
            return "/" + parts[1] + "/{id}" + (parts.length > 3 ? "/" + parts[3] : "");
        }
        if (path.startsWith("/scenarios/") && !path.equals("/scenarios/validate")) {
            return "/scenarios/{name}";
        }
        if (path.startsWith("/dashboard/") || path.equals("/")) {
            return "/dashboard";
        }
        return switch (path) {
            case "/health", "/metrics", "/openapi.json", "/schema", "/scenarios", "/scenarios/validate", "/runs",
                 "/experiments", "/plans/jssp", "/plans/fjsp", "/plans/vrptw", "/plans/cvrp" -> path;
            default -> "other";
        };
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
