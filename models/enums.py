"""Closed vocabularies of the domain (DOMAIN.md §2 and §9).

Values are the upper-case codes the national portal uses where it has one (``DIRECT``, ``WORKING_DAY``,
``SERVICE_FEE``...), so that what we store and export reads the same as the source data.
"""

from __future__ import annotations

from enum import StrEnum


class ChannelMethod(StrEnum):
    """How a dossier is handed in (cách thức thực hiện)."""

    DIRECT = "DIRECT"  # trực tiếp
    POSTAL = "POSTAL"  # dịch vụ bưu chính
    ONLINE = "ONLINE"  # trực tuyến


class TimeUnit(StrEnum):
    """Unit of a statutory time limit. Working and calendar days are never converted into each other."""

    WORKING_DAY = "WORKING_DAY"  # ngày làm việc
    DAY = "DAY"  # ngày (calendar)
    HOUR = "HOUR"  # giờ
    MONTH = "MONTH"  # tháng
    OTHER = "OTHER"  # a bare number, or a unit we do not know


class FeeKind(StrEnum):
    """Kind of money the applicant pays. The portal's FEE/SERVICE_FEE mapping is not confirmed (DOMAIN §2)."""

    FEE = "FEE"  # phí
    CHARGE = "CHARGE"  # lệ phí
    SERVICE_FEE = "SERVICE_FEE"  # as published by the portal API
    OTHER = "OTHER"


class ItemGroup(StrEnum):
    """Whether a dossier item is handed in or only shown and returned."""

    SUBMIT = "SUBMIT"  # giấy tờ phải nộp
    SHOW = "SHOW"  # giấy tờ phải xuất trình


class ItemKind(StrEnum):
    DOCUMENT = "DOCUMENT"
    FORM = "FORM"  # mẫu đơn, tờ khai


class CopyForm(StrEnum):
    """Forms in which a document is accepted (several may be allowed for one item)."""

    ORIGINAL = "ORIGINAL"  # bản chính / bản gốc
    PLAIN = "PLAIN"  # bản sao, bản chụp, photo
    CERTIFIED = "CERTIFIED"  # bản sao có chứng thực / công chứng
    FROM_REGISTER = "FROM_REGISTER"  # bản sao từ sổ gốc
    ELECTRONIC = "ELECTRONIC"  # bản điện tử, bản sao điện tử
    CERTIFIED_ELECTRONIC = "CERTIFIED_ELECTRONIC"  # bản sao điện tử có chứng thực
    SHOW_ORIGINAL = "SHOW_ORIGINAL"  # bản chính để đối chiếu


#: The certified forms (paper or electronic): costly to obtain, and a block to full-process online handling.
CERTIFIED_FORMS = frozenset({CopyForm.CERTIFIED, CopyForm.CERTIFIED_ELECTRONIC})


class Level(StrEnum):
    """Level of government that handles the procedure (cấp thực hiện)."""

    MINISTRY = "MINISTRY"  # cấp bộ
    PROVINCE = "PROVINCE"  # cấp tỉnh
    COMMUNE = "COMMUNE"  # cấp xã
    OTHER_AGENCY = "OTHER_AGENCY"  # cơ quan khác
    DISTRICT_HISTORICAL = "DISTRICT_HISTORICAL"  # cấp huyện, retired on 01/07/2025: old data only


class ProcedureStatus(StrEnum):
    """Status given by the announcement decision."""

    NEW = "NEW"  # mới ban hành
    AMENDED = "AMENDED"  # sửa đổi, bổ sung
    ABOLISHED = "ABOLISHED"  # bãi bỏ
    ACTIVE = "ACTIVE"  # in force, no change announced


class Actor(StrEnum):
    """Who performs a step (the lanes of a procedure's diagram)."""

    APPLICANT = "APPLICANT"
    ONE_STOP_DESK = "ONE_STOP_DESK"  # bộ phận một cửa, Trung tâm Phục vụ hành chính công
    HANDLING_AGENCY = "HANDLING_AGENCY"
    OTHER_AGENCY = "OTHER_AGENCY"
    DATA_SYSTEM = "DATA_SYSTEM"


class FindingGrade(StrEnum):
    """Grade the once-only finder gives a dossier item (DOMAIN §4)."""

    REDUNDANT = "redundant"
    POTENTIALLY_REDUNDANT = "potentially_redundant"
    REQUIRED = "required"
    ISSUED_BY_STATE = "issued_by_state"


class CostKind(StrEnum):
    """The lines of a dossier's compliance cost (Circular 02/2017/TT-VPCP Art. 27): tasks, then fees."""

    PREPARATION = "preparation"  # chuẩn bị hồ sơ
    COPIES = "copies"  # sao chụp giấy tờ
    CERTIFICATION = "certification"  # chứng thực bản sao
    VISITS = "visits"  # đi lại, chờ đợi
    FEES = "fees"  # phí, lệ phí
