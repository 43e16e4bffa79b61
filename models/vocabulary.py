"""The vocabulary of the domain: the label of every enum value in Vietnamese and English, and the spellings a
reader accepts for it. The one table every layer reads — importers (template cells, Word fields), exporters (Word,
Excel, diagrams, BPMN, CPSV-AP), the command line and the desktop application.

>>> label(ChannelMethod.POSTAL), label(ChannelMethod.POSTAL, "en")
('Dịch vụ bưu chính', 'Postal')
>>> enum_value(TimeUnit, "ngày làm việc"), enum_value(ChannelMethod, "TRUC TUYEN")
(<TimeUnit.WORKING_DAY: 'WORKING_DAY'>, <ChannelMethod.ONLINE: 'ONLINE'>)
>>> unit_word(TimeUnit.WORKING_DAY), unit_word(TimeUnit.OTHER)
('ngày làm việc', None)

Besides its label, a value has a short form for little room and a form for running text (:data:`FORMS`):

>>> label(FindingGrade.REDUNDANT), label(FindingGrade.REDUNDANT, form="short")
('Trùng lặp (dữ liệu đã có)', 'Trùng lặp')
>>> label(FeeKind.OTHER), label(FeeKind.OTHER, form="short"), label(CopyForm.ELECTRONIC, "en", form="text")
('Khác', 'Phí, lệ phí', 'electronic copy')
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from models.enums import (
    Actor,
    ChannelMethod,
    CopyForm,
    CostKind,
    FeeKind,
    FindingGrade,
    ItemGroup,
    ItemKind,
    Level,
    ProcedureStatus,
    TimeUnit,
)
from models.findings import BlockKind
from models.text import fold

Lang = Literal["vi", "en"]
#: Where a label goes: "label" — a heading, a column, a document; "short" — by itself in little room; "text" —
#: inside a sentence; "badge" — the line a diagram writes under a graded item (see :data:`FORMS`).
Form = Literal["label", "short", "text", "badge"]

#: Labels of enum values: (Vietnamese label, English label, other accepted spellings).
ENUM_LABELS: dict[type[StrEnum], dict[StrEnum, tuple[str, str, tuple[str, ...]]]] = {
    ChannelMethod: {
        ChannelMethod.DIRECT: ("Trực tiếp", "In person", ("Nộp trực tiếp",)),
        ChannelMethod.POSTAL: ("Dịch vụ bưu chính", "Postal", ("Bưu chính", "Qua bưu chính")),
        ChannelMethod.ONLINE: ("Trực tuyến", "Online", ("Qua mạng", "Dịch vụ công trực tuyến")),
    },
    TimeUnit: {
        TimeUnit.WORKING_DAY: ("Ngày làm việc", "Working days", ("Working day",)),
        TimeUnit.DAY: ("Ngày", "Days", ("Calendar days", "Ngày dương lịch", "Day")),
        TimeUnit.HOUR: ("Giờ", "Hours", ("Hour", "Giờ làm việc")),
        TimeUnit.MONTH: ("Tháng", "Months", ("Month",)),
        TimeUnit.OTHER: ("Khác", "Other", ()),
    },
    FeeKind: {
        FeeKind.FEE: ("Phí", "Fee", ()),
        FeeKind.CHARGE: ("Lệ phí", "Charge", ()),
        FeeKind.SERVICE_FEE: ("Phí dịch vụ", "Service fee", ()),
        FeeKind.OTHER: ("Khác", "Other", ()),
    },
    ItemGroup: {
        ItemGroup.SUBMIT: ("Giấy tờ phải nộp", "To submit", ("Phải nộp", "Nộp", "Submit")),
        ItemGroup.SHOW: ("Giấy tờ phải xuất trình", "To show", ("Phải xuất trình", "Xuất trình", "Show")),
    },
    ItemKind: {
        ItemKind.DOCUMENT: ("Giấy tờ", "Document", ("Tài liệu",)),
        ItemKind.FORM: ("Mẫu đơn, tờ khai", "Form", ("Mẫu đơn", "Tờ khai", "Biểu mẫu")),
    },
    CopyForm: {
        CopyForm.ORIGINAL: ("Bản chính", "Original", ("Bản gốc",)),
        CopyForm.PLAIN: ("Bản sao", "Plain copy", ("Bản chụp", "Bản photo", "Photo")),
        CopyForm.CERTIFIED: ("Bản sao có chứng thực", "Certified copy", ("Bản sao công chứng",)),
        CopyForm.FROM_REGISTER: ("Bản sao từ sổ gốc", "Copy from the register", ()),
        CopyForm.ELECTRONIC: ("Bản điện tử", "Electronic", ("Bản sao điện tử",)),
        CopyForm.CERTIFIED_ELECTRONIC: ("Bản sao điện tử có chứng thực", "Certified electronic copy", ()),
        CopyForm.SHOW_ORIGINAL: ("Bản chính để đối chiếu", "Original shown for comparison", ()),
    },
    Level: {
        Level.MINISTRY: ("Cấp bộ", "Ministry", ("Bộ", "Cấp trung ương")),
        Level.PROVINCE: ("Cấp tỉnh", "Province", ("Tỉnh",)),
        Level.COMMUNE: ("Cấp xã", "Commune", ("Xã",)),
        Level.OTHER_AGENCY: ("Cơ quan khác", "Other agency", ()),
        Level.DISTRICT_HISTORICAL: ("Cấp huyện", "District (historical)", ("Huyện", "District")),
    },
    ProcedureStatus: {
        ProcedureStatus.NEW: ("Mới ban hành", "New", ("Mới",)),
        ProcedureStatus.AMENDED: ("Sửa đổi, bổ sung", "Amended", ("Sửa đổi", "Được sửa đổi, bổ sung")),
        ProcedureStatus.ABOLISHED: ("Bãi bỏ", "Abolished", ("Hủy bỏ",)),
        ProcedureStatus.ACTIVE: ("Đang có hiệu lực", "Active", ("Còn hiệu lực", "Có hiệu lực")),
    },
    Actor: {
        Actor.APPLICANT: ("Tổ chức, cá nhân", "Applicant", ("Người nộp hồ sơ", "Người yêu cầu")),
        Actor.ONE_STOP_DESK: ("Bộ phận một cửa", "One-stop desk", ("Một cửa",)),
        Actor.HANDLING_AGENCY: ("Cơ quan giải quyết", "Handling agency", ("Cơ quan thực hiện",)),
        Actor.OTHER_AGENCY: ("Cơ quan phối hợp", "Other agency", ("Cơ quan khác",)),
        Actor.DATA_SYSTEM: ("Hệ thống dữ liệu", "Data system", ("Cơ sở dữ liệu",)),
    },
    FindingGrade: {
        FindingGrade.REDUNDANT: ("Trùng lặp (dữ liệu đã có)", "Redundant (the data is held)", ("Thừa",)),
        FindingGrade.POTENTIALLY_REDUNDANT: ("Có thể trùng lặp", "Potentially redundant", ("Có thể thừa",)),
        FindingGrade.ISSUED_BY_STATE: (
            "Do cơ quan nhà nước cấp",
            "Issued by a state body",
            ("Do nhà nước cấp",),
        ),
        FindingGrade.REQUIRED: ("Vẫn phải nộp", "Required", ("Cần nộp",)),
    },
    CostKind: {
        CostKind.PREPARATION: ("Chuẩn bị hồ sơ", "Preparing the dossier", ()),
        CostKind.COPIES: ("Sao chụp giấy tờ", "Copying documents", ()),
        CostKind.CERTIFICATION: ("Chứng thực bản sao", "Certifying copies", ()),
        CostKind.VISITS: ("Đi lại, chờ đợi", "Travel and waiting", ()),
        CostKind.FEES: ("Phí, lệ phí", "Fees and charges", ()),
    },
    BlockKind: {
        BlockKind.PRESENCE: ("Phải có mặt trực tiếp", "Presence in person", ()),
        BlockKind.SHOW_ORIGINAL: ("Phải xuất trình bản chính", "Original to show", ()),
        BlockKind.CERTIFIED_PAPER_COPY: ("Bản sao chứng thực giấy", "Certified paper copy", ()),
        BlockKind.ON_SITE_INSPECTION: ("Kiểm tra thực địa", "On-site inspection", ()),
        BlockKind.WET_SIGNATURE: ("Chữ ký tay", "Handwritten signature", ()),
        BlockKind.PAPER_RESULT: ("Kết quả chỉ bằng giấy", "Paper-only result", ()),
        BlockKind.NO_ONLINE_CHANNEL: ("Không có cách thức trực tuyến", "No online channel", ()),
    },
}
#: The forms of a value that are not its label, in (Vietnamese, English); a value without one takes the default.
#:
#: - "short": the value shown by itself in little room — a badge, a table cell, a choice in a list, the head of a
#:   line ("Phí, lệ phí: 200.000 đ"). By default the label; its own form where the label is long or leans on its
#:   column to be understood ("Khác" under "Loại phí").
#: - "text": the value inside a sentence, after a number or a colon ("15 ngày làm việc", "2 trùng lặp", "hình thức:
#:   bản chính"). By default the short form in lower case.
#: - "badge": the finder's grade as the swimlane diagram writes it under an item, in capitals where it calls for
#:   action ("THỪA: đã có dữ liệu"). By default the label. (A required item has no badge: the diagram leaves
#:   it plain.)
#:
#: Importers do not read these forms (:func:`enum_value` knows the labels and the spellings of :data:`ENUM_LABELS`).
FORMS: dict[Form, dict[type[StrEnum], dict[StrEnum, tuple[str, str]]]] = {
    # keyed by enum first, like ENUM_LABELS: FeeKind.OTHER == TimeUnit.OTHER, as strings
    "short": {
        FeeKind: {FeeKind.OTHER: ("Phí, lệ phí", "Fee or charge")},  # the published wording that says neither
        ItemGroup: {
            ItemGroup.SUBMIT: ("Phải nộp", "To submit"),
            ItemGroup.SHOW: ("Phải xuất trình", "To show"),
        },
        Level: {Level.DISTRICT_HISTORICAL: ("Cấp huyện (cũ)", "District (historical)")},
        FindingGrade: {
            FindingGrade.REDUNDANT: ("Trùng lặp", "Redundant"),
            FindingGrade.ISSUED_BY_STATE: ("Do nhà nước cấp", "Issued by the state"),
        },
    },
    "text": {
        TimeUnit: {TimeUnit.OTHER: ("đơn vị khác", "other unit")},
        CopyForm: {CopyForm.ELECTRONIC: ("bản điện tử", "electronic copy")},
    },
    "badge": {
        FindingGrade: {
            FindingGrade.REDUNDANT: ("THỪA: đã có dữ liệu", "REDUNDANT: the data is held"),
            FindingGrade.POTENTIALLY_REDUNDANT: ("Có thể thừa", "Potentially redundant"),
        },
    },
}
#: Values kept for old data only, with why a new design never takes them.
RETIRED: dict[StrEnum, str] = {
    Level.DISTRICT_HISTORICAL: "chỉ có trong dữ liệu cũ, không chọn cho thủ tục mới",
}


def label(value: StrEnum, lang: Lang = "vi", form: Form = "label") -> str:
    """The label of an enum value in ``lang`` (Vietnamese by default), or another of its :data:`FORMS`.

    >>> label(Level.DISTRICT_HISTORICAL), label(Level.DISTRICT_HISTORICAL, form="short")
    ('Cấp huyện', 'Cấp huyện (cũ)')
    >>> label(FindingGrade.REQUIRED, form="text"), label(FindingGrade.REDUNDANT, "en", form="text")
    ('vẫn phải nộp', 'redundant')
    >>> label(FindingGrade.REDUNDANT, form="badge"), label(FindingGrade.ISSUED_BY_STATE, form="badge")
    ('THỪA: đã có dữ liệu', 'Do cơ quan nhà nước cấp')
    """
    own = FORMS[form].get(type(value), {}).get(value) if form != "label" else None
    if own is not None:
        return own[0] if lang == "vi" else own[1]
    if form == "text":
        return label(value, lang, "short").lower()
    if form == "short":
        return label(value, lang)
    vi, en, _ = ENUM_LABELS[type(value)][value]
    return vi if lang == "vi" else en


def unit_word(unit: TimeUnit | None, lang: Lang = "vi") -> str | None:
    """A time unit as running text writes it after a number ("15 ngày làm việc"); None for OTHER or no unit."""
    if unit is None or unit is TimeUnit.OTHER:
        return None
    return label(unit, lang, "text")


#: The three conditions of DOMAIN §4 under which a source's data replaces a document, keyed as
#: ``Finding.conditions`` keys them: (Vietnamese, English), as the findings report heads its columns and the
#: workbench lists them beside a finding.
CONDITIONS: dict[str, tuple[str, str]] = {
    "holds": ("(a) Nguồn có dữ liệu", "(a) A source holds the data"),
    "announced": ("(b) Đã công bố", "(b) Announced"),
    "connected": ("(c) Đã kết nối", "(c) Connected"),
}
#: Whether a condition is met: yes, no, not known.
CONDITION_STATES: dict[bool | None, tuple[str, str]] = {
    True: ("Có", "Yes"),
    False: ("Không", "No"),
    None: ("Chưa rõ", "Unknown"),
}


def condition_label(key: str, lang: Lang = "vi") -> str:
    """The label of a finding's condition.

    >>> condition_label("holds"), condition_label("connected", "en")
    ('(a) Nguồn có dữ liệu', '(c) Connected')
    """
    vi, en = CONDITIONS[key]
    return vi if lang == "vi" else en


def condition_state(met: bool | None, lang: Lang = "vi") -> str:
    """Whether a condition is met, in words: "Có", "Không", "Chưa rõ"."""
    vi, en = CONDITION_STATES[met]
    return vi if lang == "vi" else en


#: The cost parameters (the fields of ``models.cost.CostParameters``), in the order the cost book's parameter
#: sheet and the settings dialog list them: (Vietnamese label, English label, Vietnamese unit, English unit).
COST_PARAMETERS: dict[str, tuple[str, str, str, str]] = {
    "hour_value_vnd": (
        "Giá trị một giờ của người thực hiện",
        "Value of an hour of the applicant's time",
        "VNĐ/giờ",
        "VND/hour",
    ),
    "form_hours": (
        "Thời gian điền một mẫu đơn, tờ khai",
        "Time to fill in one form or declaration",
        "giờ",
        "hours",
    ),
    "document_hours": (
        "Thời gian có được một giấy tờ phải nộp",
        "Time to obtain one document to submit",
        "giờ",
        "hours",
    ),
    "show_document_hours": (
        "Thời gian chuẩn bị một giấy tờ phải xuất trình",
        "Time to get one document to show ready",
        "giờ",
        "hours",
    ),
    "visit_hours": (
        "Thời gian đi lại, chờ đợi mỗi lần đến cơ quan",
        "Travel and waiting time per visit to an agency",
        "giờ",
        "hours",
    ),
    "travel_cost_vnd": (
        "Chi phí đi lại mỗi lần đến cơ quan",
        "Travel cost per visit to an agency",
        "VNĐ",
        "VND",
    ),
    "copy_cost_per_page_vnd": (
        "Chi phí sao chụp một trang",
        "Copying cost per page",
        "VNĐ/trang",
        "VND/page",
    ),
    "certification_cost_per_page_vnd": (
        "Chi phí chứng thực một trang",
        "Certification cost per page",
        "VNĐ/trang",
        "VND/page",
    ),
    "pages_per_document": (
        "Số trang bình quân của một giấy tờ",
        "Average pages of a document",
        "trang",
        "pages",
    ),
    "conditional_item_weight": (
        "Tỷ lệ hồ sơ cần thành phần có điều kiện (“nếu có”, “trường hợp…”)",
        "Share of dossiers that need a conditional item (“if any”, “in case…”)",
        "0–1",
        "0–1",
    ),
    "annual_volume": (
        "Số hồ sơ mỗi năm của một thủ tục (mặc định)",
        "Dossiers per year of a procedure (default)",
        "hồ sơ/năm",
        "dossiers/year",
    ),
    "times_per_year": (
        "Số lần mỗi đối tượng thực hiện thủ tục trong năm",
        "Times a subject carries out the procedure per year",
        "lần/năm",
        "times/year",
    ),
}


def parameter_label(name: str, lang: Lang = "vi") -> str:
    """The label of a cost parameter.

    >>> parameter_label("visit_hours"), parameter_label("visit_hours", "en")
    ('Thời gian đi lại, chờ đợi mỗi lần đến cơ quan', 'Travel and waiting time per visit to an agency')
    """
    vi, en, _, _ = COST_PARAMETERS[name]
    return vi if lang == "vi" else en


def parameter_unit(name: str, lang: Lang = "vi") -> str:
    """The unit of a cost parameter ("VNĐ/giờ", "giờ", …)."""
    _, _, vi, en = COST_PARAMETERS[name]
    return vi if lang == "vi" else en


_NOT_KEY = re.compile(r"[^a-z0-9]+")


def label_key(text: str | None) -> str:
    """The match key of a label, header or sheet name: folded, punctuation and underscores as spaces.

    >>> label_key("Số tiền (VNĐ)"), label_key("amount_vnd"), label_key("WORKING_DAY")
    ('so tien vnd', 'amount vnd', 'working day')
    """
    return _NOT_KEY.sub(" ", fold(text)).strip()


_ENUM_KEYS: dict[type[StrEnum], dict[str, StrEnum]] = {
    enum: {
        label_key(spelling): value
        for value, (vi, en, others) in labels.items()
        for spelling in (value.value, vi, en, *others)
    }
    for enum, labels in ENUM_LABELS.items()
}


def enum_value(enum: type[StrEnum], text: str) -> StrEnum | None:
    """The enum value a cell names by its code or one of its labels; None when it names none.

    >>> enum_value(TimeUnit, "ngày làm việc"), enum_value(ChannelMethod, "TRUC TUYEN")
    (<TimeUnit.WORKING_DAY: 'WORKING_DAY'>, <ChannelMethod.ONLINE: 'ONLINE'>)
    """
    return _ENUM_KEYS[enum].get(label_key(text))
