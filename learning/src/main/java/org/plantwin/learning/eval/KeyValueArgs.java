package org.plantwin.learning.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} options of the runnable evaluations' {@code main} methods. */
public final class KeyValueArgs {

    private KeyValueArgs() {
    }

    /** The options in the order given; a later value of a key replaces an earlier one. */
    public static Map<String, String> parse(String[] args) {
        return parse(args, null);
    }

    /** As {@link #parse(String[])}; a malformed argument's error ends with "Maybe {@code example}?" when not null. */
    public static Map<String, String> parse(String[] args, String example) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("The argument (" + a + ") must be key=value."
                        + (example == null ? "" : " Maybe " + example + "?"));
            }
            o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return o;
    }
}
