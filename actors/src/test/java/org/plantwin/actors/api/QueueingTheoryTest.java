package org.plantwin.actors.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantwin.scenarios.api.Scenarios;

/** The engine against closed-form queueing results (1,000,000 simulated minutes each, fixed seeds). */
class QueueingTheoryTest {

    private static SimulationRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = SimulationRuntime.create(2);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void mm1MeanWaitInQueueMatchesTheory() {
        double lambda = 0.9;
        double mu = 1.0;
        double wq = lambda / (mu * (mu - lambda)); // 9.0 minutes
        RunResult r = runtime.run(Scenarios.library("mm1"), RunOptions.defaults());
        assertThat(r.stations().get(0).waitMeanMinutes()).isCloseTo(wq, within(0.03 * wq));
        assertThat(r.machines().get(0).utilisation()).isCloseTo(lambda / mu, within(0.01));
        // Little's law on the whole system: L = lambda W.
        assertThat(r.plant().wipMean()).isCloseTo(lambda * r.plant().cycleTimeMeanMinutes(), within(0.02 * 9.9));
    }

    @Test
    void mmcMeanWaitMatchesErlangC() {
        int c = 3;
        double lambda = 2.4;
        double mu = 1.0;
        double a = lambda / mu;
        double rho = a / c;
        double sum = 0;
        double term = 1;
        for (int k = 0; k < c; k++) {
            if (k > 0) {
                term *= a / k;
            }
            sum += term;
        }
        double last = term * a / c / (1 - rho);
        double pWait = last / (sum + last);
        double wq = pWait / (c * mu - lambda);
        RunResult r = runtime.run(Scenarios.library("mmc"), RunOptions.defaults());
        assertThat(wq).isCloseTo(1.0787, within(0.001));
        assertThat(r.stations().get(0).waitMeanMinutes()).isCloseTo(wq, within(0.03 * wq));
    }

    @Test
    void mm1kBlockingProbabilityMatchesClosedForm() {
        int k = 5;
        double rho = 0.9;
        double pBlock = (1 - rho) * Math.pow(rho, k) / (1 - Math.pow(rho, k + 1));
        RunResult r = runtime.run(Scenarios.library("mm1k"), RunOptions.defaults());
        assertThat(r.sources().get(0).lossProbability()).isCloseTo(pBlock, within(0.03 * pBlock));
        double throughputPerMinute = r.plant().throughputPerHour() / 60;
        assertThat(throughputPerMinute).isCloseTo(0.9 * (1 - pBlock), within(0.01));
    }

    @Test
    void tandemJacksonNetworkMeanSojournMatchesTheory() {
        double lambda = 0.5;
        double sojourn = 1 / (1 / 1.2 - lambda) + 1 / (1 / 1.5 - lambda); // 9.0 minutes
        RunResult r = runtime.run(Scenarios.library("tandem"), RunOptions.defaults());
        assertThat(r.plant().cycleTimeMeanMinutes()).isCloseTo(sojourn, within(0.03 * sojourn));
    }
}
