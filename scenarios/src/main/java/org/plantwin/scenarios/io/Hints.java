package org.plantwin.scenarios.io;

import java.util.Collection;

/** "Maybe ..." hints for misspelt names: the closest allowed name by edit distance. */
public final class Hints {

    private Hints() {
    }

    /** A hint naming the allowed value closest to {@code given}, or listing them where none is close. */
    public static String closest(String given, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = distance(given.toLowerCase(java.util.Locale.ROOT), a.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        if (best != null && bestDistance <= Math.max(2, given.length() / 3)) {
            return "Maybe you meant \"" + best + "\".";
        }
        return "Maybe use one of " + allowed + ".";
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
