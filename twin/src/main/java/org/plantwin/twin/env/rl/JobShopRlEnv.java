package org.plantwin.twin.env.rl;

import ai.djl.modality.rl.ActionSpace;
import ai.djl.modality.rl.env.RlEnv;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.plantwin.planners.scheduling.api.Job;
import org.plantwin.planners.scheduling.api.Operation;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.twin.env.JobShopEnv;
import org.plantwin.twin.env.StepResult;

/**
 * DJL's {@link RlEnv} over a {@link JobShopEnv}, shaped for {@link ai.djl.modality.rl.agent.QAgent}, which scores
 * (observation, action) pairs: the observation is a few global floats and each action in the action space is the
 * feature row of one waiting job, so one network scores any number of jobs (a learned priority rule) and the
 * action space is the mask. Rewards are scaled by machines / total work (an episode returns about -1.3).
 *
 * <p>Transitions are kept as Java arrays in a seeded ring buffer; NDArrays are made only for the current step (on
 * {@link #stepManager}) and for a training batch (on a manager closed at the next batch), so memory stays flat.
 */
public final class JobShopRlEnv implements RlEnv {

    /** Global observation floats: [time, machine, jobs waiting here, mean remaining operations]. */
    public static final int OBSERVATION = 4;
    /**
     * Floats per action (a waiting job): [processing time here, remaining work, remaining operations, waiting time
     * here, processing time - the shortest waiting one, the most remaining work waiting - this one's], normalised.
     */
    public static final int ACTION = 6;

    private final JobShopEnv env;
    private final NDManager root;
    private final Transition[] buffer;
    private final int batchSize;
    private final SplittableRandom sampler;
    private int stored;
    private int next;
    private NDManager stepManager;
    private NDManager batchManager;
    private float[] observation;
    private float[][] actions;
    private int[] actionJobs;
    private ActionSpace actionSpace;
    private double rewardScale;
    private double episodeReturn;

    private record Transition(float[] pre, float[] action, float reward, float[] post, float[][] postActions,
                              boolean done) {
    }

    public JobShopRlEnv(JobShopEnv env, NDManager manager, int bufferSize, int batchSize, long seed) {
        this.env = env;
        this.root = manager;
        this.buffer = new Transition[bufferSize];
        this.batchSize = batchSize;
        this.sampler = new SplittableRandom(seed);
    }

    /** Resets the underlying env with {@code seed}. */
    public void reset(long seed) {
        env.reset(seed, Map.of());
        long total = 0;
        ShopInstance inst = env.instance();
        for (Job j : inst.jobs()) {
            for (Operation o : j.operations()) {
                total += o.minDuration();
            }
        }
        rewardScale = (double) inst.machineCount() / Math.max(1, total);
        episodeReturn = 0;
        capture();
    }

    @Override
    public void reset() {
        reset(env.episodeSeed() + 1);
    }

    /** The manager the current step's arrays go on; the caller closes it (with a new one per step). */
    public void setStepManager(NDManager m) {
        this.stepManager = m;
        this.actionSpace = null;
    }

    public JobShopEnv env() {
        return env;
    }

    public boolean done() {
        return env.done();
    }

    /** The sum of the unscaled rewards since the reset (-makespan at the end for the makespan reward). */
    public double episodeReturn() {
        return episodeReturn;
    }

    private void capture() {
        if (env.done()) {
            observation = new float[OBSERVATION];
            actions = new float[0][];
            actionJobs = new int[0];
            return;
        }
        float[] o = env.observation();
        boolean[] mask = env.mask();
        int jobs = env.jobs();
        int f = JobShopEnv.FEATURES;
        int g = jobs * f;
        float meanOps = 0;
        for (int j = 0; j < jobs; j++) {
            meanOps += o[j * f + 3];
        }
        observation = new float[] {o[g], o[g + 1], o[g + 2], meanOps / jobs};
        int n = 0;
        float minProc = Float.MAX_VALUE;
        float maxWork = 0;
        for (int j = 0; j < jobs; j++) {
            if (mask[j]) {
                n++;
                minProc = Math.min(minProc, o[j * f + 1]);
                maxWork = Math.max(maxWork, o[j * f + 2]);
            }
        }
        actions = new float[n][];
        actionJobs = new int[n];
        int i = 0;
        for (int j = 0; j < jobs; j++) {
            if (mask[j]) {
                int b = j * f;
                actions[i] = new float[] {o[b + 1], o[b + 2], o[b + 3], o[b + 4], o[b + 1] - minProc,
                        maxWork - o[b + 2]};
                actionJobs[i++] = j;
            }
        }
        actionSpace = null;
    }

    @Override
    public NDList getObservation() {
        return new NDList(stepManager.create(observation));
    }

    @Override
    public ActionSpace getActionSpace() {
        if (actionSpace == null) {
            actionSpace = new ActionSpace();
            for (float[] a : actions) {
                actionSpace.add(new NDList(stepManager.create(a)));
            }
        }
        return actionSpace;
    }

    @Override
    public Step step(NDList action, boolean training) {
        int i = indexOf(action);
        float[] pre = observation;
        float[] act = actions[i];
        StepResult s = env.step(actionJobs[i]);
        episodeReturn += s.reward();
        capture();
        Transition t = new Transition(pre, act, (float) (s.reward() * rewardScale), observation, actions, s.done());
        if (training) {
            buffer[next] = t;
            next = (next + 1) % buffer.length;
            stored = Math.min(stored + 1, buffer.length);
        }
        return new ArraysStep(t, stepManager);
    }

    private int indexOf(NDList action) {
        if (actionSpace != null) {
            for (int i = 0; i < actionSpace.size(); i++) {
                if (actionSpace.get(i) == action) {
                    return i;
                }
            }
        }
        float[] a = action.singletonOrThrow().toFloatArray();
        for (int i = 0; i < actions.length; i++) {
            if (Arrays.equals(actions[i], a)) {
                return i;
            }
        }
        throw new IllegalArgumentException("The action (" + Arrays.toString(a) + ") is not one of the waiting jobs.");
    }

    /** A batch of stored transitions drawn uniformly (with the env's seeded sampler), as NDArrays. */
    @Override
    public Step[] getBatch() {
        if (batchManager != null) {
            batchManager.close();
        }
        batchManager = root.newSubManager();
        int n = Math.min(batchSize, stored);
        Step[] steps = new Step[n];
        for (int k = 0; k < n; k++) {
            steps[k] = new ArraysStep(buffer[sampler.nextInt(stored)], batchManager);
        }
        return steps;
    }

    /** Transitions stored so far (at most the buffer size). */
    public int stored() {
        return stored;
    }

    @Override
    public void close() {
        if (batchManager != null) {
            batchManager.close();
            batchManager = null;
        }
    }

    /** A transition whose NDArrays are made on first use on the given manager. */
    private static final class ArraysStep implements Step {
        private final Transition t;
        private final NDManager m;

        ArraysStep(Transition t, NDManager m) {
            this.t = t;
            this.m = m;
        }

        @Override
        public NDList getPreObservation() {
            return new NDList(m.create(t.pre()));
        }

        @Override
        public NDList getAction() {
            return new NDList(m.create(t.action()));
        }

        @Override
        public NDList getPostObservation() {
            return new NDList(m.create(t.post()));
        }

        @Override
        public ActionSpace getPostActionSpace() {
            ActionSpace s = new ActionSpace();
            for (float[] a : t.postActions()) {
                s.add(new NDList(m.create(a)));
            }
            if (s.isEmpty()) {
                // QAgent evaluates the post actions even at the end (and then ignores them): give it one row.
                s.add(new NDList(m.create(new float[ACTION])));
            }
            return s;
        }

        @Override
        public NDArray getReward() {
            return m.create(t.reward());
        }

        @Override
        public boolean isDone() {
            return t.done();
        }

        @Override
        public void close() {
        }
    }

    /** The jobs of the current actions (index = position in the action space). */
    List<Integer> actionJobs() {
        List<Integer> l = new ArrayList<>();
        for (int j : actionJobs) {
            l.add(j);
        }
        return l;
    }
}
