"""Scoring the page importer against pages checked by hand (tests/golden/portal-pages-handchecked.json).

The hand-checked file keeps, for each page, what a careful reader found: each dossier item's first 50 published
characters with its quantities and group, the number of notes, the channels and the legal numbers. An extracted item
counts as correct when its name starts like an annotated item of the same page (folded, bullets peeled) and its
quantities agree; precision is correct / extracted, recall is correct / annotated.

Run it alone for the figures: ``.venv/bin/python -m tests.helpers.handchecked``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import catalog.importing.all_formats  # noqa: F401
from catalog.importing.importer import read_file
from catalog.reading.items import strip_bullet
from models.text import fold
from tests.conftest import SHARED

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "portal-pages-handchecked.json"
_PREFIX = 30


def _key(text: str) -> str:
    return fold(strip_bullet(text))[:_PREFIX]


def _same(a: str, b: str) -> bool:
    shorter = min(len(a), len(b))
    return shorter >= 8 and a[:shorter] == b[:shorter]


def _number(published: str) -> str:
    """The number in a 'Mã văn bản' cell as a reader wrote it down ("Luật số 146/2025/QH15" -> 146/2025/QH15)."""
    found = re.findall(r"\d[\d.]*/(?:\d{4}/)?[\w\-/]+", published)
    return found[-1] if found else published


def score(pages_dir: Path, golden: Path = GOLDEN) -> dict[str, Any]:
    expected_pages = json.loads(golden.read_text(encoding="utf-8"))
    extracted_total = expected_total = correct = channels_exact = legal_exact = notes_exact = 0
    misses: list[str] = []
    for page in expected_pages:
        [record] = list(read_file(pages_dir / page["file"]))
        assert record.procedure is not None, record.failure
        procedure = record.procedure
        got = [(_key(i.name), i.originals or 0, i.copies or 0, str(i.group)) for i in procedure.items]
        want = [(_key(i["name_start"]), i["originals"], i["copies"], i["group"]) for i in page["items"]]
        extracted_total += len(got)
        expected_total += len(want)
        unmatched = list(got)
        for item in want:
            hit = next((g for g in unmatched if _same(g[0], item[0]) and g[1:] == item[1:]), None)
            if hit is None:
                misses.append(f"{page['code']}: missed {item}")
                continue
            unmatched.remove(hit)
            correct += 1
        misses += [f"{page['code']}: extra {g}" for g in unmatched]
        channels = [
            (str(c.method), c.time_limit, str(c.time_unit) if c.time_unit else None, c.fee_vnd)
            for c in procedure.channels
        ]
        channels_exact += channels == [
            (c["method"], c["time_limit"], c["time_unit"], c["fee_vnd"]) for c in page["channels"]
        ]
        notes_exact += len(procedure.notes) == page["notes"]
        legal_exact += [r.number for r in procedure.legal_basis] == [
            _number(n) for n in page["legal_numbers"]
        ]
    return {
        "pages": len(expected_pages),
        "extracted": extracted_total,
        "expected": expected_total,
        "correct": correct,
        "precision": correct / extracted_total if extracted_total else 0.0,
        "recall": correct / expected_total if expected_total else 0.0,
        "channels_exact": channels_exact,
        "legal_exact": legal_exact,
        "notes_exact": notes_exact,
        "misses": misses,
    }


if __name__ == "__main__":
    pages = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "data" / "portal-pages"
    result = score(pages)
    for line in result.pop("misses"):
        print(line)
    print(json.dumps(result, indent=1))
