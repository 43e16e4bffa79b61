"""The workbench JSON export: streamed one procedure at a time, byte for byte the indented document, re-importable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.importing.importer import import_paths
from exporters.json_export import FORMAT_NAME, FORMAT_VERSION, procedure_json, write_json
from models.procedure import Procedure
from models.storage.workspace import Workspace

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-catalog.json"


@pytest.fixture(scope="module")
def procedures(tmp_path_factory: pytest.TempPathFactory) -> list[Procedure]:
    with Workspace.open(tmp_path_factory.mktemp("json") / "w.sqlite") as ws:
        import_paths(ws, [SAMPLE])
        return list(ws.procedures())


@pytest.mark.parametrize("count", [0, 1, 15])
def test_the_stream_is_the_indented_document(procedures: list[Procedure], count: int, tmp_path: Path) -> None:
    selected = procedures[:count]
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "procedures": [procedure_json(p) for p in selected],
    }
    path = tmp_path / "c.json"
    assert write_json(iter(selected), path) == count
    assert path.read_text(encoding="utf-8") == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_procedures_are_written_as_they_come(procedures: list[Procedure], tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    partial = path.with_name("c.json.part")
    seen: list[int] = []

    def stream() -> Iterator[Procedure]:
        for procedure in procedures:
            yield procedure
            seen.append(partial.stat().st_size)  # what reached the file before the next one was asked for
        raise OSError("disk full")  # a failure at the end leaves no file at all

    with pytest.raises(OSError, match="disk full"):
        write_json(stream(), path)
    assert not path.exists() and not partial.exists()
    assert len(set(seen)) > 1  # the file grew while the stream was read: nothing waited for the whole catalog


def test_the_export_imports_back_to_equal_procedures(procedures: list[Procedure], tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    write_json(procedures, path)
    with Workspace.open(tmp_path / "back.sqlite") as ws:
        import_paths(ws, [path])
        assert list(ws.procedures()) == procedures
