"""Every kind of change, as stored: the selective undo (:class:`Revert`), the union of the kinds and the reading
of a stored change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import Field, TypeAdapter

from models.procedure import Procedure
from models.redesign.changes import Change, RedesignError
from models.redesign.channel_changes import ChangeFee, ChangeTimeLimit, MakeOnline
from models.redesign.item_changes import AcceptElectronicCopy, DropShowOriginal, LookupItem, RemoveItem
from models.redesign.step_changes import MergeSteps, RemoveStep, RemoveVisit

if TYPE_CHECKING:
    from models.redesign.history import Draft


class Revert(Change):
    """Take back one earlier change of the proposal (selective undo): the to-be is rebuilt without it."""

    kind: Literal["revert"] = "revert"
    target: int  # the seq of the change taken back
    target_description: str = ""
    touches: ClassVar[tuple[str, ...]] = ()

    def redo(self, draft: Draft) -> None:
        memento = {"procedure": draft.procedure.model_copy(deep=True)}
        draft.reverted.add(self.target)
        try:
            draft.rebuild()
        except RedesignError as exc:
            draft.reverted.discard(self.target)
            raise RedesignError(
                f"Change #{self.target} cannot be taken back alone: a later change depends on it ({exc})"
            ) from exc
        self._memento = memento
        draft.changed()

    def undo(self, draft: Draft) -> None:
        if self._memento is None:
            raise RedesignError("Cannot undo a revert that was not applied.")
        draft.reverted.discard(self.target)
        draft.procedure = self._memento["procedure"]
        self._memento = None
        draft.changed()

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        raise RedesignError("A revert is made by redo(), which rebuilds the whole to-be version.")

    def describe(self) -> str:
        return f"Hoàn lại thay đổi #{self.target}: {self.target_description}"


AnyChange = Annotated[
    RemoveItem
    | LookupItem
    | AcceptElectronicCopy
    | DropShowOriginal
    | RemoveStep
    | MergeSteps
    | RemoveVisit
    | ChangeTimeLimit
    | ChangeFee
    | MakeOnline
    | Revert,
    Field(discriminator="kind"),
]
_CHANGE_ADAPTER: TypeAdapter[Any] = TypeAdapter(AnyChange)


def change_from_data(data: Mapping[str, Any]) -> Change:
    """A change from its stored form (kind, rationale, legal_basis and payload merged)."""
    change: Change = _CHANGE_ADAPTER.validate_python(dict(data))
    return change
