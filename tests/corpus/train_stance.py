"""Train the stance model (briefing_app/core/suggest/stance.py) on the corpus's tuning half only.

Every clause a named person says is a candidate; it is an assessment when it
matches a gold assessment by the scorer's rule (it covers half of the gold span, and a quarter of it is
gold). A logistic regression (scikit-learn) over the stance features is fitted; its regularisation and
the threshold are chosen by cross-validation with whole articles held out, maximising the assessments F1
that the held-out articles would score. The weights go to resources/stance_model.json. The test half is
never read here.

usage: python tests/corpus/train_stance.py [--write] [FOLDER ...]
  FOLDER: more tuning material with gold files (the shared dev articles and the seed's gold); the shipped
  model was trained with both. Without --write: print the cross-validated figures only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402

from briefing_app.core.loaders import load_article  # noqa: E402
from briefing_app.core.suggest import assessment_candidates, stance  # noqa: E402

OUT = HERE.parent.parent / "resources" / "stance_model.json"


def dataset(pairs: list[tuple[Path, Path]]):
    rows, labels, groups, gold_counts = [], [], [], []
    for g, (txt, gold_path) in enumerate(pairs):
        loaded = load_article(txt)
        gold = json.loads(gold_path.read_text("utf-8"))
        spans = []
        for item in gold["expert_assessments"]:
            for x in [item, *item.get("also", [])]:
                i = loaded.text.find(x["text"])
                spans.append((i, i + len(x["text"])))
        gold_counts.append(len(gold["expert_assessments"]))
        for s, row in assessment_candidates(loaded.text, loaded.title_line):
            hit = any(
                score.overlap((s.start, s.end), gs) >= 0.5 * (gs[1] - gs[0])
                and score.overlap((s.start, s.end), gs) >= 0.25 * (s.end - s.start)
                for gs in spans
            )
            rows.append(row)
            labels.append(int(hit))
            groups.append(g)
    return np.array(rows), np.array(labels), np.array(groups), gold_counts


def f1_at(probs, labels, gold_total, threshold, X):
    """The assessments F1 of the engine's decision (stance.chosen) at this threshold."""
    chosen = np.array([stance.chosen(stance.rule_of(row), p, row, threshold) for p, row in zip(probs, X, strict=True)])
    tp = int((chosen & (labels == 1)).sum())
    p = tp / chosen.sum() if chosen.sum() else 0.0
    r = tp / gold_total if gold_total else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"write the model to {OUT.name}")
    ap.add_argument("folders", nargs="*", type=Path, help="more tuning material (never the test half)")
    args = ap.parse_args(argv)
    pairs = [(score.ARTICLES / f"{s}.txt", score.ARTICLES / f"{s}.gold.json") for s in score.corpus_split("tune")]
    for folder in args.folders:
        pairs += score.pairs_in(folder)
    if any(t.stem in score.corpus_split("test") for t, _ in pairs):
        raise SystemExit("the test half is never training material")
    X, y, groups, gold_counts = dataset(pairs)
    gold_total = sum(gold_counts)
    best = None
    for C in (0.03, 0.1, 0.3, 1.0, 3.0):
        oof = np.zeros(len(y))
        for train, held in GroupKFold(n_splits=5).split(X, y, groups):
            m = LogisticRegression(C=C, max_iter=2000).fit(X[train], y[train])
            oof[held] = m.predict_proba(X[held])[:, 1]
        for t in np.arange(0.1, 0.71, 0.025):
            f = f1_at(oof, y, gold_total, t, X)
            if best is None or f > best[0]:
                best = (f, C, float(t))
    f, C, threshold = best
    final = LogisticRegression(C=C, max_iter=2000).fit(X, y)
    print(f"tuning half: {len(y)} candidate clauses, {int(y.sum())} of them assessments, {gold_total} gold")
    print(f"cross-validated (articles held out): assessments F1 {f:.2f} at C={C}, threshold {threshold:.3f}")
    model = {
        "trained_on": ["tests/corpus tuning half"] + [f.name for f in args.folders],
        "features": list(stance.FEATURES),
        "coef": [round(float(c), 5) for c in final.coef_[0]],
        "intercept": round(float(final.intercept_[0]), 5),
        "threshold": round(threshold, 3),
    }
    if args.write:
        OUT.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
        print(f"wrote {OUT}")
    return model


if __name__ == "__main__":
    main()
