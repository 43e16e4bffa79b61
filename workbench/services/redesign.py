"""Redesigning procedures: every single change both shells offer, apply suggestions, undo, redo, revert, compare."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from catalog.finder.grading import FALLBACK, STATE_FALLBACK
from catalog.pipeline.redesigns import apply_suggestions as apply_catalog_suggestions
from catalog.pipeline.redesigns import catalog_comparison, comparisons
from models.enums import ChannelMethod, CopyForm, FeeKind, FindingGrade, ItemGroup, TimeUnit
from models.findings import BlockKind, Finding
from models.graph import visit_steps
from models.online import item_blocks
from models.procedure import DossierItem, Procedure
from models.redesign.changes import Change, RedesignError
from models.redesign.channel_changes import ChangeFee, ChangeTimeLimit, MakeOnline
from models.redesign.comparison import Comparison, compare
from models.redesign.history import ChangeGroup
from models.redesign.item_changes import (
    ISSUER_RECORDS,
    ISSUER_RECORDS_NAME,
    AcceptElectronicCopy,
    DropShowOriginal,
    LookupItem,
    RemoveItem,
    item_reference,
)
from models.redesign.step_changes import MergeSteps, RemoveStep, RemoveVisit, step_reference
from models.redesign.suggestions import (
    ELECTRONIC_COPY_BASIS,
    ELECTRONIC_COPY_RATIONALE,
    LOOKUP_GRADES,
    suggest,
)
from models.storage.proposals import DEFAULT_PROPOSAL, Proposals, StoredDraft
from models.storage.workspace import Workspace
from workbench.services.analysis import AnalysisContext, ShownAnalysis

__all__ = [
    "FROM_FINDER",
    "OpenProposal",
    "Reasons",
    "accept_electronic_copy",
    "accepts_electronic_copy",
    "apply_catalog_suggestions",  # tthc redesign --apply-suggestions: the batch over the catalog
    "apply_suggestions",
    "catalog_comparison",
    "change_fee",
    "change_time_limit",
    "comparison",
    "comparisons",
    "drop_show_original",
    "finding_of",
    "is_declared_online",
    "lookup_item",
    "lookup_sources",
    "make",
    "make_online",
    "merge_steps",
    "open_proposal",
    "reasons",
    "redo",
    "redo_group",
    "remove_item",
    "remove_step",
    "remove_visit",
    "revert",
    "shows_original",
    "suggestions",
    "undo",
    "undo_group",
]


class _FromFinder:
    def __repr__(self) -> str:
        return "FROM_FINDER"


#: The default legal basis of a change: the finder's (the finding's, a data source's, Decree 45/2020 for an
#: electronic copy) where it has one, else none. Pass a text, or None for none, to say otherwise.
FROM_FINDER: Final = _FromFinder()
LegalBasis = str | None | _FromFinder


@dataclass(frozen=True, slots=True)
class Reasons:
    """Why a change is made and on what legal basis, as the finder would put it (empty when it says nothing)."""

    rationale: str = ""
    legal_basis: str | None = None


class OpenProposal:
    """A procedure's proposal open for changes, with what its changes draw on: the published version's analysis
    (its findings give the reasons and legal bases) and the workspace's registry.

    The workbench's redesign editor makes one of the draft it shows for each gesture; the command line opens one per
    command (:func:`open_proposal`). Every change function below stores its change at once, as one undoable group,
    tells ``on_change`` (the editor puts the group on its undo stack) and returns that group.
    """

    def __init__(
        self,
        store: Proposals,
        draft: StoredDraft,
        context: AnalysisContext | None = None,
        analysis: ShownAnalysis | None = None,
        *,
        author: str | None = None,
        on_change: Callable[[ChangeGroup], None] | None = None,
    ) -> None:
        self.store = store
        self.draft = draft
        self._context = context
        self._analysis = analysis
        self.author = author
        self.on_change = on_change

    def made(self, group: ChangeGroup) -> ChangeGroup:
        """``group`` was made and stored: tell ``on_change``; returns the group."""
        if self.on_change is not None:
            self.on_change(group)
        return group

    @property
    def context(self) -> AnalysisContext:
        """The workspace's registry, cost parameters and finder (read when first needed)."""
        if self._context is None:
            self._context = AnalysisContext(self.store.workspace)
        return self._context

    @property
    def analysis(self) -> ShownAnalysis:
        """The published version's analysis: the stored findings, else the finder's (computed when first needed)."""
        if self._analysis is None:
            self._analysis = self.context.analyse(self.draft.published)
        return self._analysis

    @property
    def code(self) -> str:
        return self.draft.published.code

    @property
    def procedure(self) -> Procedure:
        """The to-be version, as the changes made so far leave it."""
        return self.draft.procedure

    def finding_of(self, item: DossierItem) -> Finding | None:
        """The finding of a to-be item (see :func:`finding_of`)."""
        return finding_of(self.analysis.findings, item)


def finding_of(findings: Sequence[Finding], item: DossierItem) -> Finding | None:
    """The finding (of the published version) of ``item``, matched by the item's stable id, so that an item of a
    to-be version finds its finding wherever the changes moved it, and two items with the same text keep their own.
    Findings made on a version never stored have no ids: those are matched by name, as the finder names items."""
    if item.uid is not None and any(f.item_uid is not None for f in findings):
        return next((f for f in findings if f.item_uid == item.uid), None)
    name = item.name_normalized or item.name
    return next((f for f in reversed(findings) if f.item_name == name), None)


def open_proposal(
    workspace: Workspace,
    code: str,
    name: str = DEFAULT_PROPOSAL,
    *,
    must_exist: bool = False,
    context: AnalysisContext | None = None,
    author: str | None = None,
) -> OpenProposal:
    """Proposal ``name`` of procedure ``code`` (an empty one, made by its first change, when there is none yet).

    Raises
    ------
    ProcedureNotFound : no such procedure.
    RedesignError : ``must_exist`` and the procedure has no proposal of that name; or a stored change no longer
        applies to the published version.
    """
    store = Proposals(workspace)
    if must_exist and not any(info.name == name for info in store.infos(code)):
        workspace.get(code)  # names a missing procedure first
        raise RedesignError(f"{code} has no proposal named “{name}”.")
    return OpenProposal(store, store.open(code, name), context, author=author)


# --- making, undoing --------------------------------------------------------------------------------------------


def make(proposal: OpenProposal, *changes: Change, label: str | None = None) -> ChangeGroup:
    """Make ``changes`` as one undoable group and store it at once (one transaction); returns the group.

    Raises
    ------
    RedesignError : a change does not apply (nothing is made).
    ConcurrentEditError : someone else saved the proposal since it was opened (nothing is stored).
    """
    group = ChangeGroup(label=label or changes[0].describe(), changes=list(changes))
    proposal.store.push(proposal.draft, group, author=proposal.author)
    return proposal.made(group)


def undo(proposal: OpenProposal) -> ChangeGroup:
    """Undo the last group in effect, in the draft and in the workspace; returns it.

    Raises
    ------
    RedesignError : nothing to undo.
    ConcurrentEditError : someone else saved the proposal since it was opened (nothing is stored).
    """
    return proposal.store.undo(proposal.draft)


def redo(proposal: OpenProposal) -> ChangeGroup:
    """Redo the group undone last, in the draft and in the workspace; returns it (errors as :func:`undo`)."""
    return proposal.store.redo(proposal.draft)


def undo_group(proposal: OpenProposal, seq: int) -> ChangeGroup | None:
    """Make group ``seq`` undone, as an undo stack's command that names its group asks: :func:`undo` when it is the
    last group in effect; nothing (None) when it is not in effect.

    Raises
    ------
    RedesignError : a later group is in effect too: the history shown is not the stored one (read it again).
    ConcurrentEditError : someone else saved the proposal since it was opened (nothing is stored).
    """
    done = proposal.draft.done
    if all(group.seq != seq for group in done):
        return None
    if done[-1].seq != seq:
        raise _out_of_step(proposal)
    return undo(proposal)


def redo_group(proposal: OpenProposal, seq: int) -> ChangeGroup | None:
    """Make group ``seq`` in effect: :func:`redo` when it is the next group to redo; nothing (None) when it is in
    effect already (as when the change was just made). Errors as :func:`undo_group`."""
    draft = proposal.draft
    if any(group.seq == seq for group in draft.done):
        return None
    if not draft.undone or draft.undone[-1].seq != seq:
        raise _out_of_step(proposal)
    return redo(proposal)


def _out_of_step(proposal: OpenProposal) -> RedesignError:
    return RedesignError(
        f"The history of proposal “{proposal.draft.name}” of {proposal.code} shown is not the one stored: it is "
        "read again from the workspace."
    )


def revert(proposal: OpenProposal, seq: int, rationale: str) -> ChangeGroup:
    """Take back change number ``seq`` alone, as a new undoable group."""
    group = proposal.store.revert(proposal.draft, seq, _rationale(rationale), author=proposal.author)
    return proposal.made(group)


def comparison(proposal: OpenProposal) -> Comparison:
    """The published version against the to-be version: items, steps, visits, days, online, cost."""
    draft = proposal.draft
    return compare(
        draft.published, draft.procedure, proposal.context.params, proposal=draft.name, changes=draft.changes
    )


# --- apply suggestions -----------------------------------------------------------------------------------------------


def suggestions(proposal: OpenProposal) -> ChangeGroup:
    """The changes the analysis suggests for the to-be version, as one group (none left: an empty group)."""
    return suggest(proposal.procedure, proposal.analysis.findings, proposal.context.source_names)


def apply_suggestions(proposal: OpenProposal) -> ChangeGroup:
    """Make :func:`suggestions`; the findings they come from are stored first when they were computed for this
    procedure alone (as ``tthc redesign --apply-suggestions`` stores them).

    Raises
    ------
    RedesignError : the analysis suggests nothing more.
    """
    group = suggestions(proposal)
    if not group.changes:
        raise RedesignError(f"The analysis suggests nothing more for {proposal.code}.")
    analysis = proposal.analysis
    if not analysis.stored and analysis.findings:
        proposal.context.store(proposal.code, analysis.findings)
        proposal._analysis = dataclasses.replace(analysis, stored=True)
    return make(proposal, *group.changes, label=group.label)


# --- where each change applies ----------------------------------------------------------------------------------------


def accepts_electronic_copy(item: DossierItem) -> bool:
    """Whether an electronic copy can stand in for the item: one handed in (a shown item is only shown)."""
    return item.group == ItemGroup.SUBMIT


def shows_original(item: DossierItem) -> bool:
    """Whether the item asks the applicant to show an original (a shown item, or a copy checked against one)."""
    return (
        item.group == ItemGroup.SHOW
        or CopyForm.SHOW_ORIGINAL in item.copy_forms
        or any(block.kind == BlockKind.SHOW_ORIGINAL for block in item_blocks(item))
    )


def is_declared_online(procedure: Procedure) -> bool:
    """Whether the procedure is already declared full-process online, with an online channel."""
    return bool(procedure.full_process_online_declared) and any(
        channel.method == ChannelMethod.ONLINE for channel in procedure.channels
    )


def _item(proposal: OpenProposal, index: int) -> DossierItem:
    items = proposal.procedure.items
    _in_range(proposal, "item", index, len(items), "it asks for no document")
    return items[index]


def _step(proposal: OpenProposal, index: int) -> None:
    _in_range(proposal, "step", index, len(proposal.procedure.steps), "it publishes no step")


def _in_range(proposal: OpenProposal, what: str, index: int, count: int, none: str) -> None:
    """Refuse, in one sentence naming the number given, a part the to-be version does not have."""
    if 0 <= index < count:
        return
    where = f"The to-be version of {proposal.code} has no {what} {index + 1}"
    if not count:
        raise RedesignError(f"{where}: {none}.")
    raise RedesignError(
        f"{where}: its {what}s are numbered 1 to {count}, as tthc show {proposal.code} --proposal "
        f"{proposal.draft.name} prints them."
    )


def _rationale(rationale: str) -> str:
    if not rationale.strip():
        raise RedesignError("Say why the change is made: every change of a proposal keeps its rationale.")
    return rationale.strip()


def _basis(legal_basis: LegalBasis, default: Reasons) -> str | None:
    if isinstance(legal_basis, _FromFinder):
        return default.legal_basis or None
    return legal_basis or None


# --- what the finder says --------------------------------------------------------------------------------------------


def reasons(proposal: OpenProposal, change: str, index: int | None = None) -> Reasons:
    """The rationale and legal basis the finder gives for the change ``change`` (a :data:`CHANGES` key) on item
    ``index`` of the to-be version: what the workbench's dialog comes prefilled with, and the legal basis a change
    gets by default (:data:`FROM_FINDER`). Empty for changes the finder has nothing to say about."""
    if index is None or change not in _ITEM_REASONS:
        return Reasons()
    return _ITEM_REASONS[change](proposal, _item(proposal, index))


def _finding_reasons(proposal: OpenProposal, item: DossierItem) -> Reasons:
    finding = proposal.finding_of(item)
    if finding is None or finding.grade not in LOOKUP_GRADES:
        return Reasons()
    return Reasons(finding.explanation, finding.legal_basis)


def _certified_reasons(proposal: OpenProposal, item: DossierItem) -> Reasons:
    return Reasons(ELECTRONIC_COPY_RATIONALE, ELECTRONIC_COPY_BASIS) if item.certified_copy else Reasons()


def _lookup_reasons(proposal: OpenProposal, item: DossierItem, source: str | None = None) -> Reasons:
    found = _finding_reasons(proposal, item)
    if found.legal_basis:
        return found
    source = source or _finding_source(proposal.finding_of(item))
    basis = next((s.legal_basis for s in proposal.context.registry if s.id == source), None)
    return Reasons(found.rationale, basis or None)


_ITEM_REASONS: dict[str, Callable[[OpenProposal, DossierItem], Reasons]] = {
    "remove_item": _finding_reasons,
    "lookup_item": _lookup_reasons,
    "accept_electronic_copy": _certified_reasons,
    "drop_show_original": _finding_reasons,
}


def _finding_source(finding: Finding | None) -> str | None:
    """The data source a finding points to: its registry source, or the issuer's records for a state-issued item."""
    if finding is None:
        return None
    return ISSUER_RECORDS if finding.grade == FindingGrade.ISSUED_BY_STATE else finding.data_source


def lookup_sources(
    proposal: OpenProposal, index: int | None = None
) -> tuple[list[tuple[str, str]], str | None]:
    """The data sources an item can be looked up in (id, name: the registry's, then the issuer's records), and
    the one its finding names for item ``index`` (None: none)."""
    sources = [(s.id, s.name) for s in proposal.context.registry] + [(ISSUER_RECORDS, ISSUER_RECORDS_NAME)]
    current = _finding_source(proposal.finding_of(_item(proposal, index))) if index is not None else None
    return sources, current


# --- the single changes ----------------------------------------------------------------------------------------------


def _item_change(
    proposal: OpenProposal,
    kind: type[RemoveItem | AcceptElectronicCopy | DropShowOriginal],
    index: int,
    rationale: str,
    legal_basis: LegalBasis,
) -> ChangeGroup:
    default = reasons(proposal, kind.model_fields["kind"].default, index)
    reference = item_reference(proposal.procedure, index)
    return make(
        proposal, kind(**reference, rationale=_rationale(rationale), legal_basis=_basis(legal_basis, default))
    )


def _step_change(
    proposal: OpenProposal,
    kind: type[RemoveStep | MergeSteps | RemoveVisit],
    index: int,
    rationale: str,
    legal_basis: str | None,
) -> ChangeGroup:
    reference = step_reference(proposal.procedure, index)
    return make(proposal, kind(**reference, rationale=_rationale(rationale), legal_basis=legal_basis))


def remove_item(
    proposal: OpenProposal, index: int, rationale: str, legal_basis: LegalBasis = FROM_FINDER
) -> ChangeGroup:
    """Take item ``index`` (from 0) of the to-be version out of the dossier: the applicant no longer provides it."""
    _item(proposal, index)
    return _item_change(proposal, RemoveItem, index, rationale, legal_basis)


def lookup_item(
    proposal: OpenProposal,
    index: int,
    rationale: str,
    legal_basis: LegalBasis = FROM_FINDER,
    *,
    data_source: str | None = None,
) -> ChangeGroup:
    """Replace item ``index`` by a lookup in ``data_source`` (a registry id, or ``issuer_records``; by default the
    one its finding names): the agency fetches the data itself and, if the lookup fails, asks for the paper and
    tells the applicant to have the record corrected (the finding's fallback when it names the same source)."""
    item = _item(proposal, index)
    finding = proposal.finding_of(item)
    sources, current = lookup_sources(proposal, index)
    names = dict(sources)
    source = data_source or current
    if source is None:
        raise RedesignError(
            f"The finding of item {index + 1} of {proposal.code} names no data source: say which one the agency "
            f"looks it up in ({', '.join(names)})."
        )
    if source not in names:
        raise RedesignError(f"No data source {source} in the registry (known: {', '.join(names)}).")
    same = finding is not None and source == current
    if same and finding is not None and finding.fallback:
        fallback = finding.fallback
    else:
        fallback = STATE_FALLBACK if source == ISSUER_RECORDS else FALLBACK.format(source=names[source])
    return make(
        proposal,
        LookupItem(
            **item_reference(proposal.procedure, index),
            data_source=source,
            source_name=names[source],
            fallback=fallback,
            issuing_procedure=finding.issuing_procedure if same and finding is not None else None,
            rationale=_rationale(rationale),
            legal_basis=_basis(legal_basis, _lookup_reasons(proposal, item, source)),
        ),
    )


def accept_electronic_copy(
    proposal: OpenProposal, index: int, rationale: str, legal_basis: LegalBasis = FROM_FINDER
) -> ChangeGroup:
    """Accept an electronic copy of item ``index`` instead of a certified paper copy (Decree 45/2020)."""
    item = _item(proposal, index)
    if not accepts_electronic_copy(item):
        raise RedesignError(
            f"Item {index + 1} of {proposal.code} is shown, not handed in: drop “show the original” instead."
        )
    return _item_change(proposal, AcceptElectronicCopy, index, rationale, legal_basis)


def drop_show_original(
    proposal: OpenProposal, index: int, rationale: str, legal_basis: LegalBasis = FROM_FINDER
) -> ChangeGroup:
    """Stop asking to show the original of item ``index`` (a shown-only item leaves the dossier)."""
    item = _item(proposal, index)
    if not shows_original(item):
        raise RedesignError(f"Item {index + 1} of {proposal.code} does not ask to show an original.")
    return _item_change(proposal, DropShowOriginal, index, rationale, legal_basis)


def remove_step(
    proposal: OpenProposal, index: int, rationale: str, legal_basis: str | None = None
) -> ChangeGroup:
    """Remove step ``index`` (from 0) of the to-be version."""
    _step(proposal, index)
    return _step_change(proposal, RemoveStep, index, rationale, legal_basis)


def merge_steps(
    proposal: OpenProposal, index: int, rationale: str, legal_basis: str | None = None
) -> ChangeGroup:
    """Merge step ``index`` with the step after it."""
    _step(proposal, index)
    if index + 1 >= len(proposal.procedure.steps):
        raise RedesignError(
            f"Step {index + 1} of {proposal.code} is the last step: there is none after it to merge with."
        )
    return _step_change(proposal, MergeSteps, index, rationale, legal_basis)


def remove_visit(
    proposal: OpenProposal, index: int, rationale: str, legal_basis: str | None = None
) -> ChangeGroup:
    """Let the applicant do step ``index`` without coming in person (online, or by post)."""
    _step(proposal, index)
    if not visit_steps(proposal.procedure)[index]:
        raise RedesignError(
            f"Step {index + 1} of {proposal.code} is not an in-person visit: nothing to remove."
        )
    return _step_change(proposal, RemoveVisit, index, rationale, legal_basis)


def _channel(proposal: OpenProposal, channel: int | None) -> None:
    channels = proposal.procedure.channels
    if not channels:
        raise RedesignError(f"{proposal.code} publishes no channel to change.")
    if channel is not None:
        _in_range(proposal, "channel", channel, len(channels), "it publishes no channel")


def change_time_limit(
    proposal: OpenProposal,
    time_limit: float,
    rationale: str,
    *,
    unit: TimeUnit | None = None,
    channel: int | None = None,
    note: str | None = None,
    legal_basis: str | None = None,
) -> ChangeGroup:
    """Set the time limit of channel ``channel`` (from 0; None: every channel) to ``time_limit`` ``unit`` (by
    default the unit that channel, or the first, publishes; working days when it publishes none)."""
    _channel(proposal, channel)
    if time_limit < 0:
        raise RedesignError("A time limit cannot be negative.")
    if unit is None:
        unit = proposal.procedure.channels[channel or 0].time_unit or TimeUnit.WORKING_DAY
    return make(
        proposal,
        ChangeTimeLimit(
            channel=channel,
            time_limit=time_limit,
            time_unit=unit,
            time_note=note,
            rationale=_rationale(rationale),
            legal_basis=legal_basis,
        ),
    )


def change_fee(
    proposal: OpenProposal,
    amount_vnd: int | None,
    rationale: str,
    *,
    channel: int | None = None,
    fee: int | None = None,
    fee_kind: FeeKind | None = None,
    note: str | None = None,
    legal_basis: str | None = None,
) -> ChangeGroup:
    """Set fee ``fee`` (from 0; None: add a new fee) of channel ``channel`` (None: every channel) to
    ``amount_vnd`` (0: free; None: unknown), of kind ``fee_kind`` (by default the changed fee's, a fee when new)."""
    _channel(proposal, channel)
    if amount_vnd is not None and amount_vnd < 0:
        raise RedesignError("A fee cannot be negative: 0 means free.")
    published = proposal.procedure.channels[channel or 0].fees
    if fee is not None and not 0 <= fee < len(published):
        raise RedesignError(
            f"Channel {(channel or 0) + 1} of {proposal.code} has no fee {fee + 1}"
            + (f": its fees are numbered 1 to {len(published)}." if published else ": it publishes no fee.")
        )
    if fee_kind is None:
        fee_kind = published[fee].kind if fee is not None else FeeKind.FEE
    return make(
        proposal,
        ChangeFee(
            channel=channel,
            fee=fee,
            amount_vnd=amount_vnd,
            fee_kind=fee_kind,
            note=note,
            rationale=_rationale(rationale),
            legal_basis=legal_basis,
        ),
    )


def make_online(proposal: OpenProposal, rationale: str, legal_basis: str | None = None) -> ChangeGroup:
    """Offer the procedure full-process online, from submission to result (Decree 42/2022/NĐ-CP)."""
    if is_declared_online(proposal.procedure):
        raise RedesignError(f"{proposal.code} is already offered full-process online.")
    return make(proposal, MakeOnline(rationale=_rationale(rationale), legal_basis=legal_basis))


#: The single changes, by the kind of change they make (what ``tthc redesign`` and the editor's actions offer).
CHANGES: dict[str, Callable[..., ChangeGroup]] = {
    "remove_item": remove_item,
    "lookup_item": lookup_item,
    "accept_electronic_copy": accept_electronic_copy,
    "drop_show_original": drop_show_original,
    "remove_step": remove_step,
    "merge_steps": merge_steps,
    "remove_visit": remove_visit,
    "change_time_limit": change_time_limit,
    "change_fee": change_fee,
    "make_online": make_online,
}
