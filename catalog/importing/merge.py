"""Enriching a stored procedure: what list-level records (portal list exports) and full records add to each other.

A list row knows a procedure's code, name, agencies and field; a detail page knows everything else. Whichever comes
first, the procedure ends up with both: a list row only fills header fields the stored procedure lacks, and a full
record replaces the stored one but keeps the header values that only a list had.
"""

from __future__ import annotations

from typing import Any

from models.procedure import Procedure, ProcedureHeader

_HEADER = [name for name in ProcedureHeader.model_fields if name != "code"]


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


def fill_gaps(base: Procedure, donor: Procedure) -> Procedure:
    """``base`` with each empty header field taken from ``donor``; ``base``'s parts are never touched.

    >>> base = Procedure(code="1.000001", name="Cấp phép", field=None)
    >>> fill_gaps(base, Procedure(code="1.000001", name="Cấp giấy phép", field="Xây dựng")).field
    'Xây dựng'
    """
    updates = {
        name: getattr(donor, name)
        for name in _HEADER
        if _empty(getattr(base, name)) and not _empty(getattr(donor, name))
    }
    return base.model_copy(update=updates) if updates else base  # parts are shared, never mutated
