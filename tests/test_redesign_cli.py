"""`tthc redesign`, `tthc show --proposal` and `tthc diff`: the redesign issue's bar on the sample and the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import REPO, run, table_dump

SAMPLE = REPO / "samples" / "sample-catalog.json"


@pytest.fixture
def sample_ws(tmp_path: Path, capsys) -> Path:
    ws = tmp_path / "sample.sqlite"
    assert run(capsys, "import", str(SAMPLE), "-w", str(ws))[0] == 0
    return ws


def _published_tables(path: Path) -> dict[str, list[tuple]]:
    dump = table_dump(path)
    return {
        t: rows for t, rows in dump.items() if t not in ("proposal", "change", "finding", "alembic_version")
    }


def _show(capsys, ws: Path, code: str, *extra: str) -> str:
    status, out, err = run(capsys, "show", code, "-w", str(ws), "--json", *extra)
    assert status == 0, err
    return out


def test_apply_suggestions_then_undo_meets_the_bar(sample_ws: Path, capsys) -> None:
    ws = str(sample_ws)
    codes = [p["code"] for p in json.loads(SAMPLE.read_text(encoding="utf-8"))["procedures"]]
    published = {code: _show(capsys, sample_ws, code) for code in codes}
    tables = _published_tables(sample_ws)

    status, out, _ = run(capsys, "redesign", "--all", "-w", ws, "--apply-suggestions", "--json")
    assert status == 0
    report = json.loads(out)
    assert report["procedures"] == 15 and report["redesigned"] >= 10

    status, out, _ = run(capsys, "analyze", "-w", ws, "--json", "--no-store")
    analysed = {p["code"]: p for p in json.loads(out)["procedures"]}
    for code in codes:
        to_be = json.loads(_show(capsys, sample_ws, code, "--proposal", "phuong-an"))
        as_is = json.loads(published[code])
        assert set(to_be) == set(as_is)  # the same shape as the published version
        fetched = [i for i in analysed[code]["items"] if i["status"] != "required"]
        remaining = {i["name_normalized"] or i["name"] for i in to_be["items"]}
        for item in fetched:  # wherever a finding applied, the to-be version differs
            assert item["name"] not in remaining, (code, item["name"])
        if fetched:
            assert to_be != as_is
            sources = {s["data_source"] for s in to_be["steps"] if s["data_source"]}
            assert sources == {i["data_source"] or "issuer_records" for i in fetched}

    for code in codes:
        status, _, _ = run(capsys, "redesign", code, "-w", ws, "--undo")
        if status == 0:
            assert _show(capsys, sample_ws, code, "--proposal", "phuong-an") == published[code]
        assert _show(capsys, sample_ws, code) == published[code]  # byte for byte, and never changed
    assert _published_tables(sample_ws) == tables


def test_diff_reports_removed_items_visits_and_savings(sample_ws: Path, capsys) -> None:
    ws = str(sample_ws)
    run(capsys, "redesign", "--all", "-w", ws, "--apply-suggestions")
    status, out, _ = run(capsys, "diff", "3.000333", "-w", ws, "--json")
    assert status == 0
    one = json.loads(out)
    assert one["summary"]["items_removed"] == 2 and one["summary"]["in_person_visits_removed"] == 1
    assert one["before"]["annual_vnd"] > one["after"]["annual_vnd"]
    assert one["after"]["full_process_online"] is True
    assert [c["kind"] for c in one["changes"]] == ["lookup_item", "lookup_item"]
    assert all(c["rationale"] and c["legal_basis"] for c in one["changes"])

    status, out, _ = run(capsys, "diff", "-w", ws, "--json")
    total = json.loads(out)["total"]
    assert total["procedures"] == 15
    assert total["items_removed"] > 20 and total["in_person_visits_removed"] > 0
    assert 0 < total["savings_rate"] < 1
    assert total["savings_rate"] == pytest.approx(
        1 - total["annual_cost_after_vnd"] / total["annual_cost_before_vnd"], abs=1e-5
    )

    status, out, _ = run(capsys, "diff", "-w", ws)
    assert "Tỷ lệ cắt giảm chi phí" in out and "savings rate" in out


def test_history_revert_and_redo(sample_ws: Path, capsys) -> None:
    ws = str(sample_ws)
    run(capsys, "redesign", "3.000333", "-w", ws, "--apply-suggestions")
    status, out, _ = run(capsys, "redesign", "3.000333", "-w", ws, "--history", "--json")
    [history] = json.loads(out)
    assert [c["seq"] for c in history["groups"][0]["changes"]] == [1, 2]
    status, _, err = run(capsys, "redesign", "3.000333", "-w", ws, "--revert", "1")
    assert status == 1 and "--rationale" in err
    assert run(capsys, "redesign", "3.000333", "-w", ws, "--revert", "1", "--rationale", "Giữ lại")[0] == 0
    out = json.loads(run(capsys, "diff", "3.000333", "-w", ws, "--json")[1])
    assert out["summary"]["items_removed"] == 1
    assert run(capsys, "redesign", "3.000333", "-w", ws, "--undo")[0] == 0
    assert run(capsys, "redesign", "3.000333", "-w", ws, "--redo")[0] == 0
    assert json.loads(run(capsys, "diff", "3.000333", "-w", ws, "--json")[1])["summary"]["items_removed"] == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["redesign", "-w", "{ws}", "--apply-suggestions"], "Name the procedures"),
        (["redesign", "9.999999", "-w", "{ws}", "--undo"], "No procedure with code 9.999999"),
        (["redesign", "3.000333", "-w", "{ws}", "--undo"], "has no proposal named"),
        (["show", "3.000333", "-w", "{ws}", "--proposal", "khác"], "has no proposal named “khác”"),
    ],
)
def test_redesign_mistakes_are_one_sentence(sample_ws: Path, capsys, argv: list[str], message: str) -> None:
    status, _, err = run(capsys, *[a.format(ws=sample_ws) for a in argv])
    assert status == 1 and message in err and "Traceback" not in err


@pytest.mark.shared
def test_the_whole_corpus_is_redesigned_and_compared(shared_data: Path, tmp_path: Path, capsys) -> None:
    ws = str(tmp_path / "corpus.sqlite")
    run(capsys, "import", str(shared_data / "portal-pages"), "-w", ws)
    status, out, _ = run(capsys, "redesign", "--all", "-w", ws, "--apply-suggestions", "--json")
    assert status == 0
    report = json.loads(out)
    assert report["procedures"] > 2000 and report["changes"] > 1500
    status, out, _ = run(capsys, "diff", "-w", ws, "--json")
    total = json.loads(out)["total"]
    assert total["items_removed"] >= report["changes_by_kind"]["lookup_item"]
    assert total["in_person_visits_removed"] > 0
    assert total["annual_cost_after_vnd"] < total["annual_cost_before_vnd"]
    assert total["full_process_online_after"] > total["full_process_online_before"]
