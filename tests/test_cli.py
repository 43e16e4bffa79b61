"""The tthc command line, as users and scripts run it: the issue's bar, exit codes and one-sentence errors."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.storage.workspace import Workspace
from workbench.cli import main

REPO = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def table_dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table: equal dumps mean the workspace did not change."""
    with sqlite3.connect(path) as conn:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


def test_import_show_and_reimport_meet_the_bar(shared_data: Path, tmp_path: Path, capsys) -> None:
    ws = tmp_path / "w.sqlite"
    code, out, _ = run(capsys, "import", str(shared_data / "portal-api"), "-w", str(ws), "--json")
    assert code == 0
    assert json.loads(out)["imported"] == 4

    code, out, _ = run(capsys, "show", "1.001193", "-w", str(ws), "--json")
    assert code == 0
    shown = json.loads(out)
    assert (shown["code"], shown["name"]) == ("1.001193", "Thủ tục đăng ký khai sinh")
    assert len(shown["items"]) == 8 and len(shown["notes"]) == 25
    assert len(shown["channels"]) == 3 and len(shown["legal_basis"]) == 15
    assert {"name", "kind", "group", "originals", "copies"} <= set(shown["items"][0])
    assert {"method", "time_limit", "time_unit", "fee_vnd"} <= set(shown["channels"][0])
    assert {"title", "number"} <= set(shown["legal_basis"][0])
    assert isinstance(shown["steps"], list) and shown["steps"]

    before = table_dump(ws)
    code, out, _ = run(capsys, "import", str(shared_data / "portal-api"), "-w", str(ws), "--json")
    report = json.loads(out)
    assert (code, report["imported"], report["updated"], report["unchanged"]) == (0, 0, 0, 4)
    assert table_dump(ws) == before


def test_a_newer_version_is_reported_as_updated_with_its_changes(
    shared_data: Path, tmp_path: Path, capsys
) -> None:
    source = next((shared_data / "portal-api").glob("019d2bfd*.json"))
    ws = tmp_path / "w.sqlite"
    assert run(capsys, "import", str(source), "-w", str(ws))[0] == 0
    record = json.loads(source.read_text(encoding="utf-8"))
    record["executionMethods"][0]["processingTime"] = 3
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(newer), "-w", str(ws), "--json")
    assert code == 0 and json.loads(out)["updated_codes"] == {"1.001193": ["channels"]}


def test_bad_records_are_reported_and_the_rest_imports(shared_data: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next((shared_data / "portal-api").glob("019d2bfd*.json")), folder / "good.json")
    (folder / "broken.json").write_text('{"code": "1.0", "executionMethods": [', encoding="utf-8")
    (folder / "nocode.json").write_text(
        '{"name": "X", "executionMethods": [], "executionCases": []}', encoding="utf-8"
    )
    (folder / "readme.txt").write_text("không phải danh mục", encoding="utf-8")
    ws = tmp_path / "w.sqlite"
    code, out, err = run(capsys, "import", str(folder), "-w", str(ws), "--json")
    report = json.loads(out)
    assert code == 2
    assert report["imported"] == 1 and report["failed"] == 3
    lines = err.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in err
    assert any("broken.json: it is not valid JSON" in line for line in lines)
    assert any("nocode.json, record 1: it has no procedure code." in line for line in lines)
    assert any("readme.txt: no importer recognises this file" in line for line in lines)


def test_strict_import_aborts_and_leaves_the_workspace_untouched(
    shared_data: Path, tmp_path: Path, capsys
) -> None:
    ws = tmp_path / "w.sqlite"
    assert run(capsys, "import", str(shared_data / "portal-api"), "-w", str(ws))[0] == 0
    before = table_dump(ws)
    folder = tmp_path / "in"
    folder.mkdir()
    record = json.loads(next((shared_data / "portal-api").glob("019d2bfd*.json")).read_text(encoding="utf-8"))
    record["name"] = "Tên mới"
    (folder / "a_changed.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (folder / "b_broken.json").write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "import", str(folder), "-w", str(ws), "--strict")
    assert code == 1
    assert err.startswith("Import aborted, the workspace was not changed: ") and "b_broken.json" in err
    assert len(err.strip().splitlines()) == 1
    assert table_dump(ws) == before


def test_export_json_reimports_to_identical_data(shared_data: Path, tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    run(capsys, "import", str(shared_data / "portal-api"), "-w", str(first))
    exported = tmp_path / "export.json"
    assert run(capsys, "export", "json", "-w", str(first), "-o", str(exported))[0] == 0
    code, out, _ = run(capsys, "import", str(exported), "-w", str(second), "--json")
    assert code == 0 and json.loads(out)["imported"] == 4
    again = tmp_path / "again.json"
    run(capsys, "export", "json", "-w", str(second), "-o", str(again))
    assert again.read_bytes() == exported.read_bytes()
    # show --json output is itself importable: one procedure, same data.
    _, shown, _ = run(capsys, "show", "1.005071", "-w", str(first), "--json")
    single = tmp_path / "one.json"
    single.write_text(shown, encoding="utf-8")
    code, out, _ = run(capsys, "import", str(single), "-w", str(second), "--json")
    assert json.loads(out)["unchanged"] == 1


def test_list_search_ignores_diacritics_and_case(shared_data: Path, tmp_path: Path, capsys) -> None:
    ws = tmp_path / "w.sqlite"
    run(capsys, "import", str(shared_data / "portal-api"), "-w", str(ws))
    code, out, _ = run(capsys, "list", "-w", str(ws), "--json", "--search", "DANG KY KHAI SINH")
    assert code == 0 and [p["code"] for p in json.loads(out)] == ["1.001193"]
    code, out, _ = run(capsys, "list", "-w", str(ws))
    assert out.splitlines()[0].startswith("1.000178")


@pytest.mark.parametrize(
    "argv, message",
    [
        (["list", "-w", "{tmp}/none.sqlite"], "Workspace {tmp}/none.sqlite does not exist.\n"),
        (["show", "9.999999", "-w", "{ws}"], "No procedure with code 9.999999 in workspace {ws}.\n"),
        (["import", "{tmp}/nothing", "-w", "{ws}"], "{tmp}/nothing: no such file or folder.\n"),
        (
            ["list", "-w", "{tmp}/text.sqlite"],
            "{tmp}/text.sqlite is not a TTHC workspace (it is not an SQLite database file).\n",
        ),
    ],
)
def test_failures_are_one_sentence(tmp_path: Path, capsys, argv: list[str], message: str) -> None:
    ws = tmp_path / "w.sqlite"
    Workspace.open(ws).close()  # an empty workspace
    (tmp_path / "text.sqlite").write_text("hello")
    argv = [a.format(tmp=tmp_path, ws=ws) for a in argv]
    code, _, err = run(capsys, *argv)
    assert code != 0 and err == message.format(tmp=tmp_path, ws=ws)


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    tthc = Path(sys.executable).with_name("tthc")
    command = [str(tthc)] if tthc.exists() else [sys.executable, "-m", "workbench.cli"]
    done = subprocess.run(
        [*command, "show", "1.001193", "-w", str(tmp_path / "missing.sqlite")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 1
    assert done.stderr == f"Workspace {tmp_path / 'missing.sqlite'} does not exist.\n"


@pytest.mark.parametrize("stop", ["cancelled", "ctrl-c"])
def test_a_cancelled_command_says_what_it_left_in_vietnamese_then_english(
    stop: str, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cancel is never reported as a failure: exit 130, one line, what the cancel kept."""
    import workbench.services.importing as importing
    from models.jobs import IMPORT, Cancelled

    def stopped(*args, **kwargs):
        raise Cancelled(IMPORT) if stop == "cancelled" else KeyboardInterrupt

    monkeypatch.setattr(importing, "import_files", stopped)
    code, out, err = run(capsys, "import", str(tmp_path), "-w", str(tmp_path / "w.sqlite"))
    assert (code, out) == (130, "")
    assert err == (
        "Đã hủy việc nhập: không gian làm việc không thay đổi. (Import cancelled: the workspace was not changed.)\n"
    )
