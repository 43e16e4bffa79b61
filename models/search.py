"""Searching a catalog by code and name: the folded key each procedure keeps, and the rows a query matches.

A query matches a procedure when every word of it, folded like the key (no diacritics, lower case, whatever the
spacing), occurs in the procedure's folded code and name, in any order: ``tthc list --search`` and the
workbench's search field read the same rows.

>>> keys = [search_key("1.001193", "Thủ tục đăng ký khai sinh"), search_key("1.000894", "Đăng ký kết hôn")]
>>> matching_rows(keys, query_words("  KHAI sinh   đăng ký ")), matching_rows(keys, query_words("dang ky"))
([0], [0, 1])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from models.text import fold


def search_key(code: str, name: str) -> str:
    """What a procedure is searched by: its code and name, folded (stored with it by the importer)."""
    return fold(f"{code} {name}")


def query_words(query: str) -> tuple[str, ...]:
    """The folded words of a query (none for a blank query, which matches every procedure)."""
    return tuple(fold(query).split())


def matching_rows(keys: Sequence[str], words: Sequence[str], rows: Iterable[int] | None = None) -> list[int]:
    """The rows (of ``rows``, in their order; by default all of ``keys``) whose key contains every word."""
    found = list(range(len(keys)) if rows is None else rows)
    for word in words:  # each word narrows what the next one scans
        found = [row for row in found if word in keys[row]]
    return found


def narrows(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether every row that query ``after`` matches is one ``before`` matched (the user typed on): then only
    those rows need testing again."""
    return all(any(old in new for new in after) for old in before)
