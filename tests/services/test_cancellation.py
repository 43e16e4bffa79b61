"""One cancellation contract: every long operation, cancelled at any of its checks, raises ``Cancelled`` (never an
error) and keeps its promise: nothing written to the workspace."""

from __future__ import annotations

import doctest
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from models.cost.calculation import catalog_cost
from models.cost.parameters import CostParameters
from models.errors import TthcError
from models.jobs import ANALYSIS, COST, IMPORT, SUGGESTIONS, Cancelled
from models.storage.workspace import Workspace
from tests.helpers.workspaces import SAMPLE_CATALOG
from tests.test_cli import table_dump
from workbench.services.analysis import analyse_and_store, analyze_catalog
from workbench.services.importing import import_files
from workbench.services.redesign import apply_catalog_suggestions


def count_checks(operation: Callable[[Callable[[], bool]], Any]) -> int:
    """How many times ``operation`` asks whether it was cancelled when it is not."""
    calls = itertools.count()
    operation(lambda: next(calls) < 0)
    return next(calls)


def cancelled_at(check: int) -> Callable[[], bool]:
    """A ``cancelled()`` that says yes from its ``check``-th call on (1: the first)."""
    polls = iter([False] * (check - 1))
    return lambda: next(polls, True)


def assert_every_cancel_keeps(
    path: Path, operation: Callable[[Workspace, Callable[[], bool]], Any], kind: str, copy: Path
) -> None:
    """Cancelled at each of its checks in turn, ``operation`` raises Cancelled(kind) and the workspace at ``path``
    is left as it was (its checks are counted on ``copy``, a workspace like it)."""
    with Workspace.open(copy, create=False) as ws:
        checks = count_checks(lambda cancelled: operation(ws, cancelled))
    assert checks >= 2
    before = table_dump(path)
    for check in range(1, checks + 1):
        with Workspace.open(path, create=False) as ws, pytest.raises(Cancelled) as cancel:
            operation(ws, cancelled_at(check))
        assert cancel.value.operation == kind and not isinstance(cancel.value, TthcError)
        assert table_dump(path) == before, f"cancelled at check {check} of {checks}"


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, Path]:
    """The sample catalog in a workspace, twice (one to count checks on, one to cancel)."""
    paths = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for path in paths:
        with Workspace.open(path) as ws:
            import_files(ws, [SAMPLE_CATALOG])
    return paths


def test_a_cancelled_import_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    catalog = SAMPLE_CATALOG.read_text(encoding="utf-8")
    for number in range(3):
        (folder / f"{number}.json").write_text(catalog, encoding="utf-8")
    paths = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.sqlite"
        Workspace.open(path).close()
        paths.append(path)
    assert_every_cancel_keeps(
        paths[1], lambda ws, cancelled: import_files(ws, [folder], cancelled=cancelled), IMPORT, paths[0]
    )


def test_a_cancelled_catalog_analysis_stores_nothing(sample: tuple[Path, Path]) -> None:
    counted, path = sample
    assert_every_cancel_keeps(
        path,
        lambda ws, cancelled: analyse_and_store(ws, cancelled=cancelled, store_chunk=4),
        ANALYSIS,
        counted,
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_a_cancelled_batch_analysis_stores_nothing(sample: tuple[Path, Path], workers: int) -> None:
    """``tthc analyze``'s batch, in this process or on forked workers."""
    counted, path = sample
    assert_every_cancel_keeps(
        path,
        lambda ws, cancelled: analyze_catalog(ws, cancelled=cancelled, workers=workers, chunk=4),
        ANALYSIS,
        counted,
    )


def test_cancelled_suggestions_change_no_proposal(sample: tuple[Path, Path]) -> None:
    counted, path = sample
    assert_every_cancel_keeps(
        path, lambda ws, cancelled: apply_catalog_suggestions(ws, cancelled=cancelled), SUGGESTIONS, counted
    )
    with Workspace.open(path, create=False) as ws:  # and uncancelled, it does change them
        assert apply_catalog_suggestions(ws).changes > 0


def test_a_cancelled_cost_calculation_says_so(sample: tuple[Path, Path]) -> None:
    with Workspace.open(sample[0], create=False) as ws:
        procedures = list(ws.procedures())
    with pytest.raises(Cancelled) as cancel:
        catalog_cost(procedures, CostParameters(), cancelled=cancelled_at(1))
    assert cancel.value.operation == COST
    assert cancel.value.sentence() == "Đã hủy tính chi phí."
    assert cancel.value.sentence("en") == "The cost calculation was cancelled."


def test_the_examples_of_the_contract_hold() -> None:
    import exporters.output
    import models.jobs

    for module in (models.jobs, exporters.output):
        assert doctest.testmod(module).failed == 0, module.__name__
