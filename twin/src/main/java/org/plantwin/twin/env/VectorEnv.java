package org.plantwin.twin.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N environments stepped together, as Gymnasium's vector envs: {@link #step} takes one action per env and returns
 * the arrays of results; an env whose episode ends is reset at once (its next seed is {@code seed + i + N * k} for
 * its {@code k}-th episode) and the observation returned is the new episode's first, while the last one goes in
 * {@link Step#finalObservations()}. With {@code threads > 1} the envs are split into fixed contiguous chunks, one
 * per thread; every env is independent, so the results do not depend on the number of threads.
 */
public final class VectorEnv implements AutoCloseable {

    /** The results of one vector step (index = env). */
    public record Step(float[][] observations, double[] rewards, boolean[] terminated, boolean[] truncated,
                       boolean[][] actionMasks, float[][] finalObservations, List<Map<String, Object>> infos) {
    }

    private final List<PlantEnv> envs;
    private final ExecutorService pool;
    private final int threads;
    private long seed;
    private final long[] episodes;
    private final float[][] observations;
    private final boolean[][] masks;

    public VectorEnv(List<? extends PlantEnv> envs, int threads) {
        this.envs = List.copyOf(Objects.requireNonNull(envs, "envs"));
        if (this.envs.isEmpty()) {
            throw new IllegalArgumentException("The envs (" + envs + ") must not be empty.");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("The threads (" + threads + ") must be >= 1.");
        }
        this.threads = Math.min(threads, this.envs.size());
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads) : null;
        this.episodes = new long[this.envs.size()];
        this.observations = new float[this.envs.size()][];
        this.masks = new boolean[this.envs.size()][];
    }

    public int size() {
        return envs.size();
    }

    public PlantEnv env(int i) {
        return envs.get(i);
    }

    /** Resets every env, env {@code i} with seed {@code seed + i}. */
    public Step reset(long seed) {
        this.seed = seed;
        int n = envs.size();
        java.util.Arrays.fill(episodes, 0);
        List<Map<String, Object>> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            infos.add(null);
        }
        run((from, to) -> {
            for (int i = from; i < to; i++) {
                ResetResult r = envs.get(i).reset(seed + i, Map.of());
                observations[i] = r.observation();
                masks[i] = r.actionMask();
                infos.set(i, r.info());
            }
        });
        return new Step(observations.clone(), new double[n], new boolean[n], new boolean[n], masks.clone(),
                new float[n][], infos);
    }

    /** Steps env {@code i} with {@code actions[i]} (an Integer, int[] or float[] as the env takes). */
    public Step step(Object[] actions) {
        int n = envs.size();
        if (actions.length != n) {
            throw new IllegalArgumentException("The actions (" + actions.length + ") must be one per env (" + n + ").");
        }
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n];
        boolean[] truncated = new boolean[n];
        float[][] finals = new float[n][];
        List<Map<String, Object>> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            infos.add(null);
        }
        run((from, to) -> {
            for (int i = from; i < to; i++) {
                PlantEnv env = envs.get(i);
                StepResult s = env.step(actions[i]);
                rewards[i] = s.reward();
                terminated[i] = s.terminated();
                truncated[i] = s.truncated();
                infos.set(i, s.info());
                if (s.done()) {
                    finals[i] = s.observation();
                    episodes[i]++;
                    ResetResult r = env.reset(seed + i + (long) n * episodes[i], Map.of());
                    observations[i] = r.observation();
                    masks[i] = r.actionMask();
                } else {
                    observations[i] = s.observation();
                    masks[i] = s.actionMask();
                }
            }
        });
        return new Step(observations.clone(), rewards, terminated, truncated, masks.clone(), finals, infos);
    }

    /** Steps job-shop (or other Discrete) envs with int actions. */
    public Step step(int[] actions) {
        Object[] boxed = new Object[actions.length];
        for (int i = 0; i < actions.length; i++) {
            boxed[i] = actions[i];
        }
        return step(boxed);
    }

    private interface Chunk {
        void run(int from, int to);
    }

    private void run(Chunk chunk) {
        int n = envs.size();
        if (pool == null) {
            chunk.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            futures.add(pool.submit(() -> chunk.run(from, to)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stepping the envs.", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("An env failed.", c);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        for (PlantEnv e : envs) {
            e.close();
        }
    }
}
