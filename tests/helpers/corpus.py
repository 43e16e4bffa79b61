"""Procedures and findings the open-format tests share: the sample workspace, and the shared portal corpus."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from catalog.importing.importer import expand, import_paths, read_file
from catalog.pipeline.analysis import analyze
from models.cost.parameters import CostParameters
from models.findings import Finding
from models.procedure import Procedure
from models.sources import DataSource, load_registry
from models.storage.workspace import Workspace

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-catalog.json"

Analysed = list[tuple[Procedure, list[Finding]]]


def sample_procedures(folder: Path) -> list[Procedure]:
    """The sample catalog imported into a fresh workspace in ``folder`` and read back."""
    with Workspace.open(folder / "sample.sqlite") as workspace:
        import_paths(workspace, [SAMPLE], strict=True)
        return list(workspace.procedures())


def connected_registry(*connected: str) -> list[DataSource]:
    """The shipped registry with the handling agency connected to ``connected`` (their items become redundant)."""
    return [dataclasses.replace(s, connected=True) if s.id in connected else s for s in load_registry()]


def analysed(procedures: Sequence[Procedure], registry: list[DataSource] | None = None) -> Analysed:
    """Each procedure with the finder's findings for its items."""
    analysis = analyze(procedures, load_registry() if registry is None else registry, CostParameters())
    return [(a.procedure, a.findings) for a in analysis.procedures]


@lru_cache(maxsize=1)
def portal_pages(data: Path) -> tuple[tuple[Procedure, list[Finding]], ...]:
    """Every record of ``data``/portal-pages (2,110 files, mis-scraped duplicates included), analysed."""
    files, _ = expand([data / "portal-pages"])
    procedures = [record.procedure for path in files for record in read_file(path) if record.procedure]
    return tuple(analysed(procedures))


def every_nth(
    records: Sequence[tuple[Procedure, list[Finding]]], count: int
) -> list[tuple[Procedure, list[Finding]]]:
    """A deterministic sample of about ``count`` records spread over the whole corpus."""
    step = max(1, len(records) // count)
    return list(records[::step])
