"""Reading the published fields of a procedure from text: time limits, fees, quantities, channel lines, legal
references, and the derived code of a procedure published without one.

These rules read the wording that the standard specification layout (Decree 63/2010, Circular 02/2017/TT-VPCP)
and the portal use — "15 ngày làm việc", "Lệ phí: 100.000 đồng", "Miễn phí", "(01 bản chính)",
"Bản chính: 1 - Bản sao: 0", "Trực tiếp tại…" — so that the Word and the 2021 importers read them alike. They
never raise on odd text: what they cannot read stays in a note, and unknown stays ``None`` (never free).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from catalog.reading import items as item_rules
from catalog.reading.items import strip_bullet
from catalog.reading.legal import make_reference
from models.enums import ChannelMethod, FeeKind, TimeUnit
from models.procedure import Channel, Fee, LegalReference
from models.text import clean, fold, is_placeholder, squash

MAX_TIME = 10_000  # a larger "time limit" is a misread number (a year, an amount), not a limit
MAX_AMOUNT_VND = 10**13

# --------------------------------------------------------------------------------------------------- time


_UNITS = {
    "ngay lam viec": TimeUnit.WORKING_DAY,
    "ngay": TimeUnit.DAY,
    "gio": TimeUnit.HOUR,
    "thang": TimeUnit.MONTH,
}
_NUMBER_UNIT = r"(\d{1,5}(?:[.,]\d{1,2})?)\s*(?:\([^)]{0,40}\)\s*)?(ngay lam viec|ngay|gio|thang)\b"
_LEADING_TIME = re.compile(
    r"^[\s\-+*•.:]*(?:thoi (?:han|gian)(?: giai quyet| thuc hien)?\s*:?\s*)?"
    r"(?:(?:trong (?:thoi han|vong)|trong|toi da|khong qua|chi trong|la)\s+)*" + _NUMBER_UNIT
)
_ANY_TIME = re.compile(r"(?<!sau )(?<!truoc )(?<!den )(?<!tu )(?<!\d)" + _NUMBER_UNIT)
_BARE_NUMBER = re.compile(r"^\s*(\d{1,5})\s*[.;]?\s*$")


@dataclass(slots=True, frozen=True)
class TimeLimit:
    """A published time limit: number and unit when the text states them, and the text itself when it says more."""

    limit: float | None = None
    unit: TimeUnit | None = None
    note: str | None = None


def _number(text: str) -> float | None:
    value = float(text.replace(",", "."))
    return value if value <= MAX_TIME else None


def parse_time(text: str | None, *, anywhere: bool = False) -> TimeLimit:
    """The time limit a text states.

    The number and unit are read where the text opens with them ("15 ngày làm việc", "Tối đa 07 ngày làm việc kể
    từ…"); with ``anywhere`` also inside the text, except after "sau/trước/đến/từ" ("sau 15 giờ" is a cut-off
    hour, not a limit). A bare number is kept with unit OTHER. The text is kept as the note whenever it says more
    than number and unit.

    >>> parse_time("07 Ngày làm việc")
    TimeLimit(limit=7.0, unit=<TimeUnit.WORKING_DAY: 'WORKING_DAY'>, note=None)
    >>> parse_time("Ngay trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo").limit is None
    True
    """
    published = squash(text)
    if not published or is_placeholder(published):
        return TimeLimit()
    key = fold(published)
    bare = _BARE_NUMBER.match(key)
    if bare:
        return TimeLimit(_number(bare.group(1)), TimeUnit.OTHER)
    match = _LEADING_TIME.match(key)
    rest = key[match.end() :] if match else ""
    if not match and anywhere:
        match = _ANY_TIME.search(key)
        rest = key[: match.start()] + key[match.end() :] if match else ""
    limit = _number(match.group(1)) if match else None
    if match is None or limit is None:
        return TimeLimit(note=published)
    says_more = bool(re.sub(r"[\s.;,:\-+*•]", "", rest))
    return TimeLimit(limit, _UNITS[match.group(2)], published if says_more else None)


# --------------------------------------------------------------------------------------------------- fees


_FEE_LABEL = re.compile(r"(?<!\w)(phí,\s*lệ\s*phí|lệ\s*phí|phí)\s*(?:\([^()]{0,20}\))?\s*:", re.IGNORECASE)
_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)\s*(triệu|nghìn|ngàn)?\s*(?:đồng|vnđ|vnd|đ(?!\w)|₫)",
    re.IGNORECASE,
)
_MULTIPLIERS = {"triệu": 1_000_000, "nghìn": 1_000, "ngàn": 1_000}
_SEE_DETAILS = re.compile(r"xem chi tiết", re.IGNORECASE)
_AMOUNT_END = re.compile(r"(?:\d|triệu|nghìn|ngàn)\s*$", re.IGNORECASE)
_DANGLING_DONG = re.compile(r"^đồng(?!\w)|(?<!\w)đồng$", re.IGNORECASE)
_FREE = re.compile(r"^(?:mien|khong thu|khong)(?: (?:thu )?(?:phi|le phi|tien))?(?: [^ ]+){0,3}$")
# "Không" alone is free, but "không rõ", "không có thông tin" say nothing: unknown, never free.
_UNKNOWN = re.compile(r"^(?:khong|chua) (?:ro|co thong tin|xac dinh|quy dinh|co quy dinh|cap nhat)\b")
_PIECES = re.compile(r"[;\n|]|\.\s")  # where a channel description's clauses end
_KINDS = {"le phi": FeeKind.CHARGE, "phi": FeeKind.FEE}


def _strip_noise(text: str) -> str:
    """Drop the portal's widget text: "Xem chi tiết", and a currency word with no amount before it that opens or
    ends the entry ("Phí: ĐồngXem chi tiết"); "Hội đồng" inside the text is left alone."""
    text = squash(_SEE_DETAILS.sub(" ", text))
    while True:
        match = _DANGLING_DONG.search(text)
        if not match or (match.start() > 0 and _AMOUNT_END.search(text[: match.start()])):
            return text
        text = squash(text[: match.start()] + " " + text[match.end() :])


def _amount(text: str) -> int | None:
    match = _AMOUNT.search(text)
    if not match:
        return None
    number, multiplier = match.group(1), (match.group(2) or "").lower()
    if multiplier and re.fullmatch(r"\d+[.,]\d{1,2}", number):
        value = round(float(number.replace(",", ".")) * _MULTIPLIERS[multiplier])
    else:
        value = int(re.sub(r"[.,]", "", number)) * _MULTIPLIERS.get(multiplier, 1)
    return value if value <= MAX_AMOUNT_VND else None


def _kind(label: str, body: str) -> FeeKind:
    key = fold(label)
    if key in _KINDS:
        return _KINDS[key]
    if label:
        return FeeKind.OTHER  # "Phí, lệ phí:" does not say which
    body_key = fold(body)
    return (
        FeeKind.CHARGE
        if "le phi" in body_key
        else FeeKind.FEE
        if re.search(r"\bphi\b", body_key)
        else FeeKind.OTHER
    )


def _fee(label: str, body: str, *, loose: bool) -> Fee | None:
    body = squash(_strip_noise(body)).strip(" -;,.")
    if not body:
        return Fee(kind=_kind(label, body)) if label else None
    amount = _amount(body)
    said = fold(strip_bullet(body)).strip(" .;")
    if (
        amount is None and _FREE.match(said) and not _UNKNOWN.match(said)
    ):  # "Không có" is free, "không rõ" unknown
        amount = 0
    if amount is None and not label and not loose:
        return None  # channel description text, not a fee
    note = squash(f"{label.strip()}: {body}" if label else body)
    return Fee(kind=_kind(label, body), amount_vnd=amount, note=note)


def parse_fees(text: str | None, *, loose: bool = True) -> list[Fee]:
    """The fees a text states, one per "Phí:" / "Lệ phí:" entry.

    An amount ("100.000 đồng", "2 triệu đồng", "600000 Đồng") is read; "Miễn phí", "Miễn lệ phí", "Không thu"
    and "Không" mean free (0); anything else — "Theo quy định", "Phí: ĐồngXem chi tiết" — is unknown (None) with
    the text kept as note. Placeholders ("Không có thông tin") give no fee at all. With ``loose=False`` (channel
    descriptions) text outside a "Phí:" entry counts only when it states an amount or says free.

    >>> [(f.kind.value, f.amount_vnd) for f in parse_fees("Lệ phí: 100.000 đồng. Phí: ĐồngXem chi tiết")]
    [('CHARGE', 100000), ('FEE', None)]
    >>> [(f.kind.value, f.amount_vnd) for f in parse_fees("Miễn phí")]
    [('FEE', 0)]
    """
    published = clean(text)
    if not published or is_placeholder(published):
        return []
    labels = list(_FEE_LABEL.finditer(published))
    fees: list[Fee] = []
    prefix = published[: labels[0].start()] if labels else published
    if prefix.strip():
        for piece in [prefix] if loose else _PIECES.split(prefix):
            fee = _fee("", piece, loose=loose)
            if fee is not None:
                fees.append(fee)
    for label, following in zip(labels, [*labels[1:], None][: len(labels)], strict=True):
        body = published[label.end() : following.start() if following else len(published)]
        fee = _fee(label.group(1), body, loose=True)
        if fee is not None:
            fees.append(fee)
    return fees


# ------------------------------------------------------------------------------------------------ quantities


_LABELLED_QUANTITY = re.compile(r"bản\s+(chính|gốc|sao)\s*[:：]\s*(\d{1,3})(?!\d)", re.IGNORECASE)
_COUNTED_QUANTITY = re.compile(
    r"(?<![\d/.])(\d{1,3})\s*(?:\([^()]{1,20}\)\s*)?bản\s+(chính|gốc|sao|chụp|photo)", re.IGNORECASE
)
_ORIGINAL_WORDS = {"chinh", "goc"}


@dataclass(slots=True, frozen=True)
class Quantity:
    """Published quantities of a dossier item and its name with the quantity phrase peeled off the end."""

    originals: int | None
    copies: int | None
    name: str


def parse_quantity(text: str | None) -> Quantity:
    """Originals and copies a component text states ("(01 bản chính)", "1 bản chính, 1 bản sao",
    "Bản chính: 1 - Bản sao: 0"); None for both when it states none.

    >>> parse_quantity("- Tờ khai đăng ký khai sinh (01 bản chính)")
    Quantity(originals=1, copies=0, name='- Tờ khai đăng ký khai sinh')
    >>> parse_quantity("Bản chính: 0 - Bản sao: 1")
    Quantity(originals=0, copies=1, name='')
    """
    published = clean(text)
    matches = list(_LABELLED_QUANTITY.finditer(published))
    counted = [(m.group(2), m.group(1)) for m in matches]
    if not matches:
        matches = list(_COUNTED_QUANTITY.finditer(published))
        counted = [(m.group(1), m.group(2)) for m in matches]
    if not matches:
        return Quantity(None, None, published)
    originals = copies = 0
    for number, word in counted:
        if fold(word) in _ORIGINAL_WORDS:
            originals += int(number)
        else:
            copies += int(number)
    return Quantity(originals, copies, _without_quantity(published, matches[0].start(), matches[-1].end()))


def _without_quantity(text: str, start: int, end: int) -> str:
    """The text with the quantity phrase at its end removed: "Giấy X (01 bản sao có chứng thực)" -> "Giấy X";
    a quantity in the middle of the text is left where it is."""
    opening = text.rfind("(", 0, start)
    if opening >= 0 and ")" not in text[opening:start] and re.fullmatch(r"[^()]*\)[\s.;,:]*", text[end:]):
        start = opening  # the quantity sits in a closing parenthesis, with its qualifiers: drop it whole
    elif re.sub(r"[\s).;,:]", "", text[end:]):
        return text
    return re.sub(r"[\s(:;,\-–—]+$", "", text[:start]).rstrip()


dossier_entry = item_rules.entry  # the one reading of a dossier component, shared by every importer


# --------------------------------------------------------------------------------------------------- channels


_METHOD_WORDS = (
    ("truc tiep", ChannelMethod.DIRECT),
    ("truc tuyen", ChannelMethod.ONLINE),
    ("moi truong dien tu", ChannelMethod.ONLINE),
    ("buu chinh", ChannelMethod.POSTAL),
    ("buu dien", ChannelMethod.POSTAL),
)
_CHANNEL_OPENING = re.compile(
    r"^(?:(?:nop|gui)(?: ho so)?(?: (?:bang hinh thuc|theo hinh thuc|qua|thong qua))?\s+|qua\s+|thong qua\s+)?"
    r"(?:dich vu |he thong |duong |mang )?(?:truc tiep|truc tuyen|buu chinh|buu dien|moi truong dien tu)\b"
)
_HEAD_END = re.compile(r"[:|;.(]|\s+(?:tai|den|toi|cho)\s")


def methods_in(text: str | None) -> list[ChannelMethod]:
    """The channel methods a line names in its opening words, in order ("Trực tiếp hoặc qua bưu chính…")."""
    key = fold(strip_bullet(text or ""))
    head = _HEAD_END.split(key, maxsplit=1)[0]
    head = " ".join(head.split()[:14])
    found = sorted((position, method) for word, method in _METHOD_WORDS if (position := head.find(word)) >= 0)
    return list(dict.fromkeys(method for _, method in found))


def is_channel_line(text: str | None) -> bool:
    """Whether a line opens a channel ("Trực tiếp…", "Nộp trực tuyến…", "Qua dịch vụ bưu chính…")."""
    return bool(_CHANNEL_OPENING.match(fold(strip_bullet(text or ""))))


def make_channels(
    methods: list[ChannelMethod], time: TimeLimit, fees: list[Fee], description: str | None = None
) -> list[Channel]:
    """One channel per method with the same time, fees and description (the row names several methods)."""
    note = time.note or (squash(description) or None)
    return [
        Channel(
            method=method,
            time_limit=time.limit,
            time_unit=time.unit,
            time_note=note,
            fees=[fee.model_copy() for fee in fees],
        )
        for method in methods
    ]


def parse_channel_lines(lines: list[str]) -> list[Channel]:
    """Channels described in lines: each channel line and the lines after it, up to the next channel line.

    Time ("15 ngày làm việc") and fees ("Lệ phí: 100.000 đồng", "Miễn phí") are read from the channel's own text;
    its text is kept as the time note. Lines before the first channel line are an introduction and are skipped.

    >>> [(c.method.value, c.time_limit, c.fee_vnd) for c in parse_channel_lines(
    ...     ["- Trực tiếp: 15 ngày làm việc; Lệ phí: 100.000 đồng", "- Trực tuyến: 10 ngày làm việc; Miễn phí"])]
    [('DIRECT', 15.0, 100000), ('ONLINE', 10.0, 0)]
    """
    groups: list[list[str]] = []
    for line in lines:
        if not squash(line):
            continue
        if is_channel_line(line):
            groups.append([line])
        elif groups:
            groups[-1].append(line)
    channels: list[Channel] = []
    for group in groups:
        text = "\n".join(clean(line) for line in group)
        time = parse_time(text, anywhere=True)
        fees = parse_fees(re.sub(r"\s*\|\s*", "\n", text), loose=False)
        channels.extend(make_channels(methods_in(group[0]), TimeLimit(time.limit, time.unit), fees, text))
    return channels


# ----------------------------------------------------------------------------------------- legal references


_LEGAL_NUMBER = re.compile(r"\d+[a-zA-Z.\d]*/\d{4}/[A-ZĐa-zđ][A-ZĐa-zđ0-9\-/]*[A-ZĐa-zđ0-9]")


def legal_references(lines: list[str]) -> list[LegalReference]:
    """One reference per line ("- Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014;"), its number read from the text.

    A line citing several numbered documents separated by ";" gives one reference each.
    """
    references: list[LegalReference] = []
    for line in lines:
        text = clean(line)
        if not squash(text) or is_placeholder(text) or fold(text) in ("khong", "khong co"):
            continue
        parts = [p for p in text.split(";") if squash(p)]
        if sum(bool(_LEGAL_NUMBER.search(p)) for p in parts) < 2:
            parts = [text]
        for part in parts:
            title = squash(strip_bullet(part)).rstrip(" ;,.").strip()
            if not title:
                continue
            number = _LEGAL_NUMBER.search(title)
            references.append(make_reference(title, number.group(0) if number else None))
    return references


# ------------------------------------------------------------------------------------------------- codes


def name_key(name: str | None) -> str:
    """A procedure name's match key: folded, "Thủ tục (hành chính)" and end punctuation dropped.

    >>> name_key("Thủ tục Đăng ký khai sinh.") == name_key("đăng ký  khai sinh")
    True
    """
    key = fold(name).strip(" .;:,")
    return re.sub(r"^thu tuc(?: hanh chinh)?\s*[:\-–]?\s*", "", key)


def derived_code(prefix: str, name: str) -> str:
    """A stable code for a procedure published without one: ``prefix`` and a short hash of its name key.

    >>> derived_code("LEGACY", "Đăng ký thường trú") == derived_code("LEGACY", "  ĐĂNG KÝ  thường trú ")
    True
    """
    digest = hashlib.sha1(name_key(name).encode("utf-8")).hexdigest()[:10].upper()
    return f"{prefix}-{digest}"
