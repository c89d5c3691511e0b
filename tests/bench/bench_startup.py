"""Start-up: process start to the window shown and painted with the seed article, whole process.

Beside it, the baseline measured in the same run: a bare PySide6 QPlainTextEdit showing the same
text. Target (issue 3): under 0.5 s. Prints medians; never fails on a slow machine.

usage: python tests/bench/bench_startup.py [--runs N]
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
PROBE = TESTS / "helpers" / "probe_window.py"
SEED = TESTS.parent / "seeds" / "north-koreans-in-russia.txt"
TARGET_S = 0.5


def time_probe(*args: str) -> float:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - t0  # includes interpreter exit, which is small beside Qt's start
    if out.returncode != 0 or not json.loads(out.stdout.splitlines()[-1])["chars"]:
        raise SystemExit(f"probe failed: {out.stderr.strip()[-500:]}")
    return elapsed


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    runs = ap.parse_args(argv).runs
    time_probe("app")  # warm the disk cache for both
    app, bare = [], []
    for _ in range(runs):  # interleaved, so load on the machine hits both alike
        app.append(time_probe("app"))
        bare.append(time_probe("bare", str(SEED)))
    result = {"app_s": statistics.median(app), "bare_qt_s": statistics.median(bare)}
    result["ratio"] = result["app_s"] / result["bare_qt_s"]
    print(
        f"start-up to first paint, median of {runs}: app {result['app_s']:.3f} s, "
        f"bare PySide6 {result['bare_qt_s']:.3f} s, ratio {result['ratio']:.2f}x "
        f"(target < {TARGET_S} s: {'met' if result['app_s'] < TARGET_S else 'NOT met'})"
    )
    return result


if __name__ == "__main__":
    main()
