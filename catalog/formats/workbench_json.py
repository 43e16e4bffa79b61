"""The workbench's own JSON: what ``tthc export json`` writes and ``tthc show --json`` prints.

Accepted shapes: ``{"format": "tthc-workbench", "version": 1, "procedures": [...]}``, a list of procedures, or one
procedure. Derived fields that the export adds for readers (``fee_vnd``, ``certified_copy``) are ignored on the way
back in, so an export re-imports to identical data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from catalog.errors import CatalogReadError
from catalog.formats.base import JsonFormat, Parsed, RawRecord, load_json, validation_reason
from models.json_format import FORMAT_NAME, FORMAT_VERSION
from models.procedure import Procedure
from models.text import clean


def _is_procedure(value: Any) -> bool:
    return isinstance(value, dict) and "code" in value and "name" in value and "items" in value


def _clean_strings(value: Any) -> Any:
    """NFC and invisible marks out for hand-edited files; our own exports pass through unchanged."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_strings(v) for k, v in value.items()}
    return value


class WorkbenchJsonFormat(JsonFormat):
    name = "workbench-json"
    description = "TTHC Workbench JSON export"
    priority = 10  # its "format" marker is unambiguous

    def accepts(self, document: Any) -> bool:
        if isinstance(document, dict):
            return document.get("format") == FORMAT_NAME or _is_procedure(document)
        return isinstance(document, list) and bool(document) and _is_procedure(document[0])

    def records(self, path: Path) -> Iterator[RawRecord]:
        document = load_json(path)
        if isinstance(document, dict) and document.get("format") == FORMAT_NAME:
            version = document.get("version")
            if not isinstance(version, int) or version > FORMAT_VERSION:
                raise CatalogReadError(
                    str(path),
                    None,
                    f"it was written by a newer TTHC Workbench (format version {version}; this one reads up to "
                    f"{FORMAT_VERSION})",
                )
            entries = document.get("procedures")
            if not isinstance(entries, list):
                raise CatalogReadError(str(path), None, "its 'procedures' entry is not a list")
        else:
            entries = document if isinstance(document, list) else [document]
        for index, entry in enumerate(entries, start=1):
            code = entry.get("code") if isinstance(entry, dict) else None
            yield RawRecord(
                path, f"procedure {index}" + (f" ({code})" if isinstance(code, str) else ""), entry
            )

    def parse(self, record: RawRecord) -> Parsed:
        if not isinstance(record.data, dict):
            raise CatalogReadError(str(record.file), record.label, "it is not a JSON object")
        try:
            procedure = Procedure.model_validate(_clean_strings(record.data))
        except ValidationError as exc:
            raise CatalogReadError(str(record.file), record.label, validation_reason(exc)) from None
        if not procedure.code.strip() or not procedure.name.strip():
            raise CatalogReadError(str(record.file), record.label, "it has no code or no name")
        return Parsed(procedure)
