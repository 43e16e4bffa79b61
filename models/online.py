"""Full-process online eligibility: what keeps a procedure from being handled entirely online.

Decree 42/2022/NĐ-CP (in force 15/08/2022) calls an online public service *full-process* (toàn trình) when the
dossier is submitted and handled online and the result is returned online or by public post. The criteria of
Circular 01/2023/TT-VPCP are **not fully confirmed** (DOMAIN §2), so the rules below are named constants that read
the published text; each block says which words triggered it and why, in Vietnamese, for the officer.

The rules, in the order blocks are listed:

- ``NO_ONLINE_CHANNEL`` — the procedure has no ONLINE channel.
- ``SHOW_ORIGINAL`` — an item to show (group SHOW), or one accepted only with the original shown for comparison
  (``CopyForm.SHOW_ORIGINAL``, "xuất trình bản chính", "để đối chiếu"), unless an electronic form is accepted.
- ``CERTIFIED_PAPER_COPY`` — an item asking a certified copy (``CopyForm.CERTIFIED``, "bản sao có chứng thực",
  "bản sao công chứng"...) that accepts no electronic or certified-electronic form.
- ``WET_SIGNATURE`` — a step or a paper form that asks a handwritten signature ("ký trực tiếp", "chữ ký tươi",
  "ký, ghi rõ họ tên", signing the paper register "ký vào sổ"); forms that accept an electronic version are exempt.
- ``PRESENCE`` — a step that needs the applicant in person (:data:`PRESENCE_PHRASES`: "có mặt", "chụp ảnh",
  "vân tay", "sinh trắc học"...), or that makes them collect the result in person with no postal or electronic
  return in the same step (:data:`IN_PERSON_COLLECTION_PHRASES`).
- ``ON_SITE_INSPECTION`` — a step with an on-site check (:data:`ON_SITE_PHRASES`: "kiểm tra thực tế", "khảo sát
  thực địa"...).
- ``PAPER_RESULT`` — a result published as paper only ("bản giấy" without "điện tử"), or a step returning the
  result in person (:data:`PAPER_RETURN_PHRASES`) with no postal or electronic return in the same step.

A phrase preceded by a negation ("không phải có mặt", "không cần ký trực tiếp") does not count.

Text is matched on a folded key (NFC, lower case, diacritics removed, đ → d) built by :func:`fold`; the core must
not import :mod:`catalog`, so the helper lives here. ``where`` counts from 1, as the published lists do
("item 3" is the third dossier item, ``procedure.items[2]``).

Example
-------
>>> from models.procedure import Channel, Procedure, Step
>>> p = Procedure(code="x", name="Cấp đổi thẻ", channels=[Channel(method="ONLINE")],
...               steps=[Step(description="Thu nhận vân tay, chụp ảnh khuôn mặt của công dân")])
>>> [(b.kind.value, b.where) for b in online_blocks(p)]
[('presence', 'step 1')]
>>> is_full_process_eligible(p)
False
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from models.enums import ChannelMethod, CopyForm, ItemGroup, ItemKind
from models.findings import BlockKind, OnlineBlock
from models.procedure import DossierItem, Procedure, Step

# --- folding ----------------------------------------------------------------------------------------------------


def _fold_table() -> dict[int, str | None]:
    """Precomposed Latin letters -> their lower-case base letter; stray combining marks and invisibles -> nothing."""
    table: dict[int, str | None] = {}
    for code in range(0x00C0, 0x1F00):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if base != char and len(base) == 1 and base.isascii():
            table[code] = base.lower()
    for code in range(0x0300, 0x0370):
        table[code] = None
    for invisible in "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff":
        table[ord(invisible)] = None
    table[ord("đ")] = table[ord("Đ")] = "d"
    return table


_FOLD = _fold_table()


def fold(text: str | None) -> str:
    """The match key of a text: NFC, lower case, without diacritics (đ -> d).

    Whitespace is kept as is, so that a match found in the key points at the same place in the NFC text.

    Parameters
    ----------
    text : published text, or None.

    Returns
    -------
    str : the folded key ("" for None).

    Examples
    --------
    >>> fold("Xuất trình BẢN CHÍNH để đối chiếu")
    'xuat trinh ban chinh de doi chieu'
    """
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.lower().translate(_FOLD)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One compiled alternation matching any of ``phrases`` (written with accents) in folded text.

    Words may be separated by any run of spaces or punctuation: "ký, ghi rõ họ tên" also matches "ký ghi rõ họ tên".
    """
    alternatives = []
    for phrase in phrases:
        words = re.findall(r"\w+", fold(phrase))
        alternatives.append(r"\W+".join(re.escape(w) for w in words))
    return re.compile(r"\b(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + r")\b")


# --- the rules: named, documented constants ---------------------------------------------------------------------

#: A step needs the applicant at the office, whatever channel they used.
PRESENCE_PHRASES = (
    "trực tiếp đến",
    "đến trực tiếp",
    "có mặt",
    "chụp ảnh",
    "thu nhận ảnh",
    "vân tay",
    "sinh trắc học",
    "mống mắt",
    "đưa xe đến",
    "phỏng vấn trực tiếp",
)
#: A step makes the applicant collect the result in person — a block only when the same step offers no postal or
#: electronic return (:data:`REMOTE_RETURN_PHRASES`).
IN_PERSON_COLLECTION_PHRASES = ("nhận kết quả trực tiếp", "nhận trực tiếp kết quả", "đến nhận kết quả")
#: A step returns the result over the counter — a paper result unless the step also offers a remote return.
PAPER_RETURN_PHRASES = ("trả kết quả trực tiếp", "trả trực tiếp kết quả", "trả kết quả tại")
#: Words that say the result can also come back by post or electronically (full-process allows both).
REMOTE_RETURN_PHRASES = ("bưu chính", "điện tử", "trực tuyến", "tài khoản", "VNeID", "thư điện tử")
#: On-site checks by the handling agency.
ON_SITE_PHRASES = (
    "kiểm tra thực tế",
    "kiểm tra thực địa",
    "kiểm tra hiện trường",
    "kiểm tra tại hiện trường",
    "kiểm tra tại cơ sở",
    "khảo sát thực địa",
    "khảo sát thực tế",
    "thẩm định thực tế",
    "thẩm định tại chỗ",
    "thẩm định tại cơ sở",
    "thẩm định tại hiện trường",
    "thẩm định tại thực địa",
    "xác minh thực tế",
    "xác minh tại chỗ",
    "đánh giá thực tế",
    "đánh giá tại cơ sở",
)
#: A handwritten signature. "Ký số" (digital signature) folds like "ký sổ", so the register is named in full.
WET_SIGNATURE_PHRASES = (
    "ký trực tiếp",
    "chữ ký tươi",
    "ký tươi",
    "ký, ghi rõ họ tên",
    "ký và ghi rõ họ tên",
    "ký vào sổ",
    "ký sổ đăng ký",
    "ký sổ hộ tịch",
)
#: An original must be shown for comparison.
SHOW_ORIGINAL_PHRASES = ("xuất trình bản chính", "để đối chiếu", "mang theo bản chính", "kèm bản chính để")
#: A certified copy is asked (used when the importer did not set ``CopyForm.CERTIFIED``).
CERTIFIED_COPY_PHRASES = (
    "bản sao có chứng thực",
    "bản sao chứng thực",
    "bản sao được chứng thực",
    "bản sao công chứng",
    "bản sao đã được công chứng",
    "bản sao y",
)
#: A result is published as paper.
PAPER_RESULT_PHRASES = ("bản giấy",)
#: Forms in which an item can travel online.
ELECTRONIC_FORMS = frozenset({CopyForm.ELECTRONIC, CopyForm.CERTIFIED_ELECTRONIC})

_PRESENCE = phrase_pattern(PRESENCE_PHRASES)
_COLLECTION = phrase_pattern(IN_PERSON_COLLECTION_PHRASES)
_PAPER_RETURN = phrase_pattern(PAPER_RETURN_PHRASES)
_REMOTE = phrase_pattern(REMOTE_RETURN_PHRASES)
_ON_SITE = phrase_pattern(ON_SITE_PHRASES)
_WET = phrase_pattern(WET_SIGNATURE_PHRASES)
_SHOW = phrase_pattern(SHOW_ORIGINAL_PHRASES)
_CERTIFIED = phrase_pattern(CERTIFIED_COPY_PHRASES)
_PAPER = phrase_pattern(PAPER_RESULT_PHRASES)
_ELECTRONIC_WORDS = phrase_pattern(("điện tử",))
_NEGATED = re.compile(r"\b(?:khong|khoi)(?:\W+(?:phai|can|bat buoc|yeu cau))?\W+$")
_NEGATION_WINDOW = 24

_LAW = "Nghị định 42/2022/NĐ-CP"
_WHY = {
    BlockKind.NO_ONLINE_CHANNEL: "Thủ tục không có cách thức thực hiện trực tuyến{detail}, nên chưa thể cung cấp "
    f"dịch vụ công trực tuyến toàn trình ({_LAW}).",
    BlockKind.SHOW_ORIGINAL: "Phải xuất trình bản chính để đối chiếu{detail} và không chấp nhận bản điện tử: người "
    "nộp phải mang giấy tờ đến cơ quan.",
    BlockKind.CERTIFIED_PAPER_COPY: "Yêu cầu bản sao có chứng thực{detail} nhưng không chấp nhận bản sao điện tử có "
    "chứng thực hay bản điện tử: người nộp phải nộp bản giấy.",
    BlockKind.WET_SIGNATURE: "Yêu cầu chữ ký trực tiếp trên giấy{detail}, không chấp nhận chữ ký số hoặc xác thực "
    "điện tử.",
    BlockKind.PRESENCE: "Bước này yêu cầu người nộp có mặt trực tiếp tại cơ quan{detail}.",
    BlockKind.ON_SITE_INSPECTION: "Bước này có kiểm tra, thẩm định thực tế tại hiện trường{detail}, không thực "
    "hiện được hoàn toàn trên môi trường điện tử.",
    BlockKind.PAPER_RESULT: "Kết quả chỉ được trả bằng bản giấy tại cơ quan{detail}, không trả bản điện tử hoặc qua "
    f"dịch vụ bưu chính công ích như dịch vụ toàn trình yêu cầu ({_LAW}).",
}
_METHOD_LABELS = {
    ChannelMethod.DIRECT: "Trực tiếp",
    ChannelMethod.POSTAL: "Dịch vụ bưu chính",
    ChannelMethod.ONLINE: "Trực tuyến",
}


@dataclass(slots=True)
class _Text:
    """A published text with its folded key."""

    published: str
    key: str

    @classmethod
    def of(cls, text: str) -> _Text:
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        return cls(text, fold(text))

    def find(self, pattern: re.Pattern[str]) -> str | None:
        """The published words of the first match of ``pattern`` that no negation precedes, or None."""
        for match in pattern.finditer(self.key):
            start, end = match.span()
            if _NEGATED.search(self.key, max(0, start - _NEGATION_WINDOW), start):
                continue
            if len(self.key) == len(self.published):
                return self.published[start:end]
            return match.group()
        return None

    def has(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.key) is not None


def step_text(step: Step) -> str:
    """A step's title and description as one text, the way the rules read it."""
    if step.title:
        return f"{step.title}. {step.description}" if step.description else step.title
    return step.description


def _block(kind: BlockKind, cause: str, where: str, phrase: str | None = None) -> OnlineBlock:
    detail = f' ("{phrase}")' if phrase else ""
    return OnlineBlock(kind=kind, cause=cause, where=where, explanation=_WHY[kind].format(detail=detail))


def item_blocks(item: DossierItem, where: str = "item") -> list[OnlineBlock]:
    """The blocks one dossier item raises: an original to show, a certified paper copy, a paper form to sign.

    Parameters
    ----------
    item : the dossier item.
    where : how the block names it, e.g. "item 3".

    Returns
    -------
    list of OnlineBlock : empty when the item can travel online.

    Examples
    --------
    >>> from models.procedure import DossierItem
    >>> item = DossierItem(name="Bản sao có chứng thực Giấy khai sinh", copies=1, copy_forms=["CERTIFIED"])
    >>> [b.kind.value for b in item_blocks(item, "item 1")]
    ['certified_paper_copy']
    """
    forms = item.copy_forms
    text = _Text.of(item.name)
    electronic = any(form in ELECTRONIC_FORMS for form in forms) or text.has(_ELECTRONIC_WORDS)
    if electronic:
        return []
    blocks = []
    shown = text.find(_SHOW)
    if item.group == ItemGroup.SHOW or CopyForm.SHOW_ORIGINAL in forms or shown:
        blocks.append(_block(BlockKind.SHOW_ORIGINAL, text.published, where, shown))
    certified = text.find(_CERTIFIED)
    if CopyForm.CERTIFIED in forms or certified:
        blocks.append(_block(BlockKind.CERTIFIED_PAPER_COPY, text.published, where, certified))
    if item.kind == ItemKind.FORM and (signed := text.find(_WET)):
        blocks.append(_block(BlockKind.WET_SIGNATURE, text.published, where, signed))
    return blocks


def step_blocks(step: Step, where: str = "step") -> list[OnlineBlock]:
    """The blocks one step raises: presence, on-site inspection, wet signature, in-person return of the result.

    Parameters
    ----------
    step : the step.
    where : how the block names it, e.g. "step 2".

    Returns
    -------
    list of OnlineBlock : at most one per kind.
    """
    text = _Text.of(step_text(step))
    blocks = []
    remote = None  # computed only when a collection or return phrase needs it
    presence = text.find(_PRESENCE)
    if presence is None and (collect := text.find(_COLLECTION)):
        remote = text.has(_REMOTE)
        presence = None if remote else collect
    if presence:
        blocks.append(_block(BlockKind.PRESENCE, text.published, where, presence))
    if on_site := text.find(_ON_SITE):
        blocks.append(_block(BlockKind.ON_SITE_INSPECTION, text.published, where, on_site))
    if signed := text.find(_WET):
        blocks.append(_block(BlockKind.WET_SIGNATURE, text.published, where, signed))
    if returned := text.find(_PAPER_RETURN):
        if remote is None:
            remote = text.has(_REMOTE)
        if not remote:
            blocks.append(_block(BlockKind.PAPER_RESULT, text.published, where, returned))
    return blocks


def requires_presence(step: Step) -> bool:
    """Whether a step needs the applicant in person (the PRESENCE rule of :func:`online_blocks`)."""
    text = _Text.of(step_text(step))
    if text.find(_PRESENCE):
        return True
    return text.find(_COLLECTION) is not None and not text.has(_REMOTE)


def online_blocks(procedure: Procedure) -> list[OnlineBlock]:
    """Everything that stands in the way of handling ``procedure`` fully online (Decree 42/2022/NĐ-CP).

    Parameters
    ----------
    procedure : the procedure as published (or as redesigned).

    Returns
    -------
    list of OnlineBlock : the channel block first, then items, steps and results in published order; each names
    its cause (the published text), where it is ("item 3", "step 2", "result 1", "channels", counted from 1) and
    why it blocks, in Vietnamese. Empty when the procedure can be offered full-process.

    Examples
    --------
    >>> from models.procedure import Channel, DossierItem, Procedure
    >>> p = Procedure(code="x", name="Đăng ký", channels=[Channel(method="DIRECT")],
    ...               items=[DossierItem(name="Thẻ căn cước", group="SHOW", originals=1)])
    >>> [(b.kind.value, b.where) for b in online_blocks(p)]
    [('no_online_channel', 'channels'), ('show_original', 'item 1')]
    """
    blocks: list[OnlineBlock] = []
    methods = [channel.method for channel in procedure.channels]
    if ChannelMethod.ONLINE not in methods:
        published = ", ".join(_METHOD_LABELS[m] for m in dict.fromkeys(methods))
        detail = f"chỉ có: {published}" if published else "không công bố cách thức thực hiện"
        block = _block(BlockKind.NO_ONLINE_CHANNEL, published, "channels")
        block.explanation = _WHY[BlockKind.NO_ONLINE_CHANNEL].format(detail=f" ({detail})")
        blocks.append(block)
    for number, item in enumerate(procedure.items, start=1):
        blocks.extend(item_blocks(item, f"item {number}"))
    for number, step in enumerate(procedure.steps, start=1):
        blocks.extend(step_blocks(step, f"step {number}"))
    for number, result in enumerate(procedure.results, start=1):
        text = _Text.of(result.name)
        paper = text.find(_PAPER)
        if paper and not text.has(_ELECTRONIC_WORDS):
            blocks.append(_block(BlockKind.PAPER_RESULT, text.published, f"result {number}", paper))
    return blocks


def is_full_process_eligible(procedure: Procedure) -> bool:
    """Whether nothing in the published text blocks full-process online handling (see :func:`online_blocks`).

    Examples
    --------
    >>> from models.procedure import Channel, Procedure
    >>> is_full_process_eligible(Procedure(code="x", name="Cấp phiếu", channels=[Channel(method="ONLINE")]))
    True
    """
    return not online_blocks(procedure)
