"""Redesigns: a procedure's to-be version built from its published (as-is) version by undoable changes.

A :class:`Draft` holds the published version (never modified) and a working copy, the *to-be* version. Each change
is a command object (:class:`Change` subclasses) with :meth:`~Change.redo` and :meth:`~Change.undo`; changes are
pushed in :class:`ChangeGroup` s, the unit of undo. The procedure's graph (:func:`models.graph.procedure_graph`) is
always that of the working copy: removing an item or a step removes its nodes and edges, and one undo restores both.

Changes refer to items and steps by position *and* by their published text, so that a proposal replays on the
version it was made for, survives a single change being reverted (:meth:`Draft.revert`) and refuses, with a clear
sentence, to replay on a published version that no longer has what it changed.

Example
-------
>>> from models.procedure import DossierItem, Procedure, Step
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

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, TypeAdapter

from models.cost import CostParameters, procedure_cost, savings_rate
from models.enums import Actor, ChannelMethod, CopyForm, FeeKind, FindingGrade, ItemGroup, TimeUnit
from models.errors import TthcError
from models.findings import BlockKind, Finding
from models.graph import SUBMISSION_ACTORS, effective_actors, procedure_graph, procedure_metrics
from models.identity import STEP_PREFIX, assign_ids, next_id, pair_items
from models.online import item_blocks, online_blocks
from models.procedure import Channel, DossierItem, Fee, Procedure, Step
from models.vocabulary import unit_word

if TYPE_CHECKING:
    import networkx as nx

#: The pseudo data source of a lookup for a document a state body issued: the issuer's records or the applicant's
#: electronic data store (Kho quản lý dữ liệu điện tử), rather than one national database.
ISSUER_RECORDS = "issuer_records"
ISSUER_RECORDS_NAME = (
    "hệ thống thông tin của cơ quan cấp hoặc Kho quản lý dữ liệu điện tử của tổ chức, cá nhân"
)

ELECTRONIC_COPY_BASIS = (
    "Nghị định 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử (bản sao điện tử, "
    "kết quả điện tử có giá trị pháp lý); Nghị quyết 66.7/2025/NQ-CP"
)
ELECTRONIC_COPY_RATIONALE = (
    "Bản sao có chứng thực bằng giấy buộc người nộp sao chụp, chứng thực và đến nộp trực tiếp; nhận bản sao điện "
    "tử (bản chụp từ bản chính, bản sao điện tử có chứng thực hoặc bản sao điện tử cấp từ sổ gốc) cho phép nộp "
    "trực tuyến toàn trình và bỏ chi phí chứng thực."
)


class RedesignError(TthcError):
    """A change cannot be made, or no longer applies to the version it is replayed on."""


class ConcurrentEditError(TthcError):
    """Someone else saved the proposal since it was opened: the save is refused, nothing is overwritten."""


# --- changes ------------------------------------------------------------------------------------------------------


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


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _locate(
    change: Change, procedure: Procedure, keys: list[str], index: int, key: str, what: str, where: str
) -> int:
    """Where the part a change names is now: at ``index`` when its text still matches, else the one part with that
    text; otherwise the change no longer applies, and says why."""
    if index < len(keys) and keys[index] == key:
        return index
    same = [i for i, k in enumerate(keys) if k == key]
    if len(same) == 1:
        return same[0]
    reason = f"is no longer in {where}" if not same else "is ambiguous (it appears more than once)"
    raise RedesignError(
        f"The change “{change.describe()}” no longer applies to {procedure.code}: {what} {_quote(key, 60)} {reason}."
    )


def _find(change: Change, procedure: Procedure, uids: list[str | None], text: str, where: str) -> int:
    """Where the part with the change's id is now; otherwise the change no longer applies, and says why."""
    uid = getattr(change, "uid", None)
    if uid in uids:
        return uids.index(uid)
    what = "item" if where == "the dossier" else "step"
    raise RedesignError(
        f"The change “{change.describe()}” no longer applies to {procedure.code}: {what} {_quote(text, 60)} "
        f"is no longer in {where}."
    )


class _ItemChange(Change):
    """A change to one dossier item, named by its stable id (:mod:`models.identity`); its position (from 0) and
    published name are kept for the history, and name the item in changes stored before items had ids."""

    item: int = Field(ge=0)
    item_name: str
    uid: str | None = None
    touches: ClassVar[tuple[str, ...]] = ("items",)

    def resolve(self, procedure: Procedure) -> int:
        """The item's current position: the item with the change's id; for a change without one, ``item`` when the
        name still matches, else the one item of that name."""
        if self.uid is not None:
            return _find(
                self, procedure, [item.uid for item in procedure.items], self.item_name, "the dossier"
            )
        keys = [item.name for item in procedure.items]
        return _locate(self, procedure, keys, self.item, self.item_name, "item", "the dossier")


class RemoveItem(_ItemChange):
    """Remove a dossier item (and, with it, its node and edges in the graph)."""

    kind: Literal["remove_item"] = "remove_item"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        del procedure.items[self.resolve(procedure)]

    def describe(self) -> str:
        return f"Bỏ thành phần hồ sơ {_quote(self.item_name)}"


class LookupItem(_ItemChange):
    """Replace an item by a lookup in a data source: the item leaves the dossier and the agency fetches the data.

    The lookup is a step of the data-systems lane (``Step.data_source``), placed right after the dossier is received;
    items replaced from the same source share one step. The step keeps the fallback: when the lookup fails the paper
    is asked for and the applicant is told to have the database corrected.
    """

    kind: Literal["lookup_item"] = "lookup_item"
    data_source: str
    source_name: str
    fallback: str | None = None
    issuing_procedure: str | None = None
    touches: ClassVar[tuple[str, ...]] = ("items", "steps")

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        index = self.resolve(procedure)
        name = procedure.items[index].name_normalized or procedure.items[index].name
        del procedure.items[index]
        line = f"- {' '.join(name.split())}"
        if self.issuing_procedure:
            line += f" (kết quả của thủ tục {self.issuing_procedure})"
        existing = next((s for s in procedure.steps if s.data_source == self.data_source), None)
        if existing is not None:
            lines = existing.description.split("\n")
            at = next((i for i, text in enumerate(lines) if text.startswith(_FALLBACK_LEAD)), len(lines))
            existing.description = "\n".join([*lines[:at], line, *lines[at:]])
            return
        lines = [f"Cơ quan giải quyết tự khai thác thông tin từ {self.source_name}, thay cho giấy tờ:", line]
        if self.fallback:
            lines.append(f"{_FALLBACK_LEAD} {self.fallback}")
        step = Step(
            title=f"Khai thác dữ liệu từ {self.source_name}",
            description="\n".join(lines),
            actor=Actor.DATA_SYSTEM,
            in_person=False,
            data_source=self.data_source,
            uid=next_id(procedure.steps, STEP_PREFIX, draft.published.steps),  # never a removed step's id
        )
        procedure.steps.insert(_after_reception(procedure), step)

    def describe(self) -> str:
        return f"Thay {_quote(self.item_name)} bằng khai thác dữ liệu từ {self.source_name}"


_FALLBACK_LEAD = "Trường hợp không khai thác được:"


def _after_reception(procedure: Procedure) -> int:
    """Where a lookup step goes: after the step that receives the dossier (and after earlier lookups)."""
    actors = [actor for actor, _ in effective_actors(procedure)]
    at = next((i for i, actor in enumerate(actors) if actor in SUBMISSION_ACTORS), 0)
    while at < len(actors) and actors[at] in SUBMISSION_ACTORS:  # handed in, then received at the desk
        at += 1
    while at < len(procedure.steps) and procedure.steps[at].data_source is not None:
        at += 1
    return at


_CERTIFIED_PHRASE = re.compile(
    r"bản sao(?:\s+y)?(?:\s+có)?\s+(?:chứng thực|công chứng)(?:\s+hợp lệ)?|bản sao hợp lệ", re.IGNORECASE
)
_SHOW_PHRASE = re.compile(
    r"[\s,;(]*(?:kèm\s+(?:theo\s+)?|và\s+|hoặc\s+)?(?:xuất trình\s+)?bản chính(?:\s+để)?\s+(?:đối chiếu|so sánh|kiểm tra)\)?",
    re.IGNORECASE,
)


def _with_case(template: str, like: str) -> str:
    return template[0].upper() + template[1:] if like[:1].isupper() else template


class AcceptElectronicCopy(_ItemChange):
    """Accept an electronic copy instead of a certified paper copy (no copying, no certification, no visit)."""

    kind: Literal["accept_electronic_copy"] = "accept_electronic_copy"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        item = procedure.items[self.resolve(procedure)]
        if item.group == ItemGroup.SHOW:
            raise RedesignError(
                f"{_quote(self.item_name)} is shown, not handed in: drop “show the original” instead."
            )
        forms: list[CopyForm] = [
            f for f in item.copy_forms if f not in (CopyForm.CERTIFIED, CopyForm.CERTIFIED_ELECTRONIC)
        ]
        if CopyForm.ELECTRONIC not in forms:
            forms.append(CopyForm.ELECTRONIC)
        item.copy_forms = forms
        for attr in ("name", "name_normalized"):
            text = getattr(item, attr)
            if not text:
                continue
            new = _CERTIFIED_PHRASE.sub(lambda m: _with_case("bản sao điện tử", m.group(0)), text, count=1)
            setattr(item, attr, new if new != text else f"{text} (chấp nhận bản sao điện tử)")

    def describe(self) -> str:
        return f"Nhận bản sao điện tử thay bản sao chứng thực giấy: {_quote(self.item_name)}"


class DropShowOriginal(_ItemChange):
    """Stop asking to show an original: a shown-only item leaves the dossier; a copy no longer needs the original."""

    kind: Literal["drop_show_original"] = "drop_show_original"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        index = self.resolve(procedure)
        item = procedure.items[index]
        if item.group == ItemGroup.SHOW:
            del procedure.items[index]
            return
        if CopyForm.SHOW_ORIGINAL not in item.copy_forms and not _SHOW_PHRASE.search(item.name):
            raise RedesignError(f"{_quote(self.item_name)} does not ask to show an original.")
        item.copy_forms = [f for f in item.copy_forms if f != CopyForm.SHOW_ORIGINAL]
        item.name = _SHOW_PHRASE.sub("", item.name).strip()
        if item.name_normalized:
            item.name_normalized = _SHOW_PHRASE.sub("", item.name_normalized).strip()

    def describe(self) -> str:
        return f"Bỏ yêu cầu xuất trình bản chính: {_quote(self.item_name)}"


class _StepChange(Change):
    """A change to one step, named by its position and its text (title and description)."""

    step: int = Field(ge=0)
    step_text: str
    uid: str | None = None
    touches: ClassVar[tuple[str, ...]] = ("steps",)

    def resolve(self, procedure: Procedure) -> int:
        """The step's current position: the step with the change's id; for a change without one, ``step`` when its
        text still matches, else the one step with that text."""
        if self.uid is not None:
            return _find(
                self, procedure, [step.uid for step in procedure.steps], self.step_text, "the procedure"
            )
        keys = [_step_key(step) for step in procedure.steps]
        return _locate(self, procedure, keys, self.step, self.step_text, "step", "the procedure")


def _step_key(step: Step) -> str:
    return " ".join(t for t in (step.title, step.description) if t)


def step_reference(procedure: Procedure, index: int) -> dict[str, Any]:
    """The ``step``, ``step_text`` and ``uid`` a step change needs to name step ``index`` of ``procedure``."""
    step = procedure.steps[index]
    return {"step": index, "step_text": _step_key(step), "uid": step.uid}


def item_reference(procedure: Procedure, index: int) -> dict[str, Any]:
    """The ``item``, ``item_name`` and ``uid`` an item change needs to name item ``index`` of ``procedure``."""
    item = procedure.items[index]
    return {"item": index, "item_name": item.name, "uid": item.uid}


class RemoveStep(_StepChange):
    """Remove a step (its node and flow edges; the items it consumed move to the neighbouring step)."""

    kind: Literal["remove_step"] = "remove_step"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        del procedure.steps[self.resolve(procedure)]

    def describe(self) -> str:
        return f"Bỏ bước {_quote(self.step_text, 60)}"


class MergeSteps(_StepChange):
    """Merge a step with the one after it: one step, both texts, the time limits added when their units agree."""

    kind: Literal["merge_steps"] = "merge_steps"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        index = self.resolve(procedure)
        if index + 1 >= len(procedure.steps):
            raise RedesignError(
                f"Step {_quote(self.step_text, 60)} is the last step: there is none to merge with."
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
        return f"Gộp bước {_quote(self.step_text, 60)} với bước sau"


class RemoveVisit(_StepChange):
    """Remove an in-person visit: the step is done remotely (online submission, result sent by post or online)."""

    kind: Literal["remove_visit"] = "remove_visit"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        procedure.steps[self.resolve(procedure)].in_person = False

    def describe(self) -> str:
        return f"Bỏ việc có mặt trực tiếp ở bước {_quote(self.step_text, 60)}"


class _ChannelChange(Change):
    channel: int | None = Field(default=None, ge=0)  # None: every channel
    touches: ClassVar[tuple[str, ...]] = ("channels",)

    def targets(self, procedure: Procedure) -> list[Channel]:
        if self.channel is None:
            if not procedure.channels:
                raise RedesignError(f"{procedure.code} publishes no channel to change.")
            return list(procedure.channels)
        if self.channel >= len(procedure.channels):
            raise RedesignError(f"{procedure.code} has no channel {self.channel + 1}.")
        return [procedure.channels[self.channel]]

    def where(self) -> str:
        return "mọi cách thức" if self.channel is None else f"cách thức {self.channel + 1}"


class ChangeTimeLimit(_ChannelChange):
    """Change the statutory time limit of one channel or of all of them."""

    kind: Literal["change_time_limit"] = "change_time_limit"
    time_limit: float = Field(ge=0)
    time_unit: TimeUnit
    time_note: str | None = None

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        for channel in self.targets(procedure):
            channel.time_limit, channel.time_unit, channel.time_note = (
                self.time_limit,
                self.time_unit,
                self.time_note,
            )

    def describe(self) -> str:
        amount = int(self.time_limit) if float(self.time_limit).is_integer() else self.time_limit
        return f"Đổi thời hạn giải quyết ({self.where()}) thành {amount} {unit_word(self.time_unit) or '(đơn vị khác)'}"


class ChangeFee(_ChannelChange):
    """Change (or add, with ``fee`` None) a fee of one channel or of all of them; None as amount means unknown."""

    kind: Literal["change_fee"] = "change_fee"
    fee: int | None = Field(default=None, ge=0)
    amount_vnd: int | None = Field(default=None, ge=0)
    fee_kind: FeeKind = FeeKind.FEE
    note: str | None = None

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        targets = self.targets(procedure)
        new = Fee(kind=self.fee_kind, amount_vnd=self.amount_vnd, note=self.note)
        for channel in targets:
            if self.fee is None:
                channel.fees.append(new.model_copy())
            elif self.fee < len(channel.fees):
                channel.fees[self.fee] = new.model_copy()
            else:
                raise RedesignError(f"{procedure.code}: the channel has no fee {self.fee + 1}.")

    def describe(self) -> str:
        amount = "không rõ" if self.amount_vnd is None else f"{self.amount_vnd:,} đồng".replace(",", ".")
        return f"{'Thêm' if self.fee is None else 'Đổi'} phí, lệ phí ({self.where()}): {amount}"


class MakeOnline(Change):
    """Make the procedure full-process online: an ONLINE channel (modelled on the first channel when there is none)."""

    kind: Literal["make_online"] = "make_online"
    touches: ClassVar[tuple[str, ...]] = ("channels", "full_process_online_declared")

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        if not any(c.method == ChannelMethod.ONLINE for c in procedure.channels):
            model = procedure.channels[0] if procedure.channels else Channel(method=ChannelMethod.ONLINE)
            online = model.model_copy(deep=True)
            online.method = ChannelMethod.ONLINE
            procedure.channels.append(online)
        procedure.full_process_online_declared = True

    def describe(self) -> str:
        return "Cung cấp dịch vụ công trực tuyến toàn trình"


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
CHANGE_KINDS = tuple(
    cls.model_fields["kind"].default
    for cls in (
        RemoveItem,
        LookupItem,
        AcceptElectronicCopy,
        DropShowOriginal,
        RemoveStep,
        MergeSteps,
        RemoveVisit,
        ChangeTimeLimit,
        ChangeFee,
        MakeOnline,
        Revert,
    )
)


def change_from_data(data: Mapping[str, Any]) -> Change:
    """A change from its stored form (kind, rationale, legal_basis and payload merged)."""
    change: Change = _CHANGE_ADAPTER.validate_python(dict(data))
    return change


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


# --- suggestions --------------------------------------------------------------------------------------------------

_LOOKUP_GRADES = (FindingGrade.REDUNDANT, FindingGrade.POTENTIALLY_REDUNDANT, FindingGrade.ISSUED_BY_STATE)


def suggest(
    procedure: Procedure,
    findings: Iterable[Finding],
    source_names: Mapping[str, str],
    *,
    grades: Sequence[FindingGrade] = _LOOKUP_GRADES,
    electronic_copies: bool = True,
) -> ChangeGroup:
    """The changes the analysis suggests for ``procedure``, as one group ("apply suggestions").

    - every item the finder graded ``redundant`` or ``potentially_redundant`` is replaced by a lookup in its data
      source, and every ``issued_by_state`` item by a lookup in the issuer's records or the applicant's electronic
      data store; each change carries the finding's explanation as rationale, its legal basis and its fallback;
    - every other item asking a certified paper copy is accepted as an electronic copy (Decree 45/2020).

    ``procedure`` may be a to-be version already changed: findings (made on the published version) are matched to
    its items by id (by name for a version never stored), so items already replaced get no second suggestion. Items are changed from the
    last to the first, so that each change's position stays valid while the others are made; each change can be
    undone on its own afterwards (:meth:`Draft.revert`).
    """
    by_name: dict[str, list[Finding]] = {}
    by_uid: dict[str, Finding] = {}
    for found in sorted(findings, key=lambda f: f.item_index, reverse=True):
        if found.item_uid is not None:
            by_uid[found.item_uid] = found
        else:
            by_name.setdefault(found.item_name, []).append(found)
    changes: list[Change] = []
    for index in range(len(procedure.items) - 1, -1, -1):
        item = procedure.items[index]
        ref = item_reference(procedure, index)
        finding: Finding | None = by_uid.get(item.uid) if item.uid is not None else None
        if finding is None and by_name:  # findings made on a version never stored: matched by name
            same = by_name.get(item.name_normalized or item.name)  # the finder names items so
            finding = same.pop(0) if same else None
        if finding is not None and finding.grade in grades:
            if finding.grade == FindingGrade.ISSUED_BY_STATE:
                source, name = ISSUER_RECORDS, ISSUER_RECORDS_NAME
            elif finding.data_source:
                source, name = finding.data_source, source_names.get(finding.data_source, finding.data_source)
            else:
                continue
            changes.append(
                LookupItem(
                    **ref,
                    data_source=source,
                    source_name=name,
                    fallback=finding.fallback,
                    issuing_procedure=finding.issuing_procedure,
                    rationale=finding.explanation or finding.rule or "Theo kết quả rà soát.",
                    legal_basis=finding.legal_basis,
                )
            )
        elif (
            electronic_copies
            and item.group == ItemGroup.SUBMIT
            and any(b.kind == BlockKind.CERTIFIED_PAPER_COPY for b in item_blocks(item))
        ):
            changes.append(
                AcceptElectronicCopy(
                    **ref, rationale=ELECTRONIC_COPY_RATIONALE, legal_basis=ELECTRONIC_COPY_BASIS
                )
            )
    return ChangeGroup(label="Áp dụng đề xuất của rà soát", changes=changes)


# --- comparison -----------------------------------------------------------------------------------------------------


class ItemDelta(BaseModel):
    group: ItemGroup
    before: str | None
    after: str | None


class VersionFigures(BaseModel):
    """The counts and costs of one version, the columns of a before/after table."""

    items_to_submit: int
    items_to_show: int
    certified_copies: int
    steps: int
    steps_on_longest_path: int
    in_person_visits: int
    time_limits: dict[str, float]
    online_blocks: int
    full_process_online: bool
    per_dossier_vnd: float
    annual_vnd: float
    annual_fees_vnd: float


def figures(procedure: Procedure, params: CostParameters) -> VersionFigures:
    metrics = procedure_metrics(procedure)
    blocks = online_blocks(procedure)
    cost = procedure_cost(procedure, params)
    return VersionFigures(
        items_to_submit=metrics.items_to_submit,
        items_to_show=metrics.items_to_show,
        certified_copies=metrics.certified_copies,
        steps=len(procedure.steps),
        steps_on_longest_path=metrics.steps_on_longest_path,
        in_person_visits=metrics.in_person_visits,
        time_limits={str(unit): limit for unit, limit in sorted(metrics.time_limits.items())},
        online_blocks=len(blocks),
        full_process_online=not blocks,
        per_dossier_vnd=cost.per_dossier_vnd,
        annual_vnd=cost.annual_vnd,
        annual_fees_vnd=cost.fees_vnd * cost.dossiers_per_year,
    )


class Comparison(BaseModel):
    """As-is against to-be for one procedure (Circular 02/2017 Art. 27: savings = (before − after) ÷ before)."""

    code: str
    name: str
    proposal: str | None = None
    changes: list[dict[str, Any]] = Field(default_factory=list)
    items_removed: list[ItemDelta] = Field(default_factory=list)
    items_changed: list[ItemDelta] = Field(default_factory=list)
    items_added: list[ItemDelta] = Field(default_factory=list)
    lookups: list[str] = Field(default_factory=list)  # data sources the to-be version consults
    before: VersionFigures
    after: VersionFigures

    @property
    def visits_removed(self) -> int:
        return self.before.in_person_visits - self.after.in_person_visits

    @property
    def savings_rate(self) -> float:
        return savings_rate(self.before.annual_vnd, self.after.annual_vnd)

    def summary(self) -> dict[str, Any]:
        return {
            "items_removed": len(self.items_removed),
            "items_changed": len(self.items_changed),
            "in_person_visits_removed": self.visits_removed,
            "annual_cost_before_vnd": self.before.annual_vnd,
            "annual_cost_after_vnd": self.after.annual_vnd,
            "savings_rate": round(self.savings_rate, 6),
        }


def _item_label(item: DossierItem) -> str:
    return item.name_normalized or item.name


def compare(
    as_is: Procedure,
    to_be: Procedure,
    params: CostParameters,
    *,
    proposal: str | None = None,
    changes: Sequence[Change] = (),
) -> Comparison:
    """Compare two versions of a procedure: items removed, changed and added; steps, visits, days, online
    eligibility and annual compliance cost before and after.

    Items are paired by :func:`models.identity.pair_items` (by their stable ids): an item kept with other content
    is *changed* (an electronic copy accepted, "show the original" dropped).
    """
    before_items, after_items = as_is.items, to_be.items
    pairs = pair_items(before_items, after_items)
    removed = [
        ItemDelta(group=old.group, before=_item_label(old), after=None)
        for i, old in enumerate(before_items)
        if i not in pairs
    ]
    changed = [
        ItemDelta(group=old.group, before=_item_label(old), after=_item_label(after_items[pairs[i]]))
        for i, old in enumerate(before_items)
        if i in pairs and after_items[pairs[i]] != old
    ]
    kept = set(pairs.values())
    added = [
        ItemDelta(group=new.group, before=None, after=_item_label(new))
        for j, new in enumerate(after_items)
        if j not in kept
    ]
    return Comparison(
        code=as_is.code,
        name=as_is.name,
        proposal=proposal,
        changes=[
            {
                "seq": c.seq,
                "kind": c.kind,
                "description": c.describe(),
                "rationale": c.rationale,
                "legal_basis": c.legal_basis,
            }
            for c in changes
        ],
        items_removed=removed,
        items_changed=changed,
        items_added=added,
        lookups=sorted({s.data_source for s in to_be.steps if s.data_source}),
        before=figures(as_is, params),
        after=figures(to_be, params),
    )


@dataclass
class CatalogComparison:
    """Totals of many comparisons: what a catalog's redesign removes and saves."""

    procedures: int = 0
    redesigned: int = 0
    items_removed: int = 0
    items_changed: int = 0
    visits_before: int = 0
    visits_after: int = 0
    full_process_online_before: int = 0
    full_process_online_after: int = 0
    annual_before_vnd: float = 0.0
    annual_after_vnd: float = 0.0
    fees_before_vnd: float = 0.0
    fees_after_vnd: float = 0.0
    by_source: dict[str, int] = field(default_factory=dict)

    def add(self, comparison: Comparison) -> None:
        self.procedures += 1
        self.redesigned += bool(comparison.changes)
        self.items_removed += len(comparison.items_removed)
        self.items_changed += len(comparison.items_changed)
        self.visits_before += comparison.before.in_person_visits
        self.visits_after += comparison.after.in_person_visits
        self.full_process_online_before += comparison.before.full_process_online
        self.full_process_online_after += comparison.after.full_process_online
        self.annual_before_vnd += comparison.before.annual_vnd
        self.annual_after_vnd += comparison.after.annual_vnd
        self.fees_before_vnd += comparison.before.annual_fees_vnd
        self.fees_after_vnd += comparison.after.annual_fees_vnd
        for source in comparison.lookups:
            self.by_source[source] = self.by_source.get(source, 0) + 1

    @property
    def savings_rate(self) -> float:
        return savings_rate(self.annual_before_vnd, self.annual_after_vnd)

    def to_json(self) -> dict[str, Any]:
        return {
            "procedures": self.procedures,
            "redesigned": self.redesigned,
            "items_removed": self.items_removed,
            "items_changed": self.items_changed,
            "in_person_visits_before": self.visits_before,
            "in_person_visits_after": self.visits_after,
            "in_person_visits_removed": self.visits_before - self.visits_after,
            "full_process_online_before": self.full_process_online_before,
            "full_process_online_after": self.full_process_online_after,
            "annual_cost_before_vnd": round(self.annual_before_vnd),
            "annual_cost_after_vnd": round(self.annual_after_vnd),
            "annual_savings_vnd": round(self.annual_before_vnd - self.annual_after_vnd),
            "savings_rate": round(self.savings_rate, 6),
            # the same without fees and charges (the Standard Cost Model's view: what the paperwork itself costs)
            "annual_cost_excluding_fees_before_vnd": round(self.annual_before_vnd - self.fees_before_vnd),
            "annual_cost_excluding_fees_after_vnd": round(self.annual_after_vnd - self.fees_after_vnd),
            "savings_rate_excluding_fees": round(
                savings_rate(
                    self.annual_before_vnd - self.fees_before_vnd, self.annual_after_vnd - self.fees_after_vnd
                ),
                6,
            ),
            "lookups_by_source": dict(sorted(self.by_source.items())),
        }
