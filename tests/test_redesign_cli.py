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


# --- single changes ---------------------------------------------------------------------------------------------

RECORD = (
    "3.000333"  # items: 1 form, 2 certified ID card copy (population), ... 6 ID card shown; 5 steps; online
)


def _to_be(ws: Path, code: str = RECORD):
    from models.storage.workspace import Workspace
    from workbench.services.redesign import open_proposal

    with Workspace.open(ws, create=False) as workspace:
        proposal = open_proposal(workspace, code)
        return proposal.procedure, proposal.draft.changes


@pytest.mark.parametrize(
    ("options", "kind", "holds"),
    [
        (["--remove-item", "2"], "remove_item", lambda p: len(p.items) == 5),
        (["--lookup", "2"], "lookup_item", lambda p: any(s.data_source == "population" for s in p.steps)),
        (
            ["--lookup", "3", "--source", "insurance"],
            "lookup_item",
            lambda p: any(s.data_source == "insurance" for s in p.steps),
        ),
        (
            ["--electronic-copy", "2"],
            "accept_electronic_copy",
            lambda p: "ELECTRONIC" in p.items[1].copy_forms,
        ),
        (["--drop-show-original", "6"], "drop_show_original", lambda p: len(p.items) == 5),
        (["--remove-step", "4"], "remove_step", lambda p: len(p.steps) == 4),
        (
            ["--merge-steps", "1"],
            "merge_steps",
            lambda p: len(p.steps) == 4 and "Tiếp nhận" in p.steps[0].description,
        ),
        (["--remove-visit", "1"], "remove_visit", lambda p: p.steps[0].in_person is False),
        (
            ["--time-limit", "5", "--unit", "ngày làm việc", "--channel", "2"],
            "change_time_limit",
            lambda p: (
                (p.channels[1].time_limit, p.channels[1].time_unit, p.channels[0].time_limit)
                == (5, "WORKING_DAY", 10)
            ),
        ),
        (
            ["--fee", "100.000", "--fee-number", "1", "--channel", "1"],
            "change_fee",
            lambda p: p.channels[0].fees[0].amount_vnd == 100_000 and len(p.channels[0].fees) == 1,
        ),
        (
            ["--fee", "unknown"],
            "change_fee",
            lambda p: all(c.fees[-1].amount_vnd is None for c in p.channels),
        ),
    ],
)
def test_each_single_change_is_made_stored_and_reasoned(
    sample_ws: Path, capsys, options: list[str], kind: str, holds
) -> None:
    argv = ["redesign", RECORD, "-w", str(sample_ws), *options, "--rationale", "Theo phương án.", "--json"]
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    [made] = json.loads(out)
    assert (made["code"], made["action"], made["changes"]) == (RECORD, "made", 1)
    procedure, changes = _to_be(sample_ws)
    [change] = changes
    assert (
        change.kind == kind and change.rationale == "Theo phương án." and made["group"] == change.describe()
    )
    assert holds(procedure)
    status, out, _ = run(capsys, "redesign", RECORD, "-w", str(sample_ws), "--undo")
    assert status == 0 and _to_be(sample_ws)[1] == []


def test_making_a_procedure_online_and_the_legal_basis_given_or_found(sample_ws: Path, capsys) -> None:
    ws = str(sample_ws)
    assert (
        run(capsys, "redesign", "1.000656", "-w", ws, "--make-online", "--rationale", "Toàn trình.")[0] == 0
    )
    procedure, [change] = _to_be(sample_ws, "1.000656")
    assert change.kind == "make_online" and "ONLINE" in {c.method for c in procedure.channels}
    run(capsys, "redesign", RECORD, "-w", ws, "--remove-item", "2", "--rationale", "Tra cứu.")
    run(
        capsys,
        "redesign",
        RECORD,
        "-w",
        ws,
        "--remove-item",
        "1",
        "--rationale",
        "Bỏ.",
        "--legal-basis",
        "QĐ 1",
    )
    found, given = _to_be(sample_ws)[1]
    assert "104/2022/NĐ-CP" in (found.legal_basis or "")  # the finding's: population data replace the card
    assert given.legal_basis == "QĐ 1"
    status, out, _ = run(capsys, "redesign", RECORD, "-w", ws, "--history")
    assert "#2 Bỏ thành phần hồ sơ" in out and "Lý do: Bỏ." in out


def test_show_numbers_what_the_single_changes_refer_to(sample_ws: Path, capsys) -> None:
    status, out, _ = run(capsys, "show", RECORD, "-w", str(sample_ws))
    assert status == 0
    lines = [line.strip() for line in out.splitlines()]
    assert any(line.startswith("2. Thẻ căn cước") for line in lines)
    assert any(line.startswith("6. Thẻ căn cước") for line in lines)  # numbered across both groups
    assert "1. Trực tuyến: 10 ngày; phí: 200.000 đ" in lines
    assert "1. Nộp yêu cầu [Tổ chức, cá nhân]" in lines  # the actor as the vocabulary names it, not its code


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--remove-item", "9", "--rationale", "x"],
            "The to-be version of 3.000333 has no item 9: its items are numbered 1 to 6",
        ),
        (["--remove-step", "7", "--rationale", "x"], "has no step 7"),
        (["--remove-item", "1"], "Say why with --rationale"),
        (
            ["--remove-item", "1", "--source", "population", "--rationale", "x"],
            "--source goes with --lookup.",
        ),
        (["--undo", "--legal-basis", "QĐ"], "--legal-basis goes with a single change"),
        (
            ["--lookup", "1", "--rationale", "x"],
            "names no data source: say which one the agency looks it up in",
        ),
        (
            ["--lookup", "2", "--source", "nowhere", "--rationale", "x"],
            "No data source nowhere in the registry",
        ),
        (["--remove-visit", "3", "--rationale", "x"], "Step 3 of 3.000333 is not an in-person visit"),
        (["--merge-steps", "5", "--rationale", "x"], "is the last step"),
        (["--make-online", "--rationale", "x"], "3.000333 is already offered full-process online."),
        (["--electronic-copy", "6", "--rationale", "x"], "is shown, not handed in"),
        (["--fee", "1000", "--fee-number", "3", "--rationale", "x"], "has no fee 3"),
        (["--time-limit", "5", "--channel", "4", "--rationale", "x"], "has no channel 4"),
    ],
)
def test_single_change_mistakes_are_one_sentence(
    sample_ws: Path, capsys, options: list[str], message: str
) -> None:
    status, out, err = run(capsys, "redesign", RECORD, "-w", str(sample_ws), *options)
    assert status == 1 and message in err and "Traceback" not in err and err.count("\n") == 1, err
    assert _to_be(sample_ws)[1] == []


def test_a_single_change_is_for_one_procedure_and_bad_values_are_refused(sample_ws: Path, capsys) -> None:
    ws = str(sample_ws)
    status, _, err = run(capsys, "redesign", "--all", "-w", ws, "--remove-item", "1", "--rationale", "x")
    assert status == 1 and "one procedure" in err
    for options in (["--remove-item", "0"], ["--time-limit", "5", "--unit", "fortnight"], ["--fee", "nhiều"]):
        with pytest.raises(SystemExit):
            run(capsys, "redesign", RECORD, "-w", ws, *options, "--rationale", "x")
        assert "is not" in capsys.readouterr().err
