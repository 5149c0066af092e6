#!/usr/bin/env python3
"""Aggregates JFR execution samples into top frames: self time (leaf method) and total time (method anywhere on
the stack), as % of the samples kept. Standard library only.

Usage: jfr print --json --stack-depth 64 --events jdk.ExecutionSample rec.jfr > samples.json
       python3 jfr_top.py samples.json [--thread plantwin-plantwin.lane-0] [--skip-seconds 10] [--top 25]
"""
import argparse, collections, json
from datetime import datetime


def frame_name(f):
    m = f["method"]
    t = m["type"]["name"].replace("/", ".")
    return "%s.%s" % (t, m["name"])


def ts(s):
    # JFR prints e.g. 2025-11-28T22:46:25.434123Z or with an offset.
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--thread", default="lane", help="keep samples whose thread name contains this")
    ap.add_argument("--skip-seconds", type=float, default=0.0, help="drop samples this long after the first one")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    events = json.load(open(a.file))["recording"]["events"]
    t0 = min(ts(e["values"]["startTime"]) for e in events)
    self_c, total_c, pkg_c = collections.Counter(), collections.Counter(), collections.Counter()
    n = 0
    for e in events:
        v = e["values"]
        if a.thread not in (v["sampledThread"] or {}).get("javaName", ""):
            continue
        if (ts(v["startTime"]) - t0).total_seconds() < a.skip_seconds:
            continue
        frames = [frame_name(f) for f in v["stackTrace"]["frames"]]
        if not frames:
            continue
        n += 1
        self_c[frames[0]] += 1
        for f in set(frames):
            total_c[f] += 1
        top = frames[0]
        pkg_c[".".join(top.split(".")[:3])] += 1
    print("samples kept: %d (thread ~ %r, after %.0f s)" % (n, a.thread, a.skip_seconds))
    print("\nself (leaf frame)")
    for f, c in self_c.most_common(a.top):
        print("  %5.1f%%  %s" % (100.0 * c / n, f))
    print("\ntotal (on the stack)")
    for f, c in total_c.most_common(a.top):
        print("  %5.1f%%  %s" % (100.0 * c / n, f))
    print("\nself by package prefix")
    for p, c in pkg_c.most_common(12):
        print("  %5.1f%%  %s" % (100.0 * c / n, p))


if __name__ == "__main__":
    main()
