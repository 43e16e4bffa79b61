"""What every long operation shares: its ``progress`` and ``cancelled`` callbacks, and the one error it raises when
cancelled.

Long operations (import, the catalog's analysis, apply suggestions, every export, the catalog's cost, the catalog
figures) take ``progress(done, total)`` (``total`` 0 while unknown) and ``cancelled()`` callbacks instead of knowing
about threads: the GUI adapts them to a worker, the command line to a progress bar. When ``cancelled()`` returns True,
the operation stops at its next check and raises :class:`Cancelled`, having kept its promise: a cancelled import or
analysis writes nothing to the workspace, a cancelled export leaves no file (and an older file at its path as it was).

:class:`Cancelled` is not a :class:`~models.errors.TthcError`: the shells report it as cancelled, never as a failure,
and a real error that happens after a cancel was asked is still that error.

>>> check_cancelled(lambda: False, IMPORT)
>>> check_cancelled(lambda: True, IMPORT)
Traceback (most recent call last):
...
models.jobs.Cancelled: Import cancelled: the workspace was not changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from models.vocabulary import Lang

#: ``progress(done, total)``: ``done`` units of ``total`` (0 while the total is unknown).
Progress = Callable[[int, int], None]
#: ``cancelled()``: True once the caller asked the operation to stop.
CancelCheck = Callable[[], bool]

# What was cancelled: the operations whose promise a cancel keeps, each with what it says (Vietnamese, English; as
# the workbench's dialogs say it, workbench/i18n/tthc_vi.ts).
OPERATION: Final = "operation"
IMPORT: Final = "import"
ANALYSIS: Final = "analysis"
SUGGESTIONS: Final = "suggestions"
EXPORT: Final = "export"
COST: Final = "cost"
FIGURES: Final = "figures"

_SENTENCES: dict[str, tuple[str, str]] = {
    OPERATION: ("Đã hủy: không có gì được ghi.", "Cancelled: nothing was written."),
    IMPORT: (
        "Đã hủy việc nhập: không gian làm việc không thay đổi.",
        "Import cancelled: the workspace was not changed.",
    ),
    ANALYSIS: (
        "Việc rà soát đã hủy: kết quả rà soát đã lưu không thay đổi.",
        "Analysis cancelled: the stored findings are unchanged.",
    ),
    SUGGESTIONS: (
        "Đã hủy việc áp dụng đề xuất: không phương án nào thay đổi.",
        "Applying the suggestions was cancelled: no proposal was changed.",
    ),
    EXPORT: ("Đã hủy việc xuất: không tệp nào được ghi.", "Export cancelled: no file was written."),
    COST: ("Đã hủy tính chi phí.", "The cost calculation was cancelled."),
    FIGURES: ("Đã hủy tính số liệu danh mục.", "The catalog figures were cancelled."),
}


class Cancelled(Exception):
    """A long operation stopped because its caller asked it to (``cancelled()`` returned True), keeping its promise
    (see the module docstring). ``operation`` says which (:data:`IMPORT`, :data:`EXPORT`...)."""

    def __init__(self, operation: str = OPERATION) -> None:
        self.operation = operation if operation in _SENTENCES else OPERATION
        super().__init__(self.sentence("en"))

    def sentence(self, lang: Lang = "vi") -> str:
        """What the cancel left, in one sentence for people, in ``lang``."""
        vi, en = _SENTENCES[self.operation]
        return vi if lang == "vi" else en


def check_cancelled(cancelled: CancelCheck | None, operation: str = OPERATION) -> None:
    """Raise :class:`Cancelled` when ``cancelled`` says the caller asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled(operation)
