"""Changes to one step: remove it, merge it with the next one, remove its in-person visit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field

from models.procedure import Procedure, Step
from models.redesign.changes import Change, RedesignError, find, locate, quote

if TYPE_CHECKING:
    from models.redesign.history import Draft


class _StepChange(Change):
    """A change to one step, named by its stable id (:mod:`models.identity`); its position and its text (title and
    description) are kept for the history, and name the step in changes stored before steps had ids."""

    step: int = Field(ge=0)
    step_text: str
    uid: str | None = None
    touches: ClassVar[tuple[str, ...]] = ("steps",)

    def resolve(self, procedure: Procedure) -> int:
        """The step's current position: the step with the change's id; for a change without one, ``step`` when its
        text still matches, else the one step with that text."""
        if self.uid is not None:
            uids = [step.uid for step in procedure.steps]
            return find(self, procedure, uids, self.uid, self.step_text, "step", "the procedure")
        keys = [_step_key(step) for step in procedure.steps]
        return locate(self, procedure, keys, self.step, self.step_text, "step", "the procedure")


def _step_key(step: Step) -> str:
    return " ".join(t for t in (step.title, step.description) if t)


def step_reference(procedure: Procedure, index: int) -> dict[str, Any]:
    """The ``step``, ``step_text`` and ``uid`` a step change needs to name step ``index`` of ``procedure``."""
    step = procedure.steps[index]
    return {"step": index, "step_text": _step_key(step), "uid": step.uid}


class RemoveStep(_StepChange):
    """Remove a step (its node and flow edges; the items it consumed move to the neighbouring step)."""

    kind: Literal["remove_step"] = "remove_step"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        del procedure.steps[self.resolve(procedure)]

    def describe(self) -> str:
        return f"Bỏ bước {quote(self.step_text, 60)}"


class MergeSteps(_StepChange):
    """Merge a step with the one after it: one step, both texts, the time limits added when their units agree."""

    kind: Literal["merge_steps"] = "merge_steps"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        index = self.resolve(procedure)
        if index + 1 >= len(procedure.steps):
            raise RedesignError(
                f"Step {quote(self.step_text, 60)} is the last step: there is none to merge with."
            )
        first, second = procedure.steps[index], procedure.steps[index + 1]
        merged = first.model_copy(deep=True)
        merged.description = "\n".join(t for t in (first.description, _step_key(second)) if t)
        if (
            first.time_limit is not None
            and second.time_limit is not None
            and first.time_unit == second.time_unit
        ):
            merged.time_limit = first.time_limit + second.time_limit
        elif first.time_limit is None:
            merged.time_limit, merged.time_unit = second.time_limit, second.time_unit
        merged.time_text = "; ".join(t for t in (first.time_text, second.time_text) if t) or None
        if first.in_person is False and second.in_person is False:
            merged.in_person = False
        procedure.steps[index : index + 2] = [merged]

    def describe(self) -> str:
        return f"Gộp bước {quote(self.step_text, 60)} với bước sau"


class RemoveVisit(_StepChange):
    """Remove an in-person visit: the step is done remotely (online submission, result sent by post or online)."""

    kind: Literal["remove_visit"] = "remove_visit"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        procedure.steps[self.resolve(procedure)].in_person = False

    def describe(self) -> str:
        return f"Bỏ việc có mặt trực tiếp ở bước {quote(self.step_text, 60)}"
