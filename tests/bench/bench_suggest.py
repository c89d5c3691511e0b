"""Suggestion speed (issue 8): 1 MB of text under 1 s, 10 MB under 10 s, time growing linearly.

The text is the seed article repeated. The baseline, measured in the same run, is one plain
regular-expression pass for sentences, numbers, dates and quotes (what the issue calls about
0.07 s per MB); the ratio says how much the engine's reading costs on top of such a scan.

Pathological input (issue 15): one paragraph of a pattern that never ends a sentence, each at two
sizes (by default the smallest --megabytes and twice it), with its growth (1.00 is linear):
abbreviations ("Gen. Dr. Mr. U.S. Dec. " repeated; the issue measured 1 MB 25 s, 2 MB 78 s), a run of
stops, statements joined by semicolons, and colons. The last three were quadratic in segmentation:
4,000 stops took 3 s, 1 MB of semicolons 63 s, 1 MB of colons 18 s. Last, paragraphs of quotations
each introduced by a line ending in a colon (whose reading looked at every later paragraph).

Memory (issue 19: at most 600 MB at 1 MB): the peak resident size (Linux's VmHWM) of a fresh process that
suggests on the text, beside that of one that only reads the text and imports the engine (the baseline,
same run).

usage: python tests/bench/bench_suggest.py [--megabytes 1 10] [--runs R] [--pathological-megabytes 1 2]
                                           [--no-memory]
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_time

from briefing_app.core.suggest import suggest

SEED = Path(__file__).resolve().parent.parent.parent / "seeds" / "north-koreans-in-russia.txt"
_PLAIN = re.compile(
    r"[^.!?]+[.!?]|\d[\d,.]*|\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b|[“\"][^”\"]*[”\"]"
)


PATHOLOGICAL = {
    "abbreviations": "Gen. Dr. Mr. U.S. Dec. ",
    "stops": ".",
    "semicolons": "a; b, but c; ",
    "colons": "x: Ab ",
    # paragraphs, not one: each introduction ending in a colon looked at every later paragraph (quadratic)
    "introductions": "Ana Ruiz, an economist, said:\n\nGrowth will probably slow.\n\n",
}


def repeated(pattern: str, megabytes: float) -> str:
    """``pattern`` repeated into one paragraph of ``megabytes`` (10^6 characters each), after a title line."""
    n = int(megabytes * 1e6)
    return "Pathological input\n" + (pattern * (n // len(pattern) + 1))[:n]


def make_text(megabytes: float) -> str:
    body = SEED.read_text("utf-8")
    return ("\n".join([body] * (int(megabytes * 1e6 / len(body)) + 1)))[: int(megabytes * 1e6)]


# VmHWM, not ru_maxrss: the latter survives exec, so a child would report its parent's size at the fork
_PEAK = """
import re, sys
from briefing_app.core.suggest import suggest
text = open(sys.argv[1], encoding="utf-8").read()
if sys.argv[2] == "suggest":
    suggest(text)
print(re.search(r"VmHWM:\\s*(\\d+) kB", open("/proc/self/status").read())[1])
"""


def peak_megabytes(text: str, work: str) -> float:
    """The peak resident size (MB) of a fresh process that reads ``text`` and, with work "suggest", suggests."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as f:
        f.write(text)
        f.flush()
        out = subprocess.run([sys.executable, "-c", _PEAK, f.name, work], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, nargs="+", default=[1.0, 10.0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pathological-megabytes", type=float, nargs="*", default=None,
                    help="sizes of the pathological inputs (default: smallest and twice it; none: skip)")  # fmt: skip
    ap.add_argument("--no-memory", action="store_true", help="skip the peak memory figures")
    args = ap.parse_args(argv)
    rows = []
    for mb in args.megabytes:
        text = make_text(mb)
        engine_s, found = median_time(lambda text=text: suggest(text), args.runs)
        plain_s, _ = median_time(lambda text=text: _PLAIN.findall(text), args.runs)
        rows.append({"megabytes": mb, "engine_s": engine_s, "plain_s": plain_s, "suggestions": len(found)})
        print(f"suggest on {mb:g} MB: {engine_s:.2f} s ({engine_s / mb:.2f} s per MB, {len(found)} suggestions); "
              f"plain regex pass {plain_s:.3f} s; ratio {engine_s / plain_s:.1f}x")  # fmt: skip
        if not args.no_memory:
            peak, base = peak_megabytes(text, "suggest"), peak_megabytes(text, "read")
            rows[-1] |= {"peak_mb": peak, "baseline_mb": base}
            print(f"  peak memory of a process suggesting on it: {peak:.0f} MB (reading it and importing the "
                  f"engine only: {base:.0f} MB); target at 1 MB: 600 MB")  # fmt: skip
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["engine_s"] / first["engine_s"]) / (last["megabytes"] / first["megabytes"])
        print(
            f"growth: {growth:.2f} (1.00 is linear: time per MB at {last['megabytes']:g} MB "
            f"over that at {first['megabytes']:g} MB)"
        )
    sizes = args.pathological_megabytes
    sizes = sorted(sizes) if sizes is not None else [min(args.megabytes), 2 * min(args.megabytes)]
    for name, pattern in PATHOLOGICAL.items() if sizes else ():
        texts = [repeated(pattern, mb) for mb in sizes]
        times = [median_time(lambda t=t: suggest(t), 1)[0] for t in texts]
        rows.append({"pathological": name, "megabytes": sizes, "engine_s": times})
        figures = ", ".join(f"{mb:g} MB {t:.2f} s" for mb, t in zip(sizes, times, strict=True))
        growth = (times[-1] / times[0]) / (sizes[-1] / sizes[0]) if len(sizes) > 1 else float("nan")
        print(f"pathological input, {name} ({pattern.strip()!r} repeated, no sentence end): {figures}; "
              f"growth {growth:.2f} (1.00 is linear)", flush=True)  # fmt: skip
    return rows


if __name__ == "__main__":
    main()
