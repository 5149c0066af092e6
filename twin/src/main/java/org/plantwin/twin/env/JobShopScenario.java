package org.plantwin.twin.env;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.SchedulingPolicy;
import org.plantwin.planners.scheduling.api.Job;
import org.plantwin.planners.scheduling.api.Operation;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.scenarios.model.Distribution;
import org.plantwin.scenarios.model.Machine;
import org.plantwin.scenarios.model.MachineGroup;
import org.plantwin.scenarios.model.Order;
import org.plantwin.scenarios.model.Product;
import org.plantwin.scenarios.model.RoutingStep;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.Sink;
import org.plantwin.scenarios.model.Source;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * A classic job-shop instance as a twin scenario, built once and reused by every episode on it: machine {@code m}
 * is machine group {@code G<m>} with one machine {@code M<m>}, job {@code j} is product {@code J<j>} released by
 * source {@code r<j>} at time 0, durations are minutes (one instance time unit = one simulated minute), the horizon
 * is the sum of all durations plus one (no schedule without idle-all periods is longer). Every group is handed to
 * the agent ({@link SchedulingPolicy#AGENT}).
 */
public final class JobShopScenario {

    /** Simulated milliseconds per time unit of the instance. */
    public static final long UNIT_MILLIS = 60_000L;

    final ShopInstance instance;
    final Scenario scenario;
    final RunOptions options;
    final int jobs;
    final int machines;
    /** {@code duration[j][m]}: job j's processing time on machine m (0 where it does not go). */
    final long[][] duration;
    /** {@code route[j][k]}: the machine of job j's k-th operation. */
    final int[][] route;
    final long[] jobWork;
    final long[] dueUnits;
    final long maxDuration;
    final long maxJobWork;
    final long totalWork;
    final Map<String, Integer> jobOfProduct = new HashMap<>();
    final Map<String, Integer> machineOfResource = new HashMap<>();

    JobShopScenario(ShopInstance instance, double dueFactor) {
        this.instance = instance;
        this.jobs = instance.jobCount();
        this.machines = instance.machineCount();
        this.duration = new long[jobs][machines];
        this.route = new int[jobs][];
        this.jobWork = new long[jobs];
        this.dueUnits = new long[jobs];
        long maxD = 1;
        long maxW = 1;
        long total = 0;
        for (int j = 0; j < jobs; j++) {
            List<Operation> ops = instance.job(j).operations();
            route[j] = new int[ops.size()];
            for (int k = 0; k < ops.size(); k++) {
                Operation op = ops.get(k);
                if (op.options().size() != 1) {
                    throw new IllegalArgumentException("Operation " + k + " of job " + j + " of " + instance.name()
                            + " has " + op.options().size() + " machines; a job-shop env needs exactly one.");
                }
                int m = op.options().get(0).machine();
                long d = op.options().get(0).duration();
                for (int q = 0; q < k; q++) {
                    if (route[j][q] == m) {
                        throw new IllegalArgumentException("Job " + j + " of " + instance.name() + " visits machine "
                                + m + " twice; a job-shop env needs each job to visit a machine at most once.");
                    }
                }
                route[j][k] = m;
                duration[j][m] = d;
                jobWork[j] += d;
                maxD = Math.max(maxD, d);
            }
            maxW = Math.max(maxW, jobWork[j]);
            total += jobWork[j];
            dueUnits[j] = Math.round(dueFactor * jobWork[j]);
            jobOfProduct.put("J" + j, j);
        }
        this.maxDuration = maxD;
        this.maxJobWork = maxW;
        this.totalWork = total;
        for (int m = 0; m < machines; m++) {
            machineOfResource.put("G" + m, m);
        }
        this.scenario = build(instance.name(), total);
        RunOptions o = RunOptions.defaults();
        for (int m = 0; m < machines; m++) {
            o = o.withSchedulingPolicy("G" + m, SchedulingPolicy.AGENT);
        }
        this.options = o;
    }

    private Scenario build(String name, long total) {
        List<Product> products = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<Map<String, Distribution>> times = new ArrayList<>();
        for (int m = 0; m < machines; m++) {
            times.add(new LinkedHashMap<>());
        }
        for (int j = 0; j < jobs; j++) {
            List<RoutingStep> steps = new ArrayList<>();
            for (int m : route[j]) {
                steps.add(RoutingStep.of("G" + m));
                times.get(m).put("J" + j, constant(duration[j][m]));
            }
            products.add(new Product("J" + j, steps, null, null));
            Order order = new Order(TimeSpan.ZERO, "J" + j, 1, TimeSpan.ofMillis(dueUnits[j] * (double) UNIT_MILLIS));
            sources.add(new Source("r" + j, null, null, null, null, List.of(order), null, null));
        }
        List<Machine> ms = new ArrayList<>();
        List<MachineGroup> groups = new ArrayList<>();
        for (int m = 0; m < machines; m++) {
            ms.add(new Machine("M" + m, constant(1), times.get(m), null, null, null, null, null));
            groups.add(new MachineGroup("G" + m, List.of("M" + m), null, null));
        }
        TimeSpan horizon = TimeSpan.ofMillis((total + 1) * (double) UNIT_MILLIS);
        return new Scenario("jobshop-" + name, null, 1L, horizon, null, null, products, ms, null, groups, sources,
                List.of(new Sink("done")), null, null, null, null, null, null);
    }

    private static Distribution constant(long units) {
        return new Distribution.Constant(TimeSpan.ofMillis(units * (double) UNIT_MILLIS));
    }

    /**
     * A random instance in Taillard's manner: each job visits every machine once in a random order, durations
     * uniform in {@code [minDuration, maxDuration]}; the same seed gives the same instance.
     */
    public static ShopInstance random(int jobs, int machines, long minDuration, long maxDuration, long seed) {
        if (jobs < 1 || machines < 1) {
            throw new IllegalArgumentException("The size (" + jobs + "x" + machines + ") must be at least 1x1.");
        }
        if (minDuration < 1 || maxDuration < minDuration) {
            throw new IllegalArgumentException("The durations [" + minDuration + ", " + maxDuration
                    + "] must satisfy 1 <= min <= max.");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Job> js = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            int[] perm = new int[machines];
            for (int m = 0; m < machines; m++) {
                perm[m] = m;
            }
            for (int m = machines - 1; m > 0; m--) {
                int k = rng.nextInt(m + 1);
                int t = perm[m];
                perm[m] = perm[k];
                perm[k] = t;
            }
            List<Operation> ops = new ArrayList<>();
            for (int m = 0; m < machines; m++) {
                ops.add(Operation.on(perm[m], minDuration + rng.nextLong(maxDuration - minDuration + 1)));
            }
            js.add(Job.of(ops));
        }
        return new ShopInstance("random-" + jobs + "x" + machines + "-" + seed, machines, js);
    }
}
