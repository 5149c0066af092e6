package org.plantwin.planners.scheduling.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The mutable disjunctive graph and the tabu search loop behind {@link TabuSearch}. One instance per run.
 *
 * <p>Operations are numbered job by job. Head r[i] = earliest start; tail q[i] = longest path from the
 * end of i to the sink, without p[i]; the longest path through i is r[i] + p[i] + q[i].
 *
 * <p>Setups and unavailability windows. A machine arc i -> j carries the setup s(i, j) (and a machine's
 * first operation its initial setup), so heads and tails include setups exactly. Windows are applied in the
 * forward pass only: a head is {@link Unavailability#earliestStart}, which pushes an operation (and its
 * setup) past the windows it would overlap; heads, the makespan and the objective are therefore exact for
 * the given machine orders, while tails ignore windows (they are lower bounds). A critical path continues
 * from an operation that a window pushed to its machine predecessor, so blocks may span a window. Move estimates recompute the heads of the moved segment with setups
 * and windows but take the other heads and the (window-free) tails as they are, so with windows they are
 * only estimates; the chosen move is always evaluated exactly, and the final schedule is validated.
 */
final class TabuSearchEngine {
  private static final int SEQ_FORWARD = 0;  // move the operation at a to just after the one at b (a < b)
  private static final int SEQ_BACKWARD = 1; // move the operation at b to just before the one at a (a < b)
  private static final int REASSIGN = 2;     // move op u to option k, inserted at position b of the new machine

  private final ShopInstance instance;
  private final TabuSearchOptions options;
  private final SplittableRandom rng;
  private final int n;
  private final int machines;
  private final int[] jobOf;
  private final int[] opOf;
  private final int[] jp;
  private final int[] js;
  private final long[] release;
  private final int[][] optMachine;
  private final long[][] optDuration;
  private final boolean flexible;
  private final boolean hasSetups;
  private final boolean hasWindows;
  private final Unavailability windows;
  private final int[] family;
  private final int families;
  private final long[][] setupMatrix; // [machine][fromFamily * families + toFamily]
  private final long[][] initialSetup; // [machine][toFamily]

  // Solution state.
  private final int[] assign;
  private final int[] mach;
  private final long[] p;
  private final int[][] seq;
  private final int[] seqLen;
  private final int[] pos;
  private final int[] mp;
  private final int[] ms;

  // Evaluation state.
  private final long[] r;
  private final long[] q;
  private final int[] topo;
  private final int[] indeg;
  private long cmax;

  // Best solution.
  private final int[] bestAssign;
  private final int[][] bestSeq;
  private int[] bestLen;
  private double bestValue;
  private final boolean tardiness;
  private final int[] lastOp;
  private final long[] due;
  private final double[] weight;

  // Tabu memory: expiry iteration of "a before b" (pairs) and of "op on option k".
  private final int[] pairTabuDense;
  private final Map<Long, Long> pairTabuSparse;
  private final long[][] assignTabu;
  private long iteration;

  // How to undo the last REASSIGN move: its old machine, position and option.
  private int undoMachine;
  private int undoPos;
  private int undoOption;

  // Scratch.
  private final int[] path;
  private final int[] segment;
  private final long[] segHead;
  private final List<Move> moves = new ArrayList<>();

  private static final class Move {
    final int type;
    final int machine;
    final int a;
    final int b;
    final int op;
    final int option;
    long estimate;
    boolean tabu;
    long exact;
    double value;

    Move(int type, int machine, int a, int b, int op, int option) {
      this.type = type;
      this.machine = machine;
      this.a = a;
      this.b = b;
      this.op = op;
      this.option = option;
    }
  }

  TabuSearchEngine(ShopInstance instance, TabuSearchOptions options) {
    this.instance = instance;
    this.options = options;
    this.rng = new SplittableRandom(options.seed());
    this.n = instance.operationCount();
    this.machines = instance.machineCount();
    jobOf = new int[n];
    opOf = new int[n];
    jp = new int[n];
    js = new int[n];
    release = new long[n];
    optMachine = new int[n][];
    optDuration = new long[n][];
    int[] capacity = new int[machines];
    int i = 0;
    boolean flex = false;
    for (int j = 0; j < instance.jobCount(); j++) {
      Job job = instance.job(j);
      for (int o = 0; o < job.operations().size(); o++, i++) {
        jobOf[i] = j;
        opOf[i] = o;
        jp[i] = o == 0 ? -1 : i - 1;
        js[i] = o == job.operations().size() - 1 ? -1 : i + 1;
        release[i] = job.releaseTime();
        List<MachineOption> opts = job.operations().get(o).options();
        optMachine[i] = new int[opts.size()];
        optDuration[i] = new long[opts.size()];
        for (int k = 0; k < opts.size(); k++) {
          optMachine[i][k] = opts.get(k).machine();
          optDuration[i][k] = opts.get(k).duration();
          capacity[opts.get(k).machine()]++;
        }
        flex |= opts.size() > 1;
      }
    }
    flexible = flex;
    hasSetups = instance.hasSetups();
    hasWindows = instance.hasUnavailability();
    windows = instance.unavailability();
    SetupTimes setups = instance.setups();
    families = hasSetups ? setups.familyCount() : 0;
    family = new int[n];
    setupMatrix = new long[hasSetups ? machines : 0][families * families];
    initialSetup = new long[hasSetups ? machines : 0][families];
    if (hasSetups) {
      int[] jobOfFamily = new int[families];
      for (int j = 0; j < instance.jobCount(); j++) {
        jobOfFamily[setups.family(j)] = j;
      }
      for (int k = 0; k < n; k++) {
        family[k] = setups.family(jobOf[k]);
      }
      for (int m = 0; m < machines; m++) {
        for (int g = 0; g < families; g++) {
          initialSetup[m][g] = setups.initial(m, jobOfFamily[g]);
          for (int f = 0; f < families; f++) {
            setupMatrix[m][f * families + g] = setups.setup(m, jobOfFamily[f], jobOfFamily[g]);
          }
        }
      }
    }
    tardiness = options.objective() == Objective.WEIGHTED_TARDINESS;
    lastOp = new int[instance.jobCount()];
    due = new long[instance.jobCount()];
    weight = new double[instance.jobCount()];
    for (int j = 0, last = -1; j < instance.jobCount(); j++) {
      last += instance.job(j).operations().size();
      lastOp[j] = last;
      due[j] = instance.job(j).dueDate();
      weight[j] = instance.job(j).weight();
    }
    assign = new int[n];
    mach = new int[n];
    p = new long[n];
    seq = new int[machines][];
    bestSeq = new int[machines][];
    for (int m = 0; m < machines; m++) {
      seq[m] = new int[capacity[m]];
      bestSeq[m] = new int[capacity[m]];
    }
    seqLen = new int[machines];
    pos = new int[n];
    mp = new int[n];
    ms = new int[n];
    r = new long[n];
    q = new long[n];
    topo = new int[n];
    indeg = new int[n];
    bestAssign = new int[n];
    if ((long) n * n <= 9_000_000L) {
      pairTabuDense = new int[n * n];
      pairTabuSparse = null;
    } else {
      pairTabuDense = null;
      pairTabuSparse = new HashMap<>();
    }
    assignTabu = new long[n][];
    for (int k = 0; k < n; k++) {
      assignTabu[k] = new long[optMachine[k].length];
    }
    path = new int[n];
    segment = new int[n];
    segHead = new long[n];
  }

  SolveResult run(Schedule initial) {
    long startNanos = System.nanoTime();
    long deadline = startNanos + Math.min(options.timeLimit().toNanos(), Long.MAX_VALUE / 4);
    load(initial);
    if (!evaluate()) {
      throw new IllegalStateException("The initial schedule of " + instance.name() + " gives a cyclic graph; this is a bug.");
    }
    long initialCmax = cmax;
    saveBest();
    long target = options.targetMakespan() >= 0 ? options.targetMakespan()
        : tardiness ? 0 : instance.trivialLowerBound();
    int stagnation = options.stagnationLimit() > 0 ? options.stagnationLimit()
        : (flexible ? 1500 : 2500);
    // With windows the estimates miss the pushes of the operations after the moved segment: check more exactly.
    int exactK = options.exactCandidates() > 0 ? options.exactCandidates() : (flexible || hasWindows ? 4 : 1);
    double ratio = (double) instance.jobCount() / machines;
    int tenureMin = 10 + (int) ratio;
    int tenureMax = (int) Math.round(tenureMin * (instance.jobCount() <= 2 * machines ? 1.4 : 1.5));
    long bestIteration = 0;
    long sinceBest = 0;
    int restarts = 0;
    while (bestValue > target && iteration < options.maxIterations()) {
      if ((iteration & 63) == 0 && System.nanoTime() > deadline) {
        break;
      }
      iteration++;
      int pathLen = criticalPath();
      generateMoves(pathLen);
      Move chosen = choose(exactK);
      if (chosen == null) {
        // No neighbour: the critical path has no block to change, so the schedule is optimal for this
        // machine assignment; jump back instead.
        sinceBest = stagnation;
      } else {
        apply(chosen);
        if (!evaluate()) {
          undo(chosen);
          evaluate();
          forbidInfeasible(chosen, tenureMax);
        } else {
          forbid(chosen, tenureMin + rng.nextInt(tenureMax - tenureMin + 1));
          if (value() < bestValue) {
            saveBest();
            bestIteration = iteration;
            sinceBest = 0;
            continue;
          }
        }
        sinceBest++;
      }
      if (sinceBest >= stagnation) {
        restoreBest();
        clearTabu();
        perturb(2 + rng.nextInt(5));
        restarts++;
        sinceBest = 0;
        if (value() < bestValue) {
          saveBest();
          bestIteration = iteration;
        }
      }
    }
    restoreBest();
    if (!evaluate()) {
      throw new IllegalStateException("The best solution of " + instance.name() + " is cyclic; this is a bug.");
    }
    Schedule schedule = toSchedule();
    return new SolveResult(schedule, schedule.makespan(), value(), initialCmax, iteration, bestIteration, restarts,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  // ---------------------------------------------------------------- state

  private void load(Schedule schedule) {
    ScheduledOperation[] byOp = new ScheduledOperation[n];
    int[] firstOp = new int[instance.jobCount()];
    for (int j = 1; j < instance.jobCount(); j++) {
      firstOp[j] = firstOp[j - 1] + instance.job(j - 1).operations().size();
    }
    for (ScheduledOperation s : schedule.operations()) {
      byOp[firstOp[s.job()] + s.operation()] = s;
    }
    Arrays.fill(seqLen, 0);
    // The schedule lists operations by start time, so appending keeps each machine's order.
    for (ScheduledOperation s : schedule.operations()) {
      int i = firstOp[s.job()] + s.operation();
      int k = optionIndex(i, s.machine());
      assign[i] = k;
      mach[i] = s.machine();
      p[i] = optDuration[i][k];
      seq[s.machine()][seqLen[s.machine()]++] = i;
    }
    for (int m = 0; m < machines; m++) {
      relink(m, 0);
    }
  }

  private int optionIndex(int op, int machine) {
    for (int k = 0; k < optMachine[op].length; k++) {
      if (optMachine[op][k] == machine) {
        return k;
      }
    }
    throw new IllegalArgumentException("The machine (" + machine + ") is not eligible for operation " + op + ".");
  }

  private void relink(int m, int from) {
    int len = seqLen[m];
    int[] s = seq[m];
    for (int k = Math.max(0, from - 1); k < len; k++) {
      int i = s[k];
      pos[i] = k;
      mp[i] = k == 0 ? -1 : s[k - 1];
      ms[i] = k == len - 1 ? -1 : s[k + 1];
    }
  }

  /** Heads, tails and makespan; false if the graph has a cycle. */
  private boolean evaluate() {
    int head = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      indeg[i] = (jp[i] >= 0 ? 1 : 0) + (mp[i] >= 0 ? 1 : 0);
      if (indeg[i] == 0) {
        topo[tail++] = i;
      }
    }
    while (head < tail) {
      int i = topo[head++];
      long start = release[i];
      if (jp[i] >= 0) {
        start = Math.max(start, r[jp[i]] + p[jp[i]]);
      }
      if (hasSetups || hasWindows) {
        start = machineStart(mach[i], mp[i], i, start);
      } else if (mp[i] >= 0) {
        start = Math.max(start, r[mp[i]] + p[mp[i]]);
      }
      r[i] = start;
      if (js[i] >= 0 && --indeg[js[i]] == 0) {
        topo[tail++] = js[i];
      }
      if (ms[i] >= 0 && --indeg[ms[i]] == 0) {
        topo[tail++] = ms[i];
      }
    }
    if (tail < n) {
      return false;
    }
    long max = 0;
    for (int t = n - 1; t >= 0; t--) {
      int i = topo[t];
      long tl = 0;
      if (js[i] >= 0) {
        tl = q[js[i]] + p[js[i]];
      }
      if (ms[i] >= 0) {
        tl = Math.max(tl, q[ms[i]] + p[ms[i]] + setup(mach[i], i, ms[i]));
      }
      q[i] = tl;
      max = Math.max(max, r[i] + p[i]);
    }
    cmax = max;
    return true;
  }

  /** The setup on machine m from operation from (-1: the initial setup) to operation to (-1: none, 0). */
  private long setup(int m, int from, int to) {
    if (!hasSetups || to < 0) {
      return 0;
    }
    return from < 0 ? initialSetup[m][family[to]] : setupMatrix[m][family[from] * families + family[to]];
  }

  /**
   * The earliest start of op on machine m after machine predecessor prev (-1: none) with the current heads,
   * given that the job allows it from {@code ready}: after the setup, and past the windows.
   */
  private long machineStart(int m, int prev, int op, long ready) {
    long free = prev >= 0 ? r[prev] + p[prev] : 0;
    long s = setup(m, prev, op);
    return hasWindows ? windows.earliestStart(m, free, s, ready, p[op]) : Math.max(ready, free + s);
  }

  /** When the machine predecessor and the setup let op start, ignoring its job (for the critical path). */
  private long machineReady(int op) {
    int m = mach[op];
    int prev = mp[op];
    long free = prev >= 0 ? r[prev] + p[prev] : 0;
    long s = setup(m, prev, op);
    return hasWindows && s > 0 ? windows.earliestFree(m, free, s) + s : free + s;
  }

  /** The objective of the evaluated current solution. */
  private double value() {
    if (!tardiness) {
      return cmax;
    }
    double sum = 0;
    for (int j = 0; j < lastOp.length; j++) {
      long completion = r[lastOp[j]] + p[lastOp[j]];
      if (due[j] != Job.NO_DUE_DATE && completion > due[j]) {
        sum += weight[j] * (completion - due[j]);
      }
    }
    return sum;
  }

  private void saveBest() {
    bestValue = value();
    System.arraycopy(assign, 0, bestAssign, 0, n);
    for (int m = 0; m < machines; m++) {
      System.arraycopy(seq[m], 0, bestSeq[m], 0, seqLen[m]);
    }
    bestLen = seqLen.clone();
  }

  private void restoreBest() {
    System.arraycopy(bestAssign, 0, assign, 0, n);
    for (int i = 0; i < n; i++) {
      mach[i] = optMachine[i][assign[i]];
      p[i] = optDuration[i][assign[i]];
    }
    for (int m = 0; m < machines; m++) {
      seqLen[m] = bestLen[m];
      System.arraycopy(bestSeq[m], 0, seq[m], 0, seqLen[m]);
      relink(m, 0);
    }
    evaluate();
  }

  private Schedule toSchedule() {
    List<ScheduledOperation> ops = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ops.add(new ScheduledOperation(jobOf[i], opOf[i], mach[i], r[i], r[i] + p[i]));
    }
    return new Schedule(ops);
  }

  // ---------------------------------------------------------------- neighbourhood

  /** One critical path, from source to sink, into {@link #path}; ties broken at random. */
  private int criticalPath() {
    int end = -1;
    int ties = 0;
    if (tardiness) {
      // The longest path to the last operation of a tardy job, drawn with probability ~ its weighted tardiness.
      double total = 0;
      for (int j = 0; j < lastOp.length; j++) {
        long completion = r[lastOp[j]] + p[lastOp[j]];
        if (due[j] != Job.NO_DUE_DATE && completion > due[j]) {
          double wt = weight[j] * (completion - due[j]);
          total += wt;
          if (rng.nextDouble() * total < wt) {
            end = lastOp[j];
          }
        }
      }
      if (end < 0) {
        return 0;
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (r[i] + p[i] == cmax && q[i] == 0 && (++ties == 1 || rng.nextInt(ties) == 0)) {
          end = i;
        }
      }
    }
    int len = 0;
    int cur = end;
    while (cur >= 0) {
      path[len++] = cur;
      boolean viaJob = jp[cur] >= 0 && r[jp[cur]] + p[jp[cur]] == r[cur];
      boolean viaMachine = mp[cur] >= 0 && (hasSetups || hasWindows ? machineReady(cur) : r[mp[cur]] + p[mp[cur]])
          == r[cur];
      if (viaJob && viaMachine) {
        cur = rng.nextBoolean() ? jp[cur] : mp[cur];
      } else if (viaMachine) {
        cur = mp[cur];
      } else if (viaJob) {
        cur = jp[cur];
      } else if (hasWindows && mp[cur] >= 0 && r[cur] > release[cur]) {
        // A window pushed cur: continue through its machine predecessor, so that the block spans the window
        // and moves can reorder operations across it (e.g. put a short one before the window instead).
        cur = mp[cur];
      } else {
        cur = -1;
      }
    }
    // Reverse into source-to-sink order.
    for (int a = 0, b = len - 1; a < b; a++, b--) {
      int t = path[a];
      path[a] = path[b];
      path[b] = t;
    }
    return len;
  }

  private void generateMoves(int pathLen) {
    moves.clear();
    int k = 0;
    while (k < pathLen) {
      int start = k;
      while (k + 1 < pathLen && ms[path[k]] == path[k + 1]) {
        k++;
      }
      int end = k;
      k++;
      if (end > start) {
        blockMoves(mach[path[start]], pos[path[start]], pos[path[end]]);
      }
    }
    if (flexible) {
      for (int t = 0; t < pathLen; t++) {
        reassignMoves(path[t]);
      }
    }
  }

  /** N7 moves on the block at positions lo..hi of machine m. */
  private void blockMoves(int m, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      addSeq(SEQ_BACKWARD, m, lo, i); // b[i] to the front
    }
    for (int i = lo; i < hi; i++) {
      if (!(i == lo && hi == lo + 1)) {
        addSeq(SEQ_FORWARD, m, i, hi); // b[i] to the back
      }
    }
    for (int i = lo + 2; i < hi; i++) {
      addSeq(SEQ_FORWARD, m, lo, i); // first into the block
    }
    for (int i = lo + 1; i < hi - 1; i++) {
      addSeq(SEQ_BACKWARD, m, i, hi); // last into the block
    }
  }

  private void addSeq(int type, int m, int a, int b) {
    int[] s = seq[m];
    int u = s[a];
    int v = s[b];
    // Sufficient conditions for acyclicity (after Balas and Vazacopoulos): moving u after v is safe when
    // no path js[u] ~> v can exist, moving v before u when no path u ~> jp[v] can exist. A path x ~> y
    // implies r[y] >= r[x] + p[x] and q[x] >= p[y] + q[y]; if either fails, there is none.
    if (type == SEQ_FORWARD) {
      int w = js[u];
      if (w >= 0 && ((mach[w] == m && pos[w] <= b) || (r[v] >= r[w] + p[w] && q[w] >= p[v] + q[v]))) {
        return;
      }
    } else {
      int w = jp[v];
      if (w >= 0 && ((mach[w] == m && pos[w] >= a) || (r[w] >= r[u] + p[u] && q[u] >= p[w] + q[w]))) {
        return;
      }
    }
    int len = b - a + 1;
    if (type == SEQ_FORWARD) {
      System.arraycopy(s, a + 1, segment, 0, len - 1);
      segment[len - 1] = u;
    } else {
      segment[0] = v;
      System.arraycopy(s, a, segment, 1, len - 1);
    }
    Move mv = new Move(type, m, a, b, -1, -1);
    mv.estimate = estimateSegment(m, len, a == 0 ? -1 : s[a - 1], b == seqLen[m] - 1 ? -1 : s[b + 1]);
    mv.tabu = isTabuSeq(type, s, a, b);
    moves.add(mv);
  }

  /** Longest path through the re-ordered segment, with heads and tails of the rest unchanged. */
  private long estimateSegment(int m, int len, int before, int after) {
    boolean general = hasSetups || hasWindows;
    long prevEnd = before >= 0 ? r[before] + p[before] : 0;
    int prevOp = before;
    for (int t = 0; t < len; t++) {
      int x = segment[t];
      long h = release[x];
      if (jp[x] >= 0) {
        h = Math.max(h, r[jp[x]] + p[jp[x]]);
      }
      if (general) {
        long s = setup(m, prevOp, x);
        h = hasWindows ? windows.earliestStart(m, prevEnd, s, h, p[x]) : Math.max(h, prevEnd + s);
      } else {
        h = Math.max(h, prevEnd);
      }
      segHead[t] = h;
      prevEnd = h + p[x];
      prevOp = x;
    }
    long nextTail = after >= 0 ? q[after] + p[after] : 0;
    int nextOp = after;
    long est = 0;
    for (int t = len - 1; t >= 0; t--) {
      int x = segment[t];
      long tl = general && nextOp >= 0 ? nextTail + setup(m, x, nextOp) : nextTail;
      nextOp = x;
      if (js[x] >= 0) {
        tl = Math.max(tl, q[js[x]] + p[js[x]]);
      }
      est = Math.max(est, segHead[t] + p[x] + tl);
      nextTail = tl + p[x];
    }
    return est;
  }

  private void reassignMoves(int u) {
    int[] opts = optMachine[u];
    if (opts.length < 2) {
      return;
    }
    long jobHead = Math.max(release[u], jp[u] >= 0 ? r[jp[u]] + p[jp[u]] : 0);
    long jobTail = js[u] >= 0 ? q[js[u]] + p[js[u]] : 0;
    for (int k = 0; k < opts.length; k++) {
      if (k == assign[u]) {
        continue;
      }
      int m = opts[k];
      long d = optDuration[u][k];
      int[] s = seq[m];
      int len = seqLen[m];
      boolean tabu = assignTabu[u][k] > iteration;
      long bestEst = Long.MAX_VALUE;
      int bestPos = -1;
      // Insert before s[b] (b = len: at the end). A cycle needs a path js[u] ~> x or y ~> jp[u] (x, y the
      // new machine neighbours, paths inclusive); a path a ~> c implies r[c] >= r[a] and
      // q[a] + p[a] >= q[c] + p[c], so either inequality failing proves there is none.
      int after = js[u];
      int before = jp[u];
      for (int b = 0; b <= len; b++) {
        int x = b > 0 ? s[b - 1] : -1;
        int y = b < len ? s[b] : -1;
        if (x >= 0 && after >= 0 && r[x] >= r[after] && q[after] + p[after] >= q[x] + p[x]) {
          break; // later x follow this one on the machine, so they may be reachable too
        }
        if (y >= 0 && before >= 0 && r[before] >= r[y] && q[y] + p[y] >= q[before] + p[before]) {
          continue;
        }
        long head;
        long tail;
        if (hasSetups || hasWindows) {
          long free = x >= 0 ? r[x] + p[x] : 0;
          long su = setup(m, x, u);
          head = hasWindows ? windows.earliestStart(m, free, su, jobHead, d) : Math.max(jobHead, free + su);
          tail = Math.max(jobTail, y >= 0 ? q[y] + p[y] + setup(m, u, y) : 0);
        } else {
          head = Math.max(jobHead, x >= 0 ? r[x] + p[x] : 0);
          tail = Math.max(jobTail, y >= 0 ? q[y] + p[y] : 0);
        }
        long est = head + d + tail;
        if (est < bestEst) {
          bestEst = est;
          bestPos = b;
        }
      }
      if (bestPos >= 0) {
        Move mv = new Move(REASSIGN, m, -1, bestPos, u, k);
        mv.estimate = bestEst;
        mv.tabu = tabu;
        moves.add(mv);
      }
    }
  }

  private boolean isTabuSeq(int type, int[] s, int a, int b) {
    if (type == SEQ_FORWARD) {
      int u = s[a];
      for (int t = a + 1; t <= b; t++) {
        if (pairTabu(s[t], u) > iteration) {
          return true;
        }
      }
    } else {
      int v = s[b];
      for (int t = a; t < b; t++) {
        if (pairTabu(v, s[t]) > iteration) {
          return true;
        }
      }
    }
    return false;
  }

  private long pairTabu(int a, int b) {
    if (pairTabuDense != null) {
      return pairTabuDense[a * n + b];
    }
    return pairTabuSparse.getOrDefault((long) a * n + b, 0L);
  }

  private void setPairTabu(int a, int b, long until) {
    if (pairTabuDense != null) {
      pairTabuDense[a * n + b] = (int) Math.min(until, Integer.MAX_VALUE);
    } else {
      pairTabuSparse.put((long) a * n + b, until);
    }
  }

  private void clearTabu() {
    if (pairTabuDense != null) {
      Arrays.fill(pairTabuDense, 0);
    } else {
      pairTabuSparse.clear();
    }
    for (long[] t : assignTabu) {
      Arrays.fill(t, 0);
    }
  }

  /**
   * The best admissible move: not tabu, or tabu but estimated better than the best (aspiration); if
   * every move is tabu, the best estimated one. With k > 1 the k best are evaluated exactly.
   */
  private Move choose(int k) {
    if (moves.isEmpty()) {
      return null;
    }
    if (tardiness) {
      return chooseExact();
    }
    List<Move> admissible = new ArrayList<>();
    for (Move mv : moves) {
      if (!mv.tabu || mv.estimate < bestValue) {
        admissible.add(mv);
      }
    }
    List<Move> pool = admissible.isEmpty() ? moves : admissible;
    if (k <= 1) {
      Move best = null;
      int ties = 0;
      for (Move mv : pool) {
        if (best == null || mv.estimate < best.estimate) {
          best = mv;
          ties = 1;
        } else if (mv.estimate == best.estimate && rng.nextInt(++ties) == 0) {
          best = mv;
        }
      }
      return best;
    }
    // Partial sort: shuffle first so equal estimates are taken in a seed-determined random order.
    List<Move> sorted = new ArrayList<>(pool);
    for (int i = sorted.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Move t = sorted.get(i);
      sorted.set(i, sorted.get(j));
      sorted.set(j, t);
    }
    sorted.sort((x, y) -> Long.compare(x.estimate, y.estimate));
    Move best = null;
    for (int i = 0; i < Math.min(k, sorted.size()); i++) {
      Move mv = sorted.get(i);
      apply(mv);
      mv.exact = evaluate() ? cmax : Long.MAX_VALUE;
      undo(mv);
      if (mv.exact != Long.MAX_VALUE && (best == null || mv.exact < best.exact)) {
        best = mv;
      }
    }
    evaluate();
    return best != null ? best : sorted.get(0);
  }

  /**
   * Weighted tardiness has no cheap estimate here: every move is evaluated exactly. The best admissible
   * (not tabu, or better than the best: aspiration) wins; if all are tabu, the best of all.
   */
  private Move chooseExact() {
    Move bestAdmissible = null;
    Move bestAny = null;
    for (Move mv : moves) {
      apply(mv);
      mv.value = evaluate() ? value() : Double.POSITIVE_INFINITY;
      undo(mv);
      if (mv.value == Double.POSITIVE_INFINITY) {
        continue;
      }
      if (bestAny == null || mv.value < bestAny.value) {
        bestAny = mv;
      }
      if ((!mv.tabu || mv.value < bestValue) && (bestAdmissible == null || mv.value < bestAdmissible.value)) {
        bestAdmissible = mv;
      }
    }
    evaluate();
    return bestAdmissible != null ? bestAdmissible : bestAny;
  }

  private void apply(Move mv) {
    if (mv.type == REASSIGN) {
      int u = mv.op;
      int oldM = mach[u];
      int oldPos = pos[u];
      removeAt(oldM, oldPos);
      assign[u] = mv.option;
      mach[u] = optMachine[u][mv.option];
      p[u] = optDuration[u][mv.option];
      insertAt(mach[u], mv.b, u);
      // Remember how to undo.
      undoMachine = oldM;
      undoPos = oldPos;
      undoOption = -1;
      for (int k = 0; k < optMachine[u].length; k++) {
        if (optMachine[u][k] == oldM) {
          undoOption = k;
        }
      }
      return;
    }
    int[] s = seq[mv.machine];
    if (mv.type == SEQ_FORWARD) {
      int u = s[mv.a];
      System.arraycopy(s, mv.a + 1, s, mv.a, mv.b - mv.a);
      s[mv.b] = u;
    } else {
      int v = s[mv.b];
      System.arraycopy(s, mv.a, s, mv.a + 1, mv.b - mv.a);
      s[mv.a] = v;
    }
    relinkRange(mv.machine, mv.a, mv.b);
  }

  private void undo(Move mv) {
    if (mv.type == REASSIGN) {
      int u = mv.op;
      removeAt(mach[u], pos[u]);
      assign[u] = undoOption;
      mach[u] = undoMachine;
      p[u] = optDuration[u][undoOption];
      insertAt(undoMachine, undoPos, u);
      return;
    }
    int[] s = seq[mv.machine];
    if (mv.type == SEQ_FORWARD) {
      int u = s[mv.b];
      System.arraycopy(s, mv.a, s, mv.a + 1, mv.b - mv.a);
      s[mv.a] = u;
    } else {
      int v = s[mv.a];
      System.arraycopy(s, mv.a + 1, s, mv.a, mv.b - mv.a);
      s[mv.b] = v;
    }
    relinkRange(mv.machine, mv.a, mv.b);
  }

  private void relinkRange(int m, int a, int b) {
    int[] s = seq[m];
    int len = seqLen[m];
    for (int k = Math.max(0, a - 1); k <= Math.min(len - 1, b + 1); k++) {
      int i = s[k];
      pos[i] = k;
      mp[i] = k == 0 ? -1 : s[k - 1];
      ms[i] = k == len - 1 ? -1 : s[k + 1];
    }
  }

  private void removeAt(int m, int at) {
    int[] s = seq[m];
    System.arraycopy(s, at + 1, s, at, seqLen[m] - at - 1);
    seqLen[m]--;
    relink(m, at);
  }

  private void insertAt(int m, int at, int u) {
    int[] s = seq[m];
    System.arraycopy(s, at, s, at + 1, seqLen[m] - at);
    s[at] = u;
    seqLen[m]++;
    relink(m, at);
  }

  private void forbid(Move mv, long tenure) {
    long until = iteration + tenure;
    if (mv.type == REASSIGN) {
      assignTabu[mv.op][undoOption] = until;
      return;
    }
    // After the move, forbid restoring the reversed pairs.
    int[] s = seq[mv.machine];
    if (mv.type == SEQ_FORWARD) {
      int u = s[mv.b];
      for (int t = mv.a; t < mv.b; t++) {
        setPairTabu(u, s[t], until);
      }
    } else {
      int v = s[mv.a];
      for (int t = mv.a + 1; t <= mv.b; t++) {
        setPairTabu(s[t], v, until);
      }
    }
  }

  /** Makes a move that turned out cyclic tabu, so that it is not chosen again at once. */
  private void forbidInfeasible(Move mv, long tenure) {
    long until = iteration + tenure;
    if (mv.type == REASSIGN) {
      assignTabu[mv.op][mv.option] = until;
    } else if (mv.type == SEQ_FORWARD) {
      int[] s = seq[mv.machine];
      setPairTabu(s[mv.a + 1], s[mv.a], until);
    } else {
      int[] s = seq[mv.machine];
      setPairTabu(s[mv.b], s[mv.a], until);
    }
  }

  /** Applies up to count random critical moves that keep the graph acyclic. */
  private void perturb(int count) {
    for (int c = 0; c < count; c++) {
      int pathLen = criticalPath();
      generateMoves(pathLen);
      if (moves.isEmpty()) {
        return;
      }
      Move mv = moves.get(rng.nextInt(moves.size()));
      apply(mv);
      if (!evaluate()) {
        undo(mv);
        evaluate();
      }
    }
  }
}
