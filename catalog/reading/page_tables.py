"""Reading the portal's flattened page tables: a detail page crawled to text loses its table structure, so each
table comes as one string ("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp15 NgàyMiễn phí…").

Rows are recovered from what the table's columns always contain (DOMAIN.md §3):

- channels: a method word, then a time (number + a closed list of units), then a fee token (Miễn phí / Không có
  thông tin / an amount with its currency), then the fee's note in parentheses and the row's description;
- dossier items: every item ends with its "Số lượng" cell ("N bản chính[,M bản sao]"), form files are glued between
  the name and the quantity ("…theo mẫu.Mẫu 01.docx1 bản chính");
- legal basis: every row ends with the document's number glued to its title ("…Luật Hộ tịch60/2014/QH13").

Nothing is guessed: where a cell cannot be told apart (a unit-less time glued to an amount, "Trực tiếp120 VNĐ"),
both are left unknown and a warning says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from catalog.reading.legal import ISSUERS, make_reference
from models.enums import ChannelMethod, FeeKind, TimeUnit
from models.procedure import Channel, Fee, LegalReference
from models.text import clean, clean_or_none, fold, squash

# --- channels ----------------------------------------------------------------------------------------------------

CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_METHOD_WORDS = {
    "Trực tiếp": ChannelMethod.DIRECT,
    "Trực tuyến": ChannelMethod.ONLINE,
    "Dịch vụ bưu chính": ChannelMethod.POSTAL,
}
_ROW = re.compile(r"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\s*(?:\d|Không|Miễn|Chưa))")
# Where the time cell holds prose, a row still starts at the table's start or glued to the previous row's text.
_LOOSE_ROW = re.compile(r"(?:^|(?<=[^\s(]))(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)")
_TIME = re.compile(r"(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ|Tháng|Năm|Tuần)?", re.IGNORECASE)
_UNIT = {
    "ngay lam viec": TimeUnit.WORKING_DAY,
    "ngay": TimeUnit.DAY,
    "gio": TimeUnit.HOUR,
    "thang": TimeUnit.MONTH,
}
_UNKNOWN = "Không có thông tin"
_AMOUNT = re.compile(r"(\d[\d.,]*)\s*(Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD)")
_FREE = ("Miễn phí", "Không thu phí", "Không mất phí")


def _number(text: str) -> int:
    """'2,000,000' and '200.000' are thousands separators in fee amounts."""
    return int(re.sub(r"[.,]", "", text))


def _parenthesised(text: str) -> tuple[str | None, str]:
    """The balanced "(…)" group at the start of ``text`` and what follows it."""
    if not text.startswith("("):
        return None, text
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return text[1:index], text[index + 1 :]
    return text[1:], ""  # unbalanced: the rest is the note


def _fee_kind(note: str | None) -> FeeKind:
    key = fold(note)
    if key.startswith("le phi") or key.startswith("- le phi"):
        return FeeKind.CHARGE
    if key.startswith("phi") or key.startswith("- phi"):
        return FeeKind.FEE
    return FeeKind.OTHER


def parse_channels(text: str | None, warnings: list[str]) -> list[Channel]:
    """Channel rows of the flattened 'Cách thức thực hiện' table.

    >>> [(str(c.method), c.time_limit, str(c.time_unit), c.fee_vnd) for c in parse_channels(
    ...     "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp15 Ngày làm việc200,000 VNĐTrực tuyến1Miễn phí", [])]
    [('DIRECT', 15.0, 'WORKING_DAY', 200000), ('ONLINE', 1.0, 'OTHER', 0)]
    """
    body = clean(text)
    if not body or clean_or_none(body) is None:
        return []
    body = body.removeprefix(CHANNEL_HEADER)
    rows = list(_ROW.finditer(body)) or list(_LOOSE_ROW.finditer(body))
    channels = []
    for index, row in enumerate(rows):
        following = rows[index + 1] if index + 1 < len(rows) else None
        cell = body[row.end() : following.start() if following else len(body)].strip()
        channels.append(_channel(_METHOD_WORDS[row.group(1)], cell, warnings))
    if not rows and body.strip():
        warnings.append("the channel table has no row that starts with a submission method")
    return channels


def _channel(method: ChannelMethod, cell: str, warnings: list[str]) -> Channel:
    limit: float | None = None
    unit: TimeUnit | None = None
    rest = cell
    glued = re.match(r"\d+\s*(?:Việt Nam Đồng|VNĐ|VND|Đồng|USD)", cell)
    if glued or re.match(r"\d+[.,]\d{3}\b", cell):
        # "Trực tiếp120 VNĐ": 1 day + 20 đồng? 12 + 0? The page lost the cell border: guess neither.
        warnings.append(
            f"{method} channel: time and fee are glued ('{squash(cell)[:30]}'), both left unknown"
        )
        amount_match = _AMOUNT.match(cell)
        rest = cell[amount_match.end() :] if amount_match else cell
        note, rest = _parenthesised(rest.strip())
        return Channel(
            method=method,
            fees=[Fee(kind=_fee_kind(note), amount_vnd=None, note=clean_or_none(note))],
            time_note=clean_or_none(rest),
        )
    if rest.startswith(_UNKNOWN):
        rest = rest[len(_UNKNOWN) :]
    elif match := _TIME.match(rest):
        limit = float(match.group(1).replace(",", "."))
        unit = _UNIT.get(fold(match.group(2)), TimeUnit.OTHER) if match.group(2) else TimeUnit.OTHER
        if match.group(2) and fold(match.group(2)) not in _UNIT:
            warnings.append(f"{method} channel: time unit '{match.group(2)}' kept as OTHER")
        rest = rest[match.end() :]
    fees, rest = _fees(rest.strip())
    return Channel(method=method, time_limit=limit, time_unit=unit, fees=fees, time_note=clean_or_none(rest))


def _fees(text: str) -> tuple[list[Fee], str]:
    amount: int | None
    if text.startswith(_FREE):
        amount, text = 0, text[len(next(f for f in _FREE if text.startswith(f))) :]
    elif text.startswith(_UNKNOWN):
        amount, text = None, text[len(_UNKNOWN) :]
    elif match := _AMOUNT.match(text):
        foreign = match.group(2) == "USD"
        amount, text = (None if foreign else _number(match.group(1))), text[match.end() :]
        if foreign:  # amounts in another currency stay in the note, never converted
            text = f"({match.group(0)}{'; ' + text[1:] if text.startswith('(') else ')' + text}"
    else:
        return [], text
    note, rest = _parenthesised(text.strip())
    return [Fee(kind=_fee_kind(note), amount_vnd=amount, note=clean_or_none(note))], rest.strip()


# --- dossier ------------------------------------------------------------------------------------------------------

DOSSIER_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
QUANTITY = re.compile(r"(?:(\d+)\s*bản chính(?:\s*,\s*(\d+)\s*bản sao)?|(\d+)\s*bản sao)")
_CELL_TAIL = re.compile(r"[.;,)]*")


def _after_cell(segment: str, quantity: re.Match[str]) -> int:
    """Where the text after a quantity cell resumes, past the punctuation the crawl left on it."""
    tail = _CELL_TAIL.match(segment, quantity.end())
    return tail.end() if tail else quantity.end()


def _is_cell(segment: str, quantity: re.Match[str]) -> bool:
    """Whether a quantity phrase is the "Số lượng" cell rather than words of an item's name.

    The cell is glued to the next row's name or ends the table ("…hợp lệ.1 bản chínhĐơn đề nghị…"); a quantity
    that the name states ("Thư bảo lãnh: 01 bản chính; …", "01 bản sao giấy khai sinh") is followed by a space.
    """
    position = _after_cell(segment, quantity)
    return position >= len(segment) or not segment[position].isspace()


def _split_count(digits: str) -> tuple[str, int]:
    """Digits glued before the cell's count belong to the name: "năm 20161" -> ("2016", 1), "Nghị định 1161" ->
    ("116", 1). A count has at most two digits."""
    if len(digits) > 4 and re.match(r"(?:19|20)\d{2}", digits):
        return digits[:4], int(digits[4:])
    if len(digits) > 2:
        return digits[:-1], int(digits[-1])
    return "", int(digits)


_EXTENSION = re.compile(r"\.(?:docx?|pdf|xlsx?|rar|zip|odt|ods|rtf|jpe?g|png|tiff?)$", re.IGNORECASE)
_MAX_STEM = 150


@dataclass(slots=True)
class RawItem:
    """One row of the dossier table before it is judged item or note."""

    text: str
    originals: int | None
    copies: int | None
    heading: str | None
    templates: list[str] = field(default_factory=list)
    in_table: bool = True  # False for a dossier section that has no table at all: its text is guidance


_INNER_EXTENSION = re.compile(
    r"\.(?:docx?|pdf|xlsx?|rar|zip|odt|ods|rtf|jpe?g|png|tiff?)(?=\S)", re.IGNORECASE
)
_FILE_START = re.compile(r"(?:mau|phu luc|pl|tk|bm|m\d|\d)", re.IGNORECASE)


def _stem_start(text: str, end: int) -> int:
    """Where a form file name glued to the end of an item's text begins (``end`` is its extension's dot).

    Candidates are the places where prose meets a name without a space (after ";:", ")" or a full stop, or a
    lower-case letter glued to a capital: "…trực thuộc BộMau02.doc"); the farthest one that starts like a form's
    file name ("Mẫu…", "Phụ lục…", "TK01…") wins over a capital inside the name ("MauDanhsachthuyenvien.docx").
    """
    floor = max(0, end - _MAX_STEM)
    candidates = []
    for i in range(end - 1, floor, -1):
        prev, nxt = text[i - 1], text[i]
        if nxt.isspace():
            continue
        if (
            prev in ";:"
            or (prev == ")" and nxt not in ".)")
            or (prev == "." and (nxt.isupper() or (nxt.isdigit() and not text[i - 2 : i - 1].isdigit())))
            or (prev.isalpha() and prev.islower() and nxt.isupper())
        ):
            candidates.append(i)
    if not candidates:
        return floor
    named = [
        i
        for i in candidates
        if _FILE_START.match(fold(text[i : i + 10])) and not _INNER_EXTENSION.search(text, i, end)
    ]
    return named[-1] if named else candidates[0]


def peel_templates(text: str) -> tuple[str, list[str]]:
    """Split form files glued to the end of an item's text ("…theo mẫu.Mẫu 01.docxMẫu 02.doc").

    >>> peel_templates("Tờ khai (Mẫu NA5) ban hành kèm theo Thông tư.NA5 (1).doc")
    ('Tờ khai (Mẫu NA5) ban hành kèm theo Thông tư.', ['NA5 (1).doc'])
    """
    files: list[str] = []
    while match := _EXTENSION.search(text):
        start = _stem_start(text, match.start())
        if start >= match.start():
            break
        files.insert(0, text[start:].strip())
        text = text[:start]
    return text.strip(), files


def parse_dossier(text: str | None, warnings: list[str]) -> list[RawItem]:
    """Rows of the flattened 'Thành phần hồ sơ' table, each with the heading of the case it sits under.

    Text after the last quantity of a case is the next case's heading ("--" when it has none); after the last
    case it is trailing guidance, returned as a row with no quantity.
    """
    body = clean(text)
    if not body or clean_or_none(body) is None or body.strip("- ") == "":
        return []
    parts = body.split(DOSSIER_HEADER)
    if len(parts) == 1:
        warnings.append("the dossier section has no table; its text is kept as a note")
        return [RawItem(body, None, None, None, in_table=False)]
    rows: list[RawItem] = []
    heading = _heading(parts[0])
    for index, segment in enumerate(parts[1:], start=1):
        position = 0
        quantities = list(QUANTITY.finditer(segment))
        for number, quantity in enumerate(quantities):
            if quantity.start() < position or not _is_cell(segment, quantity):
                continue
            cell_end = _after_cell(segment, quantity)
            following = quantities[number + 1] if number + 1 < len(quantities) else None
            if following is not None and following.start() == cell_end and _is_cell(segment, following):
                continue  # "…nhập khẩu: 01 bản chính1 bản chính…": the name states a quantity, the cell follows
            glued, count = _split_count(quantity.group(1) or quantity.group(3))
            cell = segment[position : quantity.start()] + glued
            position = cell_end
            name, templates = peel_templates(cell.strip())
            originals = count if quantity.group(1) else 0
            copies = int(quantity.group(2)) if quantity.group(2) else (count if quantity.group(3) else 0)
            if not name and not templates:
                warnings.append(
                    f"a dossier row with a quantity but no name was skipped (case '{heading or '-'}')"
                )
                continue
            rows.append(RawItem(name or templates[0], originals, copies, heading, templates))
        tail = segment[position:].strip()
        if index == len(parts) - 1:
            if _heading(tail):  # guidance after the table, or a last row whose quantity cell is missing
                rows.append(RawItem(tail, None, None, heading))
        else:
            heading = _heading(tail)
    return rows


def _heading(text: str) -> str | None:
    value = text.strip()
    return None if not value or value.strip("- ") == "" else value


# --- legal basis --------------------------------------------------------------------------------------------------

LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
_GROUP = re.compile(r"QH\d{2}|UBTVQH\d{2}|TTg|[A-ZĐ]+")
_KNOWN = set(ISSUERS) | {
    "TT",
    "NĐ",
    "QĐ",
    "NQ",
    "CT",
    "TTLT",
    "L",
    "VBHN",
    "HD",
    "KH",
    "TB",
    "BC",
    "CV",
    "PL",
    "QH",
}


def _known(word: str) -> bool:
    return word in _KNOWN or re.fullmatch(r"(?:UBTV)?QH\d{2}", word) is not None


def _suffix_end(text: str, start: int) -> int:
    """End of a document number's suffix ("NĐ-CP", "TT-BTC", "QH13") that begins at ``start``."""
    position = start
    while group := _GROUP.match(text, position):
        word, end = group.group(0), group.end()
        glued = end < len(text) and (
            text[end].isalpha() or (text[end] == " " and text[end + 1 : end + 2].isupper())
        )
        if not _known(word) and glued:
            # "…TT-BTCNghị định", "…NĐ-CPLUẬT", "…NĐ-CPQUY ĐỊNH": the capitals that start the next title are not
            # the number's.
            known = next((word[:n] for n in range(len(word) - 1, 0, -1) if _known(word[:n])), None)
            if known:
                return position + len(known)
        position = end
        if position < len(text) - 1 and text[position] in "-_/" and _GROUP.match(text, position + 1):
            position += 1
            continue
        break
    return position


_RUN = re.compile(r"\d[\d.]*/")  # a run of digits (and dots: 66.7/2025/NQ-CP) that a slash ends
_NUMBER_BODY = re.compile(r"\d{1,4}[a-z]?(?:\.\d{1,3})?")
_YEAR = re.compile(r"(?:19|20)\d{2}(?!\d)")


def _numbers(text: str) -> list[tuple[int, int]]:
    """Spans of document numbers ("60/2014/QH13", "66.7/2025/NQ-CP", "1872/QĐ-BTP", "24/2024"), left to right.

    Digits glued before a number belong to what precedes it: the end of the previous number
    ("…QH1354/2014/QH13"), a year ("năm 202405/2024/UBTVQH15"), a date ("ngày 15/5/2026.55/2026/TT-BTC").
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for run in _RUN.finditer(text):
        start, slash = max(run.start(), position), run.end() - 1
        if start >= slash:
            continue  # inside the previous number
        if start == run.start() and re.match(r"(?:19|20)\d{2}[\d.]", text[start:slash]):
            start += 4  # a year glued in front ("năm 202405/2024/…", "ngày 25/01/202640/2026/NĐ-CP")
        elif start == run.start() and text[start - 1 : start] == "/":
            continue  # the day or month of a date ("18/01/2024")
        while text[start : start + 1] == ".":
            start += 1
        if not _NUMBER_BODY.fullmatch(text[start:slash]):
            continue
        end = slash + 1
        year = _YEAR.match(text, end)
        if year and text[year.end() : year.end() + 1] != "/":
            if text[year.end() : year.end() + 1] == "/" or text[start - 1 : start] == "/":
                continue
            spans.append((start, year.end()))  # "24/2024": number and year, no suffix
            position = year.end()
            continue
        if year:
            end = year.end() + 1
        suffix_end = _suffix_end(text, end)
        if suffix_end == end:
            continue
        spans.append((start, suffix_end))
        position = suffix_end
    return spans


def _ends_row(body: str, start: int, end: int) -> bool:
    """Whether the number at body[start:end] is a row's "Mã văn bản" cell rather than a number in its title.

    The cell is glued to the text around it ("…Luật Hộ tịch60/2014/QH13Nghị định…"); a number inside a title
    stands between spaces or is followed by its date or issuer ("… 64/2022/NĐ-CP ngày …", "… của Chính phủ").
    """
    after = body[end : end + 1]
    following = body[end:].lstrip()
    if fold(following[:5]).startswith(("ngay", "cua")):
        return False
    if not after:
        return True
    if body.startswith(body[start:end], end):
        return False  # "Nghị định 64/2022/NĐ-CP64/2022/NĐ-CP": the title's number, then its twin in the cell
    before = body[start - 1 : start]
    if after.isdigit() or (before and not before.isspace() and not before.isdigit()):
        return True  # glued to the next row or to its own title; glued to a number, it starts the next title
    if body.find(body[start:end], end) >= 0:
        return False  # the title's own number: the row's cell repeats it further on
    if after.isspace():
        return following[:1].isupper()  # "…Nghị định số 35/2016/NĐ-CP Luật Thú y…": the next title starts
    return after not in ",;:.)-"


def parse_legal_basis(text: str | None, warnings: list[str] | None = None) -> list[LegalReference]:
    """Rows of the flattened 'Căn cứ pháp lý' table: each row's title with the number glued to its end.

    >>> [(r.title, r.number) for r in parse_legal_basis(
    ...     "Tên văn bản pháp lýMã văn bảnLuật 54/2014/QH1354/2014/QH13Quy định về vận tải158/2024/NĐ-CP")]
    [('Luật 54/2014/QH13', '54/2014/QH13'), ('Quy định về vận tải', '158/2024/NĐ-CP')]
    """
    body = clean(text)
    if not body or clean_or_none(body) is None:
        return []
    if not body.startswith(LEGAL_HEADER):
        if warnings is not None:  # the crawler saved another section's text here: nothing to read as laws
            warnings.append("the legal-basis section has no table of documents; it was not read")
        return []
    body = body.removeprefix(LEGAL_HEADER)
    references: list[LegalReference] = []
    row_start = 0
    for start, end in _numbers(body):
        if start < row_start or not _ends_row(body, start, end):
            continue
        title = body[row_start:start].strip()
        number = body[start:end]
        references.append(make_reference(title or number, number))
        row_start = end
    tail = body[row_start:].strip()
    if tail:
        references.append(make_reference(tail, None))
    return references
