"""How the open-format exporters (BPMN, CPSV-AP) word a procedure's parts: one-line text, Vietnamese labels, time
limits and the facts about a dossier item, all through :func:`exporters.safety.xml_text`.

>>> from models.procedure import Channel
>>> time_limit(Channel(method="DIRECT", time_limit=15, time_unit="WORKING_DAY", time_note="kể từ ngày nhận"))
'15 ngày làm việc (kể từ ngày nhận)'
"""

from __future__ import annotations

from collections.abc import Sequence

from exporters.safety import xml_text
from models.enums import FindingGrade, ItemGroup, ItemKind
from models.procedure import Channel, DossierItem
from models.vocabulary import label, unit_word


def one_line(text: str | None) -> str:
    """``text`` without XML-illegal characters, its whitespace folded to single spaces."""
    return " ".join(xml_text(text).split())


def shorten(text: str | None, limit: int) -> str:
    """:func:`one_line`, cut at a word with "…" when longer than ``limit`` characters."""
    line = one_line(text)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


def time_limit(channel: Channel) -> str:
    """A channel's time limit as published: number, unit (never converted) and condition; "" when none."""
    parts = []
    if channel.time_limit is not None:
        number = f"{channel.time_limit:g}"
        word = unit_word(channel.time_unit)
        parts.append(number if word is None else f"{number} {word}")
    if channel.time_note:
        parts.append(f"({one_line(channel.time_note)})")
    return " ".join(parts)


def time_limits(channels: Sequence[Channel]) -> list[str]:
    """ "Trực tiếp: 15 ngày làm việc" for each channel with a time limit, without repeats."""
    return list(dict.fromkeys(f"{label(c.method)}: {time_limit(c)}" for c in channels if time_limit(c)))


def item_facts(
    item: DossierItem, grade: FindingGrade | None = None, sources: Sequence[str] = ()
) -> list[str]:
    """The item's full name, then one line per fact: quantities, group, accepted forms, condition, template,
    and the finder's grade with the data sources that hold the document."""
    lines = [xml_text(item.name).strip()]
    counts = [f"{n} {what}" for n, what in ((item.originals, "bản chính"), (item.copies, "bản sao")) if n]
    if counts:
        lines.append("Số lượng: " + ", ".join(counts))
    if item.group == ItemGroup.SHOW:
        lines.append(label(ItemGroup.SHOW))
    if item.copy_forms:
        lines.append("Hình thức: " + ", ".join(label(form) for form in item.copy_forms))
    if item.condition:
        lines.append(f"Điều kiện: {one_line(item.condition)}")
    if item.kind == ItemKind.FORM and item.template:
        lines.append(f"Mẫu: {one_line(item.template)}")
    if grade is not None:
        lines.append(f"Rà soát: {label(grade).lower()}" + (f" ({', '.join(sources)})" if sources else ""))
    return lines
