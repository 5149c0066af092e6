package org.plantwin.twin.env.rl;

import ai.djl.Model;
import ai.djl.modality.rl.agent.EpsilonGreedy;
import ai.djl.modality.rl.agent.QAgent;
import ai.djl.modality.rl.agent.RlAgent;
import ai.djl.modality.rl.env.RlEnv;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.LinearTracker;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plantwin.learning.forecast.deep.DjlRuntime;
import org.plantwin.planners.scheduling.api.DispatchRule;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.ScheduleGeneration;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.twin.env.JobShopEnv;
import org.plantwin.twin.env.JobShopRule;

/**
 * Trains a DQN dispatcher (DJL {@link QAgent} over a small MLP scoring (state, waiting job) pairs, epsilon-greedy)
 * on random job shops of one size through {@link JobShopRlEnv}, then evaluates it greedily against SPT, MWKR and
 * MOPNR on random validation instances and on benchmark files, with the gap to the best-known makespan.
 *
 * <pre>
 * java -cp ... org.plantwin.twin.env.rl.DqnJobShop jobs=6 machines=6 episodes=3000 seed=42 \
 *     eval=ft06 data=../shared/data/jssp
 * </pre>
 * Options: {@code jobs machines episodes seed trainEvery batch lr gamma hidden eval (comma-separated instance
 * names) data (folder with the .txt files and bounds.csv) validation (random instances) threads}.
 */
public final class DqnJobShop {

    /** One row of the evaluation: an instance and the makespan of each policy. */
    public record Row(String instance, long bestKnown, Map<String, Double> makespans) {
    }

    /** What a run measured. */
    public record Report(int episodes, double trainSeconds, long steps, List<Row> rows,
                         Map<String, Double> validationMeanMakespan) {
    }

    private DqnJobShop() {
    }

    public static void main(String[] args) {
        run(org.plantwin.learning.eval.KeyValueArgs.parse(args), System.out);
    }

    /** Trains and evaluates; prints a table to {@code out}. */
    public static Report run(Map<String, String> options, PrintStream out) {
        int jobs = Integer.parseInt(options.getOrDefault("jobs", "6"));
        int machines = Integer.parseInt(options.getOrDefault("machines", "6"));
        int episodes = Integer.parseInt(options.getOrDefault("episodes", "3000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        int trainEvery = Integer.parseInt(options.getOrDefault("trainEvery", "4"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "32"));
        float lr = Float.parseFloat(options.getOrDefault("lr", "0.001"));
        float gamma = Float.parseFloat(options.getOrDefault("gamma", "0.99"));
        int hidden = Integer.parseInt(options.getOrDefault("hidden", "64"));
        int validation = Integer.parseInt(options.getOrDefault("validation", "100"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
        Path data = Path.of(options.getOrDefault("data", "../shared/data/jssp"));
        String eval = options.getOrDefault("eval", "ft06");

        DjlRuntime.engine(threads);
        ai.djl.engine.Engine.getEngine(DjlRuntime.ENGINE).setRandomSeed((int) seed);
        try (Model model = Model.newInstance("jobshop-dqn", DjlRuntime.ENGINE);
             NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
            model.setBlock(network(hidden));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, JobShopRlEnv.OBSERVATION), new Shape(1, JobShopRlEnv.ACTION));
                int decay = Math.max(1, episodes * 8 / 10);
                Tracker explore = LinearTracker.builder().setBaseValue(0.5f).optSlope(-0.45f / (decay * jobs))
                        .optMinValue(0.05f).build();
                RlAgent agent = new EpsilonGreedy(new QAgent(trainer, gamma), explore);
                JobShopRlEnv env = new JobShopRlEnv(JobShopEnv.random(jobs, machines, JobShopEnv.Reward.MAKESPAN),
                        manager, 50_000, batch, seed);
                long t0 = System.nanoTime();
                long steps = 0;
                double recent = 0;
                for (int e = 0; e < episodes; e++) {
                    env.reset(seed * 1_000_003L + e);
                    while (!env.done()) {
                        try (NDManager sm = manager.newSubManager()) {
                            env.setStepManager(sm);
                            NDList action = agent.chooseAction(env, true);
                            env.step(action, true);
                        }
                        steps++;
                        if (steps % trainEvery == 0 && env.stored() >= batch) {
                            RlEnv.Step[] b = env.getBatch();
                            agent.trainBatch(b);
                            trainer.step();
                        }
                    }
                    recent += env.episodeReturn();
                    if ((e + 1) % Math.max(1, episodes / 10) == 0) {
                        out.printf(Locale.ROOT, "episode %d: mean return of the last %d %.1f, %.0f s%n", e + 1,
                                Math.max(1, episodes / 10), recent / Math.max(1, episodes / 10),
                                (System.nanoTime() - t0) / 1e9);
                        recent = 0;
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                env.close();

                // Validation: random instances of the training size that training never saw.
                Map<String, Double> valid = new LinkedHashMap<>();
                JobShopEnv vEnv = JobShopEnv.random(jobs, machines, JobShopEnv.Reward.MAKESPAN);
                JobShopRlEnv vRl = new JobShopRlEnv(vEnv, manager, 1, 1, 0);
                double dqn = 0;
                Map<JobShopRule, Double> rules = new LinkedHashMap<>();
                for (int k = 0; k < validation; k++) {
                    long s = 9_000_000_000L + k;
                    dqn += -greedyEpisode(agent, vRl, manager, s);
                    for (JobShopRule r : List.of(JobShopRule.SPT, JobShopRule.MWKR, JobShopRule.MOPNR)) {
                        rules.merge(r, -r.episode(vEnv, s), Double::sum);
                    }
                }
                if (validation > 0) {
                    valid.put("DQN", dqn / validation);
                    rules.forEach((r, v) -> valid.put(r.name(), v / validation));
                    out.println("validation mean makespans: " + valid);
                }

                List<Row> rows = new ArrayList<>();
                Map<String, Long> bounds = bounds(data.resolve("bounds.csv"));
                for (String name : eval.split(",")) {
                    if (name.isBlank()) {
                        continue;
                    }
                    ShopInstance inst = JsspFormat.read(data.resolve(name.trim() + ".txt"));
                    JobShopEnv fEnv = JobShopEnv.of(inst, JobShopEnv.Reward.MAKESPAN);
                    JobShopRlEnv fRl = new JobShopRlEnv(fEnv, manager, 1, 1, 0);
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("DQN", -greedyEpisode(agent, fRl, manager, 0));
                    for (JobShopRule r : List.of(JobShopRule.SPT, JobShopRule.MWKR, JobShopRule.MOPNR)) {
                        m.put(r.name(), -r.episode(fEnv, 0));
                    }
                    for (DispatchRule r : List.of(DispatchRule.SPT, DispatchRule.MWKR, DispatchRule.MOPNR)) {
                        m.put("nd-" + r.name(), (double) DispatchScheduler.schedule(inst, r,
                                ScheduleGeneration.NON_DELAY).makespan());
                    }
                    rows.add(new Row(inst.name(), bounds.getOrDefault(inst.name(), -1L), m));
                }
                Report report = new Report(episodes, seconds, steps, rows, valid);
                print(report, jobs, machines, validation, out);
                return report;
            }
        }
    }

    /** Q(s, a): concat(observation [B, 4], action [B, 6]) -> hidden -> hidden -> 1. */
    static SequentialBlock network(int hidden) {
        return new SequentialBlock()
                .add(new LambdaBlock(list -> new NDList(NDArrays.concat(list, 1)), "concat"))
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(1).build());
    }

    /** A greedy episode (no exploration, nothing stored); returns the episode return (-makespan). */
    static double greedyEpisode(RlAgent agent, JobShopRlEnv env, NDManager manager, long seed) {
        env.reset(seed);
        while (!env.done()) {
            try (NDManager sm = manager.newSubManager()) {
                env.setStepManager(sm);
                env.step(agent.chooseAction(env, false), false);
            }
        }
        return env.episodeReturn();
    }

    private static Map<String, Long> bounds(Path csv) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(csv)) {
            return m;
        }
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String> head = List.of(lines.get(0).split(","));
            int ub = head.indexOf("upper_bound");
            for (String l : lines.subList(1, lines.size())) {
                String[] c = l.split(",");
                m.put(c[0], Long.parseLong(c[ub]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static void print(Report r, int jobs, int machines, int validation, PrintStream out) {
        out.printf(Locale.ROOT, "%nTrained on %d random %dx%d instances: %d steps in %.0f s%n", r.episodes(), jobs,
                machines, r.steps(), r.trainSeconds());
        if (!r.validationMeanMakespan().isEmpty()) {
            out.printf(Locale.ROOT, "Validation (%d unseen random %dx%d): mean makespan", validation, jobs, machines);
            r.validationMeanMakespan().forEach((k, v) -> out.printf(Locale.ROOT, "  %s %.1f", k, v));
            out.println();
        }
        if (r.rows().isEmpty()) {
            return;
        }
        List<String> cols = new ArrayList<>(r.rows().get(0).makespans().keySet());
        out.printf("%-10s %6s", "instance", "BKS");
        cols.forEach(c -> out.printf(" %9s", c));
        out.println();
        Map<String, Double> gapSum = new LinkedHashMap<>();
        for (Row row : r.rows()) {
            out.printf("%-10s %6d", row.instance(), row.bestKnown());
            for (String c : cols) {
                double v = row.makespans().get(c);
                out.printf(Locale.ROOT, " %9.0f", v);
                gapSum.merge(c, (v - row.bestKnown()) / row.bestKnown(), Double::sum);
            }
            out.println();
        }
        out.printf("%-10s %6s", "mean gap", "");
        for (String c : cols) {
            out.printf(Locale.ROOT, " %8.1f%%", 100 * gapSum.get(c) / r.rows().size());
        }
        out.println();
    }
}
