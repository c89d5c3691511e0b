"""Train the stance model (briefing_app/core/suggest/stance.py) on the corpus's tuning half only.

Every clause a named person says is a candidate; it is an assessment when it
matches a gold assessment by the scorer's rule (it covers half of the gold span, and a quarter of it is
gold). A logistic regression (scikit-learn) over the stance features is fitted; its regularisation is
chosen by cross-validated log loss and its threshold is half the best assessments F1 the held-out articles
would score (whole articles held out in each fold). The weights go to resources/stance_model.json. The test half is
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
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import GroupKFold

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402

from briefing_app.core.loaders import load_article  # noqa: E402
from briefing_app.core.suggest import assessment_candidates, stance  # noqa: E402

OUT = HERE.parent.parent / "resources" / "stance_model.json"


def dataset(pairs: list[tuple[Path, Path]]):
    rows, labels, groups, gold_counts, words = [], [], [], [], []
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
            words.append(stance.words(s.text))
            labels.append(int(hit))
            groups.append(g)
    return np.array(rows), np.array(labels), np.array(groups), gold_counts, words


MIN_ARTICLES = 3  # a word gets a weight of its own only when clauses of this many articles use it


def vocabulary(words: list[frozenset[str]], groups, rows) -> list[str]:
    """The words used in clauses of at least MIN_ARTICLES articles (of ``rows``): rarer ones would only
    learn an article's topic."""
    seen: dict[str, set] = {}
    for i in rows:
        for w in words[i]:
            seen.setdefault(w, set()).add(groups[i])
    return sorted(w for w, arts in seen.items() if len(arts) >= MIN_ARTICLES)


def design(X, words: list[frozenset[str]], rows, vocab: list[str]):
    """The stance features of ``rows`` beside one 0/1 column per vocabulary word."""
    index = {w: j for j, w in enumerate(vocab)}
    cells = [(r, index[w]) for r, i in enumerate(rows) for w in words[i] if w in index]
    bag = csr_matrix(
        ([1.0] * len(cells), ([c[0] for c in cells], [c[1] for c in cells])), shape=(len(rows), len(vocab))
    )
    return hstack([csr_matrix(X[rows]), bag]).tocsr()


def fit(X, y, words, groups, rows, C: float):
    vocab = vocabulary(words, groups, rows)
    return LogisticRegression(C=C, max_iter=5000).fit(design(X, words, rows, vocab), y[rows]), vocab


def f1_at(probs, labels, gold_total, threshold, X):
    """The assessments F1 of the engine's decision (stance.chosen) at this threshold."""
    chosen = np.array([stance.chosen(stance.rule_of(row), p, row, threshold) for p, row in zip(probs, X, strict=True)])
    tp = int((chosen & (labels == 1)).sum())
    p = tp / chosen.sum() if chosen.sum() else 0.0
    r = tp / gold_total if gold_total else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def fact_calibration(pairs: list[tuple[Path, Path]], model: stance.Model) -> tuple[float, float]:
    """Platt scaling for the rules' key-fact scores: a logistic regression of "the fact matches a gold key
    fact" (the scorer's rule) on the score, over the facts the engine with ``model`` suggests on ``pairs``."""
    scores, right = [], []
    original = stance.model
    stance.model = lambda: model  # the engine as it will ship, its fact scores not yet mapped
    try:
        for txt, gold_path in pairs:
            t = score.score_article(txt, gold_path)
            facts = t.confidences[: t.suggested["key_fact"]]  # the scorer lists key facts first
            scores += [c for c, _ in facts]
            right += [int(r) for _, r in facts]
    finally:
        stance.model = original
    platt = LogisticRegression(C=1e6, max_iter=2000).fit(np.array(scores).reshape(-1, 1), np.array(right))
    return float(platt.coef_[0][0]), float(platt.intercept_[0])


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
    X, y, groups, gold_counts, words = dataset(pairs)
    gold_total = sum(gold_counts)
    # regularisation by out-of-fold log loss (a proper score: it rewards calibrated probabilities and is far
    # steadier than F1 on a few hundred clauses); each fold learns its own vocabulary, from its training part
    folds = list(GroupKFold(n_splits=5).split(X, y, groups))
    best_loss = None
    for C in (0.1, 0.3, 1.0):
        oof = np.zeros(len(y))
        for train, held in folds:
            m, vocab = fit(X, y, words, groups, train, C)
            oof[held] = m.predict_proba(design(X, words, held, vocab))[:, 1]
        loss = log_loss(y, oof)
        if best_loss is None or loss < best_loss[0]:
            best_loss = (loss, C, oof)
    loss, C, oof = best_loss
    # the threshold: half the best F1. For calibrated probabilities the F1-optimal threshold is half the F1 it
    # reaches (Lipton, Elkan and Naryanaswamy, "Thresholding classifiers to maximize F1 score", 2014); the
    # out-of-fold F1 curve is flat to within 0.01 over most thresholds, so its arg max is noise, its height not
    f = max(f1_at(oof, y, gold_total, t, X) for t in np.arange(0.1, 0.71, 0.025))
    threshold = f / 2
    final, vocab = fit(X, y, words, groups, np.arange(len(y)), C)
    print(f"tuning half: {len(y)} candidate clauses, {int(y.sum())} of them assessments, {gold_total} gold")
    print(f"cross-validated (articles held out): log loss {loss:.3f} at C={C}; best assessments F1 {f:.2f}, "
          f"at threshold {threshold:.3f} {f1_at(oof, y, gold_total, threshold, X):.2f}")  # fmt: skip
    dense = len(stance.FEATURES)
    word_weights = {w: round(float(c), 5) for w, c in zip(vocab, final.coef_[0][dense:], strict=True) if round(c, 5)}
    coef = [round(float(c), 5) for c in final.coef_[0][:dense]]
    intercept, threshold = round(float(final.intercept_[0]), 5), round(threshold, 3)
    a, b = fact_calibration(pairs, stance.Model(tuple(coef), intercept, threshold, word_weights))
    print(f"key-fact confidence: Platt scaling a={a:.3f}, b={b:.3f} (from the facts the engine suggests here)")
    model = {
        "trained_on": ["tests/corpus tuning half"] + [f.name for f in args.folders],
        "features": list(stance.FEATURES),
        "coef": coef,
        "intercept": intercept,
        "threshold": threshold,
        "fact_calibration": [round(a, 5), round(b, 5)],
        "word_weights": word_weights,
    }
    if args.write:
        OUT.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
        print(f"wrote {OUT}")
    return model


if __name__ == "__main__":
    main()
