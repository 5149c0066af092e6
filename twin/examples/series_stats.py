#!/usr/bin/env python3
"""Compares a real series CSV with synthetic windows from `plantwin gan sample` (standard library only).

Usage: series_stats.py REAL.csv SYNTH.csv
Prints, for the real rows and the synthetic rows (all windows' steps pooled): the mean and standard deviation of the
row total (e.g. a day's demand over all customers and products), the mean pairwise correlation between columns (how
much the columns move together), the relative error of the column means (median and largest), and per column the
mean, standard deviation and 95th percentile.
"""
import csv
import statistics as st
import sys


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    skip = 1 if header[0] == "window" else 0
    return header[skip:], [[float(x) for x in r[skip:]] for r in body]


def corr(a, b):
    ma, mb, sa, sb = st.mean(a), st.mean(b), st.pstdev(a), st.pstdev(b)
    if sa == 0 or sb == 0:
        return 0.0
    return sum((x - ma) * (y - mb) for x, y in zip(a, b)) / len(a) / (sa * sb)


def summary(rows):
    cols = list(zip(*rows))
    totals = [sum(r) for r in rows]
    pairs = [corr(cols[i], cols[j]) for i in range(len(cols)) for j in range(i + 1, len(cols))]
    return totals, (st.mean(pairs) if pairs else 0.0), cols


def main(real_path, synth_path):
    names, real = read(real_path)
    synth_names, synth = read(synth_path)
    if names != synth_names:
        sys.exit(f"the columns differ: {names} vs {synth_names}")
    rt, rc, rcols = summary(real)
    stt, sc, scols = summary(synth)
    print(f"rows: real {len(real)}, synthetic {len(synth)}")
    print(f"row total mean: real {st.mean(rt):.1f}, synthetic {st.mean(stt):.1f}")
    print(f"row total sd:   real {st.stdev(rt):.1f}, synthetic {st.stdev(stt):.1f}")
    print(f"mean correlation between columns: real {rc:.3f}, synthetic {sc:.3f}")
    errors = sorted(abs(st.mean(b) / st.mean(a) - 1) for a, b in zip(rcols, scols) if st.mean(a) != 0)
    if errors:
        print(f"column means, relative error: median {100 * errors[len(errors) // 2]:.0f}%,"
              f" largest {100 * errors[-1]:.0f}%")
    for n, a, b in zip(names, rcols, scols):
        pa, pb = sorted(a)[int(0.95 * (len(a) - 1))], sorted(b)[int(0.95 * (len(b) - 1))]
        print(f"  {n}: mean {st.mean(a):.2f} / {st.mean(b):.2f}, sd {st.stdev(a):.2f} / {st.stdev(b):.2f},"
              f" p95 {pa:.1f} / {pb:.1f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
