"""Timing shared by the benchmarks: the median of repeated runs."""

import statistics
import time


def median_time(fn, runs: int):
    """Run ``fn`` ``runs`` times; returns (median seconds, the last result)."""
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result
