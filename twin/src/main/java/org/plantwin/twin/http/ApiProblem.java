package org.plantwin.twin.http;

import java.util.List;
import java.util.Objects;
import org.plantwin.scenarios.api.Problem;

/**
 * A client-facing failure, rendered as an RFC 9457 {@code application/problem+json} document: {@code type},
 * {@code title}, {@code status}, {@code detail}, and for scenario and request errors {@code problems}, each with the
 * JSON path of the bad field, the value found, the rule and a hint.
 *
 * <p>Thrown anywhere under the routes; {@link ApiRoutes} turns it into the response. Never used for bugs.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Prefix of every problem {@code type} (a URN: stable, not meant to be dereferenced). */
    public static final String TYPE_PREFIX = "urn:plantwin:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final transient List<Problem> problems;
    private final Integer retryAfterSeconds;

    private ApiProblem(int status, String type, String title, String detail, List<Problem> problems,
                       Integer retryAfterSeconds) {
        super(Objects.requireNonNull(detail, "detail"));
        this.status = status;
        this.type = TYPE_PREFIX + type;
        this.title = title;
        this.problems = List.copyOf(problems);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A problem with {@code status}, a short {@code type} name ({@code invalid-scenario}), a title and a detail. */
    public static ApiProblem of(int status, String type, String title, String detail) {
        return new ApiProblem(status, type, title, detail, List.of(), null);
    }

    /** 400: the scenario (or another document) has these problems, each at its JSON path. */
    public static ApiProblem invalid(String type, String title, String detail, List<Problem> problems) {
        return new ApiProblem(400, type, title, detail, problems, null);
    }

    /** 400: one bad request field at {@code path}. */
    public static ApiProblem badField(String path, String value, String rule, String hint) {
        return new ApiProblem(400, "invalid-request", "Invalid request", rule,
                List.of(new Problem(path, value, rule, hint)), null);
    }

    /** 404: no such thing. */
    public static ApiProblem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    /** 429: the job pool is full; try again after {@code seconds}. */
    public static ApiProblem tooManyJobs(String detail, int seconds) {
        return new ApiProblem(429, "too-many-jobs", "Too many jobs", detail, List.of(), seconds);
    }

    /** 429 of another kind ({@code type}, e.g. {@code too-many-models}); try again after {@code seconds}. */
    public static ApiProblem tooMany(String type, String title, String detail, int seconds) {
        return new ApiProblem(429, type, title, detail, List.of(), seconds);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Seconds for a {@code Retry-After} header, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
