"""Stable identities of dossier items and steps: ids that follow a part through redesigns and re-imports.

A procedure's items are numbered ``I1``, ``I2``… and its steps ``S1``, ``S2``… when they are first stored; an id is
never reused inside one procedure. Changes, findings, comparisons, diagrams and the redesign editor name a part by
its id, so that two items with the same text stay two, and a part keeps its id when others move around it. A
re-imported version keeps the id of every part published with exactly the same text (same group and name for an
item, same title and description for a step); what is new gets a new id. Ids are bookkeeping, not content: they are
in neither the content hash nor the JSON export (:class:`~models.procedure.DossierItem` excludes them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from difflib import SequenceMatcher
from typing import Literal, Protocol

from models.procedure import DossierItem, Procedure, Step

ITEM_PREFIX = "I"
STEP_PREFIX = "S"
ALIKE = 0.6  # how alike (difflib's ratio) an edited item's name stays to the published one
ItemStatus = Literal["kept", "removed", "changed", "added"]


class _HasId(Protocol):
    uid: str | None


def item_key(item: DossierItem) -> Hashable:
    """What must be equal for a re-imported item to keep its id: its group and its name as published."""
    return (item.group, item.name)


def step_key(step: Step) -> Hashable:
    """What must be equal for a re-imported step to keep its id: its title and its description as published."""
    return (step.title, step.description)


def _number(uid: str | None, prefix: str) -> int:
    if uid and uid.startswith(prefix) and uid[len(prefix) :].isdigit():
        return int(uid[len(prefix) :])
    return 0


def _top(prefix: str, *groups: Sequence[_HasId]) -> int:
    return max((_number(p.uid, prefix) for group in groups for p in group), default=0)


def next_id(parts: Sequence[_HasId], prefix: str, *also: Sequence[_HasId]) -> str:
    """The id a new part gets: one above every id among ``parts`` (and ``also``, e.g. an earlier version's)."""
    return f"{prefix}{_top(prefix, parts, *also) + 1}"


def _fill(
    parts: Sequence[_HasId],
    prefix: str,
    keys: list[Hashable],
    previous: Sequence[_HasId],
    previous_keys: list[Hashable],
) -> None:
    taken = {p.uid for p in parts if p.uid}
    carried: dict[Hashable, list[str]] = defaultdict(list)
    for part, key in zip(previous, previous_keys, strict=True):
        if part.uid and part.uid not in taken:
            carried[key].append(part.uid)
    top = _top(prefix, parts, previous)
    for part, key in zip(parts, keys, strict=True):
        if part.uid:
            continue
        same = carried.get(key)
        if same:
            part.uid = same.pop(0)
        else:
            top += 1
            part.uid = f"{prefix}{top}"
        taken.add(part.uid)


def assign_ids(procedure: Procedure, previous: Procedure | None = None) -> Procedure:
    """Give every item and step of ``procedure`` that has none an id, in place, and return it.

    With ``previous`` (the version stored before a re-import), a part published with exactly the same text keeps
    that version's id, the first such part the first id; every other part gets an id above all ids of both.

    Examples
    --------
    >>> from models.procedure import DossierItem, Procedure
    >>> old = assign_ids(Procedure(code="x", name="x", items=[DossierItem(name="Tờ khai"), DossierItem(name="CCCD")]))
    >>> [i.uid for i in old.items]
    ['I1', 'I2']
    >>> new = assign_ids(Procedure(code="x", name="x", items=[DossierItem(name="Ảnh"), DossierItem(name="Tờ khai")]),
    ...                  old)
    >>> [i.uid for i in new.items]
    ['I3', 'I1']
    """
    before_items = previous.items if previous is not None else []
    before_steps = previous.steps if previous is not None else []
    _fill(
        procedure.items,
        ITEM_PREFIX,
        [item_key(i) for i in procedure.items],
        before_items,
        [item_key(i) for i in before_items],
    )
    _fill(
        procedure.steps,
        STEP_PREFIX,
        [step_key(s) for s in procedure.steps],
        before_steps,
        [step_key(s) for s in before_steps],
    )
    return procedure


def pair_by_id(before: Sequence[_HasId], after: Sequence[_HasId]) -> dict[int, int] | None:
    """Positions of the same parts in two versions (before position -> after position), by id; None when a part of
    either version has no id (a procedure never stored), so that the caller falls back on its text.

    >>> from models.procedure import DossierItem
    >>> pair_by_id([DossierItem(name="a", uid="I1"), DossierItem(name="b", uid="I2")],
    ...            [DossierItem(name="b", uid="I2"), DossierItem(name="c", uid="I3")])
    {1: 0}
    """
    if any(p.uid is None for p in before) or any(p.uid is None for p in after):
        return None
    where = {p.uid: j for j, p in enumerate(after)}
    return {i: where[p.uid] for i, p in enumerate(before) if p.uid in where}


def pair_items(before: Sequence[DossierItem], after: Sequence[DossierItem]) -> dict[int, int]:
    """Which items of two versions of a procedure are the same item (before position -> after position): the one
    pairing of as-is and to-be items that comparisons, plans, diagrams and trainer mode all use.

    Items pair by id (:func:`pair_by_id`). Versions without ids (never stored) pair by (group, name) as a multiset,
    in order: of *n* as-is items with the same key, the first *m* pair when the to-be version has *m*; then a to-be
    item left over is an edited as-is item when one of the same group left over reads alike (a redesign rewrites
    "bản sao có chứng thực" as "bản sao điện tử", drops "kèm bản chính để đối chiếu"): each is paired with the most
    alike, :data:`ALIKE` or more (difflib's ratio).

    Examples
    --------
    >>> from models.procedure import DossierItem
    >>> pair_items([DossierItem(name="Tờ khai"), DossierItem(name="Bản sao CCCD"),
    ...             DossierItem(name="Bản sao có chứng thực Giấy phép")],
    ...            [DossierItem(name="Tờ khai"), DossierItem(name="Bản sao điện tử Giấy phép")])
    {0: 0, 2: 1}
    """
    same = pair_by_id(before, after)
    if same is not None:
        return same
    waiting: dict[Hashable, list[int]] = defaultdict(list)
    for i, item in enumerate(before):
        waiting[item_key(item)].append(i)
    pairs: dict[int, int] = {}
    left: list[int] = []
    for j, item in enumerate(after):
        queue = waiting.get(item_key(item))
        if queue:
            pairs[queue.pop(0)] = j
        else:
            left.append(j)
    free = [i for i in range(len(before)) if i not in pairs]
    for j in left:
        new = after[j]
        scores = [
            (SequenceMatcher(None, before[i].name, new.name).ratio(), -i)
            for i in free
            if before[i].group == new.group
        ]
        best = max(scores, default=(0.0, 0))
        if best[0] >= ALIKE:
            pairs[-best[1]] = j
            free.remove(-best[1])
    return dict(sorted(pairs.items()))


def item_changes(
    before: Sequence[DossierItem], after: Sequence[DossierItem]
) -> tuple[list[ItemStatus], list[ItemStatus]]:
    """Which as-is items a to-be version removed, and which of its items a redesign edited or added
    (:func:`pair_items`): "kept", "removed", "changed" or "added" for each item of each version, in item order.

    >>> from models.procedure import DossierItem
    >>> item_changes([DossierItem(name="Tờ khai"), DossierItem(name="Bản sao CCCD")],
    ...              [DossierItem(name="Tờ khai theo mẫu"), DossierItem(name="Ảnh")])
    (['changed', 'removed'], ['changed', 'added'])
    """
    pairs = pair_items(before, after)
    old: list[ItemStatus] = ["removed"] * len(before)
    new: list[ItemStatus] = ["added"] * len(after)
    for i, j in pairs.items():
        a, b = before[i], after[j]
        old[i] = new[j] = "kept" if (a.group, a.name) == (b.group, b.name) else "changed"
    return old, new
