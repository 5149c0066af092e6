package org.plantwin.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.SchedulingPolicy;
import org.plantwin.actors.api.SteppedRun;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.twin.env.JobShopEnv;
import org.plantwin.twin.env.StepResult;
import org.plantwin.twin.env.VectorEnv;

/**
 * Steps per second of the job-shop environment on a benchmark instance (default {@code ta01}, 15x15: 47 decisions
 * an episode) with a fixed mask-respecting policy (the lowest waiting job index). One operation is one step; an
 * episode that ends is reset inside the operation, so resets are part of the cost, as in training.
 * {@code vector}: {@link #VECTOR} envs stepped together in the calling thread (ops = env steps).
 * Baseline {@code steppedRunOnly}: the twin's {@link SteppedRun} alone, taking index 0 (no observation, mask or
 * reward), to show what the environment layer adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EnvStepBenchmark {

    static final int VECTOR = 16;

    /** A JSPLIB instance in {@link #data}. */
    @Param({"ta01"})
    public String instance;

    /** The folder of the instances (from the repository root). */
    @Param({"../shared/data/jssp"})
    public String data;

    private JobShopEnv env;
    private VectorEnv vector;
    private int[] actions;
    private Scenario scenario;
    private RunOptions options;
    private SteppedRun run;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() {
        ShopInstance inst = JsspFormat.read(Path.of(data, instance + ".txt"));
        env = JobShopEnv.of(inst, JobShopEnv.Reward.MAKESPAN);
        env.reset(0, Map.of());
        List<JobShopEnv> envs = new ArrayList<>();
        for (int i = 0; i < VECTOR; i++) {
            envs.add(JobShopEnv.of(inst, JobShopEnv.Reward.MAKESPAN));
        }
        vector = new VectorEnv(envs, 1);
        VectorEnv.Step s = vector.reset(0);
        actions = new int[VECTOR];
        pick(s.actionMasks());
        // The same scenario the env builds, for the baseline.
        options = RunOptions.defaults();
        for (int m = 0; m < inst.machineCount(); m++) {
            options = options.withSchedulingPolicy("G" + m, SchedulingPolicy.AGENT);
        }
        scenario = scenarioOf(inst);
        run = SteppedRun.start(scenario, options);
    }

    private static Scenario scenarioOf(ShopInstance inst) {
        // JobShopScenario is package-private in twin; build the same scenario through a throwaway env's run.
        return org.plantwin.scenarios.api.Scenarios.parse(JobShopYaml.of(inst), inst.name());
    }

    private void pick(boolean[][] masks) {
        for (int i = 0; i < VECTOR; i++) {
            int a = 0;
            while (!masks[i][a]) {
                a++;
            }
            actions[i] = a;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        vector.close();
    }

    @Benchmark
    public void single(Blackhole bh) {
        if (env.done()) {
            env.reset(++seed, Map.of());
        }
        boolean[] mask = env.mask();
        int a = 0;
        while (!mask[a]) {
            a++;
        }
        StepResult s = env.step(a);
        bh.consume(s);
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR)
    public void vector(Blackhole bh) {
        VectorEnv.Step s = vector.step(actions);
        pick(s.actionMasks());
        bh.consume(s);
    }

    @Benchmark
    public void steppedRunOnly(Blackhole bh) {
        if (run.done()) {
            run = SteppedRun.start(scenario, options);
        }
        bh.consume(run.decide(0));
    }
}
