"""Export speed against bare ReportLab with the same content, measured in the same run (issue 7).

Baseline: ``bare_reportlab.py reportlab N`` beside this file (N facts and N/3 quotes through bare
Platypus with Helvetica; ``--peer ../shared/bench/peer_export.py`` uses the shared copy instead).
The app renders a brief with the very same facts and quotes, as items of a source, with its fonts,
citations, banners and outline. Two figures per size, each a median:
- in-process: one more export in a warm process (fonts already parsed), app vs peer function;
- whole process: the command line ``briefing-app export`` vs ``python bare_reportlab.py reportlab``.
Targets: within 1.5x of bare ReportLab at every size; a 15-item brief under 150 ms in-process.

usage: python tests/bench/bench_export.py [--sizes 15 150 1500] [--runs R] [--peer PATH]
"""

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

from timing import median_time

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, Source
from briefing_app.core.brief_file import save_brief
from briefing_app.export import render_pdf

ROOT = Path(__file__).resolve().parent.parent.parent
PEER = Path(__file__).resolve().parent / "bare_reportlab.py"


def load_peer(path: Path):
    if not path.exists():
        raise SystemExit(f"the baseline {path} is missing")
    spec = importlib.util.spec_from_file_location("peer_export", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def brief_like_peer(peer, n: int) -> Brief:
    """The peer's content as a brief: its facts and quotes are items of one source."""
    facts, quotes = peer.content(n)
    text = "North Korean troops in Russia\n" + "\n".join(facts + [q for q, _, _ in quotes])
    b = Brief(title="North Korean troops in Russia", date="2024-10-28", author="bench", handling="TLP:CLEAR",
              bluf=peer.FACT.format(i=0))  # fmt: skip
    b.add_source(Source(title="North Koreans in Russia", text=text, published="2024-10-28", title_line=True))
    pos = text.index("\n") + 1
    for fact in facts:
        b.add_item(KEY_FACTS, 1, pos, pos + len(fact))
        pos += len(fact) + 1
    for quote, who, org in quotes:
        b.add_item(EXPERT_ASSESSMENTS, 1, pos, pos + len(quote), speaker=who, affiliation=org)
        pos += len(quote) + 1
    return b


def run_process(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[15, 150, 1500])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-process", action="store_true", help="skip the whole-process comparison")
    ap.add_argument("--peer", type=Path, default=PEER, help="the baseline script (default: bare_reportlab.py)")
    args = ap.parse_args(argv)
    peer = load_peer(args.peer)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.sizes:
            brief = brief_like_peer(peer, n)
            peer_out = str(tmp / f"peer{n}.pdf")
            runs = max(1, args.runs if n < 1000 else args.runs // 2)
            render_pdf(brief), peer.reportlab(n, peer_out)  # warm both
            app_s = median_time(lambda b=brief: render_pdf(b), runs)[0]
            peer_s = median_time(lambda n=n, o=peer_out: peer.reportlab(n, o), runs)[0]
            row = {"items": n + max(1, n // 3), "app_s": app_s, "peer_s": peer_s, "ratio": app_s / peer_s}
            if not args.no_process:
                brief_path = tmp / f"b{n}.brief"
                save_brief(brief, brief_path)
                app_cmd = [sys.executable, "-m", "briefing_app", "export", str(brief_path), "-o", str(tmp / "a.pdf")]
                peer_cmd = [sys.executable, str(args.peer), "reportlab", str(n), peer_out]
                row["app_proc_s"] = median_time(partial(run_process, app_cmd), runs)[0]
                row["peer_proc_s"] = median_time(partial(run_process, peer_cmd), runs)[0]
                row["proc_ratio"] = row["app_proc_s"] / row["peer_proc_s"]
            rows.append(row)
            line = (f"{n:>5} facts + {max(1, n // 3)} quotes: in-process app {app_s * 1000:7.1f} ms, bare ReportLab "
                    f"{peer_s * 1000:7.1f} ms, ratio {row['ratio']:.2f}x")  # fmt: skip
            if "proc_ratio" in row:
                line += (f" | whole process app {row['app_proc_s']:.2f} s, bare {row['peer_proc_s']:.2f} s, "
                         f"ratio {row['proc_ratio']:.2f}x")  # fmt: skip
            print(line, flush=True)
    worst = max(r["ratio"] for r in rows)
    small = next((r["app_s"] for r in rows if r["items"] <= 20), None)
    print(
        f"target: within 1.5x of bare ReportLab at every size (worst in-process {worst:.2f}x: "
        f"{'met' if worst <= 1.5 else 'NOT met'}); 15-item brief under 150 ms in-process"
        + (f" ({small * 1000:.0f} ms: {'met' if small < 0.15 else 'NOT met'})" if small is not None else "")
    )
    return rows


if __name__ == "__main__":
    main()
