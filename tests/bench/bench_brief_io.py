"""Saving and loading a large brief: 1,000 items over a 1 MB source (issue 4's target: under 0.2 s each);
and adding items one by one, 1,000 then 8,000 (issue 16: 8,000 adds took 4.8 s, quadratic; the growth
printed is the time per item at 8,000 over that at 1,000, 1.00 being linear), and the time the 8,000th add
takes alone (issue 16's target: at most 1 ms).

Save is the whole safe path (temporary file, fsync, backup, replace); load is the whole checked path
(JSON, schema, hashes, every item's span, text, paragraph and overlaps). Prints medians, and the time
the autosave's recovery copy takes (first write and later ones).

usage: python tests/bench/bench_brief_io.py [--items N] [--megabytes M] [--runs R]
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the helpers the tests use

from briefing_app.core.article import article_from_text  # noqa: E402
from briefing_app.core.brief import KEY_FACTS, brief_from_article  # noqa: E402
from briefing_app.core.brief_file import load_brief, save_brief  # noqa: E402
from briefing_app.core.recovery import write_recovery  # noqa: E402

from helpers.big_brief import big_brief  # noqa: E402

TARGET_S = 0.2
TARGET_LAST_ADD_S = 0.001


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--megabytes", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    brief = big_brief(args.items, args.megabytes)
    saves, loads = [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.brief"
        sha = save_brief(brief, path)
        for _ in range(args.runs):
            t0 = time.perf_counter()
            sha = save_brief(brief, path, expected_sha256=sha)
            saves.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            loaded, _ = load_brief(path)
            loads.append(time.perf_counter() - t0)
        size = path.stat().st_size
        recovery = [time_recovery_copy(brief, Path(tmp)) for _ in range(args.runs + 1)]
    assert loaded == brief
    result = {"save_s": statistics.median(saves), "load_s": statistics.median(loads), "bytes": size}
    n = len(brief.key_facts) + len(brief.expert_assessments)
    print(f"brief with {n} items over a {len(brief.sources[0].text) / 1e6:.2f} M-character source "
          f"({size / 1e6:.2f} MB file), median of {args.runs}: save {result['save_s']:.3f} s, "
          f"load {result['load_s']:.3f} s (target < {TARGET_S} s each: "
          f"{'met' if max(result['save_s'], result['load_s']) < TARGET_S else 'NOT met'})")  # fmt: skip
    later = statistics.median(recovery[1:])
    print(
        f"recovery copy (the autosave, on the GUI thread): first {recovery[0] * 1e3:.0f} ms, then median "
        f"{later * 1e3:.0f} ms (the source's text is encoded once per process)"
    )
    result["recovery_s"] = later
    runs = {n: [time_adds(n) for _ in range(3)] for n in (1000, 8000)}
    adds = {n: statistics.median(sum(times) for times in runs[n]) for n in runs}
    last = statistics.median(times[-1] for times in runs[8000])
    growth = (adds[8000] / 8000) / (adds[1000] / 1000)
    print(f"adding items one by one: 1,000 in {adds[1000]:.3f} s, 8,000 in {adds[8000]:.3f} s; growth {growth:.2f} "
          f"(1.00 is linear); the 8,000th add alone {last * 1e3:.3f} ms (target <= {TARGET_LAST_ADD_S * 1e3:.0f} ms: "
          f"{'met' if last <= TARGET_LAST_ADD_S else 'NOT met'})")  # fmt: skip
    return result | {"add_1000_s": adds[1000], "add_8000_s": adds[8000], "add_8000th_s": last}


def time_recovery_copy(brief, folder: Path) -> float:
    t0 = time.perf_counter()
    write_recovery(brief, folder, "bench")
    return time.perf_counter() - t0


def time_adds(n: int) -> list[float]:
    """Seconds each of ``n`` key facts takes to add, one by one, each checked against those already there."""
    text = "\n".join(f"Fact number {i} is here." for i in range(n))
    brief = brief_from_article(article_from_text(text, "bench"))
    spans, pos = [], 0
    for i in range(n):
        start = text.index(f"Fact number {i} is", pos)
        pos = text.index(".", start) + 1
        spans.append((start, pos))
    times = []
    for start, end in spans:
        t0 = time.perf_counter()
        brief.add_item(KEY_FACTS, 1, start, end)
        times.append(time.perf_counter() - t0)
    return times


if __name__ == "__main__":
    main()
