"""The workbench's own JSON exchange format: its name, its version, and one procedure as JSON data. The JSON
exporter writes it and the workbench-JSON importer reads it back to identical data."""

from __future__ import annotations

from typing import Any

from models.procedure import Procedure

FORMAT_NAME = "tthc-workbench"
FORMAT_VERSION = 1


def procedure_json(procedure: Procedure) -> dict[str, Any]:
    """One procedure as JSON data: the model's fields plus, for readers, each channel's ``fee_vnd`` total and
    each item's ``certified_copy`` flag (both derived, and ignored on re-import)."""
    data = procedure.model_dump(mode="json")
    for channel, out in zip(procedure.channels, data["channels"], strict=True):
        out["fee_vnd"] = channel.fee_vnd
    for item, out in zip(procedure.items, data["items"], strict=True):
        out["certified_copy"] = item.certified_copy
    return data
