"""What a source format declares: how to recognise a file by its content and how to read it, in two stages.

``records(path)`` turns a file into plain records (dicts), ``parse(record)`` turns one record into a
:class:`~models.procedure.Procedure`, so that each stage can be tested and each failure names its record. The
importer keeps the formats in detection order (:mod:`catalog.importing.registry`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from pydantic import ValidationError

from catalog.errors import CatalogReadError
from models.procedure import Procedure
from models.text import squash

HEAD_BYTES = 65536
_LABEL_MAX = 200


@dataclass(slots=True)
class RawRecord:
    """One record of a source file, before it becomes a procedure."""

    file: Path
    label: str  # how a user finds it in the file: "record 3", "row 12", a code
    data: Any

    def __post_init__(self) -> None:
        # Labels quote the source (a code, a title): one short line of text, whatever the source holds, so that
        # every message stays one line and the label can be stored with the procedure.
        label = squash(self.label)
        self.label = label if len(label) <= _LABEL_MAX else label[: _LABEL_MAX - 1] + "…"


@dataclass(slots=True)
class Parsed:
    procedure: Procedure
    warnings: list[str] = field(default_factory=list)
    listing: bool = False  # a list-level record (code, name, agencies...): enriches, never replaces; see catalog.importing.merge


class RecordProblem(Exception):
    """Raised inside a record parser with the one-sentence reason the record cannot be read."""


def parse_object(record: RawRecord, parse: Callable[[dict[str, Any]], Parsed]) -> Parsed:
    """Run ``parse`` on a JSON object record, turning every way it can fail into one :class:`CatalogReadError`."""
    if not isinstance(record.data, dict):
        raise CatalogReadError(str(record.file), record.label, "it is not a JSON object")
    try:
        return parse(record.data)
    except RecordProblem as problem:
        raise CatalogReadError(str(record.file), record.label, str(problem)) from None
    except ValidationError as exc:
        raise CatalogReadError(str(record.file), record.label, validation_reason(exc)) from None
    except (TypeError, ValueError, AttributeError, KeyError, OverflowError) as exc:
        raise CatalogReadError(
            str(record.file), record.label, f"a field has an unexpected shape ({exc})"
        ) from None


def validation_reason(exc: ValidationError) -> str:
    """The first problem pydantic found, as one clause: "field 'channels.0.time_limit': Input should be..."."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"field '{where}': {error['msg']}" if where else str(error["msg"])


class Format:
    """Base of a source format. Subclasses set ``name`` and ``description`` and implement the three methods."""

    name: ClassVar[str]
    description: ClassVar[str]
    #: True for list-level sources (code, name, agencies, field only): their records fill what a stored procedure
    #: lacks instead of replacing it, and a later full record keeps what only they had. A format whose files may
    #: hold either kind sets ``Parsed.listing`` per record instead.
    partial: ClassVar[bool] = False
    #: Detection order: lower is tried first (formats whose signature is unambiguous go first).
    priority: ClassVar[int] = 50

    def sniff(self, path: Path, head: bytes) -> bool:
        raise NotImplementedError

    def records(self, path: Path) -> Iterator[RawRecord]:
        raise NotImplementedError

    def parse(self, record: RawRecord) -> Parsed:
        raise NotImplementedError


class JsonFormat(Format):
    """A format carried in JSON: recognised by the shape of the decoded document."""

    def accepts(self, document: Any) -> bool:
        raise NotImplementedError

    def sniff(self, path: Path, head: bytes) -> bool:
        if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
            return False
        return self.accepts(load_json(path))  # broken JSON: its decoding error is the reason to report


class EntriesFormat(JsonFormat):
    """A JSON format whose file holds one entry or a list of them, recognised by its (first) entry."""

    def accepts_entry(self, entry: Any) -> bool:
        raise NotImplementedError

    def accepts(self, document: Any) -> bool:
        if isinstance(document, list):
            return bool(document) and self.accepts_entry(document[0])
        return self.accepts_entry(document)

    @staticmethod
    def entries(path: Path) -> list[Any]:
        """The file's entries: the list it holds, or its one entry."""
        document = load_json(path)
        return document if isinstance(document, list) else [document]


_json_cache: tuple[tuple[str, int, int], Any] | None = None


def load_json(path: Path) -> Any:
    """Decode a JSON file once, even when several formats look at it and then one reads it."""
    global _json_cache
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if _json_cache is not None and _json_cache[0] == key:
        return _json_cache[1]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogReadError(
            str(path), None, f"it is not UTF-8 text (bad byte at offset {exc.start})"
        ) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogReadError(
            str(path), None, f"it is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise CatalogReadError(str(path), None, "its JSON is nested too deeply to be a catalog") from None
    except ValueError:  # Python refuses to convert an integer of more than 4,300 digits
        raise CatalogReadError(str(path), None, "its JSON holds a number too long to read") from None
    _json_cache = (key, document)
    return document
