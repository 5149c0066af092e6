package org.plantwin.twin.env;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.plantwin.actors.api.DecisionPoint;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.api.SchedulingPolicy;
import org.plantwin.actors.api.SteppedRun;
import org.plantwin.planners.scheduling.api.ShopInstance;

/**
 * Job-shop dispatching on the twin: a step is a free machine with at least two jobs waiting (the twin starts a
 * lone waiting job by itself, so schedules are non-delay-like), the action is the job to start (Discrete(jobs),
 * masked to the jobs waiting at that machine).
 *
 * <p>Observation: {@link #FEATURES} floats per job slot, then {@link #GLOBALS} floats:
 * <pre>
 * job j:  [waiting here, processing time here / max duration (0 when known done here),
 *          remaining work / longest job, remaining operations / machines, waiting time here / max duration]
 * global: [time / (total work / machines), machine / machines, jobs waiting here / jobs]
 * </pre>
 * Remaining work and operations are exact for the jobs waiting here and last known for the others (the twin does
 * not report the starts it makes alone).
 *
 * <p>Rewards, in instance time units: {@link Reward#MAKESPAN} (default, dense) is minus the time that passed since
 * the last step (the first step also counts the time before the first decision; the last one runs to the end of
 * the last job), so the episode return is {@code -makespan}; {@link Reward#TARDINESS} and {@link Reward#FLOWTIME}
 * give minus the total tardiness (due date = dueFactor x the job's work) or minus the total completion time at
 * the last step and 0 before.
 */
public final class JobShopEnv implements PlantEnv {

    /** Floats per job slot. */
    public static final int FEATURES = 5;
    /** Floats after the job slots. */
    public static final int GLOBALS = 3;

    /** What the reward counts. */
    public enum Reward {
        MAKESPAN, TARDINESS, FLOWTIME;

        public static Reward parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The reward (" + s + ") must be one of makespan, tardiness, "
                        + "flowtime.", e);
            }
        }
    }

    private final JobShopScenario fixed;
    private final int jobs;
    private final int machines;
    private final long minDuration;
    private final long maxDuration;
    private final Reward reward;
    private final double dueFactor;
    private final Space.Box observationSpace;
    private final Space.Discrete actionSpace;

    private JobShopScenario shop;
    private SteppedRun run;
    private SchedulingPolicy.View view;
    private int machine;
    private long lastChargedMillis;
    private long episodeSeed;
    private final float[] remainingWork;
    private final int[] remainingOps;
    private final int[] waitingIndex;
    private RunResult result;

    private JobShopEnv(JobShopScenario fixed, int jobs, int machines, long minDuration, long maxDuration,
                       Reward reward, double dueFactor) {
        this.fixed = fixed;
        this.jobs = jobs;
        this.machines = machines;
        this.minDuration = minDuration;
        this.maxDuration = maxDuration;
        this.reward = Objects.requireNonNull(reward, "reward");
        if (!(dueFactor > 0)) {
            throw new IllegalArgumentException("The dueFactor (" + dueFactor + ") must be > 0.");
        }
        this.dueFactor = dueFactor;
        this.observationSpace = new Space.Box(0f, Float.POSITIVE_INFINITY, new int[] {jobs * FEATURES + GLOBALS});
        this.actionSpace = new Space.Discrete(jobs);
        this.remainingWork = new float[jobs];
        this.remainingOps = new int[jobs];
        this.waitingIndex = new int[jobs];
    }

    /** Episodes on one instance (the seed does not matter: durations are constant). */
    public static JobShopEnv of(ShopInstance instance, Reward reward) {
        return of(instance, reward, 1.5);
    }

    /** Episodes on one instance, with due dates at {@code dueFactor} x each job's work. */
    public static JobShopEnv of(ShopInstance instance, Reward reward, double dueFactor) {
        JobShopScenario s = new JobShopScenario(instance, dueFactor);
        return new JobShopEnv(s, s.jobs, s.machines, 0, 0, reward, dueFactor);
    }

    /** Each episode on a new random instance of the size, drawn from the reset seed (durations 1..99). */
    public static JobShopEnv random(int jobs, int machines, Reward reward) {
        return random(jobs, machines, 1, 99, reward, 1.5);
    }

    public static JobShopEnv random(int jobs, int machines, long minDuration, long maxDuration, Reward reward,
                                    double dueFactor) {
        JobShopScenario.random(jobs, machines, minDuration, maxDuration, 0); // checks the arguments
        return new JobShopEnv(null, jobs, machines, minDuration, maxDuration, reward, dueFactor);
    }

    @Override
    public String kind() {
        return "jobshop";
    }

    @Override
    public Space.Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Space.Discrete actionSpace() {
        return actionSpace;
    }

    public int jobs() {
        return jobs;
    }

    public int machines() {
        return machines;
    }

    /** The instance of the current episode (null before the first reset of a random env). */
    public ShopInstance instance() {
        return shop == null ? null : shop.instance;
    }

    /** The twin's view of the current decision (null when done): the waiting jobs with their exact figures. */
    public SchedulingPolicy.View view() {
        return view;
    }

    /** The job index of a product id {@code J<j>}. */
    public int jobOf(SchedulingPolicy.Job job) {
        return shop.jobOfProduct.get(job.product());
    }

    /** The run's result; only once the episode is over. */
    public RunResult result() {
        if (result == null) {
            throw new IllegalStateException("The episode is not over; it has no result yet.");
        }
        return result;
    }

    @Override
    public ResetResult reset(long seed, Map<String, Object> options) {
        episodeSeed = seed;
        if (fixed != null) {
            shop = fixed;
            start();
        } else {
            // A random instance without any choice (rare for small sizes) is redrawn from a derived seed.
            for (int attempt = 0;; attempt++) {
                long s = attempt == 0 ? seed : seed * 0x9E3779B97F4A7C15L + attempt;
                shop = new JobShopScenario(JobShopScenario.random(jobs, machines, minDuration, maxDuration, s),
                        dueFactor);
                start();
                if (view != null || attempt == 99) {
                    break;
                }
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("instance", shop.instance.name());
        info.put("time", view == null ? 0.0 : (double) view.nowMillis() / JobShopScenario.UNIT_MILLIS);
        info.put("machine", machine);
        return new ResetResult(observation(), mask(), info);
    }

    private void start() {
        for (int j = 0; j < jobs; j++) {
            remainingWork[j] = shop.jobWork[j];
            remainingOps[j] = shop.route[j].length;
        }
        lastChargedMillis = 0;
        result = null;
        run = SteppedRun.start(shop.scenario, shop.options);
        point(run.decision());
    }

    private void point(DecisionPoint d) {
        java.util.Arrays.fill(waitingIndex, -1);
        if (d == null) {
            view = null;
            return;
        }
        view = ((DecisionPoint.Scheduling) d).view();
        machine = shop.machineOfResource.get(view.resource());
        List<SchedulingPolicy.Job> waiting = view.waiting();
        for (int i = 0; i < waiting.size(); i++) {
            SchedulingPolicy.Job w = waiting.get(i);
            int j = shop.jobOfProduct.get(w.product());
            waitingIndex[j] = i;
            remainingOps[j] = w.remainingOperations();
            remainingWork[j] = (float) (w.remainingWorkMillis() / JobShopScenario.UNIT_MILLIS);
        }
    }

    @Override
    public StepResult step(Object action) {
        if (!(action instanceof Number n)) {
            throw new IllegalArgumentException("The action (" + action + ") of a job-shop env must be an integer job"
                    + " index.");
        }
        return step(n.intValue());
    }

    /** Starts job {@code job} on the free machine. */
    public StepResult step(int job) {
        if (view == null) {
            throw new IllegalStateException("The episode is over (or not started): call reset before step.");
        }
        if (job < 0 || job >= jobs || waitingIndex[job] < 0) {
            throw new IllegalArgumentException("The action (" + job + ") must be a job waiting at machine " + machine
                    + ": " + allowed() + ".");
        }
        SchedulingPolicy.Job chosen = view.waiting().get(waitingIndex[job]);
        remainingOps[job] = chosen.remainingOperations() - 1;
        remainingWork[job] = (float) ((chosen.remainingWorkMillis() - chosen.processMeanMillis())
                / JobShopScenario.UNIT_MILLIS);
        point(run.decide(waitingIndex[job]));
        double r;
        Map<String, Object> info = new LinkedHashMap<>();
        if (view != null) {
            long now = view.nowMillis();
            r = reward == Reward.MAKESPAN ? -(double) (now - lastChargedMillis) / JobShopScenario.UNIT_MILLIS : 0;
            lastChargedMillis = now;
            info.put("time", (double) now / JobShopScenario.UNIT_MILLIS);
            info.put("machine", machine);
            return new StepResult(observation(), r, false, false, mask(), info);
        }
        result = run.result();
        RunResult.SinkKpis sink = result.sinks().get(0);
        long makespanMillis = Math.round(sink.cycleTimeMaxMinutes() * 60_000.0);
        double makespan = (double) makespanMillis / JobShopScenario.UNIT_MILLIS;
        double minutesPerUnit = JobShopScenario.UNIT_MILLIS / 60_000.0;
        double tardiness = sink.tardinessMeanMinutes() * sink.parts() / minutesPerUnit;
        double flowtime = sink.cycleTimeMeanMinutes() * sink.parts() / minutesPerUnit;
        r = switch (reward) {
            case MAKESPAN -> -(double) (makespanMillis - lastChargedMillis) / JobShopScenario.UNIT_MILLIS;
            case TARDINESS -> -tardiness;
            case FLOWTIME -> -flowtime;
        };
        lastChargedMillis = makespanMillis;
        info.put("time", makespan);
        info.put("makespan", makespan);
        info.put("tardiness", tardiness);
        info.put("flowtime", flowtime);
        info.put("jobsDone", sink.parts());
        info.put("decisions", run.steps());
        return new StepResult(observation(), r, true, false, mask(), info);
    }

    private String allowed() {
        StringBuilder b = new StringBuilder("[");
        for (int j = 0; j < jobs; j++) {
            if (waitingIndex[j] >= 0) {
                b.append(b.length() > 1 ? ", " : "").append(j);
            }
        }
        return b.append(']').toString();
    }

    @Override
    public boolean done() {
        return view == null;
    }

    /** The mask of the current decision: the jobs waiting at the free machine (a fresh array). */
    public boolean[] mask() {
        boolean[] m = new boolean[jobs];
        for (int j = 0; j < jobs; j++) {
            m[j] = waitingIndex[j] >= 0;
        }
        return m;
    }

    /** The current observation (a fresh array; all zeros but the time once the episode is over). */
    public float[] observation() {
        float[] o = new float[jobs * FEATURES + GLOBALS];
        float maxD = shop.maxDuration;
        float maxW = shop.maxJobWork;
        long now = view == null ? lastChargedMillis : view.nowMillis();
        if (view != null) {
            List<SchedulingPolicy.Job> waiting = view.waiting();
            for (int j = 0; j < jobs; j++) {
                int b = j * FEATURES;
                int i = waitingIndex[j];
                int[] route = shop.route[j];
                int position = route.length - remainingOps[j];
                if (i >= 0) {
                    SchedulingPolicy.Job w = waiting.get(i);
                    o[b] = 1f;
                    o[b + 1] = (float) (w.processMeanMillis() / JobShopScenario.UNIT_MILLIS) / maxD;
                    o[b + 4] = (float) ((now - w.enqueuedMillis()) / (double) JobShopScenario.UNIT_MILLIS) / maxD;
                } else if (!doneAt(route, position, machine)) {
                    o[b + 1] = shop.duration[j][machine] / maxD;
                }
                o[b + 2] = remainingWork[j] / maxW;
                o[b + 3] = remainingOps[j] / (float) machines;
            }
        }
        int g = jobs * FEATURES;
        o[g] = (float) ((double) now / JobShopScenario.UNIT_MILLIS / Math.max(1.0, (double) shop.totalWork / machines));
        o[g + 1] = view == null ? 0f : machine / (float) machines;
        o[g + 2] = view == null ? 0f : view.waiting().size() / (float) jobs;
        return o;
    }

    private static boolean doneAt(int[] route, int position, int m) {
        for (int k = 0; k < position && k < route.length; k++) {
            if (route[k] == m) {
                return true;
            }
        }
        return false;
    }

    /** The seed of the current episode. */
    public long episodeSeed() {
        return episodeSeed;
    }
}
