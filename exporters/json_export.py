"""The workbench's own JSON export: every published field of each procedure, re-importable to identical data.

``generate_json`` returns text; ``write_json`` writes it to a path, streamed (the networkx ``generate_*``/``write_*``
split).
The same input always gives the same bytes (procedures in the order given, keys in model order, no timestamp).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from exporters.output import atomic_output
from models.jobs import EXPORT, CancelCheck, Progress, check_cancelled
from models.json_format import FORMAT_NAME, FORMAT_VERSION, procedure_json
from models.procedure import Procedure


def generate_json(procedures: Iterable[Procedure]) -> str:
    """The export document for ``procedures``.

    >>> text = generate_json([Procedure(code="1.000001", name="Thủ tục mẫu")])
    >>> json.loads(text)["procedures"][0]["name"]
    'Thủ tục mẫu'
    """
    out = io.StringIO()
    write_json_to(procedures, out)
    return out.getvalue()


def write_json_to(
    procedures: Iterable[Procedure],
    out: TextIO,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    total: int = 0,
) -> int:
    """Write the export document to a text stream one procedure at a time (a national catalog is never whole in
    memory); the bytes are those of ``json.dumps(document, ensure_ascii=False, indent=2)``. Returns the count.

    ``progress(done, total)`` is called every 100 procedures and at the end; ``cancelled()`` is polled before each
    procedure (:class:`~models.jobs.Cancelled`)."""
    out.write(
        f'{{\n  "format": {json.dumps(FORMAT_NAME)},\n  "version": {FORMAT_VERSION},\n  "procedures": ['
    )
    count = 0
    for procedure in procedures:
        check_cancelled(cancelled, EXPORT)
        text = json.dumps(procedure_json(procedure), ensure_ascii=False, indent=2)
        out.write(("\n" if not count else ",\n") + _INDENT + text.replace("\n", "\n" + _INDENT))
        count += 1
        if progress is not None and count % 100 == 0:
            progress(count, total)
    check_cancelled(cancelled, EXPORT)
    if progress is not None:
        progress(count, total)
    out.write("\n  ]\n}\n" if count else "]\n}\n")
    return count


_INDENT = "    "  # a procedure sits two levels deep: document -> "procedures" list


def write_json(
    procedures: Iterable[Procedure],
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    total: int = 0,
) -> int:
    """Write the export to ``path`` atomically (a partial file never replaces a good one); returns the count.
    See :func:`write_json_to` for ``progress`` and ``cancelled``; a cancelled export leaves no file."""
    with atomic_output(path) as tmp, tmp.open("w", encoding="utf-8") as out:
        return write_json_to(procedures, out, progress=progress, cancelled=cancelled, total=total)
