"""The matcher: which registry sources an item's text names.

Matching works on the folded text (no diacritics, lower case; :func:`models.text.fold_aligned`) with word
boundaries, so "CCCD", "căn cước công dân" and "can cuoc cong dan" all match; a phrasing preceded or followed by
words that show it is not the document itself ("ảnh kiểu chứng minh nhân dân", "số CMND", "nơi đăng ký hộ khẩu")
does not count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from models.sources import DataSource, load_registry
from models.text import fold, fold_aligned


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
    #: the finder's verdicts on item texts already read with this matcher (see catalog.finder.grading.assess_item)
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


def matcher_for(registry: Sequence[DataSource]) -> Matcher:
    """The matcher of ``registry``, built once and shared by every caller with the same sources (the batch, the
    workbench's views, the exports): building one takes about ten milliseconds, and a shared one keeps the verdicts
    its finder has already read (:attr:`Matcher.verdicts`).

    >>> matcher_for(load_registry()) is matcher_for(load_registry())
    True
    """
    return _matcher(tuple(registry))


@lru_cache(maxsize=4)
def _matcher(registry: tuple[DataSource, ...]) -> Matcher:
    return Matcher(list(registry))


def default_matcher() -> Matcher:
    """The matcher of the shipped registry (no workspace settings)."""
    return matcher_for(load_registry())
