package org.plantwin.scenarios.api;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario could not be read or is not valid; {@link #problems()} lists every problem found. */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ScenarioException(String source, List<Problem> problems) {
        super("The scenario (" + source + ") has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + ":\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
