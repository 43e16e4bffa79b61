"""Scoring the once-only finder against dossier items labelled by hand (tests/golden/finder-labels.json).

Each labelled item names the registry source that holds its data, or null. The finder is run on the item's
published text alone. Precision = correct sources / sources predicted; recall = correct sources / sources labelled.

Run it alone for the figures and the confusion table: ``.venv/bin/python -m tests.helpers.finder_eval``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from catalog.finder.grading import assess_item
from catalog.finder.matcher import Matcher, default_matcher
from models.procedure import DossierItem, Procedure
from tests.conftest import SHARED

LABELS = Path(__file__).resolve().parents[1] / "golden" / "finder-labels.json"


def context_of(entry: dict[str, Any]) -> tuple[str, str | None]:
    """The name and field of the procedure an item comes from: some phrasings depend on them."""
    path = SHARED / "data" / entry["source_file"]
    if not path.exists():
        return "", None
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):  # the 2021 export: no field
        return "", None
    if "ten_thu_tuc" in data:
        return data.get("ten_thu_tuc") or "", data.get("linh_vuc")
    categories = data.get("categoriesDetails") or [{}]
    return data.get("name") or "", categories[0].get("name")


def predict(entry: dict[str, Any], matcher: Matcher) -> str | None:
    name, field = context_of(entry)
    procedure = Procedure(
        code="0.000000", name=name or "evaluation", field=field, items=[DossierItem(name=entry["item_text"])]
    )
    return assess_item(procedure, 0, matcher).data_source


def score(labels_path: Path = LABELS, matcher: Matcher | None = None) -> dict[str, Any]:
    matcher = matcher or default_matcher()
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    confusion: Counter[tuple[str, str]] = Counter()
    errors = []
    for entry in labels:
        want = entry["label"]
        got = predict(entry, matcher)
        confusion[(want or "null", got or "null")] += 1
        if want != got:
            errors.append(
                {"id": entry["id"], "label": want, "predicted": got, "text": entry["item_text"][:140]}
            )
    predicted = sum(n for (want, got), n in confusion.items() if got != "null")
    labelled = sum(n for (want, got), n in confusion.items() if want != "null")
    correct = sum(n for (want, got), n in confusion.items() if got != "null" and got == want)
    return {
        "items": len(labels),
        "labelled_sources": labelled,
        "predicted_sources": predicted,
        "correct": correct,
        "precision": correct / predicted if predicted else 0.0,
        "recall": correct / labelled if labelled else 0.0,
        "confusion": {f"{want} -> {got}": n for (want, got), n in sorted(confusion.items())},
        "errors": errors,
    }


def confusion_table(result: dict[str, Any]) -> str:
    """The confusion table as text: rows are labels, columns predictions."""
    pairs = {tuple(key.split(" -> ")): n for key, n in result["confusion"].items()}
    names = sorted({name for pair in pairs for name in pair})
    width = max(len(n) for n in names) + 1
    lines = ["label \\ predicted".ljust(width) + "".join(n[:10].rjust(11) for n in names)]
    for want in names:
        lines.append(want.ljust(width) + "".join(str(pairs.get((want, got), "")).rjust(11) for got in names))
    return "\n".join(lines)


if __name__ == "__main__":
    result = score()
    for error in result.pop("errors"):
        print(error)
    print(confusion_table(result))
    result.pop("confusion")
    print(json.dumps(result, indent=1))
