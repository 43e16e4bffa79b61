"""The history of a redesign: a procedure's to-be version built from its published (as-is) version by undoable
changes, pushed in groups, undone, redone, reverted one by one, and replayed.

A :class:`Draft` holds the published version (never modified) and a working copy, the *to-be* version. Each change
is a command object (:class:`~models.redesign.changes.Change` subclasses) with its ``redo`` and ``undo``; changes are
pushed in :class:`ChangeGroup` s, the unit of undo. The procedure's graph (:func:`models.graph.procedure_graph`) is
always that of the working copy: removing an item or a step removes its nodes and edges, and one undo restores both.

Changes refer to items and steps by position *and* by their published text, so that a proposal replays on the
version it was made for, survives a single change being reverted (:meth:`Draft.revert`) and refuses, with a clear
sentence, to replay on a published version that no longer has what it changed.

Example
-------
>>> from models.procedure import DossierItem, Procedure, Step
>>> from models.redesign.item_changes import LookupItem
>>> p = Procedure(code="1.000001", name="Đăng ký", steps=[Step(description="Nộp hồ sơ")],
...               items=[DossierItem(name="Tờ khai"), DossierItem(name="Bản sao Căn cước công dân")])
>>> draft = Draft(p)
>>> draft.push(ChangeGroup(label="Khai thác CSDL", changes=[LookupItem(item=1, item_name=p.items[1].name,
...     data_source="population", source_name="Cơ sở dữ liệu quốc gia về dân cư",
...     rationale="Dữ liệu đã có trong CSDL quốc gia về dân cư.")]))
>>> [i.name for i in draft.procedure.items], draft.procedure.steps[1].data_source
(['Tờ khai'], 'population')
>>> _ = draft.undo(); draft.procedure == p
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from models.graph import procedure_graph
from models.identity import assign_ids
from models.procedure import Procedure
from models.redesign.changes import Change, RedesignError
from models.redesign.kinds import Revert

if TYPE_CHECKING:
    import networkx as nx


@dataclass
class ChangeGroup:
    """Changes made together (one command of the user, or "apply suggestions"): undone and redone as one."""

    label: str
    changes: list[Change]
    seq: int | None = None
    author: str | None = None
    created_at: Any = None

    def redo(self, draft: Draft) -> None:
        done: list[Change] = []
        try:
            for change in self.changes:
                change.redo(draft)
                done.append(change)
        except Exception:
            for change in reversed(done):
                change.undo(draft)
            raise

    def undo(self, draft: Draft) -> None:
        for change in reversed(self.changes):
            change.undo(draft)


# --- the draft ------------------------------------------------------------------------------------------------------


class Draft:
    """A to-be version under construction: the published version, the working copy, and the undo history.

    Parameters
    ----------
    published : the as-is version. The draft works on a deep copy; ``published`` itself is never modified.
    groups : change groups already made (a stored proposal), replayed in order.
    """

    def __init__(self, published: Procedure, groups: Iterable[ChangeGroup] = ()) -> None:
        # a version never stored gets its ids here, as storing it would number them (models.identity)
        self.published = assign_ids(published.model_copy(deep=True))
        self.procedure = self.published.model_copy(deep=True)
        self.done: list[ChangeGroup] = []
        self.undone: list[ChangeGroup] = []
        self.reverted: set[int] = set()
        self._graph: nx.DiGraph | None = None
        self._listeners: list[Callable[[], None]] = []
        for group in groups:
            group.redo(self)
            self.done.append(group)

    # the graph of the working copy, rebuilt after each change
    @property
    def graph(self) -> nx.DiGraph:
        if self._graph is None:
            self._graph = procedure_graph(self.procedure)
        return self._graph

    def changed(self) -> None:
        self._graph = None
        for listener in self._listeners:
            listener()

    def on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    @property
    def changes(self) -> list[Change]:
        """The changes in effect, in order (reverted ones and revert markers left out)."""
        return [
            c
            for g in self.done
            for c in g.changes
            if not isinstance(c, Revert) and (c.seq is None or c.seq not in self.reverted)
        ]

    def next_seq(self) -> int:
        seqs = [c.seq for g in self.done for c in g.changes if c.seq is not None]
        return max(seqs, default=0) + 1

    def push(self, group: ChangeGroup) -> None:
        """Make a group of changes (numbering them) and forget what was undone: it can no longer be redone."""
        seq = self.next_seq()
        for change in group.changes:
            if change.seq is None:
                change.seq = seq
                seq += 1
        group.redo(self)
        self.done.append(group)
        self.undone.clear()

    def undo(self) -> ChangeGroup:
        if not self.done:
            raise RedesignError("Nothing to undo.")
        group = self.done.pop()
        group.undo(self)
        self.undone.append(group)
        return group

    def redo(self) -> ChangeGroup:
        if not self.undone:
            raise RedesignError("Nothing to redo.")
        group = self.undone.pop()
        group.redo(self)
        self.done.append(group)
        return group

    def revert(self, seq: int, rationale: str) -> ChangeGroup:
        """Take back the single change ``seq`` (pushed as an undoable group of its own)."""
        target = next((c for c in self.changes if c.seq == seq), None)
        if target is None:
            raise RedesignError(f"No change #{seq} in effect in this proposal.")
        group = ChangeGroup(
            label=f"Hoàn lại #{seq}",
            changes=[Revert(target=seq, target_description=target.describe(), rationale=rationale)],
        )
        self.push(group)
        return group

    def rebuild(self) -> None:
        """Replay every change in effect on a fresh copy of the published version (used by :class:`Revert`)."""
        self.procedure = replay(self.published, self.changes)[-1]


def replay(published: Procedure, changes: Sequence[Change]) -> list[Procedure]:
    """The published version, then the version after each change in turn (``len(changes) + 1`` procedures): what
    a trainer steps through and what a plan costs change by change. The changes themselves are not touched.

    Raises
    ------
    RedesignError : a change no longer applies.
    """
    draft = Draft(published)
    versions = [draft.procedure.model_copy(deep=True)]
    for change in changes:
        again = change.model_copy()
        again._memento = None
        again.redo(draft)
        versions.append(draft.procedure.model_copy(deep=True))
    return versions
