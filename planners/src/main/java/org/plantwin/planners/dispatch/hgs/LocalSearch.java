package org.plantwin.planners.dispatch.hgs;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Granular local search with penalised capacity and time warp (Vidal 2013, 2022).
 *
 * <p>Moves, for each customer {@code u} and each {@code v} correlated with it (and the depot before
 * {@code v}): relocate {@code u}, {@code (u,x)} and {@code (x,u)} after {@code v} (or-opt of one and two
 * customers); swap {@code u}/{@code v}, {@code (u,x)}/{@code v} and {@code (u,x)}/{@code (v,y)}; 2-opt*
 * (exchange of route tails); intra-route 2-opt; and relocation into an empty route. Inter-route moves are
 * evaluated in O(1) from prefix and suffix segments; intra-route moves by re-walking the route. First
 * improvement; the search stops when a full pass finds none.
 */
final class LocalSearch {

    private static final double IMPROVEMENT = 1e-6;

    private final ProblemData d;
    private final SplittableRandom rng;
    private final int maxSlots;
    private int slots;
    private final int[][] seq;
    private final int[] len;
    private final Segment[][] pre;
    private final Segment[][] suf;
    private final double[] routeCost;
    private final int[] routeOf;
    private final int[] posOf;
    private final long[] whenModified;
    private final long[] lastTested;
    private long moves;
    private double capacityPenalty;
    private double timeWarpPenalty;
    private final Segment acc = new Segment();
    private final int[] bufA;
    private final int[] bufB;
    private final int[] order;
    private final int[][] neighbours;

    LocalSearch(ProblemData d, SplittableRandom rng, int maxSlots) {
        this.d = d;
        this.rng = rng;
        this.maxSlots = maxSlots;
        int n = d.n;
        seq = new int[maxSlots][n + 2];
        len = new int[maxSlots];
        pre = new Segment[maxSlots][n + 2];
        suf = new Segment[maxSlots][n + 2];
        for (int r = 0; r < maxSlots; r++) {
            for (int i = 0; i < n + 2; i++) {
                pre[r][i] = new Segment();
                suf[r][i] = new Segment();
            }
        }
        routeCost = new double[maxSlots];
        routeOf = new int[n + 1];
        posOf = new int[n + 1];
        whenModified = new long[maxSlots];
        lastTested = new long[n + 1];
        bufA = new int[n + 2];
        bufB = new int[n + 2];
        order = new int[n];
        neighbours = new int[n + 1][];
        for (int c = 1; c <= n; c++) {
            neighbours[c] = d.correlated[c].clone();
        }
    }

    /** Improves {@code routes} (at most {@code slotCount} of them) and returns one array per slot. */
    int[][] run(int[][] routes, int slotCount, double capPenalty, double warpPenalty) {
        if (slotCount > maxSlots || routes.length > slotCount) {
            throw new IllegalArgumentException("The slotCount (" + slotCount + ") must be in [" + routes.length + ", "
                    + maxSlots + "].");
        }
        this.slots = slotCount;
        this.capacityPenalty = capPenalty;
        this.timeWarpPenalty = warpPenalty;
        moves = 0;
        for (int r = 0; r < slots; r++) {
            int[] src = r < routes.length ? routes[r] : new int[0];
            seq[r][0] = 0;
            System.arraycopy(src, 0, seq[r], 1, src.length);
            seq[r][src.length + 1] = 0;
            len[r] = src.length;
            updateRoute(r);
            whenModified[r] = 0;
        }
        Arrays.fill(lastTested, -1);
        for (int i = 0; i < d.n; i++) {
            order[i] = i + 1;
        }
        shuffle(order);
        for (int c = 1; c <= d.n; c++) {
            shuffle(neighbours[c]);
        }
        boolean completed = false;
        for (int loop = 0; !completed; loop++) {
            if (loop > 1) {
                completed = true;
            }
            for (int u : order) {
                long lastTestU = lastTested[u];
                lastTested[u] = moves;
                for (int v : neighbours[u]) {
                    if (loop == 0 || Math.max(whenModified[routeOf[u]], whenModified[routeOf[v]]) > lastTestU) {
                        if (tryMoves(u, routeOf[v], posOf[v])) {
                            completed = false;
                            continue;
                        }
                        if (posOf[v] == 1 && tryMoves(u, routeOf[v], 0)) {
                            completed = false;
                        }
                    }
                }
                if (loop > 0 && tryEmptyRoute(u)) {
                    completed = false;
                }
            }
        }
        int[][] out = new int[slots][];
        for (int r = 0; r < slots; r++) {
            out[r] = Arrays.copyOfRange(seq[r], 1, len[r] + 1);
        }
        return out;
    }

    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private void updateRoute(int r) {
        int[] s = seq[r];
        int last = len[r] + 1;
        pre[r][0].setNode(d, 0);
        for (int i = 1; i <= last; i++) {
            pre[r][i].copyFrom(pre[r][i - 1]);
            pre[r][i].appendNode(d, s[i]);
        }
        suf[r][last].setNode(d, 0);
        for (int i = last - 1; i >= 0; i--) {
            suf[r][i].setNode(d, s[i]);
            suf[r][i].append(d, suf[r][i + 1]);
        }
        for (int i = 1; i < last; i++) {
            routeOf[s[i]] = r;
            posOf[s[i]] = i;
        }
        routeCost[r] = pre[r][last].penalizedCost(d, capacityPenalty, timeWarpPenalty);
        whenModified[r] = moves;
    }

    /** Cost of the route: prefix of rA up to position a, then nodes n1, n2 (-1 for none), then suffix of rB from b. */
    private double eval(int rA, int a, int n1, int n2, int rB, int b) {
        acc.copyFrom(pre[rA][a]);
        if (n1 >= 0) {
            acc.appendNode(d, n1);
        }
        if (n2 >= 0) {
            acc.appendNode(d, n2);
        }
        acc.append(d, suf[rB][b]);
        return acc.penalizedCost(d, capacityPenalty, timeWarpPenalty);
    }

    private int build(int[] out, int rA, int a, int n1, int n2, int rB, int b) {
        int k = 0;
        for (int i = 0; i <= a; i++) {
            out[k++] = seq[rA][i];
        }
        if (n1 >= 0) {
            out[k++] = n1;
        }
        if (n2 >= 0) {
            out[k++] = n2;
        }
        for (int i = b; i <= len[rB] + 1; i++) {
            out[k++] = seq[rB][i];
        }
        return k;
    }

    // Pending inter-route move, as two piece descriptors.
    private int ra1, a1, n11, n12, rb1, b1, ra2, a2, n21, n22, rb2, b2;

    private void applyInter(int ru, int rv) {
        int la = build(bufA, ra1, a1, n11, n12, rb1, b1);
        int lb = build(bufB, ra2, a2, n21, n22, rb2, b2);
        moves++;
        System.arraycopy(bufA, 0, seq[ru], 0, la);
        len[ru] = la - 2;
        System.arraycopy(bufB, 0, seq[rv], 0, lb);
        len[rv] = lb - 2;
        updateRoute(ru);
        updateRoute(rv);
    }

    private boolean inter(int ru, int rv, int pa1, int pn11, int pn12, int pb1,
                          int pa2, int pn21, int pn22, int pb2, int rbFirst, int rbSecond) {
        double cu = eval(ru, pa1, pn11, pn12, rbFirst, pb1);
        double cv = eval(rv, pa2, pn21, pn22, rbSecond, pb2);
        if (cu + cv - routeCost[ru] - routeCost[rv] < -IMPROVEMENT) {
            ra1 = ru;
            a1 = pa1;
            n11 = pn11;
            n12 = pn12;
            rb1 = rbFirst;
            b1 = pb1;
            ra2 = rv;
            a2 = pa2;
            n21 = pn21;
            n22 = pn22;
            rb2 = rbSecond;
            b2 = pb2;
            applyInter(ru, rv);
            return true;
        }
        return false;
    }

    /** Tries all moves between customer u and the node at position pv of route rv (pv = 0: the depot). */
    private boolean tryMoves(int u, int rv, int pv) {
        int ru = routeOf[u];
        int pu = posOf[u];
        if (ru == rv) {
            return tryIntra(ru, pu, pv);
        }
        int x = seq[ru][pu + 1];
        int v = seq[rv][pv];
        int y = seq[rv][pv + 1];
        // Relocate u after v.
        if (inter(ru, rv, pu - 1, -1, -1, pu + 1, pv, u, -1, pv + 1, ru, rv)) {
            return true;
        }
        if (x != 0) {
            // Relocate (u,x) and (x,u) after v.
            if (inter(ru, rv, pu - 1, -1, -1, pu + 2, pv, u, x, pv + 1, ru, rv)) {
                return true;
            }
            if (inter(ru, rv, pu - 1, -1, -1, pu + 2, pv, x, u, pv + 1, ru, rv)) {
                return true;
            }
        }
        if (v != 0) {
            // Swap u and v.
            if (inter(ru, rv, pu - 1, v, -1, pu + 1, pv - 1, u, -1, pv + 1, ru, rv)) {
                return true;
            }
            if (x != 0) {
                // Swap (u,x) with v.
                if (inter(ru, rv, pu - 1, v, -1, pu + 2, pv - 1, u, x, pv + 1, ru, rv)) {
                    return true;
                }
                // Swap (u,x) with (v,y).
                if (y != 0 && inter(ru, rv, pu - 1, v, y, pu + 2, pv - 1, u, x, pv + 2, ru, rv)) {
                    return true;
                }
            }
        }
        // 2-opt*: u continues with v's tail, v continues with u's tail.
        return inter(ru, rv, pu, -1, -1, pv + 1, pv, -1, -1, pu + 1, rv, ru);
    }

    private boolean tryEmptyRoute(int u) {
        int ru = routeOf[u];
        if (len[ru] <= 1) {
            return false;
        }
        for (int r = 0; r < slots; r++) {
            if (len[r] == 0) {
                int pu = posOf[u];
                return inter(ru, r, pu - 1, -1, -1, pu + 1, 0, u, -1, 1, ru, r);
            }
        }
        return false;
    }

    // ---- intra-route moves: build the candidate sequence and walk it.

    private double walk(int[] s, int length) {
        acc.setNode(d, s[0]);
        for (int i = 1; i < length; i++) {
            acc.appendNode(d, s[i]);
        }
        return acc.penalizedCost(d, capacityPenalty, timeWarpPenalty);
    }

    private boolean acceptIntra(int r, int length) {
        if (walk(bufA, length) - routeCost[r] < -IMPROVEMENT) {
            moves++;
            System.arraycopy(bufA, 0, seq[r], 0, length);
            updateRoute(r);
            return true;
        }
        return false;
    }

    /** Moves the block of {@code count} nodes starting at position {@code pu} (reversed if asked) after position {@code pv}. */
    private int relocateBlock(int r, int pu, int count, boolean reversed, int pv) {
        int[] s = seq[r];
        int k = 0;
        for (int i = 0; i <= len[r] + 1; i++) {
            if (i >= pu && i < pu + count) {
                continue;
            }
            bufA[k++] = s[i];
            if (i == pv) {
                for (int j = 0; j < count; j++) {
                    bufA[k++] = s[reversed ? pu + count - 1 - j : pu + j];
                }
            }
        }
        return k;
    }

    private boolean tryIntra(int r, int pu, int pv) {
        int[] s = seq[r];
        int last = len[r] + 1;
        int length = last + 1;
        // Relocate u after v.
        if (pv != pu - 1 && pv != pu) {
            relocateBlock(r, pu, 1, false, pv);
            if (acceptIntra(r, length)) {
                return true;
            }
        }
        if (pu + 1 < last && pv != pu - 1 && pv != pu && pv != pu + 1) {
            relocateBlock(r, pu, 2, false, pv);
            if (acceptIntra(r, length)) {
                return true;
            }
            relocateBlock(r, pu, 2, true, pv);
            if (acceptIntra(r, length)) {
                return true;
            }
        }
        if (pv > 0 && pv != pu) {
            // Swap u and v.
            System.arraycopy(s, 0, bufA, 0, length);
            bufA[pu] = s[pv];
            bufA[pv] = s[pu];
            if (acceptIntra(r, length)) {
                return true;
            }
            // 2-opt: reverse the path between the earlier node's successor and the later node.
            int lo = Math.min(pu, pv);
            int hi = Math.max(pu, pv);
            if (hi - lo >= 2) {
                System.arraycopy(s, 0, bufA, 0, length);
                for (int i = lo + 1, j = hi; i < j; i++, j--) {
                    int t = bufA[i];
                    bufA[i] = bufA[j];
                    bufA[j] = t;
                }
                return acceptIntra(r, length);
            }
        }
        return false;
    }
}
