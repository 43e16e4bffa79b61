"""Importing files and folders into a workspace: detection, reading, the report, and the batch's transaction.

A batch is one transaction. A record that cannot be read is reported (file, record, one-sentence reason) while the
rest imports; with ``strict=True`` any such record aborts the whole batch and the workspace is left untouched.
Re-importing the same source changes nothing; a newer version of a procedure updates it and the workspace records
which fields changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import catalog.portal_api  # noqa: F401

# Importing the format modules registers them; the order is the detection priority.
import catalog.workbench_json  # noqa: F401
from catalog.errors import CatalogReadError, ImportAborted, ImportCancelled
from catalog.merge import fill_gaps
from catalog.registry import detect
from catalog.text import fold
from models.procedure import Procedure
from models.workspace import ImportWriter, Outcome, SourceRef, Workspace

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_CHUNK = 1000  # procedures written per round trip; bounds memory on national-scale batches


@dataclass(slots=True)
class ImportReport:
    """What an import did. ``failures`` are one sentence each; ``warnings`` name the record they concern."""

    imported: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)  # code -> changed fields
    unchanged: list[str] = field(default_factory=list)
    failures: list[CatalogReadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "imported": len(self.imported),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "failed": len(self.failures),
            "imported_codes": self.imported,
            "updated_codes": self.updated,
            "unchanged_codes": self.unchanged,
            "failures": [
                {"file": f.file, "record": f.record, "reason": f.reason, "message": str(f)}
                for f in self.failures
            ],
            "warnings": self.warnings,
        }


def search_key(procedure: Procedure) -> str:
    """What instant search matches: code and name, folded (no diacritics, lower case)."""
    return fold(f"{procedure.code} {procedure.name}")


def expand(paths: Sequence[Path]) -> tuple[list[Path], list[CatalogReadError]]:
    """Files to read: each file as given, each folder's files recursively in name order (hidden ones skipped)."""
    files: list[Path] = []
    missing: list[CatalogReadError] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(CatalogReadError(str(path), None, "no such file or folder"))
    return files, missing


@dataclass(slots=True)
class FileRecord:
    """One record read from a file: a procedure (with warnings) or the failure that stopped it."""

    format: str
    label: str
    procedure: Procedure | None = None
    listing: bool = False
    warnings: list[str] = field(default_factory=list)
    failure: CatalogReadError | None = None


def read_file(path: Path) -> Iterator[FileRecord]:
    """Each record of a file, parsed; a file-level failure comes as one record with no label."""
    try:
        fmt = detect(path)
        for record in fmt.records(path):
            try:
                parsed = fmt.parse(record)
            except CatalogReadError as error:
                yield FileRecord(fmt.name, record.label, failure=error)
                continue
            yield FileRecord(
                fmt.name, record.label, parsed.procedure, parsed.listing or fmt.partial, parsed.warnings
            )
    except CatalogReadError as error:
        yield FileRecord("unknown", "", failure=error)


def import_paths(
    workspace: Workspace,
    paths: Sequence[Path],
    *,
    strict: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Import files and folders into ``workspace`` as one batch.

    Parameters
    ----------
    workspace : the open workspace to write to.
    paths : files and folders; folders are read recursively and each file's format is recognised by content.
    strict : abort the whole batch, writing nothing, if any record cannot be read.
    progress : called with (files done, files in all) after each file.
    cancelled : polled between files; when it returns True the batch is abandoned and nothing is written.

    Returns
    -------
    ImportReport

    Raises
    ------
    ImportAborted : strict mode met an unreadable record (nothing written).
    ImportCancelled : the caller cancelled (nothing written).
    WorkspaceError : the workspace could not be written (nothing written).

    Examples
    --------
    >>> report = import_paths(ws, [Path("../shared/data/portal-api")])     # doctest: +SKIP
    >>> len(report.imported), report.failures                              # doctest: +SKIP
    (4, [])
    """
    files, failures = expand(paths)
    report = ImportReport(files=len(files), failures=failures)
    origin: dict[tuple[str, bool], str] = {}  # (code, list-level?) -> where it was read, to report duplicates
    with workspace.importing([str(p) for p in paths]) as writer:
        pending: dict[tuple[str, bool], tuple[Procedure, SourceRef, str]] = {}
        for done, path in enumerate(files, start=1):
            if cancelled is not None and cancelled():
                raise ImportCancelled("Import cancelled; the workspace was not changed.")
            for record in read_file(path):
                if record.failure is not None:
                    report.failures.append(record.failure)
                    if strict:
                        raise ImportAborted(
                            f"Import aborted, the workspace was not changed: {record.failure}"
                        )
                    continue
                procedure = record.procedure
                assert procedure is not None
                where = f"{path}, {record.label}"
                report.warnings.extend(f"{where}: {w}." for w in record.warnings)
                source = SourceRef(record.format, str(path), record.label, listing=record.listing)
                slot = (
                    procedure.code,
                    record.listing,
                )  # a list row and a detail complete each other
                if slot in origin:
                    report.warnings.append(
                        f"{where}: procedure {procedure.code} was already read from {origin[slot]}; "
                        "the later record is kept."
                    )
                origin[slot] = where
                pending[slot] = (procedure, source, search_key(procedure))
                if len(pending) >= _CHUNK:
                    _flush(writer, pending, report)
            if progress is not None:
                progress(done, len(files))
        _flush(writer, pending, report)
        writer.failed = len(report.failures)
    return report


def _flush(
    writer: ImportWriter,
    pending: dict[tuple[str, bool], tuple[Procedure, SourceRef, str]],
    report: ImportReport,
) -> None:
    if not pending:
        return
    entries = _enriched(writer, list(pending.values()))
    for result in writer.store(entries):
        if result.code in report.imported:
            continue  # a duplicate of this batch written over its first record: still one new procedure
        if result.outcome is Outcome.IMPORTED:
            report.imported.append(result.code)
        elif result.outcome is Outcome.UPDATED:
            report.updated[result.code] = result.changed_fields
        else:
            report.unchanged.append(result.code)
    pending.clear()


def _enriched(
    writer: ImportWriter, entries: list[tuple[Procedure, SourceRef, str]]
) -> list[tuple[Procedure, SourceRef, str]]:
    """Keep list-level records as listings and merge them with the full procedures they describe.

    A list row only fills what a stored procedure lacks; a full record keeps the header values only its listing
    has. Either way round, re-importing a source changes nothing.
    """
    listed = [(proc, source) for proc, source, _ in entries if source.listing]
    if listed:
        writer.store_listings(listed)
    detailed = {proc.code for proc, source, _ in entries if not source.listing}
    stored = writer.load([proc.code for proc, _ in listed if proc.code not in detailed]) if listed else {}
    listings = writer.listings(sorted(detailed))
    merged = []
    for proc, source, key in entries:
        if source.listing:
            if proc.code in detailed:
                continue  # its detail in this chunk takes it in below, through the listing just stored
            if proc.code in stored:
                proc = fill_gaps(stored[proc.code], proc)
        elif proc.code in listings:
            proc = fill_gaps(proc, listings[proc.code][0])
        merged.append((proc, source, key))
    return merged
