package org.plantwin.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** A small JSON-over-HTTP client for the integration tests: requests, problem documents, polling a job. */
final class HttpClientSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpClientSupport(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return send("POST", path, body, contentType);
    }

    HttpClient client() {
        return client;
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** Asserts an RFC 9457 problem document with this status; returns it. */
    static JsonNode assertProblem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertProblemDocument(r);
        return json(r);
    }

    static void assertProblemDocument(HttpResponse<String> r) throws Exception {
        assertProblemDocument(r, true);
    }

    /**
     * Asserts the RFC 9457 members and, for each problem, a JSON path and a "Maybe" hint; {@code strictRules} also
     * asks for a non-blank rule.
     */
    static void assertProblemDocument(HttpResponse<String> r, boolean strictRules) throws Exception {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body())
                .startsWith("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.get("type").asText()).as(r.body()).startsWith("urn:plantwin:problem:");
        assertThat(p.get("title").asText()).as(r.body()).isNotBlank();
        assertThat(p.get("status").asInt()).isEqualTo(r.statusCode());
        assertThat(p.get("detail").asText()).as(r.body()).isNotBlank();
        if (p.has("problems")) {
            p.get("problems").forEach(x -> {
                assertThat(x.get("path").asText()).as(r.body()).startsWith("$");
                if (strictRules) {
                    assertThat(x.get("rule").asText()).as(r.body()).isNotBlank();
                }
                assertThat(x.get("hint").asText()).as(r.body()).startsWith("Maybe");
            });
        }
    }

    /** Polls {@code location} until the job has ended (bounded: 30 s). */
    JsonNode awaitEnd(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode st = json(get(location));
            if (Set.of("succeeded", "failed", "cancelled").contains(st.get("status").asText())) {
                return st;
            }
            assertThat(System.nanoTime()).as("%s still %s", location, st.get("status")).isLessThan(deadline);
            LockSupport.parkNanos(20_000_000);
        }
    }
}
