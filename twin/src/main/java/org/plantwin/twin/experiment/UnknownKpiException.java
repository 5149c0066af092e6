package org.plantwin.twin.experiment;

/** A KPI name that no run result has; the message names it and the closest valid name. */
public final class UnknownKpiException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String kpi;
    private final String closest;

    public UnknownKpiException(String kpi, String closest, String where) {
        super("Unknown KPI (" + kpi + ")" + (where == null ? "" : " for " + where) + ". "
                + (closest == null ? "Maybe list the KPIs with `plantwin experiment --list-kpis`."
                : "Maybe you meant \"" + closest + "\"."));
        this.kpi = kpi;
        this.closest = closest;
    }

    public String kpi() {
        return kpi;
    }

    /** The valid name closest to {@link #kpi()}, or null where there is none. */
    public String closest() {
        return closest;
    }
}
