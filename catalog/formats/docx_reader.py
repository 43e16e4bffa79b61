"""Reading the body of a Word (.docx) package, in order, as paragraphs and tables of plain text.

The package is opened with :mod:`zipfile` and ``word/document.xml`` parsed only through :mod:`defusedxml`, which
refuses entity declarations (billion laughs, external entities). Nothing here recurses on the document's own
nesting: tables nested inside cells are flattened into the cell's text, one line per row with cells joined by
``" | "``, down to :data:`MAX_TABLE_DEPTH`; deeper tables give only their text. Every failure is a
:class:`~catalog.errors.CatalogReadError` naming the file and one reason.

>>> [type(b).__name__ for b in read_body(Path("annex.docx"))][:3]  # doctest: +SKIP
['Paragraph', 'Paragraph', 'Table']
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import fromstring

from catalog.errors import CatalogReadError

DOCUMENT_PART = "word/document.xml"
MAX_PART_BYTES = 64 * 1024 * 1024  # a procedure annex is a few MB; more is a zip bomb, not a catalog
MAX_TABLE_DEPTH = 4  # nested tables kept as rows down to this depth; deeper ones give their text only
CELL_SEPARATOR = " | "

_WORD_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict OOXML
)
_OFF = {"0", "false", "off", "none"}


@dataclass(slots=True)
class Paragraph:
    """A paragraph's text (tabs and line breaks kept), its style id, and whether all its text is bold."""

    text: str
    style: str = ""
    bold: bool = False


@dataclass(slots=True)
class Table:
    """A table as rows of cell texts; a cell's paragraphs are joined by line breaks."""

    rows: list[list[str]]


Block = Paragraph | Table


def _local(element: Element) -> str:
    """The tag without namespace, for WordprocessingML elements only.

    Any other vocabulary (drawings, text boxes, markup-compatibility alternatives) gives '' and is not read: its
    text is decoration, and ``mc:Fallback`` would repeat what ``mc:Choice`` says.
    """
    tag = element.tag if isinstance(element.tag, str) else ""
    namespace, _, name = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
    return name if namespace in _WORD_NAMESPACES else ""


def _attribute(element: Element, name: str) -> str | None:
    for namespace in _WORD_NAMESPACES:
        value = element.get(f"{{{namespace}}}{name}")
        if value is not None:
            return value
    return None


def _child(element: Element, name: str) -> Element | None:
    return next((child for child in element if _local(child) == name), None)


def _is_on(toggle: Element | None) -> bool:
    return toggle is not None and (_attribute(toggle, "val") or "true").lower() not in _OFF


def _paragraph(element: Element) -> Paragraph:
    """Text of w:t runs in order (w:tab as tab, w:br/w:cr as line break); deleted text and field codes skipped."""
    parts: list[str] = []
    bold_runs: list[bool] = []
    stack = list(reversed(list(element)))
    while stack:
        node = stack.pop()
        name = _local(node)
        if name in ("t", "tab", "br", "cr", "noBreakHyphen"):
            parts.append({"t": node.text or "", "tab": "\t", "noBreakHyphen": "-"}.get(name, "\n"))
        elif name == "r":
            props = _child(node, "rPr")
            has_text = any(_local(n) == "t" and n.text and n.text.strip() for n in node)
            if has_text:
                bold_runs.append(_is_on(_child(props, "b")) if props is not None else False)
            stack.extend(reversed(list(node)))
        elif name in ("pPr", "rPr", "delText", "instrText", "del", ""):
            continue
        else:
            stack.extend(reversed(list(node)))
    props = _child(element, "pPr")
    style_element = _child(props, "pStyle") if props is not None else None
    style = (_attribute(style_element, "val") or "") if style_element is not None else ""
    return Paragraph("".join(parts), style, bool(bold_runs) and all(bold_runs))


def _flat_text(element: Element) -> str:
    """All text under an element as one line, without recursion (for tables nested beyond the depth limit)."""
    words: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        if _local(node) == "t" and node.text:
            words.append(node.text)
        elif _local(node) not in ("delText", "instrText", "del", ""):
            stack.extend(reversed(list(node)))
    return " ".join(" ".join(words).split())


_WRAPPERS = frozenset(
    {"sdt", "sdtContent", "customXml"}
)  # content controls and custom XML around real content


def _children(
    element: Element, wanted: frozenset[str], wrappers: frozenset[str] = _WRAPPERS
) -> Iterator[Element]:
    """The children of ``element`` named in ``wanted``, in order, looking through ``wrappers`` (iteratively: a
    hostile document may nest them deeper than Python's recursion limit)."""
    stack = list(reversed(list(element)))
    while stack:
        node = stack.pop()
        name = _local(node)
        if name in wanted:
            yield node
        elif name in wrappers:
            stack.extend(reversed(list(node)))


def _content(element: Element) -> Iterator[Element]:
    """The paragraphs and tables directly inside a body or cell, looking through content controls."""
    return _children(element, frozenset({"p", "tbl"}), _WRAPPERS | {"smartTag", "ins"})


def _cells(row: Element) -> Iterator[Element]:
    return _children(row, frozenset({"tc"}))


def _rows(table: Element) -> Iterator[Element]:
    return _children(table, frozenset({"tr"}))


def _table(element: Element, depth: int) -> Table:
    """A table's rows; a nested table becomes lines of its cell's text (its own rows, cells joined)."""
    rows: list[list[str]] = []
    for row in _rows(element):
        cells: list[str] = []
        for cell in _cells(row):
            lines: list[str] = []
            for block in _content(cell):
                if _local(block) == "p":
                    lines.append(_paragraph(block).text)
                elif depth < MAX_TABLE_DEPTH:
                    nested = _table(block, depth + 1)
                    lines.extend(
                        CELL_SEPARATOR.join(" ".join(c.split()) for c in nested_row)
                        for nested_row in nested.rows
                    )
                else:
                    lines.append(_flat_text(block))
            cells.append("\n".join(lines))
        rows.append(cells)
    return Table(rows)


def read_document_xml(path: Path) -> bytes:
    """The bytes of ``word/document.xml``, with the package's faults turned into one-sentence reasons."""
    where = str(path)
    try:
        with zipfile.ZipFile(path) as package:
            try:
                info = package.getinfo(DOCUMENT_PART)
            except KeyError:
                raise CatalogReadError(
                    where, None, f"it is a ZIP package without {DOCUMENT_PART}, so not a Word document"
                ) from None
            if info.file_size > MAX_PART_BYTES:
                raise CatalogReadError(
                    where, None, f"its {DOCUMENT_PART} is {info.file_size // 1_000_000} MB, too large to read"
                )
            with package.open(info) as part:
                data = part.read(MAX_PART_BYTES + 1)
    except CatalogReadError:
        raise
    except (zipfile.BadZipFile, zlib.error):  # zlib: a member's compressed data is corrupt
        raise CatalogReadError(
            where, None, "it is not a Word document (the ZIP package is damaged or truncated)"
        ) from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise CatalogReadError(where, None, f"its ZIP package cannot be opened ({exc})") from None
    except (OSError, EOFError, ValueError) as exc:
        raise CatalogReadError(where, None, f"its ZIP package cannot be read ({exc})") from None
    if len(data) > MAX_PART_BYTES:
        raise CatalogReadError(where, None, f"its {DOCUMENT_PART} is too large to read")
    return data


def parse_body(path: Path, data: bytes) -> list[Block]:
    """The body of a ``document.xml``, in order. ``path`` only names the file in errors."""
    where = str(path)
    try:
        root = fromstring(data)
    except EntitiesForbidden:
        raise CatalogReadError(
            where, None, "the document contains XML entity declarations, which are refused"
        ) from None
    except DefusedXmlException as exc:
        raise CatalogReadError(
            where, None, f"the document contains XML that is refused for safety ({type(exc).__name__})"
        ) from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise CatalogReadError(
            where, None, f"its {DOCUMENT_PART} is not well-formed XML (line {line}, column {column})"
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise CatalogReadError(
            where, None, f"its {DOCUMENT_PART} cannot be parsed ({type(exc).__name__})"
        ) from None
    body = _child(root, "body") if _local(root) == "document" else None
    if body is None:
        raise CatalogReadError(where, None, f"its {DOCUMENT_PART} has no document body")
    blocks: list[Block] = []
    for element in _content(body):
        blocks.append(_paragraph(element) if _local(element) == "p" else _table(element, 1))
    return blocks


def read_body(path: Path) -> list[Block]:
    """The paragraphs and tables of a .docx file's body, in document order.

    Raises
    ------
    CatalogReadError : the package is damaged, lacks its document part, or the XML is refused or malformed.
    """
    return parse_body(path, read_document_xml(path))


def is_word_package(path: Path) -> bool:
    """Whether a file is a ZIP package holding ``word/document.xml`` (never raises)."""
    try:
        with zipfile.ZipFile(path) as package:
            return DOCUMENT_PART in package.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError):
        return False
