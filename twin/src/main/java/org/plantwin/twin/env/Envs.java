package org.plantwin.twin.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * Creates environments by kind and parameters (strings, numbers or booleans, as in a JSON body): the one place the
 * HTTP API and other callers name them.
 * <ul>
 * <li>{@code jobshop}: {@code instance} (text in the JSPLIB "n m" format) or {@code jobs} + {@code machines} (a
 * random instance per reset, durations {@code minDuration..maxDuration}, default 1..99); {@code reward}
 * (makespan, tardiness, flowtime), {@code dueFactor} (1.5).</li>
 * <li>{@code dispatch}: {@code scenario} (library name, default supply-chain), {@code fleet}, {@code horizon}
 * ("7d"), {@code slots} (8), {@code wait} ("30m").</li>
 * <li>{@code replenishment}: {@code scenario} (supply-chain), {@code warehouse} (FG), {@code product} (A),
 * {@code period} ("1d"), {@code horizon} ("60d"), {@code maxOrder} (400), {@code orderStep} (20),
 * {@code unitScale} (100).</li>
 * </ul>
 * Scenarios come from the built-in library only: a caller never makes the process read its files.
 */
public final class Envs {

    public static final Set<String> KINDS = Set.of("jobshop", "dispatch", "replenishment");

    private static final Map<String, Set<String>> PARAMS = Map.of(
            "jobshop", Set.of("instance", "name", "jobs", "machines", "minDuration", "maxDuration", "reward",
                    "dueFactor"),
            "dispatch", Set.of("scenario", "fleet", "horizon", "slots", "wait"),
            "replenishment", Set.of("scenario", "warehouse", "product", "period", "horizon", "maxOrder", "orderStep",
                    "unitScale"));

    private Envs() {
    }

    /** A new environment; unknown kinds or parameters fail with the allowed ones in the message. */
    public static PlantEnv create(String kind, Map<String, ?> params) {
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("The kind (" + kind + ") must be one of " + new TreeSet<>(KINDS) + ".");
        }
        for (String k : params.keySet()) {
            if (!PARAMS.get(kind).contains(k)) {
                throw new IllegalArgumentException("The parameter (" + k + ") is not known for kind " + kind
                        + "; maybe one of " + new TreeSet<>(PARAMS.get(kind)) + ".");
            }
        }
        return switch (kind) {
            case "jobshop" -> jobShop(params);
            case "dispatch" -> new DispatchEnv(Scenarios.library(str(params, "scenario", "supply-chain")),
                    str(params, "fleet", null), millis(params, "horizon", "7d"), (int) num(params, "slots", 8),
                    millis(params, "wait", "30m"));
            default -> new ReplenishmentEnv(Scenarios.library(str(params, "scenario", "supply-chain")),
                    str(params, "warehouse", "FG"), str(params, "product", "A"), millis(params, "period", "1d"),
                    millis(params, "horizon", "60d"), (int) num(params, "maxOrder", 400),
                    (int) num(params, "orderStep", 20), num(params, "unitScale", 100));
        };
    }

    private static PlantEnv jobShop(Map<String, ?> params) {
        JobShopEnv.Reward reward = JobShopEnv.Reward.parse(str(params, "reward", "makespan"));
        double due = num(params, "dueFactor", 1.5);
        if (params.containsKey("instance")) {
            ShopInstance instance = JsspFormat.parse(str(params, "name", "instance"), str(params, "instance", ""));
            return JobShopEnv.of(instance, reward, due);
        }
        if (!params.containsKey("jobs") || !params.containsKey("machines")) {
            throw new IllegalArgumentException("A jobshop env needs an instance (JSPLIB text) or jobs and machines.");
        }
        int jobs = (int) num(params, "jobs", 0);
        int machines = (int) num(params, "machines", 0);
        if (jobs > 200 || machines > 100) {
            throw new IllegalArgumentException("The size (" + jobs + "x" + machines + ") must be at most 200x100.");
        }
        return JobShopEnv.random(jobs, machines, (long) num(params, "minDuration", 1),
                (long) num(params, "maxDuration", 99), reward, due);
    }

    /** Reads a JSPLIB file (for callers in this process, not for the HTTP API). */
    public static JobShopEnv jobShop(Path file, JobShopEnv.Reward reward) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The instance file (" + file + ") does not exist.");
        }
        return JobShopEnv.of(JsspFormat.read(file), reward);
    }

    private static String str(Map<String, ?> p, String key, String def) {
        Object v = p.get(key);
        if (v == null) {
            return def;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("The parameter " + key + " (" + v + ") must be a string.");
        }
        return s;
    }

    private static double num(Map<String, ?> p, String key, double def) {
        Object v = p.get(key);
        if (v == null) {
            return def;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("The parameter " + key + " (" + v + ") must be a number.");
        }
        return n.doubleValue();
    }

    private static long millis(Map<String, ?> p, String key, String def) {
        return Math.round(TimeSpan.parse(str(p, key, def)).millis());
    }
}
