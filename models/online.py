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
- ``PAPER_RESULT`` — a result published as paper only ("bản giấy" with none of :data:`ELECTRONIC_RESULT_PHRASES`:
  "điện tử", "dịch vụ công", "bưu chính"...), or a step returning the
  result in person (:data:`PAPER_RETURN_PHRASES`) with no postal or electronic return in the same step.

An item's name is read (:data:`SHOW_ORIGINAL_PHRASES`, :data:`CERTIFIED_COPY_PHRASES`, "điện tử") only when it has
no ``copy_forms`` — the importer derives them from the same words — and, for forms, for a handwritten signature.
A phrase preceded within three words by "không" or "khỏi" ("không phải có mặt", "không cần ký trực tiếp") does
not count, nor one that :data:`EXCEPT_AFTER` rules out ("đăng ký trực tiếp" is not a handwritten signature).

Text is matched word by word on a folded key (lower case, diacritics removed, đ → d) built by
:func:`models.text.ascii_words`. The rules index their phrases by first word, so
only the phrases whose first word occurs are looked for, and what a text triggers is cached (national catalogs repeat the
same step and item texts across provinces). ``where`` counts from 1, as the published lists do ("item 3" is the
third dossier item, ``procedure.items[2]``); an explanation quotes the rule's phrase, the ``cause`` the published
text.

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

from collections.abc import Iterable, Mapping
from functools import lru_cache

from models.enums import ChannelMethod, CopyForm, ItemGroup, ItemKind
from models.findings import BlockKind, OnlineBlock
from models.procedure import DossierItem, Procedure, Step
from models.text import ascii_words as words
from models.vocabulary import label

# --- matching -------------------------------------------------------------------------------------------------

_NEGATIONS = frozenset({"khong", "khoi"})
_NEGATION_WORDS = 3
_EXCEPTION_WORDS = 6
_BEFORE_CHARS = 64  # enough for six folded words


#: Folded words that occur in most procedure texts, most frequent first (counted over the 2,110 portal pages). A
#: phrase is looked for only in texts holding its least common word; this list only makes that choice, never a result.
COMMON_WORDS = (
    "ban", "so", "co", "dinh", "theo", "nhan", "tu", "de", "tai", "va", "ho", "truong", "chinh", "van", "giay",
    "doi", "cong", "duoc", "chung", "thuc", "ky", "dang", "thu", "qua", "cho", "kem", "hien", "tra", "tiep", "gia",
    "dien", "tham", "den", "kiem", "ket", "trinh", "sao", "khoan", "chu", "xac", "da", "truc", "danh", "xuat",
)  # fmt: skip
_COMMON_RANK = {word: len(COMMON_WORDS) - rank for rank, word in enumerate(COMMON_WORDS)}


class PhraseRules:
    """Named groups of phrases, found in a text by looking only for those whose least common word it holds.

    Examples
    --------
    >>> rules = PhraseRules(presence=["có mặt", "chụp ảnh"], remote=["bưu chính"])
    >>> rules.scan("Hai bên cùng CÓ MẶT; không phải chụp ảnh")
    {'presence': 'có mặt'}
    """

    def __init__(
        self, *, except_after: Mapping[str, Iterable[str]] | None = None, **groups: Iterable[str]
    ) -> None:
        exceptions = {
            phrase: tuple(f" {' '.join(words(before))} " for before in befores)
            for phrase, befores in (except_after or {}).items()
        }
        index: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {}
        for group, phrases in groups.items():
            for phrase in phrases:
                phrase_words = words(phrase)
                anchor = min(phrase_words, key=lambda word: (_COMMON_RANK.get(word, 0), -len(word)))
                entry = (f" {' '.join(phrase_words)} ", group, phrase, exceptions.get(phrase, ()))
                index.setdefault(anchor, []).append(entry)
        for candidates in index.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))
        self._index = index
        self._anchors = frozenset(index)

    def scan(self, text: str) -> dict[str, str]:
        """Group -> the first of its phrases (as written in the rule) found in ``text`` and not negated."""
        text_words = words(text)
        present = self._anchors.intersection(text_words)
        if not present:
            return {}
        key = f" {' '.join(text_words)} "
        matches = []
        for word in present:
            for phrase_key, group, phrase, exceptions in self._index[word]:
                position = key.find(phrase_key)
                while position >= 0:
                    if self._counts(key, position, exceptions):
                        matches.append((position, group, phrase))
                        break
                    position = key.find(phrase_key, position + 1)
        found: dict[str, str] = {}
        for _, group, phrase in sorted(matches):
            found.setdefault(group, phrase)
        return found

    @staticmethod
    def _counts(key: str, position: int, exceptions: tuple[str, ...]) -> bool:
        before = key[max(0, position - _BEFORE_CHARS) : position].split()
        if not _NEGATIONS.isdisjoint(before[-_NEGATION_WORDS:]):
            return False
        if exceptions:
            window = f" {' '.join(before[-_EXCEPTION_WORDS:])} "
            return not any(exception in window for exception in exceptions)
        return True


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
REMOTE_RETURN_PHRASES = (
    "bưu chính",
    "bưu điện",
    "điện tử",
    "trực tuyến",
    "tài khoản",
    "VNeID",
    "thư điện tử",
)
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
#: Words that say a result also comes electronically or by post.
ELECTRONIC_RESULT_PHRASES = (
    "điện tử",
    "trực tuyến",
    "dịch vụ công",
    "tài khoản",
    "VNeID",
    "bưu chính",
    "bưu điện",
)
#: A phrase does not count when one of these comes within six words before it: "đăng ký trực tiếp" is handing in
#: the dossier at the counter, not signing by hand; "gửi hồ sơ … trực tiếp đến Cục" is a channel, not a summons;
#: members of a council "có mặt" at its meeting are not the applicant.
EXCEPT_AFTER = {
    "ký trực tiếp": ("đăng",),
    "trực tiếp đến": ("nộp", "gửi", "hồ sơ", "hoặc", "tác động", "ảnh hưởng", "liên quan"),
    "có mặt": ("thành viên", "đại biểu"),
}
#: Forms in which an item can travel online.
ELECTRONIC_FORMS = frozenset({CopyForm.ELECTRONIC, CopyForm.CERTIFIED_ELECTRONIC})

_STEP_RULES = PhraseRules(
    except_after=EXCEPT_AFTER,
    presence=PRESENCE_PHRASES,
    collection=IN_PERSON_COLLECTION_PHRASES,
    paper_return=PAPER_RETURN_PHRASES,
    remote=REMOTE_RETURN_PHRASES,
    on_site=ON_SITE_PHRASES,
    wet=WET_SIGNATURE_PHRASES,
)
_ITEM_RULES = PhraseRules(
    except_after=EXCEPT_AFTER,
    show=SHOW_ORIGINAL_PHRASES,
    certified=CERTIFIED_COPY_PHRASES,
    wet=WET_SIGNATURE_PHRASES,
    electronic=("điện tử",),
)
_RESULT_RULES = PhraseRules(paper=PAPER_RESULT_PHRASES, electronic=ELECTRONIC_RESULT_PHRASES)
_CACHED_TEXTS = 1 << 13  # texts; a few MB at most
_NO_HITS: Mapping[str, str] = {}


@lru_cache(maxsize=_CACHED_TEXTS)
def _step_hits(text: str) -> Mapping[str, str]:
    return _STEP_RULES.scan(text)


@lru_cache(maxsize=_CACHED_TEXTS)
def _item_hits(text: str) -> Mapping[str, str]:
    return _ITEM_RULES.scan(text)


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


def step_text(step: Step) -> str:
    """A step's title and description as one text, the way the rules read it."""
    if step.title:
        return f"{step.title}. {step.description}" if step.description else step.title
    return step.description


def _block(
    kind: BlockKind, cause: str, where: str, phrase: str | None = None, detail: str | None = None
) -> OnlineBlock:
    """The block, its explanation naming the ``phrase`` that raised it (or saying ``detail``, when given)."""
    if detail is None:
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
    return [_block(kind, item.name, where, phrase) for kind, phrase in _item_reasons(item)]


def _item_reasons(item: DossierItem) -> list[tuple[BlockKind, str | None]]:
    forms = item.copy_forms
    if not ELECTRONIC_FORMS.isdisjoint(forms):
        return []
    # the importer derives copy forms from the same words (catalog.reading.items), so the text is read again only when it
    # set none, and for forms, whose signature it does not record
    hits = _item_hits(item.name) if not forms or item.kind == ItemKind.FORM else _NO_HITS
    if "electronic" in hits:
        return []
    reasons: list[tuple[BlockKind, str | None]] = []
    shown = hits.get("show")
    if item.group == ItemGroup.SHOW or CopyForm.SHOW_ORIGINAL in forms or shown:
        reasons.append((BlockKind.SHOW_ORIGINAL, shown))
    certified = hits.get("certified")
    if CopyForm.CERTIFIED in forms or certified:
        reasons.append((BlockKind.CERTIFIED_PAPER_COPY, certified))
    if item.kind == ItemKind.FORM and (signed := hits.get("wet")):
        reasons.append((BlockKind.WET_SIGNATURE, signed))
    return reasons


def travels_online(item: DossierItem) -> bool:
    """Whether an item raises no :func:`item_blocks` block (cheaper: builds no block)."""
    return not _item_reasons(item)


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
    text = step_text(step)
    hits = _step_hits(text)
    if step.in_person is False:  # redesigned to happen remotely: presence and in-person collection are gone
        hits = {k: v for k, v in hits.items() if k not in ("presence", "collection", "paper_return")}
    elif step.in_person and "presence" not in hits:
        hits = {**hits, "presence": "có mặt"}
    if not hits:
        return []
    blocks = []
    remote = "remote" in hits
    presence = hits.get("presence") or (None if remote else hits.get("collection"))
    if presence:
        blocks.append(_block(BlockKind.PRESENCE, text, where, presence))
    if on_site := hits.get("on_site"):
        blocks.append(_block(BlockKind.ON_SITE_INSPECTION, text, where, on_site))
    if signed := hits.get("wet"):
        blocks.append(_block(BlockKind.WET_SIGNATURE, text, where, signed))
    if (returned := hits.get("paper_return")) and not remote:
        blocks.append(_block(BlockKind.PAPER_RESULT, text, where, returned))
    return blocks


def requires_presence(step: Step) -> bool:
    """Whether a step needs the applicant in person (the PRESENCE rule of :func:`online_blocks`); a redesign's
    ``in_person`` setting overrides what the text implies."""
    if step.in_person is not None:
        return step.in_person
    hits = _step_hits(step_text(step))
    return "presence" in hits or ("collection" in hits and "remote" not in hits)


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
        published = ", ".join(label(m) for m in dict.fromkeys(methods))
        detail = f"chỉ có: {published}" if published else "không công bố cách thức thực hiện"
        blocks.append(_block(BlockKind.NO_ONLINE_CHANNEL, published, "channels", detail=f" ({detail})"))
    for number, item in enumerate(procedure.items, start=1):
        blocks.extend(item_blocks(item, f"item {number}"))
    for number, step in enumerate(procedure.steps, start=1):
        blocks.extend(step_blocks(step, f"step {number}"))
    for number, result in enumerate(procedure.results, start=1):
        hits = _RESULT_RULES.scan(result.name)
        if "paper" in hits and "electronic" not in hits:
            blocks.append(_block(BlockKind.PAPER_RESULT, result.name, f"result {number}", hits["paper"]))
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
