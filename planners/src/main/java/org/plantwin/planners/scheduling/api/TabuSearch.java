package org.plantwin.planners.scheduling.api;

import java.util.Objects;

/**
 * Tabu search on the disjunctive graph for the job shop and the flexible job shop, minimising makespan
 * or weighted tardiness.
 *
 * <p>Neighbourhood: N7 moves on the critical blocks of one critical path (Zhang et al. 2007: move an
 * operation to the front or the back of its block, or the block's first/last operation into the
 * block), evaluated with the head/tail estimate of Balas and Vazacopoulos; for flexible instances also
 * moving a critical operation to another eligible machine at a position that keeps the graph acyclic
 * (after Mastrolilli and Gambardella), with the best few estimated moves evaluated exactly. The tabu
 * list forbids restoring reversed operation pairs and old machine assignments for a random tenure;
 * a tabu move is allowed if its estimate beats the best (aspiration). After a stagnation limit the
 * search jumps back to the best solution, perturbs it with random critical moves and clears the list.
 *
 * <p>With {@link Objective#WEIGHTED_TARDINESS} the moves come from the longest path to the last
 * operation of a tardy job (drawn in proportion to its weighted tardiness) and are evaluated exactly.
 *
 * <p>Sequence-dependent setups and unavailability windows of the instance are respected: schedules are
 * evaluated exactly (setups on machine arcs, operations pushed past windows), move estimates are
 * approximate with windows (see {@code TabuSearchEngine}), and the result is a valid schedule.
 */
public final class TabuSearch {
  private TabuSearch() {
  }

  /** Starts from the best dispatching-rule schedule. */
  public static SolveResult solve(ShopInstance instance, TabuSearchOptions options) {
    Objects.requireNonNull(instance, "instance");
    return solve(instance, DispatchScheduler.best(instance), options);
  }

  /** Starts from the given valid schedule; only its machine assignment and machine orders are used. */
  public static SolveResult solve(ShopInstance instance, Schedule initial, TabuSearchOptions options) {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(options, "options");
    ScheduleValidator.requireValid(instance, initial);
    return new TabuSearchEngine(instance, options).run(initial);
  }
}
