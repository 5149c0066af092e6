package org.plantwin.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.twin.env.JobShopEnv;

/**
 * Steps the job-shop env on one instance with the lowest waiting job for {@code seconds} per round and prints steps
 * per second by wall time and by the thread's CPU time (the latter discounts time stolen by other processes on a
 * shared machine), plus the split between resets and steps. Also the loop to profile with JFR.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.plantwin.bench.EnvStepLoop ../shared/data/jssp/ta01.txt 10 3</pre>
 */
public final class EnvStepLoop {

    private EnvStepLoop() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/jssp/ta01.txt");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        JobShopEnv env = JobShopEnv.of(JsspFormat.read(file), JobShopEnv.Reward.MAKESPAN);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long steps = 0;
            long episodes = 0;
            long resetCpu = 0;
            long w0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            while (System.nanoTime() - w0 < seconds * 1e9) {
                long rc = mx.getCurrentThreadCpuTime();
                env.reset(episodes++, Map.of());
                resetCpu += mx.getCurrentThreadCpuTime() - rc;
                while (!env.done()) {
                    boolean[] mask = env.mask();
                    int a = 0;
                    while (!mask[a]) {
                        a++;
                    }
                    env.step(a);
                    steps++;
                }
            }
            double wall = (System.nanoTime() - w0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %d steps, %d episodes (%.1f steps each): %.0f steps/s wall, "
                    + "%.0f steps/s CPU; reset %.0f us CPU, step %.2f us CPU%n", r, steps, episodes,
                    (double) steps / episodes, steps / wall, steps / cpu, resetCpu / 1e3 / episodes,
                    (cpu * 1e9 - resetCpu) / 1e3 / steps);
        }
    }
}
