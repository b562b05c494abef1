"""How far a statistical reader gets on the C-SSRS development set: precision at recall 0.90, cross-validated.

The triage target on this set is recall ≥ 0.90 for critical+high users at precision ≥ 0.75. This bench asks
whether the *data* allows that to anything trained on it, so that a missed target can be told apart from a
weak rule set. Bag-of-words classifiers (the usual baselines for this data set) are trained on four fifths of
the users and scored on the fifth they never saw, five times over five shuffles; each user's averaged score
ranks them, and the precision at the first cut that reaches recall 0.90 is printed. The same cut is printed
for the triage itself. It is a ceiling estimate for reading this file, not a candidate for the product: it
would learn identity words as readily as risk words, reads no other language, and explains nothing.

    .venv/bin/python bench/cssrs_ceiling.py [path/to/cssrs_dev.json]

Needs scikit-learn (a dev dependency). Data: Gaur et al., WWW 2019, CC BY 4.0.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.triage_eval import DEFAULT, MAPPING, URGENT, scores, user_levels

TARGET_RECALL = 0.90
FOLDS, SHUFFLES = 5, 5


def precision_at_recall(scores: np.ndarray, truth: np.ndarray, recall: float = TARGET_RECALL) -> tuple[float, float]:
    """Precision and recall at the first cut of the ranking (highest score first) reaching `recall`."""
    order = np.argsort(-scores, kind="stable")
    positives = int(truth.sum())
    found = 0
    for taken, index in enumerate(order, 1):
        found += int(truth[index])
        if found / positives >= recall:
            return found / taken, found / positives
    return positives / len(truth), 1.0


def cross_validated(
    texts: list[str], truth: np.ndarray, vectorizer: Callable[[], Any], model: Callable[[], Any]
) -> np.ndarray:
    """Each user's decision score averaged over the shuffles, always from a model that did not see them."""
    scores = np.zeros(len(texts))
    for seed in range(SHUFFLES):
        for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(texts, truth):
            vec = vectorizer()
            fitted = model().fit(vec.fit_transform([texts[i] for i in train]), truth[train])
            scores[test] += fitted.decision_function(vec.transform([texts[i] for i in test])) / SHUFFLES
    return scores


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    users = json.loads(path.read_text(encoding="utf-8"))
    texts = [" ".join(user["posts"]) for user in users]
    truth = np.array([MAPPING[user["label"]] in URGENT for user in users])
    readers: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
        "word 1-2 grams, logistic regression": (
            lambda: TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
            lambda: LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced"),
        ),
        "character 2-5 grams, logistic regression": (
            lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True),
            lambda: LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced"),
        ),
        "words, linear SVM": (
            lambda: TfidfVectorizer(min_df=2, sublinear_tf=True, stop_words="english"),
            lambda: LinearSVC(C=0.1, class_weight="balanced"),
        ),
    }
    print(f"{path.name}: {len(users)} users, {int(truth.sum())} critical+high; {FOLDS}-fold x {SHUFFLES} shuffles")
    print(f"{'reader':<44}{'precision':>10}{'recall':>8}   (at the first cut reaching recall {TARGET_RECALL:.2f})")
    for name, (vectorizer, model) in readers.items():
        precision, recall = precision_at_recall(cross_validated(texts, truth, vectorizer, model), truth)
        print(f"{name:<44}{precision:>10.3f}{recall:>8.3f}")
    flagged = [level in URGENT for level in user_levels(users)]
    recall, precision, _, _ = scores(list(zip(truth.tolist(), flagged, strict=True)))
    print(f"{'triage rules (as flagged, no ranking)':<44}{precision:>10.3f}{recall:>8.3f}")
    print("the target is precision 0.750 at recall 0.900")


if __name__ == "__main__":
    main()
