"""The storage loader makes procedures without validating them (:func:`models.storage.loader.trusted`): these
properties guard it against real validation. Generated procedures are stored in a workspace and loaded back
through the fast loader; each must equal, value for value and type for type, what ``Procedure.model_validate``
makes of the same values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from models.enums import (
    Actor,
    ChannelMethod,
    CopyForm,
    FeeKind,
    ItemGroup,
    ItemKind,
    Level,
    ProcedureStatus,
    TimeUnit,
)
from models.procedure import Procedure
from models.storage import loader
from models.storage.workspace import Workspace
from models.storage.writer import SourceRef

SOURCE = SourceRef("test", "generated")

_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)  # any text a string column holds
_maybe_text = st.none() | _text
_count = st.none() | st.integers(min_value=-(2**63), max_value=2**63 - 1)
_quantity = st.none() | st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**6), 10**6)
_date = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
_maybe_bool = st.none() | st.booleans()
_texts = st.lists(_text, max_size=3)


def _codes(enum: type[Enum]) -> st.SearchStrategy[Any]:
    """An enum's members, or their codes as a source gives them (validation turns those into members)."""
    return st.sampled_from(list(enum)) | st.sampled_from([member.value for member in enum])


def _record(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A part's values; optional fields left out now and then, so that defaults are stored and loaded too."""
    return st.fixed_dictionaries(required, optional=optional)


_fee = _record({}, {"kind": _codes(FeeKind), "amount_vnd": _count, "note": _maybe_text})
_channel = _record(
    {"method": _codes(ChannelMethod)},
    {
        "time_limit": _quantity,
        "time_unit": st.none() | _codes(TimeUnit),
        "time_note": _maybe_text,
        "fees": st.lists(_fee, max_size=3),
    },
)
_step = _record(
    {},
    {
        "title": _maybe_text,
        "description": _text,
        "actor": st.none() | _codes(Actor),
        "time_text": _maybe_text,
        "time_limit": _quantity,
        "time_unit": st.none() | _codes(TimeUnit),
        "in_person": _maybe_bool,
        "data_source": _maybe_text,
    },
)
_item = _record(
    {"name": _text},
    {
        "name_normalized": _text,
        "kind": _codes(ItemKind),
        "group": _codes(ItemGroup),
        "originals": _count,
        "copies": _count,
        "copy_forms": st.lists(_codes(CopyForm), max_size=3),
        "template": _maybe_text,
        "condition": _maybe_text,
        "issuer": _maybe_text,
        "case": _maybe_text,
        "source_code": _maybe_text,
    },
)
_note = _record({"text": _text}, {"heading": _maybe_text})
_result = _record({"name": _text}, {"code": _maybe_text})
_law = _record({"title": _text}, {"number": _maybe_text, "date": _date, "issuer": _maybe_text})
_procedure = _record(
    {"code": st.text("0123456789.", min_size=1, max_size=8), "name": _text},
    {
        "description": _maybe_text,
        "levels": st.lists(_codes(Level), max_size=3),
        "field": _maybe_text,
        "issuing_body": _maybe_text,
        "competent_authorities": _texts,
        "executing_agencies": _texts,
        "authorised_agencies": _texts,
        "coordinating_agencies": _texts,
        "subjects": _texts,
        "receiving_address": _maybe_text,
        "requirements": _texts,
        "announcement_decision": _maybe_text,
        "announcement_date": _date,
        "announcement_issuer": _maybe_text,
        "status": st.none() | _codes(ProcedureStatus),
        "is_local_specific": st.booleans(),
        "full_process_online_declared": _maybe_bool,
        "related_codes": _texts,
        "channels": st.lists(_channel, max_size=3),
        "steps": st.lists(_step, max_size=3),
        "items": st.lists(_item, max_size=4),
        "notes": st.lists(_note, max_size=2),
        "results": st.lists(_result, max_size=2),
        "legal_basis": st.lists(_law, max_size=2),
    },
)


def typed(value: Any) -> Any:
    """A value with the type of every part spelled out, so that ``==`` tells a member from its code (a StrEnum
    member equals its code) and 3 from 3.0. A part's id is left out: it is bookkeeping, not in what
    ``model_dump`` gives validation (tests/models/test_identity.py checks ids)."""
    if isinstance(value, BaseModel):
        return (type(value), {name: typed(v) for name, v in value.__dict__.items() if name != "uid"})
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value), value)


def assert_loaded_as_validated(workspace: Workspace, records: Sequence[dict[str, Any]]) -> None:
    """Store the procedures ``records`` describe, load them back through the fast loader and check each against
    validation: of the records themselves, and of what was loaded (a loaded procedure is what validation makes of
    its own values: nothing the loader skipped would have been changed)."""
    validated = [Procedure.model_validate(record) for record in records]
    workspace.store([(p, SOURCE, p.code) for p in validated])
    loaded = {p.code: p for p in workspace.procedures([p.code for p in validated])}
    for expected in validated:
        got = loaded[expected.code]
        assert typed(got) == typed(expected)
        assert typed(got) == typed(Procedure.model_validate(got.model_dump()))
        assert list(got.__dict__) == list(
            expected.__dict__
        )  # field order: what model_dump_json and hashes use


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    with Workspace.open(tmp_path_factory.mktemp("loader") / "w.sqlite") as ws:
        yield ws


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_procedure, min_size=1, max_size=3, unique_by=lambda record: record["code"]))
def test_loaded_procedures_equal_validated_ones(workspace: Workspace, records: list[dict[str, Any]]) -> None:
    assert_loaded_as_validated(workspace, records)  # codes repeat across examples: updates are loaded too


_ENUMS_AND_LISTS = {
    "code": "9.000001",
    "name": "Thủ tục",
    "levels": ["COMMUNE"],
    "status": "AMENDED",
    "announcement_date": dt.date(2025, 7, 1),
    "items": [{"name": "Tờ khai", "kind": "FORM", "copy_forms": ["CERTIFIED"]}],
}


_statement = loader._Rows._statement


def _without_converters(rows: Any, table: Any) -> Any:
    """The SQLite statement of a table with none of its columns converted (dates stay text, booleans 0 and 1)."""
    select_from, order_by, _converters = _statement(rows, table)
    return select_from, order_by, []


@pytest.mark.parametrize(
    "breakage",
    [
        pytest.param(
            lambda monkeypatch: monkeypatch.setattr(loader, "_enum_converter", lambda _: None), id="enums"
        ),
        pytest.param(
            lambda monkeypatch: monkeypatch.setattr(loader, "_json_fast", lambda process: lambda value: []),
            id="json lists",
        ),
        pytest.param(
            lambda monkeypatch: monkeypatch.setattr(loader._Rows, "_statement", _without_converters),
            id="dates",
        ),
    ],
)
def test_the_guard_fails_when_the_loader_converts_wrongly(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, breakage: Any
) -> None:
    monkeypatch.setattr(loader, "_CONVERTERS", {})  # converters made afresh, and thrown away after
    monkeypatch.setattr(loader._Rows, "_sqlite", {})
    breakage(monkeypatch)
    with pytest.raises(AssertionError):
        assert_loaded_as_validated(workspace, [_ENUMS_AND_LISTS])
