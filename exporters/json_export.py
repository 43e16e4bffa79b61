"""The workbench's own JSON export: every published field of each procedure, re-importable to identical data.

``generate_json`` returns text; ``write_json`` writes it to a path (the networkx ``generate_*``/``write_*`` split).
The same input always gives the same bytes (procedures in the order given, keys in model order, no timestamp).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from models.procedure import Procedure

FORMAT_NAME = "tthc-workbench"
FORMAT_VERSION = 1


def procedure_json(procedure: Procedure) -> dict[str, Any]:
    """One procedure as JSON data: the model's fields plus, for readers, each channel's ``fee_vnd`` total and
    each item's ``certified_copy`` flag (both derived, and ignored on re-import)."""
    data = procedure.model_dump(mode="json")
    for channel, out in zip(procedure.channels, data["channels"], strict=True):
        out["fee_vnd"] = channel.fee_vnd
    for item, out in zip(procedure.items, data["items"], strict=True):
        out["certified_copy"] = item.certified_copy
    return data


def generate_json(procedures: Iterable[Procedure]) -> str:
    """The export document for ``procedures``.

    >>> text = generate_json([Procedure(code="1.000001", name="Thủ tục mẫu")])
    >>> json.loads(text)["procedures"][0]["name"]
    'Thủ tục mẫu'
    """
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "procedures": [procedure_json(p) for p in procedures],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_json(procedures: Iterable[Procedure], path: Path) -> None:
    """Write the export to ``path`` atomically (a partial file never replaces a good one)."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(generate_json(procedures), encoding="utf-8")
    tmp.replace(path)
