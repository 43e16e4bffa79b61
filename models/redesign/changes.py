"""The base of every redesign change (a command with redo and undo), its errors, and how a change finds the part
it names in the version it is applied to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from models.errors import TthcError
from models.procedure import Procedure

if TYPE_CHECKING:
    from models.redesign.history import Draft


class RedesignError(TthcError):
    """A change cannot be made, or no longer applies to the version it is replayed on."""


class ConcurrentEditError(TthcError):
    """Someone else saved the proposal since it was opened: the save is refused, nothing is overwritten."""


class Change(BaseModel):
    """One change of a redesign: a command with :meth:`redo` and :meth:`undo`.

    Subclasses declare the parts of the procedure they touch (``touches``) and implement :meth:`apply`, which checks
    that the change applies *before* it modifies anything. :meth:`redo` keeps a copy of the touched parts, so that
    :meth:`undo` restores them exactly.
    """

    model_config = ConfigDict(extra="forbid")

    kind: str
    rationale: str = Field(min_length=1)
    legal_basis: str | None = None
    seq: int | None = None  # its number in the proposal, given when stored or pushed
    touches: ClassVar[tuple[str, ...]] = ()
    _memento: dict[str, Any] | None = PrivateAttr(default=None)

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        """One line, in Vietnamese, saying what the change does (for history views and plans)."""
        raise NotImplementedError

    def redo(self, draft: Draft) -> None:
        procedure = draft.procedure
        memento = {name: _copy(getattr(procedure, name)) for name in self.touches}
        self.apply(procedure, draft)
        self._memento = memento
        draft.changed()

    def undo(self, draft: Draft) -> None:
        if self._memento is None:
            raise RedesignError(f"Cannot undo “{self.describe()}”: it was not applied.")
        for name, value in self._memento.items():
            setattr(draft.procedure, name, value)
        self._memento = None
        draft.changed()

    def payload(self) -> dict[str, Any]:
        """What the workspace stores besides kind, rationale and legal basis."""
        return self.model_dump(mode="json", exclude={"kind", "rationale", "legal_basis", "seq"})


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [v.model_copy(deep=True) if isinstance(v, BaseModel) else _copy(v) for v in value]
    if isinstance(value, BaseModel):
        return value.model_copy(deep=True)
    return value


def quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def find(
    change: Change, procedure: Procedure, uids: list[str | None], uid: str, text: str, what: str, where: str
) -> int:
    """Where the part with id ``uid`` (:mod:`models.identity`) is now; otherwise the change no longer applies, and
    says why."""
    if uid in uids:
        return uids.index(uid)
    raise _no_longer_applies(change, procedure, what, text, f"is no longer in {where}")


def locate(
    change: Change, procedure: Procedure, keys: list[str], index: int, key: str, what: str, where: str
) -> int:
    """Where the part a change stored before parts had ids names is now: at ``index`` when its text still matches,
    else the one part with that text; otherwise the change no longer applies, and says why."""
    if index < len(keys) and keys[index] == key:
        return index
    same = [i for i, k in enumerate(keys) if k == key]
    if len(same) == 1:
        return same[0]
    reason = f"is no longer in {where}" if not same else "is ambiguous (it appears more than once)"
    raise _no_longer_applies(change, procedure, what, key, reason)


def _no_longer_applies(
    change: Change, procedure: Procedure, what: str, text: str, reason: str
) -> RedesignError:
    return RedesignError(
        f"The change “{change.describe()}” no longer applies to {procedure.code}: {what} {quote(text, 60)} {reason}."
    )
