package org.plantwin.learning.forecast.stat;

import java.util.function.ToDoubleFunction;

/**
 * Nelder–Mead minimiser that follows R's {@code nmmin} (src/appl/optim.c) step for step, as the
 * {@code forecast} package's {@code etsNelderMead} does: same initial simplex, same reflection (1),
 * contraction (0.5) and expansion (2) factors, same stopping rule. Following it closely matters because
 * the M4 benchmark figures depend on where this optimiser stops.
 */
final class NelderMead {

    /** Value R substitutes for a non-finite objective. */
    private static final double BIG = 1.0e35;

    private NelderMead() {
    }

    /** The result: the best point found and its objective value. */
    record Result(double[] point, double value, int evaluations) {
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @param abstol stop when the best value is {@code <= abstol} (R's ets passes -Inf)
     * @param intol relative convergence tolerance (ets: sqrt(machine epsilon))
     * @param maxit maximum number of function evaluations (ets: 2000)
     */
    static Result minimise(ToDoubleFunction<double[]> f, double[] start, double abstol, double intol, int maxit) {
        final double alpha = 1.0;
        final double bet = 0.5;
        final double gamm = 2.0;
        int n = start.length;
        double[] bvec = start.clone();
        // p[i][j]: coordinate i of vertex j; row n holds the function values; column n+1 is the centroid.
        double[][] p = new double[n + 1][n + 2];
        double fv = f.applyAsDouble(bvec);
        if (!Double.isFinite(fv)) {
            throw new IllegalArgumentException("The objective cannot be evaluated at the initial parameters.");
        }
        int funcount = 1;
        double convtol = intol * (Math.abs(fv) + intol);
        int n1 = n + 1;
        int c = n + 2;
        p[n1 - 1][0] = fv;
        for (int i = 0; i < n; i++) {
            p[i][0] = bvec[i];
        }
        int l = 1;
        double size = 0.0;
        double step = 0.0;
        for (int i = 0; i < n; i++) {
            if (0.1 * Math.abs(bvec[i]) > step) {
                step = 0.1 * Math.abs(bvec[i]);
            }
        }
        if (step == 0.0) {
            step = 0.1;
        }
        for (int j = 2; j <= n1; j++) {
            for (int i = 0; i < n; i++) {
                p[i][j - 1] = bvec[i];
            }
            double trystep = step;
            while (p[j - 2][j - 1] == bvec[j - 2]) {
                p[j - 2][j - 1] = bvec[j - 2] + trystep;
                trystep *= 10;
            }
            size += trystep;
        }
        double oldsize = size;
        boolean calcvert = true;
        do {
            if (calcvert) {
                for (int j = 0; j < n1; j++) {
                    if (j + 1 != l) {
                        for (int i = 0; i < n; i++) {
                            bvec[i] = p[i][j];
                        }
                        p[n1 - 1][j] = finite(f.applyAsDouble(bvec));
                        funcount++;
                    }
                }
                calcvert = false;
            }
            double vl = p[n1 - 1][l - 1];
            double vh = vl;
            int h = l;
            for (int j = 1; j <= n1; j++) {
                if (j != l) {
                    double fj = p[n1 - 1][j - 1];
                    if (fj < vl) {
                        l = j;
                        vl = fj;
                    }
                    if (fj > vh) {
                        h = j;
                        vh = fj;
                    }
                }
            }
            if (vh <= vl + convtol || vl <= abstol) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double temp = -p[i][h - 1];
                for (int j = 0; j < n1; j++) {
                    temp += p[i][j];
                }
                p[i][c - 1] = temp / n;
            }
            for (int i = 0; i < n; i++) {
                bvec[i] = (1.0 + alpha) * p[i][c - 1] - alpha * p[i][h - 1];
            }
            double vr = finite(f.applyAsDouble(bvec));
            funcount++;
            if (vr < vl) {
                p[n1 - 1][c - 1] = vr;
                for (int i = 0; i < n; i++) {
                    double e = gamm * bvec[i] + (1 - gamm) * p[i][c - 1];
                    p[i][c - 1] = bvec[i];
                    bvec[i] = e;
                }
                double fe = finite(f.applyAsDouble(bvec));
                funcount++;
                if (fe < vr) {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = fe;
                } else {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = p[i][c - 1];
                    }
                    p[n1 - 1][h - 1] = vr;
                }
            } else {
                if (vr < vh) {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = vr;
                }
                for (int i = 0; i < n; i++) {
                    bvec[i] = (1 - bet) * p[i][h - 1] + bet * p[i][c - 1];
                }
                double fc = finite(f.applyAsDouble(bvec));
                funcount++;
                if (fc < p[n1 - 1][h - 1]) {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = fc;
                } else if (vr >= vh) {
                    calcvert = true;
                    size = 0.0;
                    for (int j = 0; j < n1; j++) {
                        if (j + 1 != l) {
                            for (int i = 0; i < n; i++) {
                                p[i][j] = bet * (p[i][j] - p[i][l - 1]) + p[i][l - 1];
                                size += Math.abs(p[i][j] - p[i][l - 1]);
                            }
                        }
                    }
                    if (size < oldsize) {
                        oldsize = size;
                    } else {
                        break; // polytope size not decreased in shrink
                    }
                }
            }
        } while (funcount <= maxit);
        double[] best = new double[n];
        for (int i = 0; i < n; i++) {
            best[i] = p[i][l - 1];
        }
        return new Result(best, p[n1 - 1][l - 1], funcount);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : BIG;
    }
}
