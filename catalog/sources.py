"""The data-source registry and the matcher that finds which registry source a dossier item names.

The registry is a data file users can edit (``catalog/data/data_sources.json``, or a copy given by path); a
workspace keeps its own view of it in the ``data_source`` table: the agency's connection to each source is a
per-workspace setting, and an officer may record an owner's announcement before the file is updated.

Matching works on the folded text (no diacritics, lower case) with word boundaries, so "CCCD", "căn cước công dân"
and "can cuoc cong dan" all match; a phrasing preceded or followed by words that show it is not the document itself
("ảnh kiểu chứng minh nhân dân", "số CMND", "nơi đăng ký hộ khẩu") does not count.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from catalog.errors import CatalogReadError
from catalog.text import fold
from models.tables import DataSourceRow
from models.workspace import Workspace

REGISTRY_FILE = Path(__file__).with_name("data") / "data_sources.json"


@dataclass(frozen=True, slots=True)
class DataSource:
    """A national or sector database that can stand in for documents (DOMAIN.md §5)."""

    id: str
    name: str
    owner: str
    stands_in_for: tuple[str, ...]
    phrasings: tuple[str, ...]
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    legal_basis: str = ""
    announced: bool = False
    announced_on: dt.date | None = None
    connected: bool | None = None  # the handling agency's connection: None = not known (a workspace setting)
    note: str = ""
    context_phrasings: tuple[
        str, ...
    ] = ()  # count only where the procedure's name or field has a context word
    context_words: tuple[str, ...] = ()


def load_registry(path: Path | None = None) -> list[DataSource]:
    """The registry in the data file (the shipped one by default).

    Raises
    ------
    CatalogReadError : the file cannot be read or an entry lacks its id, name or phrasings.
    """
    path = path or REGISTRY_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogReadError(str(path), None, f"the data-source registry cannot be read ({exc})") from None
    sources = []
    for index, entry in enumerate(document.get("sources", []) if isinstance(document, dict) else [], start=1):
        if (
            not isinstance(entry, dict)
            or not entry.get("id")
            or not entry.get("name")
            or not entry.get("phrasings")
        ):
            raise CatalogReadError(str(path), f"source {index}", "it needs an id, a name and phrasings")
        on = entry.get("announced_on")
        sources.append(
            DataSource(
                id=str(entry["id"]),
                name=str(entry["name"]),
                owner=str(entry.get("owner") or ""),
                stands_in_for=tuple(entry.get("stands_in_for") or ()),
                phrasings=tuple(entry["phrasings"]),
                not_before=tuple(entry.get("not_before") or ()),
                not_after=tuple(entry.get("not_after") or ()),
                legal_basis=str(entry.get("legal_basis") or ""),
                announced=bool(entry.get("announced")),
                announced_on=dt.date.fromisoformat(on) if isinstance(on, str) and on else None,
                note=str(entry.get("note") or ""),
                context_phrasings=tuple(entry.get("context_phrasings") or ()),
                context_words=tuple(entry.get("context_words") or ()),
            )
        )
    return sources


def workspace_registry(workspace: Workspace, path: Path | None = None) -> list[DataSource]:
    """The registry as this workspace sees it: the file's entries with the workspace's settings applied.

    A source the workspace has a row for takes that row's ``announced``, ``announced_on`` and ``connected``.
    """
    base = load_registry(path)
    table = DataSourceRow.__table__  # type: ignore[attr-defined]
    with workspace.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(table))}
    merged = []
    for source in base:
        row = rows.get(source.id)
        if row is None:
            merged.append(source)
            continue
        merged.append(
            DataSource(
                **{
                    **{f: getattr(source, f) for f in DataSource.__dataclass_fields__},
                    "announced": bool(row.announced),
                    "announced_on": row.announced_on,
                    "connected": row.connected,
                }
            )
        )
    return merged


def save_source_settings(workspace: Workspace, source: DataSource) -> None:
    """Record a source's announced / connected state in the workspace."""
    table = DataSourceRow.__table__  # type: ignore[attr-defined]
    values = {
        "name": source.name,
        "owner": source.owner,
        "stands_in_for": list(source.stands_in_for),
        "phrasings": list(source.phrasings),
        "legal_basis": source.legal_basis,
        "announced": source.announced,
        "announced_on": source.announced_on,
        "connected": bool(source.connected),
        "note": source.note,
    }
    with workspace.engine.begin() as conn:
        if conn.execute(select(table.c.id).where(table.c.id == source.id)).first():
            conn.execute(table.update().where(table.c.id == source.id).values(**values))
        else:
            conn.execute(table.insert().values(id=source.id, **values))


# --- matching -----------------------------------------------------------------------------------------------------


def _fold_table() -> str:
    table = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = unicodedata.normalize("NFD", char.lower())
        letters = [c for c in base if not unicodedata.combining(c)]
        if len(letters) == 1:
            table[code] = letters[0]
    table[ord("đ")] = table[ord("Đ")] = "d"
    # As a string indexed by code point: str.translate reads it twice as fast as a dict; code points past its end
    # raise IndexError, which translate takes as "leave this character as it is".
    return "".join(table.get(code, chr(code)) for code in range(0x1F00))


_FOLD_TABLE = _fold_table()


def fold_aligned(text: str) -> str:
    """:func:`catalog.text.fold` without whitespace folding: one character for each character of ``text``, so
    that a match in the folded text points at the same span of the published text.

    >>> fold_aligned("Thẻ Căn cước") == "the can cuoc"
    True
    """
    folded = text.lower()
    if folded.isascii():
        return folded
    if len(folded) != len(text):  # a rare letter whose lower case is longer: keep the original there
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return folded.translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class SourceMatch:
    source: DataSource
    phrase: str  # the words of the item that matched, as published
    start: int
    end: int


@dataclass(slots=True)
class Matcher:
    """Finds registry phrasings in item text. Build once per registry; :meth:`find` is one regex scan."""

    sources: list[DataSource]
    _pattern: re.Pattern[str] = field(init=False)
    _owner: dict[str, DataSource] = field(init=False)
    _before: dict[str, re.Pattern[str] | None] = field(init=False)
    _after: dict[str, re.Pattern[str] | None] = field(init=False)
    _contextual: list[tuple[DataSource, tuple[str, ...], re.Pattern[str]]] = field(init=False)
    #: the finder's verdicts on item texts already read with this matcher (see catalog.finder.assess_item)
    verdicts: dict[Any, Any] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._owner = {}
        for source in self.sources:
            for phrase in source.phrasings:
                self._owner.setdefault(fold(phrase), source)
        phrases = sorted(
            self._owner, key=len, reverse=True
        )  # longest first: "thẻ căn cước" before "căn cước"
        self._pattern = _phrase_pattern(phrases)
        self._contextual = []
        for source in self.sources:
            if source.context_phrasings:
                words = tuple(fold(w) for w in source.context_words)
                self._contextual.append(
                    (source, words, _phrase_pattern([fold(p) for p in source.context_phrasings]))
                )
        self._before = {s.id: _context(s.not_before, before=True) for s in self.sources}
        self._after = {s.id: _context(s.not_after, before=False) for s in self.sources}

    def context_key(self, context: str) -> tuple[bool, ...]:
        """Which context-dependent phrasings a procedure context (:meth:`find_in`'s ``context``) switches on."""
        return tuple(any(word in context for word in words) for _, words, _ in self._contextual)

    def find_in(self, text: str, key: str, context: str = "") -> list[SourceMatch]:
        """:meth:`find` for a text already folded with :func:`fold_aligned` (``key``); ``context`` is the folded
        name and field of the procedure, for phrasings that only name a source in some procedures."""
        found = []
        matches = [(m, self._owner[" ".join(m.group(1).split())]) for m in self._pattern.finditer(key)]
        for source, words, pattern in self._contextual:
            if context and any(word in context for word in words):
                matches += [(m, source) for m in pattern.finditer(key)]
        matches.sort(key=lambda pair: pair[0].start())
        for match, source in matches:
            before, after = self._before[source.id], self._after[source.id]
            if before is not None and before.search(key, max(0, match.start() - 30), match.start()):
                continue
            if after is not None and after.match(key, match.end()):
                continue
            found.append(SourceMatch(source, text[match.start() : match.end()], match.start(), match.end()))
        return found

    def find(self, text: str) -> list[SourceMatch]:
        """Every registry phrasing in ``text``, left to right, that names the document itself.

        >>> m = Matcher(load_registry())
        >>> [(x.source.id, x.phrase) for x in m.find("Bản sao CCCD hoặc hộ chiếu")]
        [('population', 'CCCD')]
        >>> m.find("02 ảnh kiểu chứng minh nhân dân cỡ 4x6")
        []
        """
        return self.find_in(text, fold_aligned(text))


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """One regex for all ``phrases`` (folded), as a trie: shared prefixes are tried once, which makes the scan of
    an item three times faster than a flat alternation, with the same matches (the longest phrase wins; a space
    matches any run of whitespace, "giấy  chứng nhận" too)."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(r"(?<![\w])(" + _trie_regex(trie) + r")(?![\w])")


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    ends = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends else group  # greedy: the longer phrase is tried first


def _context(words: tuple[str, ...], *, before: bool) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    if before:  # the words end right before the phrasing (a space or two between)
        return re.compile(rf"(?<![\w])(?:{alternatives})[\s:,]{{0,3}}$")
    return re.compile(rf"[\s:,]{{0,3}}(?:{alternatives})(?![\w])")


@lru_cache(maxsize=4)
def default_matcher() -> Matcher:
    return Matcher(load_registry())


def registry_summary(sources: list[DataSource]) -> list[dict[str, Any]]:
    """The registry as JSON data, for reports and the GUI."""
    return [
        {
            "id": s.id,
            "name": s.name,
            "owner": s.owner,
            "announced": s.announced,
            "announced_on": s.announced_on.isoformat() if s.announced_on else None,
            "connected": s.connected,
        }
        for s in sources
    ]
