package org.plantwin.planners.dispatch.hgs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Feasible and infeasible subpopulations with biased fitness (cost rank plus diversity rank, Vidal 2012).
 */
final class Population {

    private final int mu;
    private final int lambda;
    private final int nbElite;
    private final int nbClose;
    private final List<Individual> feasible = new ArrayList<>();
    private final List<Individual> infeasible = new ArrayList<>();
    private static final Comparator<Individual> BY_COST = Comparator.comparingDouble(i -> i.penalizedCost);

    Population(int mu, int lambda, int nbElite, int nbClose) {
        this.mu = mu;
        this.lambda = lambda;
        this.nbElite = nbElite;
        this.nbClose = nbClose;
    }

    void clear() {
        feasible.forEach(i -> i.proximity.clear());
        infeasible.forEach(i -> i.proximity.clear());
        feasible.clear();
        infeasible.clear();
    }

    int size() {
        return feasible.size() + infeasible.size();
    }

    void add(Individual ind) {
        List<Individual> sub = ind.feasible() ? feasible : infeasible;
        ind.proximity.clear();
        for (Individual other : sub) {
            double dist = ind.brokenPairsDistance(other);
            insertProximity(other, new Individual.Proximity(dist, ind));
            insertProximity(ind, new Individual.Proximity(dist, other));
        }
        int at = 0;
        while (at < sub.size() && sub.get(at).penalizedCost <= ind.penalizedCost) {
            at++;
        }
        sub.add(at, ind);
        if (sub.size() > mu + lambda) {
            while (sub.size() > mu) {
                removeWorst(sub);
            }
        }
    }

    private static void insertProximity(Individual owner, Individual.Proximity p) {
        List<Individual.Proximity> list = owner.proximity;
        int at = 0;
        while (at < list.size() && list.get(at).distance() <= p.distance()) {
            at++;
        }
        list.add(at, p);
    }

    private void removeWorst(List<Individual> sub) {
        updateBiasedFitness(sub);
        Individual worst = null;
        boolean worstIsClone = false;
        for (int i = 1; i < sub.size(); i++) { // the best individual (index 0) is never removed
            Individual ind = sub.get(i);
            boolean clone = !ind.proximity.isEmpty() && ind.proximity.get(0).distance() < 1e-9;
            if (worst == null || (clone && !worstIsClone)
                    || (clone == worstIsClone && ind.biasedFitness > worst.biasedFitness)) {
                worst = ind;
                worstIsClone = clone;
            }
        }
        sub.remove(worst);
        for (Individual other : sub) {
            final Individual gone = worst;
            other.proximity.removeIf(p -> p.other() == gone);
        }
    }

    private void updateBiasedFitness(List<Individual> sub) {
        int size = sub.size();
        if (size == 1) {
            sub.get(0).biasedFitness = 0.0;
            return;
        }
        Integer[] byDiversity = new Integer[size];
        double[] div = new double[size];
        for (int i = 0; i < size; i++) {
            byDiversity[i] = i;
            div[i] = -sub.get(i).averageClosest(nbClose);
        }
        java.util.Arrays.sort(byDiversity, Comparator.comparingDouble((Integer i) -> div[i]).thenComparingInt(i -> i));
        for (int rank = 0; rank < size; rank++) {
            int i = byDiversity[rank];
            double costRank = (double) i / (size - 1);
            double divRank = (double) rank / (size - 1);
            sub.get(i).biasedFitness = size <= nbElite ? costRank : costRank + (1.0 - (double) nbElite / size) * divRank;
        }
    }

    Individual tournament(SplittableRandom rng) {
        updateBiasedFitness(feasible);
        updateBiasedFitness(infeasible);
        Individual a = pick(rng);
        Individual b = pick(rng);
        return a.biasedFitness <= b.biasedFitness ? a : b;
    }

    private Individual pick(SplittableRandom rng) {
        int k = rng.nextInt(size());
        return k < feasible.size() ? feasible.get(k) : infeasible.get(k - feasible.size());
    }

    void updatePenalties(double capacityPenalty, double timeWarpPenalty) {
        for (Individual ind : infeasible) {
            ind.setPenalties(capacityPenalty, timeWarpPenalty);
        }
        infeasible.sort(BY_COST);
    }
}
