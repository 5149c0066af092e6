package org.plantwin.planners.scheduling.api;

/**
 * A priority rule that picks one candidate operation; ties go to the lowest job index, then the
 * lowest machine index.
 *
 * <p>Work and operation counts remaining include the candidate itself; the work of later
 * operations of a flexible job counts their mean processing time.
 */
public enum DispatchRule {
  /** Shortest processing time. */
  SPT,
  /** Longest processing time. */
  LPT,
  /** Most work remaining. */
  MWKR,
  /** Least work remaining. */
  LWKR,
  /** Most operations remaining. */
  MOPNR,
  /** Fewest operations remaining. */
  LOPNR,
  /** Earliest due date of the job; jobs without due date come last. */
  EDD,
  /** Smallest critical ratio (due date - now) / work remaining; jobs without due date come last. */
  CR,
  /** First in queue: the job that became ready (release or end of its previous operation) first. */
  FIFO,
  /** Largest weight / processing time (weighted shortest processing time). */
  WSPT,
  /**
   * Shortest setup + processing time: the sequence-dependent setup from the machine's last job (or its
   * initial setup) plus the processing time. The same as {@link #SPT} on an instance without setups.
   */
  SETUP_SPT;

  /**
   * The score of a candidate; the smallest wins.
   *
   * @param duration the candidate's processing time on the candidate machine
   * @param setup the setup the candidate machine needs before the candidate (0 without setups)
   * @param workRemaining work of the job from the candidate on, candidate included
   * @param opsRemaining operations of the job from the candidate on, candidate included
   * @param readyTime when the candidate became ready
   * @param now the candidate's earliest start
   * @param job the candidate's job
   */
  double score(long duration, long setup, double workRemaining, int opsRemaining, long readyTime, long now, Job job) {
    switch (this) {
      case SPT:
        return duration;
      case LPT:
        return -duration;
      case MWKR:
        return -workRemaining;
      case LWKR:
        return workRemaining;
      case MOPNR:
        return -opsRemaining;
      case LOPNR:
        return opsRemaining;
      case EDD:
        return job.hasDueDate() ? job.dueDate() : Double.POSITIVE_INFINITY;
      case CR:
        return job.hasDueDate() ? (job.dueDate() - now) / Math.max(workRemaining, 1e-9) : Double.POSITIVE_INFINITY;
      case FIFO:
        return readyTime;
      case WSPT:
        return -job.weight() / Math.max(duration, 1e-9);
      case SETUP_SPT:
        return setup + duration;
      default:
        throw new IllegalStateException("Unknown rule (" + this + ").");
    }
  }
}
