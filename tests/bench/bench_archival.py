"""What the archival step (PDF/A-3u with the .brief inside, see briefing_app/export/archival.py) adds to an export.

The briefs are bench_export.py's (N facts and N/3 quotes of one source, built by its brief_like_peer).
For each size, in one run, warm (fonts parsed), the two exports interleaved run by run, the median of:
- the plain ReportLab export: render_pdf(brief, archival=False), without XMP, output intent or .brief;
- the archival export: render_pdf(brief), as the app and the command line make it.
The added time is their difference, which the machine's noise blurs at 1,500 facts (an export of over a
second); so the archival work is also timed directly: packing the brief (archival_parts: the .brief's
bytes as save_brief writes them, its name, the time) plus make_archival (XMP, output intent, the
compressed .brief), timed inside the archival exports. The verdict takes the larger of the two figures.
Targets (issue 18): at most 30 ms at 15 facts, at most 10 % of the plain export at 1,500 facts.

usage: python tests/bench/bench_archival.py [--sizes 15 1500] [--runs R]
"""

import argparse
import statistics
import time

from bench_export import PEER, brief_like_peer, load_peer
from timing import median_time

from briefing_app.export import archival, archival_parts, render_pdf

TARGET_SMALL_S = 0.030  # at the smallest size
TARGET_LARGE_SHARE = 0.10  # of the plain export, at the largest size


def measure(brief, runs: int) -> dict:
    inside: list[float] = []
    make = archival.make_archival

    def timed_make(canvas, parts):  # ArchivalCanvas.save looks make_archival up in its module
        t0 = time.perf_counter()
        make(canvas, parts)
        inside.append(time.perf_counter() - t0)

    render_pdf(brief)  # warm: fonts, the ICC profile
    plains, fulls = [], []
    archival.make_archival = timed_make
    try:
        for _ in range(runs):  # interleaved, so that a slow moment of the machine falls on both alike
            plains.append(median_time(lambda: render_pdf(brief, archival=False), 1)[0])
            fulls.append(median_time(lambda: render_pdf(brief), 1)[0])
    finally:
        archival.make_archival = make
    plain, full = statistics.median(plains), statistics.median(fulls)
    direct = median_time(lambda: archival_parts(brief), runs)[0] + statistics.median(inside)
    return {"plain_s": plain, "archival_s": full, "added_s": full - plain, "direct_s": direct}


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[15, 1500], help="briefs of N facts (default 15 1500)")
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args(argv)
    peer = load_peer(PEER)
    rows = []
    for n in args.sizes:
        brief = brief_like_peer(peer, n)
        t0 = time.perf_counter()
        row = measure(brief, max(3, args.runs if n < 1000 else args.runs // 2))
        row |= {"facts": n, "items": n + max(1, n // 3), "judged_s": max(row["added_s"], row["direct_s"])}
        row["share"] = row["judged_s"] / row["plain_s"]
        rows.append(row)
        print(f"{n:>5} facts + {max(1, n // 3)} quotes: plain ReportLab export {row['plain_s'] * 1000:8.1f} ms, "
              f"archival export {row['archival_s'] * 1000:8.1f} ms: difference {row['added_s'] * 1000:+7.1f} ms, "
              f"archival work timed directly {row['direct_s'] * 1000:6.1f} ms; added {row['judged_s'] * 1000:.1f} ms "
              f"= {row['share']:.1%} [{time.perf_counter() - t0:.0f} s]", flush=True)  # fmt: skip
    small, large = rows[0], rows[-1]
    print(f"target: archival step <= {TARGET_SMALL_S * 1000:.0f} ms at {small['facts']} facts "
          f"({small['judged_s'] * 1000:.1f} ms: {'met' if small['judged_s'] <= TARGET_SMALL_S else 'NOT met'}); "
          f"<= {TARGET_LARGE_SHARE:.0%} of the export at {large['facts']} facts ({large['share']:.1%}: "
          f"{'met' if large['share'] <= TARGET_LARGE_SHARE else 'NOT met'})")  # fmt: skip
    return rows


if __name__ == "__main__":
    main()
