"""Word (.docx) procedure specifications in the standard publication layout: the annex of a Quyết định công bố
(Part I list, Part II one block per procedure) or a single procedure's specification.

Reading is in two stages, like every format: :meth:`DocxSpecFormat.records` reads the package
(:mod:`catalog.formats.docx_reader`) and finds each procedure's block and Part I's list (:mod:`catalog.formats.docx_layout`);
:meth:`DocxSpecFormat.parse` reads one block's fields into a :class:`~models.procedure.Procedure`
(text-level rules in :mod:`catalog.reading.spec_fields`, :mod:`catalog.reading.items`, :mod:`catalog.reading.steps`, :mod:`catalog.reading.legal`).

Codes come from the block ("Mã số: 1.001193") or from Part I, matched by folded name; a procedure published with
neither gets a code derived from its name (``DOCX-`` and a hash) and a warning. Part I rows with no block in Part II
(typically abolished procedures) are list-level records: they enrich, never replace (see :mod:`catalog.importing.merge`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from catalog.errors import CatalogReadError
from catalog.formats.base import Format, Parsed, RawRecord
from catalog.formats.docx_fields import (
    NONE_WORDS,
    apply_forms,
    read_channels,
    read_dossier,
    said,
    short,
)
from catalog.formats.docx_layout import (
    Annex,
    Decision,
    Field,
    ListEntry,
    Section,
    read_annex,
)
from catalog.formats.docx_reader import is_word_package, read_body
from catalog.reading import items as item_rules
from catalog.reading.legal import make_reference
from catalog.reading.spec_fields import (
    derived_code,
    legal_references,
    name_key,
)
from catalog.reading.spec_labels import code_in, levels_in
from catalog.reading.steps import make_step, split_steps
from models.procedure import Procedure, Result, Step
from models.text import clean, fold, is_placeholder, squash

CODE_PREFIX = "DOCX"
_ZIP_MAGIC = b"PK\x03\x04"
_WORD_SUFFIXES = (".docx", ".docm")


@dataclass(slots=True)
class _Block:
    """The data of one record: a procedure's block, or a Part I row with no block."""

    section: Section | None
    entry: ListEntry | None
    decision: Decision


class DocxSpecFormat(Format):
    name = "docx-spec"
    description = "Word procedure specification (.docx)"

    def sniff(self, path: Path, head: bytes) -> bool:
        # A damaged package that is named as a Word file is ours to explain; other ZIP packages are not.
        if head.startswith(_ZIP_MAGIC) and is_word_package(path):
            return True
        return path.suffix.lower() in _WORD_SUFFIXES

    def records(self, path: Path) -> Iterator[RawRecord]:
        try:
            annex = read_annex(read_body(path))
        except CatalogReadError:
            raise
        except (
            ValueError,
            TypeError,
            KeyError,
            IndexError,
            AttributeError,
            RecursionError,
            zipfile.error,
        ) as exc:
            raise CatalogReadError(
                str(path), None, f"its layout could not be read ({type(exc).__name__})"
            ) from None
        yield from _records(path, annex)

    def parse(self, record: RawRecord) -> Parsed:
        block = record.data
        if not isinstance(block, _Block):
            raise CatalogReadError(
                str(record.file), record.label, "it is not a block of a Word specification"
            )
        try:
            if block.section is not None:
                return _procedure(block.section, block.entry, block.decision)
            if block.entry is not None:
                return _listing(block.entry, block.decision)
            raise _Problem("it holds neither a procedure block nor a Part I row")
        except _Problem as problem:
            raise CatalogReadError(str(record.file), record.label, str(problem)) from None
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
            raise CatalogReadError(
                str(record.file), record.label, f"a field could not be read ({type(exc).__name__})"
            ) from None


class _Problem(Exception):
    pass


def _records(path: Path, annex: Annex) -> Iterator[RawRecord]:
    if annex.unheaded_fields:
        raise CatalogReadError(
            str(path),
            None,
            "its Part II has labelled fields but no procedure heading (a numbered 'Thủ tục …' line) to tell "
            "the procedures apart",
        )
    if not annex.sections and not annex.listing:
        reason = (
            "Part I lists no procedure and Part II has no procedure block"
            if annex.has_part_one
            else "no procedure specification was found in it (no 'Phần II' blocks, no procedure heading and no "
            "labelled fields such as 'Trình tự thực hiện')"
        )
        raise CatalogReadError(str(path), None, reason)
    by_name: dict[str, ListEntry] = {}
    for entry in annex.listing:
        by_name.setdefault(name_key(entry.name), entry)
    matched: set[int] = set()
    for number, section in enumerate(annex.sections, start=1):
        listed = by_name.get(name_key(section.name))
        if listed is not None:
            matched.add(id(listed))
        yield RawRecord(
            path, f"procedure {number} ({short(section.name)})", _Block(section, listed, annex.decision)
        )
    for entry in annex.listing:
        if id(entry) not in matched:
            yield RawRecord(
                path, f"Part I {entry.where} ({short(entry.name)})", _Block(None, entry, annex.decision)
            )


# ----------------------------------------------------------------------------------------------- the header


def _code(section: Section, entry: ListEntry | None, name: str, warnings: list[str]) -> str:
    code_field = section.fields.get("code")
    published = code_in(code_field.text()) if code_field is not None else None
    if published:
        return published
    if section.heading_code:
        return section.heading_code
    if entry is not None and entry.code:
        return entry.code
    code = derived_code(CODE_PREFIX, name)
    warnings.append(f"the document gives no code for '{short(name)}'; code {code} is derived from its name")
    return code


def _announced(procedure: Procedure, decision: Decision) -> Procedure:
    """The procedure with the decision the annex belongs to (number, date, issuer) where the document cites it."""
    if decision.number:
        title = f"Quyết định số {decision.number} {decision.date_text or ''}"
        procedure.announcement_decision = decision.number
        procedure.announcement_date = (
            make_reference(title, decision.number).date if decision.date_text else None
        )
        procedure.announcement_issuer = decision.issuer
    return procedure


def _split_entries(lines: list[str]) -> list[str]:
    """Entries of a list field (subjects, agencies): one per line or per ';', bullets and end marks peeled."""
    out: list[str] = []
    for line in lines:
        for part in line.split(";"):
            text = item_rules.normalize_name(part)
            if text and not is_placeholder(text) and fold(text) not in NONE_WORDS:
                out.append(text)
    return list(dict.fromkeys(out))


_AGENCY_ROLES = (
    ("co quan co tham quyen", "competent_authorities"),
    ("co quan duoc uy quyen", "authorised_agencies"),
    ("co quan phoi hop", "coordinating_agencies"),
    ("co quan truc tiep thuc hien", "executing_agencies"),
    ("co quan thuc hien", "executing_agencies"),
)


class _Agencies(NamedTuple):
    competent_authorities: list[str]
    executing_agencies: list[str]
    authorised_agencies: list[str]
    coordinating_agencies: list[str]


def _agencies(field_: Field | None, entry: ListEntry | None) -> _Agencies:
    """Agencies by role: lines "Cơ quan có thẩm quyền: …", "Cơ quan phối hợp: …"; an unlabelled line executes."""
    roles: dict[str, list[str]] = {role: [] for _, role in _AGENCY_ROLES}
    for line in field_.lines() if field_ is not None else []:
        head, colon, value = line.partition(":")
        key = fold(item_rules.strip_bullet(head))
        role = next((r for opening, r in _AGENCY_ROLES if colon and key.startswith(opening)), None)
        roles[role or "executing_agencies"].extend(_split_entries([value if role else line]))
    if not roles["executing_agencies"] and entry is not None and entry.agency:
        roles["executing_agencies"] = _split_entries(entry.agency.splitlines())
    return _Agencies(**{role: list(dict.fromkeys(names)) for role, names in roles.items()})


# -------------------------------------------------------------------------------------------------- steps


_TOP_BULLET = re.compile(r"^\s*(?:[-•–]|\d{1,2}[.)])\s*")


def _steps(field_: Field | None) -> list[Step]:
    """Steps of "Trình tự thực hiện": numbered "Bước N" text, else one step per top-level bullet line."""
    if field_ is None:
        return []
    text = field_.text()
    if len(re.findall(r"(?im)^[\s\-+*]*bước\s*\d", text)) >= 2:
        return split_steps(None, text)
    groups: list[list[str]] = []
    for line in field_.lines():
        if _TOP_BULLET.match(line) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)  # "+ Trường hợp…" and wrapped lines belong to the step above
    if len(groups) < 2:
        return split_steps(None, text)
    return [make_step(None, "\n".join(group)) for group in groups]


# ------------------------------------------------------------------------------------------------ the rest


_RESULT_CODE = re.compile(r"\bKQ\.[A-Z0-9]+\.\d+\b")


def _results(field_: Field | None) -> list[Result]:
    field_ = said(field_)
    if field_ is None:
        return []
    results = []
    for line in field_.lines():
        code = _RESULT_CODE.search(line)
        text = _RESULT_CODE.sub("", line) if code else line
        name = item_rules.normalize_name(
            re.sub(r"\(\s*(?:mã\s*:?)?\s*\)|\bmã\s*:?\s*$", "", text, flags=re.IGNORECASE)
        )
        if name and not is_placeholder(name):
            results.append(Result(name=name, code=code.group(0) if code else None))
    return results


def _lines_unless_none(field_: Field | None) -> list[str]:
    field_ = said(field_)
    if field_ is None:
        return []
    return [
        squash(item_rules.strip_bullet(line))
        for line in field_.lines()
        if squash(item_rules.strip_bullet(line))
    ]


def _procedure(section: Section, entry: ListEntry | None, decision: Decision) -> Parsed:
    warnings: list[str] = []
    name_field = section.fields.get("name")
    name = clean(section.name) or (squash(name_field.text()) if name_field is not None else "")
    if not name:
        raise _Problem("the procedure has no name (no heading and no 'Tên thủ tục')")
    code = _code(section, entry, name, warnings)
    context = entry.context if entry is not None else section.context
    levels_field = section.fields.get("levels")
    levels = levels_in(levels_field.text()) if levels_field is not None else []
    if not levels:
        levels = [level for level in (context.level, section.context.level) if level is not None][:1]
    field_name_field = section.fields.get("field")
    items, notes = read_dossier(section)
    apply_forms(section, items, notes, warnings)
    channels = read_channels(section, warnings)
    address = section.fields.get("address")
    agencies = _agencies(section.fields.get("agencies"), entry)
    procedure = Procedure(
        code=code,
        name=name,
        levels=levels,
        field=(squash(field_name_field.text()) if field_name_field is not None else None)
        or (entry.field if entry is not None else None)
        or section.context.field,
        subjects=_split_entries(section.fields["subjects"].lines()) if "subjects" in section.fields else [],
        receiving_address=squash(address.text()) or None if address is not None else None,
        requirements=_lines_unless_none(section.fields.get("requirements")),
        status=context.status or section.context.status,
        channels=channels,
        steps=_steps(section.fields.get("steps")),
        items=items,
        notes=notes,
        results=_results(section.fields.get("results")),
        legal_basis=legal_references(_lines_unless_none(section.fields.get("legal"))),
        competent_authorities=agencies.competent_authorities,
        executing_agencies=agencies.executing_agencies,
        authorised_agencies=agencies.authorised_agencies,
        coordinating_agencies=agencies.coordinating_agencies,
    )
    _announced(procedure, decision)
    if not procedure.steps:
        warnings.append("it has no 'Trình tự thực hiện'")
    if not items:
        warnings.append("it lists no dossier item")
    return Parsed(procedure, warnings)


def _listing(entry: ListEntry, decision: Decision) -> Parsed:
    """A Part I row without a Part II block: list-level data (code, name, field, agency, status, level)."""
    warnings: list[str] = []
    code = entry.code or derived_code(CODE_PREFIX, entry.name)
    if not entry.code:
        warnings.append(
            f"the document gives no code for '{short(entry.name)}'; code {code} is derived from its name"
        )
    procedure = Procedure(
        code=code,
        name=clean(entry.name),
        field=entry.field,
        levels=[entry.context.level] if entry.context.level else [],
        executing_agencies=_split_entries((entry.agency or "").splitlines()),
        status=entry.context.status,
    )
    return Parsed(_announced(procedure, decision), warnings, listing=True)
