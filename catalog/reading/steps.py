"""Reading the sequence of steps (trình tự thực hiện): splitting "Bước N" text, the actor, the step's time.

The actor is a best reading of who acts, from the subject of the step's opening words; it is ``None`` when the text
does not say, so that later analysis can tell a guess from a gap.
"""

from __future__ import annotations

import re

from models.enums import Actor, TimeUnit
from models.procedure import Step
from models.text import clean, fold, squash
from models.vocabulary import unit_word

_STEP_MARK = re.compile(
    r"^[ \t]*[-+*]?[ \t]*Bước[ \t]*(\d{1,2})[ \t]*[:.)\-–][ \t]*", re.MULTILINE | re.IGNORECASE
)

# (folded phrase, actor): the phrase found earliest in the step's opening decides.
_ACTOR_PHRASES: tuple[tuple[str, Actor], ...] = tuple(
    (fold(phrase), actor)
    for phrase, actor in (
        ("người yêu cầu", Actor.APPLICANT),
        ("người đề nghị", Actor.APPLICANT),
        ("người nộp", Actor.APPLICANT),
        ("tổ chức, cá nhân", Actor.APPLICANT),
        ("cá nhân, tổ chức", Actor.APPLICANT),
        ("công dân", Actor.APPLICANT),
        ("người dân", Actor.APPLICANT),
        ("doanh nghiệp", Actor.APPLICANT),
        ("chủ đầu tư", Actor.APPLICANT),
        ("người khiếu nại", Actor.APPLICANT),
        ("người sử dụng đất", Actor.APPLICANT),
        ("chuẩn bị hồ sơ", Actor.APPLICANT),
        ("nộp hồ sơ", Actor.APPLICANT),
        ("người lao động", Actor.APPLICANT),
        ("thương nhân", Actor.APPLICANT),
        ("bộ phận một cửa", Actor.ONE_STOP_DESK),
        ("bộ phận tiếp nhận", Actor.ONE_STOP_DESK),
        ("trung tâm phục vụ hành chính công", Actor.ONE_STOP_DESK),
        ("tiếp nhận hồ sơ", Actor.ONE_STOP_DESK),
        ("trả kết quả", Actor.ONE_STOP_DESK),
        ("nhận kết quả", Actor.APPLICANT),
        ("hệ thống thông tin", Actor.DATA_SYSTEM),
        ("cơ sở dữ liệu", Actor.DATA_SYSTEM),
        ("lấy ý kiến", Actor.OTHER_AGENCY),
        ("phối hợp", Actor.OTHER_AGENCY),
        ("thẩm định", Actor.HANDLING_AGENCY),
        ("giải quyết", Actor.HANDLING_AGENCY),
        ("xem xét", Actor.HANDLING_AGENCY),
        ("xác minh", Actor.HANDLING_AGENCY),
        ("thụ lý", Actor.HANDLING_AGENCY),
        ("kiểm tra", Actor.HANDLING_AGENCY),
        ("ra quyết định", Actor.HANDLING_AGENCY),
        ("phê duyệt", Actor.HANDLING_AGENCY),
        ("cấp giấy", Actor.HANDLING_AGENCY),
        ("cơ quan", Actor.HANDLING_AGENCY),
        ("ủy ban nhân dân", Actor.HANDLING_AGENCY),
        ("công an", Actor.HANDLING_AGENCY),
        ("tổ chức sát hạch", Actor.HANDLING_AGENCY),
        ("công chức", Actor.HANDLING_AGENCY),
    )
)

_UNITS = {
    "ngay lam viec": TimeUnit.WORKING_DAY,
    "ngay": TimeUnit.DAY,
    "gio": TimeUnit.HOUR,
    "thang": TimeUnit.MONTH,
}
# Matched on the published (NFC) text: folding a whole step's description just to find one phrase is costly.
_STEP_TIME = re.compile(
    r"(?:trong (?:thời hạn|vòng)|không quá|tối đa|chỉ trong)\s+(\d{1,3}(?:[.,]\d)?)\s*(?:\([^)]*\)\s*)?"
    r"(ngày làm việc|ngày|giờ|tháng)(?!\w)",
    re.IGNORECASE,
)


_GENERIC_SUBJECTS = {fold(p) for p in ("cơ quan", "ủy ban nhân dân", "công chức", "công an")}
# One alternation finds every phrase left to right; at one position the earlier phrase in the list wins.
_ANY_PHRASE = re.compile(r"\b(?:" + "|".join(f"({re.escape(p)})" for p, _ in _ACTOR_PHRASES) + r")\b")


def infer_actor(text: str) -> Actor | None:
    """Who performs a step, read from its opening words.

    >>> infer_actor("Bước 1: Người yêu cầu nộp hồ sơ đến Trung tâm Phục vụ hành chính công")
    <Actor.APPLICANT: 'APPLICANT'>
    >>> infer_actor("Cơ quan tiếp nhận hồ sơ kiểm tra tính đầy đủ")
    <Actor.ONE_STOP_DESK: 'ONE_STOP_DESK'>
    """
    key = fold(text[:240])[:200]
    hits = [(m.start(), (m.lastindex or 1) - 1) for m in _ANY_PHRASE.finditer(key)]
    if not hits:
        return None
    at, rank = hits[0]
    if _ACTOR_PHRASES[rank][0] in _GENERIC_SUBJECTS:
        # "Cơ quan tiếp nhận hồ sơ...": the role named right after a generic subject says who it is.
        for other_at, other_rank in hits[1:]:
            if other_at > at + 30:
                break
            if _ACTOR_PHRASES[other_rank][0] not in _GENERIC_SUBJECTS:
                return _ACTOR_PHRASES[other_rank][1]
    return _ACTOR_PHRASES[rank][1]


def step_time(text: str) -> tuple[str | None, float | None, TimeUnit | None]:
    """The time a step allows ("trong thời hạn 03 ngày làm việc"): the phrase, the number and the unit."""
    match = _STEP_TIME.search(text)
    if not match:
        return None, None, None
    number = float(match.group(1).replace(",", "."))
    unit = _UNITS[fold(match.group(2))]
    return f"{match.group(1)} {unit_word(unit)}", number, unit


def make_step(title: str | None, description: str) -> Step:
    title = squash(title) or None
    description = clean(description)
    time_text, limit, unit = step_time(description if not title else f"{title} {description}")
    return Step(
        title=title,
        description=description,
        actor=infer_actor(title or description),
        time_text=time_text,
        time_limit=limit,
        time_unit=unit,
    )


def split_steps(title: str | None, description: str | None) -> list[Step]:
    """One published step record, split where its text numbers steps itself ("Bước 1: ... Bước 2: ...").

    The text before the first marker, if any, stays a step of its own; text is kept as published.
    """
    text = clean(description)
    marks = list(_STEP_MARK.finditer(text))
    if len(marks) < 2:
        return [make_step(title, text)] if (text or title) else []
    steps = []
    preamble = text[: marks[0].start()].strip()
    if preamble or title:
        steps.append(make_step(title, preamble))
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        body = text[mark.end() : following.start() if following else len(text)].strip()
        first, _, rest = body.partition("\n")
        steps.append(make_step(f"Bước {mark.group(1)}: {first.strip()}", rest.strip()))
    return steps
