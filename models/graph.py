"""Procedures as networkx graphs and the counts a reform officer reads off them.

A procedure's graph (:func:`procedure_graph`) has these nodes, each with a ``kind`` attribute and a stable id:

========== ============== ==========================================================================================
kind       id             attributes
========== ============== ==========================================================================================
``start``  ``"start"``    the start event
``step``   ``"step:0"``   index, title, description, actor, actor_inferred, label
``item``   ``"item:3"``   index, name, group, item_kind, originals, copies, copy_forms, certified, condition, grade,
                          issuing_procedure, label
``source`` ``"source:population"`` source (the registry id), label
``result`` ``"result:0"`` index, name, code, label
``end``    ``"end"``      the end event
========== ============== ==========================================================================================

and edges with a ``kind`` attribute:

- ``flow``: start → step:0 → step:1 → … → end, in published order (start → end when no step is published);
- ``consumes``: each item → the one step that takes it in (see :func:`consuming_step`);
- ``supplies``: source → item, for each finding that names a data source, with the finding's ``grade``;
- ``produces``: the last handling-agency step → each result (the last step when no step is the agency's; the end
  event when no step is published).

Ids count from 0, like the lists of :class:`~models.procedure.Procedure` and ``Finding.item_index``.

Example
-------
>>> from models.procedure import DossierItem, Procedure, Result, Step
>>> p = Procedure(code="1.001193", name="Đăng ký khai sinh",
...               steps=[Step(description="Nộp hồ sơ"), Step(description="Thẩm tra, đăng ký")],
...               items=[DossierItem(name="Tờ khai đăng ký khai sinh", kind="FORM", originals=1)],
...               results=[Result(name="Giấy khai sinh")])
>>> g = procedure_graph(p)
>>> list(g.successors("item:0")), list(g.predecessors("result:0"))
(['step:0'], ['step:1'])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from models.enums import Actor, ChannelMethod, ItemGroup, TimeUnit
from models.findings import Finding
from models.online import requires_presence, step_text, travels_online
from models.procedure import DossierItem, Procedure
from models.text import fold

if TYPE_CHECKING:  # networkx is imported by the functions that build graphs: the cost model needs none
    import networkx as nx

#: Actors at whose step papers change hands: the submission step is the first of theirs.
SUBMISSION_ACTORS = frozenset({Actor.APPLICANT, Actor.ONE_STOP_DESK})
#: An item's name must keep at least this many words after trimming before a step's text is said to name it.
MIN_NAME_WORDS = 4

_NAME_END = re.compile(r"[,;:(/]|\s-\s|\b(?:theo mau|theo quy dinh|do|cua|neu|trong truong hop|doi voi)\b")
_NAME_QUALIFIERS = re.compile(
    r"^\W*(?:(?:01|1|mot)\s+)?(?:ban\s+(?:sao(?:\s+(?:co\s+)?(?:chung thuc|cong chung))?|chup|goc|chinh|photo)\s+)?"
)


def effective_actors(procedure: Procedure) -> list[tuple[Actor, bool]]:
    """Each step's actor and whether it was inferred.

    A step without a published actor is taken to be the applicant's when it is the first step (they hand the dossier
    in) and the handling agency's otherwise.

    Returns
    -------
    list of (Actor, inferred) : one per step, in order.
    """
    return [
        (step.actor, False)
        if step.actor is not None
        else (Actor.APPLICANT if index == 0 else Actor.HANDLING_AGENCY, True)
        for index, step in enumerate(procedure.steps)
    ]


def _name_key(item: DossierItem) -> str | None:
    """The head of an item's name, folded ("Bản sao Giấy chứng sinh do ..." -> "giay chung sinh"), or None if short."""
    key = fold(item.name_normalized or item.name)
    cut = _NAME_END.search(key)
    if cut:
        key = key[: cut.start()]
    key = _NAME_QUALIFIERS.sub("", key)
    words = key.split()
    return " ".join(words) if len(words) >= MIN_NAME_WORDS else None


def consuming_step(
    procedure: Procedure, actors: Sequence[tuple[Actor, bool]] | None = None
) -> list[int | None]:
    """The index of the step that takes in each dossier item (None when no step is published).

    The rule: an item goes to the first applicant or one-stop-desk step whose text names it (the head of its name,
    at least :data:`MIN_NAME_WORDS` words, e.g. "Phiếu thu nhận thông tin căn cước" signed at a later step);
    otherwise to the *submission step*, the first step whose actor is APPLICANT or ONE_STOP_DESK (the first step when
    there is none). Steps of the agency, other agencies or data systems never take an item even when they name it:
    there the document is looked up or checked, not handed over.

    Parameters
    ----------
    procedure : the procedure.
    actors : its :func:`effective_actors`, when already computed.

    Returns
    -------
    list : one step index (or None) per item, in item order.
    """
    if not procedure.steps:
        return [None] * len(procedure.items)
    actors = effective_actors(procedure) if actors is None else actors
    counters = [i for i, (actor, _) in enumerate(actors) if actor in SUBMISSION_ACTORS]
    submission = counters[0] if counters else 0
    texts = [(i, " ".join(fold(step_text(procedure.steps[i])).split())) for i in counters]
    consumers: list[int | None] = []
    for item in procedure.items:
        key = _name_key(item) if len(texts) > 1 else None
        named = next((i for i, text in texts if key and key in text), None) if key else None
        consumers.append(submission if named is None else named)
    return consumers


def procedure_graph(procedure: Procedure, findings: Iterable[Finding] | None = None) -> nx.DiGraph:
    """The procedure as a directed graph of events, steps, dossier items, data sources and results.

    Parameters
    ----------
    procedure : the procedure.
    findings : the finder's findings for its items (optional); those naming a data source add a ``source`` node
        and a ``supplies`` edge, and every finding sets its item's ``grade`` and ``issuing_procedure``.

    Returns
    -------
    networkx.DiGraph : nodes and edges as described in the module docstring. The ``flow`` edges form a path, so the
    graph restricted to them is a DAG.

    Examples
    --------
    >>> from models.enums import FindingGrade
    >>> from models.findings import Finding
    >>> from models.procedure import DossierItem, Procedure, Step
    >>> p = Procedure(code="x", name="Thủ tục", steps=[Step(description="Nộp hồ sơ")],
    ...               items=[DossierItem(name="Thẻ căn cước", group="SHOW", originals=1)])
    >>> f = Finding(item_index=0, item_name="Thẻ căn cước", grade=FindingGrade.REDUNDANT, data_source="population")
    >>> g = procedure_graph(p, [f])
    >>> g.edges["source:population", "item:0"]
    {'kind': 'supplies', 'grade': <FindingGrade.REDUNDANT: 'redundant'>}
    """
    import networkx as nx

    graph = nx.DiGraph(code=procedure.code, name=procedure.name)
    graph.add_node("start", kind="start")
    actors = effective_actors(procedure)
    previous = "start"
    for index, (step, (actor, inferred)) in enumerate(zip(procedure.steps, actors, strict=True)):
        node = f"step:{index}"
        graph.add_node(
            node,
            kind="step",
            index=index,
            title=step.title,
            description=step.description,
            actor=actor,
            actor_inferred=inferred,
            label=step.title or step.description,
        )
        graph.add_edge(previous, node, kind="flow")
        previous = node
    graph.add_node("end", kind="end")
    graph.add_edge(previous, "end", kind="flow")

    for index, (item, consumer) in enumerate(
        zip(procedure.items, consuming_step(procedure, actors), strict=True)
    ):
        node = f"item:{index}"
        graph.add_node(
            node,
            kind="item",
            index=index,
            name=item.name,
            group=item.group,
            item_kind=item.kind,
            originals=item.originals,
            copies=item.copies,
            copy_forms=list(item.copy_forms),
            certified=item.certified_copy,
            condition=item.condition,
            grade=None,
            issuing_procedure=None,
            label=item.name_normalized or item.name,
        )
        graph.add_edge(node, "start" if consumer is None else f"step:{consumer}", kind="consumes")

    for finding in findings or ():
        item_node = f"item:{finding.item_index}"
        if item_node not in graph:
            continue
        graph.nodes[item_node].update(grade=finding.grade, issuing_procedure=finding.issuing_procedure)
        if finding.data_source:
            source = f"source:{finding.data_source}"
            graph.add_node(source, kind="source", source=finding.data_source, label=finding.data_source)
            graph.add_edge(source, item_node, kind="supplies", grade=finding.grade)

    producer = "end"
    if actors:
        handling = [i for i, (actor, _) in enumerate(actors) if actor == Actor.HANDLING_AGENCY]
        producer = f"step:{handling[-1] if handling else len(actors) - 1}"
    for index, result in enumerate(procedure.results):
        node = f"result:{index}"
        graph.add_node(
            node, kind="result", index=index, name=result.name, code=result.code, label=result.name
        )
        graph.add_edge(producer, node, kind="produces")
    return graph


# --- metrics ------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class ProcedureMetrics:
    """What a procedure asks of the applicant, counted from its published text.

    ``time_limits`` keeps each unit apart (working days are never converted into calendar days): unit -> the
    longest time limit any channel publishes in it. ``findings_by_grade`` is empty without findings.
    """

    items_to_submit: int
    items_to_show: int
    certified_copies: int
    in_person_visits: int
    time_limits: dict[TimeUnit, float]
    steps_on_longest_path: int
    findings_by_grade: dict[str, int] = field(default_factory=dict)

    @property
    def redundant_items(self) -> int:
        """Items graded redundant."""
        return self.findings_by_grade.get("redundant", 0)


def office_steps(
    actors: Sequence[Actor],
    presence: Sequence[bool],
    methods: Iterable[ChannelMethod],
    paper_items: bool,
    remote: Sequence[bool] = (),
) -> list[bool]:
    """For each step, whether the applicant is at an office for it (the rule documented at
    :func:`in_person_visits`), given each step's actor, whether its text needs the applicant in person, the
    channels' methods, whether an item cannot travel online and which steps a redesign made remote."""
    methods = set(methods)
    online = ChannelMethod.ONLINE in methods
    office_bound_submission = online and paper_items
    submission = next((i for i, actor in enumerate(actors) if actor in SUBMISSION_ACTORS), 0)
    return [
        not (index < len(remote) and remote[index])
        and (
            (not online and actor == Actor.APPLICANT)
            or presence[index]
            or (office_bound_submission and index == submission)
        )
        for index, actor in enumerate(actors)
    ]


def _at_least_one_visit(methods: set[ChannelMethod], paper_items: bool) -> bool:
    """A procedure offered only in person, or whose online dossier needs paper, costs a visit whatever its steps say."""
    return (ChannelMethod.ONLINE in methods and paper_items) or methods == {ChannelMethod.DIRECT}


def count_visits(
    actors: Sequence[Actor],
    presence: Sequence[bool],
    methods: Iterable[ChannelMethod],
    paper_items: bool,
    remote: Sequence[bool] = (),
) -> int:
    """In-person visits, given each step's actor and whether it needs the applicant in person.

    The rule (documented at :func:`in_person_visits`) on precomputed inputs, so that the cost model can ask "how
    many visits without these items" without reading the text again: consecutive :func:`office_steps` make one
    visit.
    """
    methods = set(methods)
    at_office = office_steps(actors, presence, methods, paper_items, remote)
    count = sum(here and (index == 0 or not at_office[index - 1]) for index, here in enumerate(at_office))
    if count == 0 and _at_least_one_visit(methods, paper_items):
        count = 1
    return count


def visit_steps(procedure: Procedure) -> list[bool]:
    """For each step of ``procedure``, whether the applicant goes to an office for it: what a redesign's "remove
    the in-person visit" applies to, and what the workbench marks "in person".

    The steps :func:`in_person_visits` counts (:func:`office_steps`); when none is, but the procedure still costs
    its one visit (offered only in person, or an online dossier with paper), the submission step, where the
    dossier is handed in, unless a redesign made it remote.

    >>> from models.procedure import Channel, Step
    >>> p = Procedure(code="x", name="Thủ tục", channels=[Channel(method="DIRECT")],
    ...               steps=[Step(actor="ONE_STOP_DESK", description="Tiếp nhận hồ sơ"),
    ...                      Step(actor="HANDLING_AGENCY", description="Xử lý")])
    >>> visit_steps(p), in_person_visits(p)
    ([True, False], 1)
    """
    actors = [actor for actor, _ in effective_actors(procedure)]
    presence = [requires_presence(step) for step in procedure.steps]
    methods = {channel.method for channel in procedure.channels}
    paper = any(paper_only_items(procedure))
    remote = remote_steps(procedure)
    at_office = office_steps(actors, presence, methods, paper, remote)
    if actors and not any(at_office) and _at_least_one_visit(methods, paper):
        submission = next((i for i, actor in enumerate(actors) if actor in SUBMISSION_ACTORS), 0)
        at_office[submission] = not remote[submission]
    return at_office


def paper_only_items(procedure: Procedure) -> list[bool]:
    """For each item, whether it cannot travel online (it raises an :func:`~models.online.item_blocks` block)."""
    return [not travels_online(item) for item in procedure.items]


def in_person_visits(procedure: Procedure) -> int:
    """How many times the applicant has to go to an office, as the published text reads.

    The rule: a step happens at an office when

    - the procedure has no ONLINE channel and the step is the applicant's (actor APPLICANT, or inferred so); or
    - its text needs the applicant in person (:func:`models.online.requires_presence`: "có mặt", "chụp ảnh",
      "vân tay", "nhận kết quả trực tiếp" without a postal or electronic return...), whoever the actor; or
    - it is the submission step of a procedure with an ONLINE channel whose dossier holds an item that cannot travel
      online (an original to show, a certified paper copy, a form to sign by hand — :func:`paper_only_items`);

    and a redesign has not made it remote (``Step.in_person`` False).

    Consecutive office steps make one visit. A procedure offered only in person (DIRECT is its only channel), or
    whose online dossier needs paper, costs at least one visit even when no step says so.

    Examples
    --------
    >>> from models.procedure import Channel, Procedure, Step
    >>> p = Procedure(code="x", name="Thủ tục", channels=[Channel(method="DIRECT")],
    ...               steps=[Step(description="Nộp hồ sơ"), Step(actor="HANDLING_AGENCY", description="Xử lý"),
    ...                      Step(actor="APPLICANT", description="Nhận kết quả")])
    >>> in_person_visits(p)
    2
    """
    actors = [actor for actor, _ in effective_actors(procedure)]
    presence = [requires_presence(step) for step in procedure.steps]
    methods = [channel.method for channel in procedure.channels]
    remote = remote_steps(procedure)
    return count_visits(actors, presence, methods, any(paper_only_items(procedure)), remote)


def remote_steps(procedure: Procedure) -> list[bool]:
    """For each step, whether a redesign made it remote (``in_person`` False): never an office visit."""
    return [step.in_person is False for step in procedure.steps]


def time_limits(procedure: Procedure) -> dict[TimeUnit, float]:
    """Unit -> the longest time limit published in that unit over the channels (a missing unit counts as OTHER)."""
    limits: dict[TimeUnit, float] = {}
    for channel in procedure.channels:
        if channel.time_limit is None:
            continue
        unit = channel.time_unit or TimeUnit.OTHER
        limits[unit] = max(limits.get(unit, channel.time_limit), channel.time_limit)
    return limits


def procedure_metrics(procedure: Procedure, findings: Iterable[Finding] | None = None) -> ProcedureMetrics:
    """The counts a reform officer compares before and after a redesign.

    Parameters
    ----------
    procedure : the procedure.
    findings : the finder's findings for its items (optional), counted by grade.

    Returns
    -------
    ProcedureMetrics : items to submit and to show, items asking a certified copy, in-person visits
    (:func:`in_person_visits`), time limits by unit (:func:`time_limits`), steps on the longest path of the flow,
    findings by grade.

    Examples
    --------
    >>> from models.procedure import Channel, DossierItem, Procedure
    >>> p = Procedure(code="x", name="Thủ tục", channels=[Channel(method="DIRECT", time_limit=15,
    ...               time_unit="WORKING_DAY"), Channel(method="DIRECT", time_limit=30, time_unit="DAY")],
    ...               items=[DossierItem(name="Tờ khai", kind="FORM", originals=1)])
    >>> m = procedure_metrics(p)
    >>> m.items_to_submit, m.in_person_visits, m.time_limits
    (1, 1, {<TimeUnit.WORKING_DAY: 'WORKING_DAY'>: 15.0, <TimeUnit.DAY: 'DAY'>: 30.0})
    """
    findings = list(findings or ())
    import networkx as nx

    flow = nx.DiGraph()
    nx.add_path(flow, ["start", *(f"step:{i}" for i in range(len(procedure.steps))), "end"])
    path = nx.dag_longest_path(flow)  # the same flow edges as procedure_graph's
    return ProcedureMetrics(
        items_to_submit=sum(item.group == ItemGroup.SUBMIT for item in procedure.items),
        items_to_show=sum(item.group == ItemGroup.SHOW for item in procedure.items),
        certified_copies=sum(item.certified_copy for item in procedure.items),
        in_person_visits=in_person_visits(procedure),
        time_limits=time_limits(procedure),
        steps_on_longest_path=sum(node.startswith("step:") for node in path),
        findings_by_grade=dict(Counter(str(f.grade) for f in findings)),
    )
