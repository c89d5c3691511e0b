"""Suggestion speed (issue 8): 1 MB of text under 1 s, 10 MB under 10 s, time growing linearly.

The text is the seed article repeated. The baseline, measured in the same run, is one plain
regular-expression pass for sentences, numbers, dates and quotes (what the issue calls about
0.07 s per MB); the ratio says how much the engine's reading costs on top of such a scan.

usage: python tests/bench/bench_suggest.py [--megabytes 1 10] [--runs R]
"""

import argparse
import re
from pathlib import Path

from timing import median_time

from briefing_app.core.suggest import suggest

SEED = Path(__file__).resolve().parent.parent.parent / "seeds" / "north-koreans-in-russia.txt"
_PLAIN = re.compile(
    r"[^.!?]+[.!?]|\d[\d,.]*|\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b|[“\"][^”\"]*[”\"]"
)


def make_text(megabytes: float) -> str:
    body = SEED.read_text("utf-8")
    return ("\n".join([body] * (int(megabytes * 1e6 / len(body)) + 1)))[: int(megabytes * 1e6)]


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, nargs="+", default=[1.0, 10.0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    rows = []
    for mb in args.megabytes:
        text = make_text(mb)
        engine_s, found = median_time(lambda text=text: suggest(text), args.runs)
        plain_s, _ = median_time(lambda text=text: _PLAIN.findall(text), args.runs)
        rows.append({"megabytes": mb, "engine_s": engine_s, "plain_s": plain_s, "suggestions": len(found)})
        print(f"suggest on {mb:g} MB: {engine_s:.2f} s ({engine_s / mb:.2f} s per MB, {len(found)} suggestions); "
              f"plain regex pass {plain_s:.3f} s; ratio {engine_s / plain_s:.1f}x")  # fmt: skip
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["engine_s"] / first["engine_s"]) / (last["megabytes"] / first["megabytes"])
        print(
            f"growth: {growth:.2f} (1.00 is linear: time per MB at {last['megabytes']:g} MB "
            f"over that at {first['megabytes']:g} MB)"
        )
    return rows


if __name__ == "__main__":
    main()
