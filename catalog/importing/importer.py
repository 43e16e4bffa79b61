"""Importing files and folders into a workspace: detection, reading, the report, and the batch's transaction.

A batch is one transaction. A record that cannot be read is reported (file, record, one-sentence reason) while the
rest imports; with ``strict=True`` any such record aborts the whole batch and the workspace is left untouched.
Re-importing the same source changes nothing; a newer version of a procedure updates it and the workspace records
which fields changed.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import catalog.importing.all_formats  # noqa: F401  (registers every source format)
from catalog.errors import CatalogReadError, ImportAborted
from catalog.importing.merge import fill_gaps
from catalog.importing.registry import detect
from models.jobs import IMPORT, CancelCheck, Progress, check_cancelled
from models.procedure import Procedure
from models.runtime import BATCH, tune_gc
from models.search import search_key as folded_key
from models.storage.workspace import Workspace
from models.storage.writer import ImportWriter, Outcome, SourceRef
from models.text import printable

_CHUNK = 1000  # procedures written per round trip; bounds memory on national-scale batches
_PARALLEL_FROM = 200  # files: below this, starting worker processes costs more than it saves
_LIST_LIKE = {".xlsx", ".xlsm", ".csv", ".tsv", ".txt"}


@dataclass(slots=True)
class ImportReport:
    """What an import did. ``failures`` are one sentence each; ``warnings`` name the record they concern."""

    imported: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)  # code -> changed fields
    unchanged: list[str] = field(default_factory=list)
    failures: list[CatalogReadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0
    _seen: dict[str, Outcome] = field(default_factory=dict, repr=False)  # code -> what the batch did to it

    def record(self, code: str, outcome: Outcome, changed_fields: list[str]) -> None:
        """Count a stored procedure once per batch (a list row and its detail may both be written)."""
        before = self._seen.get(code)
        if before is Outcome.IMPORTED or (before is Outcome.UPDATED and outcome is Outcome.UNCHANGED):
            return
        if outcome is Outcome.IMPORTED:
            self.imported.append(code)
        elif outcome is Outcome.UPDATED:
            self.updated[code] = sorted({*self.updated.get(code, []), *changed_fields})
            if before is Outcome.UNCHANGED:
                self.unchanged.remove(code)  # rare: a list row unchanged, then its detail changed
        elif before is None:
            self.unchanged.append(code)
        self._seen[code] = outcome

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
    """What the catalog search matches (:func:`models.search.search_key`): code and name, folded."""
    return folded_key(procedure.code, procedure.name)


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
    """Each record of a file, parsed; a file-level failure comes as one record with no label.

    Whatever a file holds, reading it only ever fails that file (or record): an error no reader foresaw is
    reported like the others, with a request to report it, and the rest of the batch imports.
    """
    try:
        fmt = detect(path)
        for record in fmt.records(path):
            try:
                parsed = fmt.parse(record)
            except CatalogReadError as error:
                yield FileRecord(fmt.name, record.label, failure=error)
                continue
            except Exception as exc:  # noqa: BLE001 - see the docstring
                yield FileRecord(fmt.name, record.label, failure=_unforeseen(path, record.label, exc))
                continue
            yield FileRecord(
                fmt.name, record.label, parsed.procedure, parsed.listing or fmt.partial, parsed.warnings
            )
    except CatalogReadError as error:
        yield FileRecord("unknown", "", failure=error)
    except Exception as exc:  # noqa: BLE001 - see the docstring
        yield FileRecord("unknown", "", failure=_unforeseen(path, None, exc))


def _unforeseen(path: Path, label: str | None, exc: Exception) -> CatalogReadError:
    detail = " ".join(str(exc).split())[:200]
    return CatalogReadError(
        str(path),
        label,
        f"it could not be read because of an unexpected {type(exc).__name__}"
        + (f" ({detail})" if detail else "")
        + "; please report it with the file",
    )


def _read_list(path: Path) -> list[FileRecord]:
    return list(read_file(path))


def _read_all(files: list[Path], workers: int | None) -> Iterator[tuple[Path, list[FileRecord]]]:
    """Each file with its records, in file order; parsed by a pool of processes for large batches.

    The pool forks from a single-threaded server (forkserver), so it is safe to start from the GUI's worker
    thread; results come back in order, so a batch reads the same whichever way it was parsed. Its workers are batch
    processes: each tunes its collector so when it starts (:mod:`models.runtime`).
    """
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(files) >= _PARALLEL_FROM else 1
    if workers <= 1:
        for path in files:
            yield path, _read_list(path)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["catalog.importing.all_formats", "catalog.importing.importer"])
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=tune_gc, initargs=(BATCH,))
    try:
        yield from zip(files, pool.map(_read_list, files, chunksize=8), strict=True)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # a cancelled import stops the parsing too


def import_paths(
    workspace: Workspace,
    paths: Sequence[Path],
    *,
    strict: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders into ``workspace`` as one batch.

    Parameters
    ----------
    workspace : the open workspace to write to.
    paths : files and folders; folders are read recursively and each file's format is recognised by content.
    strict : abort the whole batch, writing nothing, if any record cannot be read.
    progress : called with (files done, files in all) after each file.
    cancelled : polled between files; when it returns True the batch is abandoned and nothing is written.
    workers : processes that parse files while this one writes (default: one per core for large batches).

    Returns
    -------
    ImportReport

    Raises
    ------
    ImportAborted : strict mode met an unreadable record (nothing written).
    Cancelled : the caller cancelled (nothing written).
    WorkspaceError : the workspace could not be written (nothing written).

    Examples
    --------
    >>> report = import_paths(ws, [Path("../shared/data/portal-api")])     # doctest: +SKIP
    >>> len(report.imported), report.failures                              # doctest: +SKIP
    (4, [])
    """
    files, failures = expand(paths)
    report = ImportReport(files=len(files), failures=failures)
    # List-level files first (spreadsheets), so that their rows are in hand when the details arrive.
    files.sort(key=lambda f: f.suffix.lower() not in _LIST_LIKE)
    origin: dict[tuple[str, bool], str] = {}  # (code, list-level?) -> where it was read, to report duplicates
    listings: dict[str, tuple[Procedure, SourceRef]] = {}  # this batch's list rows: small, written at the end
    merged: set[str] = set()  # codes whose detail already took in its list row
    with workspace.importing([printable(str(p)) for p in paths]) as writer:
        pending: dict[str, tuple[Procedure, SourceRef, str]] = {}
        for done, (path, records) in enumerate(_read_all(files, workers), start=1):
            check_cancelled(cancelled, IMPORT)
            shown = printable(str(path))  # a name with undecodable bytes is still stored and reported
            for record in records:
                if record.failure is not None:
                    report.failures.append(record.failure)
                    if strict:
                        raise ImportAborted(
                            f"Import aborted, the workspace was not changed: {record.failure}"
                        )
                    continue
                procedure = record.procedure
                assert procedure is not None
                where = f"{shown}, {record.label}"
                report.warnings.extend(printable(f"{where}: {w}.") for w in record.warnings)
                slot = (procedure.code, record.listing)  # a list row and a detail complete each other
                if slot in origin:
                    # First wins: a later duplicate is never written, so re-importing the batch changes nothing.
                    report.warnings.append(
                        f"{where}: procedure {procedure.code} was already read from {origin[slot]}; "
                        "that first record is kept and this one ignored."
                    )
                    continue
                origin[slot] = where
                source = SourceRef(record.format, shown, record.label, listing=record.listing)
                if record.listing:
                    listings[procedure.code] = (procedure, source)
                    continue
                if procedure.code in listings:
                    procedure = fill_gaps(procedure, listings[procedure.code][0])
                    merged.add(procedure.code)
                pending[procedure.code] = (procedure, source, search_key(procedure))
                if len(pending) >= _CHUNK:
                    _flush(writer, pending, report)
            if progress is not None:
                progress(done, len(files))
        _flush(writer, pending, report)
        _flush_listings(writer, listings, {code for code, listing in origin if not listing}, merged, report)
        writer.failed = len(report.failures)
    return report


def _flush(
    writer: ImportWriter, pending: dict[str, tuple[Procedure, SourceRef, str]], report: ImportReport
) -> None:
    """Write full records, keeping what only a listing stored by an earlier batch knows."""
    if not pending:
        return
    entries = list(pending.values())
    stored_listings = writer.listings([code for code in pending])
    if stored_listings:
        entries = [
            (
                fill_gaps(proc, stored_listings[proc.code][0]) if proc.code in stored_listings else proc,
                source,
                key,
            )
            for proc, source, key in entries
        ]
    for result in writer.store(entries):
        report.record(result.code, result.outcome, result.changed_fields)
    pending.clear()


def _flush_listings(
    writer: ImportWriter,
    listings: dict[str, tuple[Procedure, SourceRef]],
    detailed: set[str],
    merged: set[str],
    report: ImportReport,
) -> None:
    """Keep the batch's list rows, and give each procedure what only its list row says.

    A list row whose detail came in this batch was merged before the detail was written, unless the detail was
    read first: that case, and procedures stored by earlier batches, are filled in here.
    """
    items = list(listings.items())
    for start in range(0, len(items), _CHUNK):
        chunk = dict(items[start : start + _CHUNK])
        writer.store_listings(list(chunk.values()))
        stored = writer.load([code for code in chunk if code not in merged])
        entries = []
        for code, (listed, source) in chunk.items():
            if code in merged:
                continue  # its detail was written with the list's facts already
            if code in stored:
                enriched = fill_gaps(stored[code], listed)
                if enriched is stored[code]:
                    if code not in detailed:
                        report.record(code, Outcome.UNCHANGED, [])
                    continue  # nothing the list adds: leave the stored procedure (and its source) alone
                entries.append((enriched, source, search_key(enriched)))
            else:
                entries.append((listed, source, search_key(listed)))
        for result in writer.store(entries):
            report.record(result.code, result.outcome, result.changed_fields)
