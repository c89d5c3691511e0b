"""Word export speed (issue 18): render_docx on the export benchmark's briefs, beside render_pdf on the same.

The briefs are bench_export.py's: N facts and N/3 quotes as items of one source. Each figure is the median
of in-process runs in a warm process. Also one long field (a 100,000-character note, the most a field
may hold, in words and in Thai) to show the time stays linear in the brief's size.

usage: python tests/bench/bench_docx.py [--sizes 15 1500] [--runs R]
"""

import argparse

from bench_export import PEER, brief_like_peer, brief_with_long, filler, load_peer
from timing import median_time

from briefing_app.core.brief import MAX_FIELD_CHARS
from briefing_app.export import render_pdf
from briefing_app.export.word import render_docx


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[15, 1500], help="briefs of N facts (default 15 1500)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    peer = load_peer(PEER)
    rows = []
    cases = [(f"{n:>5} facts + {max(1, n // 3)} quotes", brief_like_peer(peer, n)) for n in args.sizes]
    cases += [(f"a {MAX_FIELD_CHARS:,}-char note in {script}", brief_with_long("note", filler(script, MAX_FIELD_CHARS)))
              for script in ("words", "thai")]  # fmt: skip
    render_docx(cases[0][1]), render_pdf(cases[0][1])  # warm both
    for label, brief in cases:
        runs = max(1, args.runs if len(brief.key_facts) < 1000 else args.runs // 2)
        docx_s, data = median_time(lambda b=brief: render_docx(b), runs)
        pdf_s = median_time(lambda b=brief: render_pdf(b), runs)[0]
        rows.append({"case": label, "docx_s": docx_s, "pdf_s": pdf_s, "docx_bytes": len(data)})
        print(f"{label}: DOCX {docx_s * 1000:7.1f} ms ({len(data) / 1024:,.0f} KB), PDF {pdf_s * 1000:7.1f} ms",
              flush=True)  # fmt: skip
    return rows


if __name__ == "__main__":
    main()
