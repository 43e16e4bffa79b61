"""WordprocessingML for exporters that write long Word documents: the document shell and body XML as text.

python-docx builds a document one object at a time, which takes minutes for a national catalog's tables. Exporters
here build the *shell* with python-docx once (styles, A4 page, margins, footer with the page number) and write the
body as WordprocessingML text, which is then streamed into the package's ``word/document.xml``
(:class:`Shell`). Every text goes through :func:`exporters.safety.xml_text` and is escaped, so imported text is
always literal text: a value starting with "=" or "{" never becomes a field or formula.

Page set-up follows Vietnamese administrative documents (Decree 30/2020/NĐ-CP, Annex I): A4 portrait, margins
top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 13 pt.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, Twips
from docx.styles.style import ParagraphStyle

from exporters.safety import xml_text

FONT = "Times New Roman"
BODY_PT = 13
TITLE_PT = 14
TABLE_PT = 12
TEXT_WIDTH = round((210 - 30 - 15) / 25.4 * 1440)  # twips between the margins of an A4 portrait page
DOCUMENT_PART = "word/document.xml"
# Package entries carry no clock time: the same input gives the same bytes.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)

# Paragraph styles the body refers to, by style id. Names are what Word shows in its style gallery.
TITLE = "Title"
ANNEX_NOTE = "AnnexNote"
PART = "Heading1"  # Phần I, Phần II
STATUS_GROUP = "Heading2"  # A. Thủ tục hành chính mới ban hành
FIELD_GROUP = "Heading3"  # I. Lĩnh vực Hộ tịch
PROCEDURE = "Heading4"  # 1. Thủ tục đăng ký khai sinh
FIELD_LABEL = "FieldLabel"
BODY = "Normal"
TABLE_TEXT = "TableText"
TABLE_HEADING = "TableHeading"
TABLE_STYLE = "TableGrid"


# ------------------------------------------------------------------------------------------------ body XML


class Xml(str):
    """WordprocessingML already built (a table), as opposed to text that is still to be escaped."""


def escape(text: str | None) -> str:
    """``text`` as XML character data: characters XML cannot carry dropped, markup characters escaped."""
    return xml_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text: str | None, *, bold: bool | None = None, italic: bool = False) -> str:
    """A run of literal text; line breaks become ``w:br`` and tabs ``w:tab``. ``bold=False`` switches off the bold
    of a bold paragraph style (the value after a field's label)."""
    props = ""
    if bold is not None or italic:
        flags = {True: "<w:b/>", False: '<w:b w:val="0"/>', None: ""}[bold] + ("<w:i/>" if italic else "")
        props = f"<w:rPr>{flags}</w:rPr>"
    parts: list[str] = []
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines):
        if number:
            parts.append("<w:br/>")
        for index, piece in enumerate(line.split("\t")):
            if index:
                parts.append("<w:tab/>")
            if piece:
                space = ' xml:space="preserve"' if piece[0].isspace() or piece[-1].isspace() else ""
                parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return f"<w:r>{props}{''.join(parts)}</w:r>"


def paragraph(*runs: str, style: str = BODY, align: str | None = None) -> str:
    """A paragraph of ``runs`` (see :func:`run`) in ``style``; ``align`` is a ``w:jc`` value ("center")."""
    props = "" if style == BODY else f'<w:pStyle w:val="{style}"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    return f"<w:p>{'<w:pPr>' + props + '</w:pPr>' if props else ''}{''.join(runs)}</w:p>"


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its text (one paragraph per line), how many grid columns it spans, whether it is bold, and
    its alignment (a ``w:jc`` value)."""

    text: str = ""
    span: int = 1
    bold: bool = False
    align: str | None = None


def _cell(cell: Cell, width: int, style: str) -> str:
    span = f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else ""
    lines = cell.text.split("\n") if cell.text else [""]
    body = "".join(
        paragraph(run(line, bold=cell.bold or None) if line else "", style=style, align=cell.align)
        for line in lines
    )
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}</w:tcPr>{body}</w:tc>'


def table(widths: Sequence[int], header: Sequence[str], rows: Iterable[Sequence[str | Cell]]) -> Xml:
    """A bordered table (style "Table Grid") with fixed column ``widths`` in twips and a header row that repeats
    on every page. A row is a sequence of texts or :class:`Cell` objects (for merged cells)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = "".join(
        _cell(Cell(text), width, TABLE_HEADING) for text, width in zip(header, widths, strict=True)
    )
    parts = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"
    ]
    for row in rows:
        cells: list[str] = []
        column = 0
        for value in row:
            cell = value if isinstance(value, Cell) else Cell(value)
            cells.append(_cell(cell, sum(widths[column : column + cell.span]), TABLE_TEXT))
            column += cell.span
        parts.append(f"<w:tr>{''.join(cells)}</w:tr>")
    parts.append("</w:tbl>")
    return Xml("".join(parts))


def label_table(widths: Sequence[int], rows: Iterable[tuple[str, str]]) -> Xml:
    """A two-column label | value table without a header row (label cells bold)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    parts = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
    ]
    for label, value in rows:
        parts.append(
            f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{_cell(Cell(label, bold=True), widths[0], TABLE_TEXT)}"
            f"{_cell(Cell(value), widths[1], TABLE_TEXT)}</w:tr>"
        )
    parts.append("</w:tbl>")
    return Xml("".join(parts))


def mm(value: float) -> int:
    """Millimetres in twips."""
    return round(value / 25.4 * 1440)


# ------------------------------------------------------------------------------------------------- the shell


def _set_fonts(r_pr: Any, *, size_pt: float | None = None) -> None:
    """Times New Roman for every script in a ``w:rPr``, replacing theme fonts (which would win over a named
    font), and the size."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for name in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{name}"), FONT)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            found = r_pr.find(qn(tag))
            if found is None:
                found = OxmlElement(tag)
                r_pr.append(found)
            found.set(qn("w:val"), str(round(size_pt * 2)))


def _paragraph_style(document: DocxDocument, style_id: str, name: str) -> ParagraphStyle:
    styles = document.styles
    found = next((s for s in styles if s.style_id == style_id), None)
    if found is None:
        found = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        found.base_style = styles["Normal"]
    return found


@dataclass(frozen=True, slots=True)
class _Style:
    """A paragraph style of the shell: Times New Roman at ``size_pt``, no theme colour, no border."""

    style_id: str
    name: str  # built-in styles by their built-in (lower-case) name, so Word keeps them as its own
    size_pt: float = BODY_PT
    bold: bool | None = None
    italic: bool | None = None
    align: str = "left"
    before_pt: float = 0
    after_pt: float = 0
    keep_next: bool = False  # headings and labels stay on the page of what follows them
    outline: int | None = None  # level in Word's navigation pane
    indent_mm: float = 0  # first line
    line_spacing: float = 1.0


_STYLES = (
    _Style(BODY, "Normal", align="both", after_pt=4, indent_mm=10, line_spacing=1.1),
    _Style(TITLE, "Title", TITLE_PT, bold=True, align="center"),
    _Style(ANNEX_NOTE, "Annex Note", TITLE_PT, italic=True, align="center", after_pt=12),
    _Style(
        PART, "heading 1", TITLE_PT, True, align="center", before_pt=12, after_pt=6, keep_next=True, outline=0
    ),
    _Style(STATUS_GROUP, "heading 2", bold=True, before_pt=10, after_pt=4, keep_next=True, outline=1),
    _Style(FIELD_GROUP, "heading 3", bold=True, before_pt=10, after_pt=4, keep_next=True, outline=2),
    _Style(
        PROCEDURE, "heading 4", bold=True, align="both", before_pt=10, after_pt=4, keep_next=True, outline=3
    ),
    _Style(FIELD_LABEL, "Field Label", bold=True, align="both", before_pt=4, after_pt=2, keep_next=True),
    _Style(TABLE_TEXT, "Table Text", TABLE_PT),
    _Style(TABLE_HEADING, "Table Heading", TABLE_PT, bold=True, align="center"),
    _Style("Footer", "footer", TABLE_PT, align="center"),
)
_ALIGN = {"left": 0, "center": 1, "both": 3}


def _apply(document: DocxDocument, spec: _Style) -> None:
    style = _paragraph_style(document, spec.style_id, spec.name)
    element = style.element
    r_pr = element.get_or_add_rPr()
    for tag in ("w:color", "w:spacing", "w:kern", "w:i", "w:iCs"):
        for found in r_pr.findall(qn(tag)):
            r_pr.remove(found)
    _set_fonts(r_pr, size_pt=spec.size_pt)
    style.font.bold, style.font.italic = spec.bold, spec.italic
    p_pr = element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:numPr", "w:contextualSpacing", "w:outlineLvl"):
        for found in p_pr.findall(qn(tag)):
            p_pr.remove(found)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(spec.before_pt), Pt(spec.after_pt)
    fmt.keep_with_next = spec.keep_next or None
    fmt.first_line_indent = Mm(spec.indent_mm)
    fmt.alignment = _ALIGN[spec.align]
    fmt.line_spacing = spec.line_spacing
    if spec.outline is not None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(spec.outline))
        p_pr.append(level)
    style.quick_style = True


def _page_number_footer(document: DocxDocument, section: Section) -> None:
    """A centred footer holding a PAGE field (Word and LibreOffice compute the number when they lay out)."""
    footer = section.footer
    footer.is_linked_to_previous = False
    para = footer.paragraphs[0]
    para.style = document.styles["Footer"]
    for kind, value in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        r = OxmlElement("w:r")
        if value is None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r.append(char)
        else:
            node = OxmlElement("w:instrText" if kind == "instr" else "w:t")
            node.set(qn("xml:space"), "preserve")
            node.text = value
            r.append(node)
        para._p.append(r)


def _shell_document(title: str) -> DocxDocument:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)  # A4 as Word writes it
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)

    defaults = document.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(r_pr, size_pt=BODY_PT)
    lang = r_pr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")

    for spec in _STYLES:
        _apply(document, spec)
    _page_number_footer(document, section)

    properties = document.core_properties
    properties.title = title
    properties.author = "TTHC Workbench"
    properties.comments = ""
    properties.language = "vi-VN"
    return document


@dataclass(slots=True)
class Shell:
    """A Word package whose body is written later: every part but ``word/document.xml``, and that part's text
    before and after the body's content.

    >>> shell = Shell.build("Phụ lục")
    >>> with zipfile.ZipFile(io.BytesIO(), "w") as package:
    ...     shell.write(package, [paragraph(run("Xin chào"))])
    """

    parts: dict[str, bytes]
    head: str
    tail: str

    @classmethod
    def build(cls, title: str) -> Shell:
        buffer = io.BytesIO()
        _shell_document(title).save(buffer)
        parts: dict[str, bytes] = {}
        with zipfile.ZipFile(buffer) as package:
            for name in package.namelist():
                parts[name] = package.read(name)
        document = parts.pop(DOCUMENT_PART).decode("utf-8")
        body_at = document.index("<w:body>") + len("<w:body>")
        section_at = document.rindex("<w:sectPr")
        parts = _without_thumbnail(parts)
        parts["docProps/core.xml"] = _without_dates(parts["docProps/core.xml"])
        parts["word/settings.xml"] = _settings(parts["word/settings.xml"])
        return cls(parts, document[:body_at], document[section_at:])

    def write(self, package: zipfile.ZipFile, body: Iterable[str | bytes]) -> None:
        """Write the package: the shell's parts, and ``word/document.xml`` streamed from ``body``'s pieces."""
        for name, data in self.parts.items():
            package.writestr(_entry(name), data)
        with package.open(_entry(DOCUMENT_PART), "w", force_zip64=True) as part:
            part.write(self.head.encode("utf-8"))
            for piece in body:
                part.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            part.write(self.tail.encode("utf-8"))


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


_THUMBNAIL = re.compile(r'<Relationship [^>]*Target="docProps/thumbnail\.jpeg"[^>]*/>')


def _without_thumbnail(parts: dict[str, bytes]) -> dict[str, bytes]:
    """python-docx's template carries a thumbnail of an empty page; file managers would show it as the preview."""
    rels = parts["_rels/.rels"].decode("utf-8")
    parts["_rels/.rels"] = _THUMBNAIL.sub("", rels).encode("utf-8")
    parts.pop("docProps/thumbnail.jpeg", None)
    return parts


def _without_dates(core: bytes) -> bytes:
    """Core properties without the template's 2013 creation dates (dates are optional; no clock, same bytes)."""
    text = core.decode("utf-8")
    for tag in ("dcterms:created", "dcterms:modified"):
        start = text.find(f"<{tag} ")
        if start >= 0:
            end = text.index(f"</{tag}>", start) + len(f"</{tag}>")
            text = text[:start] + text[end:]
    return text.encode("utf-8")


def _settings(settings: bytes) -> bytes:
    """Do not stretch a justified line that ends with a line break (steps keep their lines in one paragraph)."""
    text = settings.decode("utf-8")
    if "<w:compat>" in text and "doNotExpandShiftReturn" not in text:
        text = text.replace("<w:compat>", "<w:compat><w:doNotExpandShiftReturn/>", 1)
    return text.encode("utf-8")
