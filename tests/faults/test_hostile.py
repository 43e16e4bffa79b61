"""Hostile files through every importer, end to end (issue 8): no crash, no traceback, no workspace change for a
file that cannot be read, one sentence per failure naming the file (and record) and the reason, bombs refused in
seconds; and what was imported leaves every export as literal text, never a formula or markup.

The corpus is written at test time by :mod:`tests.helpers.hostile`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from defusedxml.ElementTree import fromstring

from catalog.importing.importer import import_paths
from models.storage.workspace import Workspace
from models.text import printable
from tests.helpers.hostile import CASES, FORMULAS, MARKUP, SAMPLE, Case
from tests.test_cli import REPO, run, table_dump

BY_NAME = {case.name: case for case in CASES}
#: What no stored text may hold: control characters (tab and line break aside), lone surrogates, non-characters.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _copy(base: Path, folder: Path) -> Path:
    target = folder / "w.sqlite"
    shutil.copy(base, target)
    return target


def _check_sentences(err: str, report: dict[str, Any], folder: Path) -> None:
    """Standard error is exactly the report's failures, one line each, each naming a file of ``folder``."""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines == [f["message"] for f in report["failures"]]
    for failure in report["failures"]:
        message = failure["message"]
        assert message.startswith(printable(str(folder))) and message.endswith("."), message
        assert failure["reason"] and "\n" not in message


def _stored_text_is_clean(workspace: Path) -> None:
    with Workspace.open(workspace, create=False) as ws:
        for procedure in ws.procedures():
            dumped = json.dumps(procedure.model_dump(mode="json"), ensure_ascii=False)
            assert not NOT_TEXT.search(dumped), procedure.code


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_hostile_file_gives_one_sentence_and_no_traceback(
    case: Case, base: Path, hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = _copy(base, tmp_path)
    before = table_dump(workspace)
    path = hostile / case.filename
    started = time.perf_counter()
    status, out, err = run(capsys, "import", str(path), "-w", str(workspace), "--json")
    elapsed = time.perf_counter() - started
    assert elapsed < case.seconds, f"{case.name} took {elapsed:.1f} s"
    assert "Traceback" not in out
    report = json.loads(out)
    _check_sentences(err, report, hostile)
    if case.expect == "refused":
        assert status == 2, err  # reported, nothing written; status 1 is for a command that failed outright
        [failure] = report["failures"]
        assert failure["file"] == printable(str(path))
        assert case.reason in failure["reason"], failure["message"]
        assert (failure["record"] is not None) == case.record, failure["message"]
        assert report["imported"] == report["updated"] == 0
        assert table_dump(workspace) == before
    else:
        assert status in (0, 2), err
        assert report["imported"] + report["updated"] + report["unchanged"] >= 1
        _stored_text_is_clean(workspace)


def test_formulas_markup_and_control_characters_are_stored_as_published(
    base: Path, hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = _copy(base, tmp_path)
    files = [hostile / BY_NAME[name].filename for name in ("csv-formulas", "json-formulas-markup")]
    files += [
        hostile / BY_NAME[name].filename for name in ("json-control-characters", "json-lone-surrogates")
    ]
    assert run(capsys, "import", *map(str, files), "-w", str(workspace))[0] == 0
    with Workspace.open(workspace, create=False) as ws:
        names = {p.code: p.name for p in ws.procedures()}
    assert [names[f"1.9100{i:02d}"] for i in range(1, len(FORMULAS) + 1)] == list(FORMULAS)
    assert (names["1.910101"], names["1.910102"]) == (FORMULAS[0], MARKUP)
    assert (
        names["1.930001"] == "Thủ tục\t\n\n có ký tự điều khiển"
    )  # tab, LF and CR (as LF) are text, no other
    assert names["1.930002"] == "Thủ tục   lẻ"  # the lone surrogates are dropped, not the record
    _stored_text_is_clean(workspace)


def test_the_installed_command_reads_the_whole_corpus_as_one_batch(
    base: Path, hostile: Path, tmp_path: Path
) -> None:
    """One batch of every hostile file through the installed ``tthc``: the readable ones import, each unreadable
    one is one sentence; then the same batch parsed by worker processes reports the same."""
    workspace = _copy(base, tmp_path)
    tthc = Path(sys.executable).with_name("tthc")
    command = [str(tthc)] if tthc.exists() else [sys.executable, "-m", "workbench.cli"]
    done = subprocess.run(
        [*command, "import", str(hostile), "-w", str(workspace), "--json"],
        capture_output=True,
        text=True,
        errors="replace",
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    report = json.loads(done.stdout)
    _check_sentences(done.stderr, report, hostile)
    failed_files = {f["file"] for f in report["failures"]}
    refused = {printable(str(hostile / c.filename)) for c in CASES if c.expect == "refused"}
    assert refused <= failed_files
    assert "1.910101" in report["imported_codes"] and "1.990001" in report["imported_codes"]
    status = subprocess.run(
        [*command, "info", "-w", str(workspace), "--json"], capture_output=True, text=True, cwd=REPO
    )
    assert status.returncode == 0 and json.loads(status.stdout)["procedures"] == 15 + len(
        report["imported_codes"]
    )

    parallel = tmp_path / "parallel.sqlite"
    shutil.copy(base, parallel)
    with Workspace.open(parallel) as ws:
        pooled = import_paths(ws, [hostile], workers=2)
    assert [str(f) for f in pooled.failures] == [f["message"] for f in report["failures"]]
    assert sorted(pooled.imported) == sorted(report["imported_codes"])


# --- exports of hostile text ---------------------------------------------------------------------------------------

FORMULA_MARKERS = ("cmd|", "HYPERLINK", "SUM(1+1)")


@pytest.fixture(scope="module")
def hostile_workspace(base: Path, hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    workspace = tmp_path_factory.mktemp("exports") / "w.sqlite"
    shutil.copy(base, workspace)
    names = ("csv-formulas", "xlsx-formulas", "json-formulas-markup", "json-control-characters")
    with Workspace.open(workspace) as ws:
        import_paths(ws, [hostile / BY_NAME[name].filename for name in names])
    return workspace


def _cells(path: Path) -> list[Any]:
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("kind", ["catalog-xlsx", "findings-xlsx", "cost-xlsx"])
def test_excel_exports_never_turn_imported_text_into_a_formula(
    kind: str, hostile_workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{kind}.xlsx"
    status, _, err = run(capsys, "export", kind, "-w", str(hostile_workspace), "-o", str(out))
    assert status == 0, err
    cells = _cells(out)
    formulas = [c for c in cells if c.data_type == "f"]
    assert not [c.value for c in formulas if any(m in str(c.value) for m in FORMULA_MARKERS)]
    texts = {c.value for c in cells if c.data_type == "s"}
    assert FORMULAS[0] in texts  # the name is there, as text
    if kind == "catalog-xlsx":
        assert set(FORMULAS) <= texts and "@SUM(1+1)" in texts


def test_the_json_export_is_strict_json_with_the_text_as_published(
    hostile_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "export", "json", "-w", str(hostile_workspace))
    assert status == 0

    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    names = {p["code"]: p["name"] for p in json.loads(out, parse_constant=refuse)["procedures"]}
    assert names["1.910101"] == FORMULAS[0] and names["1.910102"] == MARKUP


def _no_live_markup(xml: bytes) -> str:
    """The document's text, after checking that no element or attribute could run script."""
    root = fromstring(xml)
    texts = []
    for element in root.iter():
        assert element.tag.rpartition("}")[2].lower() not in ("script", "foreignobject", "iframe")
        assert not [name for name in element.attrib if name.rpartition("}")[2].lower().startswith("on")]
        texts += [element.text or "", *element.attrib.values()]
    return " ".join(texts)


@pytest.mark.parametrize("kind, suffix", [("diagram", "svg"), ("bpmn", "bpmn")])
def test_markup_in_names_stays_literal_text_in_diagrams_and_bpmn(
    kind: str, suffix: str, hostile_workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"marked.{suffix}"
    argv = ["export", kind, "-w", str(hostile_workspace), "--code", "1.910102", "-o", str(out)]
    status, _, err = run(capsys, *argv)
    assert status == 0, err
    text = _no_live_markup(out.read_bytes())
    assert '<script>alert("x")</script>' in text  # shown to the reader, as text


def test_an_error_no_reader_foresaw_fails_its_file_and_the_rest_imports(
    hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The safety net under every reader: a bug met in one file is that file's one sentence, not the batch's end."""
    from catalog.formats.workbench_json import WorkbenchJsonFormat

    trap = hostile / BY_NAME["json-duplicate-codes"].filename
    parse = WorkbenchJsonFormat.parse

    def buggy(self: WorkbenchJsonFormat, record: Any) -> Any:
        if record.file == trap:
            raise OverflowError("a reader's own bug")
        return parse(self, record)

    monkeypatch.setattr(WorkbenchJsonFormat, "parse", buggy)
    status, out, err = run(
        capsys, "import", str(trap), str(SAMPLE), "-w", str(tmp_path / "w.sqlite"), "--json"
    )
    report = json.loads(out)
    assert (status, report["imported"]) == (2, 15)
    _check_sentences(err, {"failures": report["failures"]}, trap.parent)
    assert [f["reason"] for f in report["failures"]] == [
        "it could not be read because of an unexpected OverflowError (a reader's own bug); please report it "
        "with the file"
    ] * 2
