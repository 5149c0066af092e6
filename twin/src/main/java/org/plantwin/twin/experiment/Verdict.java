package org.plantwin.twin.experiment;

import java.util.Locale;

/**
 * What a paired comparison says about one KPI: the confidence interval of the difference excludes 0 on the good
 * side (better) or the bad side (worse), or contains it. A KPI without a direction is only higher or lower.
 */
public enum Verdict {
    BETTER, WORSE, HIGHER, LOWER, NO_SIGNIFICANT_DIFFERENCE;

    /** Lower case with spaces, for tables and files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
