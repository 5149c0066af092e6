package org.plantwin.actors.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.model.Scenario;

/**
 * flowline5 against the SimPy peer (shared/peers/simpy2_flowline.py): about 0.822 parts per minute over 200,000
 * minutes. Ten replications give a 95% confidence interval of the mean throughput; the peer's figure must lie in it,
 * widened by the peer's own standard error (one run of the same length), since the peer is itself an estimate.
 */
class FlowlinePeerTest {

    private static final double PEER_THROUGHPUT_PER_MINUTE = 0.822;

    @Test
    void flowline5ThroughputAgreesWithSimPyPeer() {
        Scenario flowline = Scenarios.library("flowline5");
        int n = 10;
        double[] x = new double[n];
        try (SimulationRuntime runtime = SimulationRuntime.create(2)) {
            var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<RunResult>>();
            for (int k = 0; k < n; k++) {
                futures.add(runtime.start(flowline, RunOptions.defaults().withReplication(k)).toCompletableFuture());
            }
            for (int k = 0; k < n; k++) {
                RunResult r = futures.get(k).join();
                x[k] = r.plant().partsOut() / r.observedMinutes();
            }
        }
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        double t975 = 2.262; // Student t, 9 degrees of freedom
        double halfWidth = t975 * sd / Math.sqrt(n);
        double peerSe = sd; // one peer run of the same horizon has about the spread of one of ours
        assertThat(PEER_THROUGHPUT_PER_MINUTE)
                .as("peer throughput vs our mean %.4f +- %.4f (sd %.4f)", mean, halfWidth, sd)
                .isBetween(mean - halfWidth - 1.96 * peerSe, mean + halfWidth + 1.96 * peerSe);
        // The model is tight enough that a wrong blocking or failure rule would show: keep the band narrow.
        assertThat(halfWidth + 1.96 * peerSe).isLessThan(0.01);
    }
}
