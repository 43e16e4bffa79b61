"""The catalog search: every word of the query in the folded code and name, in any order."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from models.procedure import Procedure
from models.search import matching_rows, narrows, query_words, search_key
from models.storage.workspace import Workspace
from tests.helpers.workspaces import make_workspace
from tests.test_cli import run
from workbench.services.search import search

NAMES = {
    "1.001193": "Thủ tục đăng ký khai sinh",
    "1.000894": "Thủ tục đăng ký kết hôn",
    "2.000001": "Cấp giấy phép  xây dựng",  # a double space, as 33 published names have
    "1.004222": "Đăng ký thường trú",
}


def _workspace(tmp_path: Path) -> Path:
    return make_workspace(
        tmp_path / "w.sqlite", [Procedure(code=code, name=name) for code, name in NAMES.items()]
    )


def test_accents_case_spacing_and_word_order_are_ignored(tmp_path: Path) -> None:
    with Workspace.open(_workspace(tmp_path), create=False) as ws:
        found = {query: [s.code for s in search(ws, query)] for query in ("  ĐĂNG ký  ", "khai sinh dang ky")}
        assert found == {
            "  ĐĂNG ký  ": ["1.000894", "1.001193", "1.004222"],
            "khai sinh dang ky": ["1.001193"],
        }
        assert [s.code for s in search(ws, "giấy phép xây dựng")] == ["2.000001"]
        assert [s.code for s in search(ws, "2.0000")] == ["2.000001"]  # codes are searched too
        assert len(search(ws, "")) == len(search(ws, None)) == len(search(ws, "   ")) == 4
        assert search(ws, "hộ chiếu") == []


def test_the_command_line_lists_what_the_search_finds(tmp_path: Path, capsys) -> None:
    path = _workspace(tmp_path)
    status, out, err = run(capsys, "list", "-w", str(path), "--search", "sinh khai")
    assert (status, out.split(), err) == (0, ["1.001193", *NAMES["1.001193"].split()], "1 procedures.\n")


WORDS = ["dang", "ky", "khai", "sinh", "cap", "giay", "phep", "ket", "hon", "1.00"]
_words = st.sampled_from(WORDS)


@given(st.lists(_words, min_size=1, max_size=4).map(" ".join), st.lists(_words, max_size=3).map(" ".join))
def test_typing_on_narrows_to_what_a_fresh_query_finds(first: str, more: str) -> None:
    rng = random.Random(first)
    keys = [search_key(f"1.00{n}", " ".join(rng.sample(WORDS, 4))) for n in range(60)]
    before, after = query_words(first), query_words(f"{first}{more}")
    if narrows(before, after):
        shown = matching_rows(keys, before)
        assert matching_rows(keys, after, shown) == matching_rows(keys, after)
