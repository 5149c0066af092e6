package org.plantwin.scenarios.api;

/**
 * One thing wrong with a scenario: where ({@code path}, a JSON path such as {@code $.machines[2].scrap}), what was
 * found ({@code value}), the rule it breaks and a hint that starts with "Maybe".
 */
public record Problem(String path, String value, String rule, String hint) {

    @Override
    public String toString() {
        return path + ": " + rule + " (found " + value + "). " + hint;
    }
}
