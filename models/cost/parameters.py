"""The cost parameters: every figure the cost model uses, set and sourced by the user, and saved in the workspace.

Art. 27(4) was not read and no official value of an hour was confirmed, so the defaults are placeholders, each with a
note saying so (:meth:`CostParameters.placeholders` lists those still unsourced).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import Table, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from models.errors import WorkspaceError
from models.tables import SettingRow

if TYPE_CHECKING:
    from models.storage.workspace import Workspace

#: The key of the cost parameters in the workspace's settings table.
SETTING_KEY = "cost_parameters"

_PLACEHOLDER = "Giá trị giữ chỗ (placeholder), chưa có nguồn: hãy đặt theo số liệu của đơn vị và ghi nguồn."
_DEFAULT_SOURCES = {
    "hour_value_vnd": f"{_PLACEHOLDER} Chưa có giá trị chính thức của một giờ (Thông tư 02/2017/TT-VPCP không "
    "quy định); thường lấy theo thu nhập bình quân hoặc lương tối thiểu giờ của địa phương.",
    "form_hours": f"{_PLACEHOLDER} Thời gian điền một mẫu đơn, tờ khai.",
    "document_hours": f"{_PLACEHOLDER} Thời gian có được một giấy tờ phải nộp (tìm, xin cấp, sao).",
    "show_document_hours": f"{_PLACEHOLDER} Thời gian chuẩn bị một giấy tờ phải xuất trình.",
    "visit_hours": f"{_PLACEHOLDER} Thời gian đi lại và chờ đợi cho một lần đến cơ quan.",
    "travel_cost_vnd": f"{_PLACEHOLDER} Chi phí đi lại cho một lần đến cơ quan.",
    "copy_cost_per_page_vnd": f"{_PLACEHOLDER} Chi phí sao chụp một trang.",
    "certification_cost_per_page_vnd": f"{_PLACEHOLDER} Đặt theo mức phí chứng thực bản sao hiện hành.",
    "pages_per_document": f"{_PLACEHOLDER} Số trang bình quân của một giấy tờ.",
    "conditional_item_weight": "Mặc định 1: mọi thành phần hồ sơ đều được tính (cận trên). Đặt tỷ lệ hồ sơ cần "
    "đến thành phần có điều kiện (“nếu có”, “trường hợp…”) nếu có số liệu.",
    "annual_volume": f"{_PLACEHOLDER} Số hồ sơ (đối tượng) mỗi năm của một thủ tục; đặt riêng từng thủ tục ở "
    "volume_by_code theo số liệu tiếp nhận thực tế.",
    "times_per_year": "Mặc định 1: mỗi đối tượng thực hiện thủ tục một lần trong năm.",
}


class CostParameters(BaseModel):
    """Every figure the cost model uses, set by the user, each with a note of where it comes from.

    The defaults are **placeholders** chosen only to make the arithmetic visible; ``sources`` starts with a note
    saying so for each parameter, and :meth:`placeholders` lists those still unsourced.

    Examples
    --------
    >>> params = CostParameters(hour_value_vnd=30_000, volume_by_code={"1.001193": 250_000})
    >>> params.volume("1.001193"), params.volume("2.000635")
    (250000.0, 1000.0)
    >>> "hour_value_vnd" in params.placeholders()
    True
    """

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    hour_value_vnd: float = Field(
        default=25_000, ge=0, description="Value of one hour of the applicant's time (VND)."
    )
    form_hours: float = Field(default=0.5, ge=0, description="Hours to fill in one form or declaration.")
    document_hours: float = Field(default=1.0, ge=0, description="Hours to obtain one document to submit.")
    show_document_hours: float = Field(
        default=0.25, ge=0, description="Hours to get ready one document to show."
    )
    visit_hours: float = Field(
        default=2.0, ge=0, description="Hours per in-person visit, travel and waiting."
    )
    travel_cost_vnd: float = Field(default=30_000, ge=0, description="Travel cost of one visit (VND).")
    copy_cost_per_page_vnd: float = Field(default=500, ge=0, description="Copying cost per page (VND).")
    certification_cost_per_page_vnd: float = Field(
        default=2_000, ge=0, description="Certification cost per page (VND)."
    )
    pages_per_document: float = Field(default=2, ge=0, description="Pages of a typical document.")
    conditional_item_weight: float = Field(
        default=1.0, ge=0, le=1, description="Share of dossiers that need an item published with a condition."
    )
    annual_volume: float = Field(
        default=1_000, ge=0, description="Dossiers per year of a procedure (default)."
    )
    volume_by_code: dict[str, float] = Field(default_factory=dict, description="Dossiers per year, by code.")
    times_per_year: float = Field(
        default=1.0, ge=0, description="Times a subject needs the procedure per year."
    )
    sources: dict[str, str] = Field(
        default_factory=lambda: dict(_DEFAULT_SOURCES), description="Where each figure comes from."
    )

    def volume(self, code: str) -> float:
        """Dossiers per year of the procedure ``code``: its own figure, or the default."""
        return float(self.volume_by_code.get(code, self.annual_volume))

    def placeholders(self) -> list[str]:
        """The parameters whose source note is still the placeholder shipped with the workbench."""
        return [name for name, note in _DEFAULT_SOURCES.items() if self.sources.get(name) == note]


# --- persistence ------------------------------------------------------------------------------------------------

_SETTINGS = cast(Table, SettingRow.__table__)  # type: ignore[attr-defined]


def load_cost_parameters(workspace: Workspace) -> CostParameters:
    """The cost parameters saved in ``workspace``, or the defaults when none were saved.

    Raises
    ------
    WorkspaceError : the workspace cannot be read, or holds parameters this version cannot read.
    """
    try:
        with workspace.engine.connect() as conn:
            value: Any = conn.scalar(select(_SETTINGS.c.value).where(_SETTINGS.c.key == SETTING_KEY))
    except SQLAlchemyError as exc:
        raise WorkspaceError(
            f"Could not read the cost parameters of workspace {workspace.label}: {exc}."
        ) from None
    if value is None:
        return CostParameters()
    try:
        return CostParameters.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise WorkspaceError(
            f"The cost parameters saved in workspace {workspace.label} are not valid ({where}: {first['msg']})."
        ) from None


def save_cost_parameters(workspace: Workspace, params: CostParameters) -> None:
    """Save ``params`` in ``workspace`` (replacing those saved before), in one transaction.

    Raises
    ------
    WorkspaceError : the workspace cannot be written.
    """
    value = params.model_dump(mode="json")
    try:
        with workspace.engine.begin() as conn:
            conn.execute(delete(_SETTINGS).where(_SETTINGS.c.key == SETTING_KEY))
            conn.execute(insert(_SETTINGS).values(key=SETTING_KEY, value=value))
    except SQLAlchemyError as exc:
        raise WorkspaceError(
            f"Could not save the cost parameters in workspace {workspace.label}: {exc}."
        ) from None
