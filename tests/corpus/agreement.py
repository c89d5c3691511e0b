"""How far two annotators of the same articles agree, by the scorer's own matching: the yardstick's ceiling.

``second/NN-slug.gold.json`` holds a second, independent annotation of tuning-half articles (made from the
text and ANNOTATION.md alone, without seeing the first); the first is ``articles/NN-slug.gold.json``.
Treating the first as gold and the second as suggestions gives the F1 two careful people reach on the same
text, and the engine's figures on those articles against either are printed beside it.

usage: python tests/corpus/agreement.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402

SECOND = HERE / "second"


def agreement(article: str, first: dict, second: dict) -> dict[str, tuple[int, int, int]]:
    """Per kind: (items both chose, items of the second, items of the first); and the speakers matched
    assessments agree on, under "speaker" as (agreeing, matched, 0)."""
    out = {}
    for kind, key in score.KINDS.items():
        groups = score.gold_groups(article, first[key])
        theirs = [(i, i + len(x["text"])) for x in second[key] if (i := article.find(x["text"])) >= 0]
        pairs = score.pair_up(theirs, [spans for _, spans in groups])
        out[kind] = (len(pairs), len(theirs), len(groups))
        if kind == "expert_assessment":
            same = sum(
                bool(w := score.words(groups[j][0]["speaker"])) and w <= score.words(second[key][i]["speaker"])
                for i, j in pairs
            )
            out["speaker"] = (same, len(pairs), 0)
    return out


def main() -> None:
    from briefing_app.core.loaders import load_article

    total: dict[str, list[int]] = {}
    for path in sorted(SECOND.glob("*.gold.json")):
        article = load_article(score.ARTICLES / path.name.replace(".gold.json", ".txt")).text
        first = json.loads((score.ARTICLES / path.name).read_text("utf-8"))
        for kind, counts in agreement(article, first, json.loads(path.read_text("utf-8"))).items():
            total.setdefault(kind, [0, 0, 0])
            total[kind] = [a + b for a, b in zip(total[kind], counts, strict=True)]
    f1 = {k: 2 * tp / (n2 + n1) for k, (tp, n2, n1) in total.items() if k != "speaker"}
    print(f"two annotators, {len(list(SECOND.glob('*.gold.json')))} tuning-half articles: "
          f"facts F1 {f1['key_fact']:.2f}, assessments F1 {f1['expert_assessment']:.2f}, "
          f"speakers agree {total['speaker'][0]}/{total['speaker'][1]}")  # fmt: skip
    pairs = [(score.ARTICLES / p.name.replace(".gold.json", ".txt"), p) for p in sorted(SECOND.glob("*.gold.json"))]
    print(f"the engine against the second annotator: {score.score(pairs).line()}")
    firsts = [(t, score.ARTICLES / g.name) for t, g in pairs]
    print(f"the engine against the first (the gold):  {score.score(firsts).line()}")


if __name__ == "__main__":
    main()
