"""Which items of a procedure's as-is and to-be versions are the same, as a side-by-side diagram pairs them: the
as-is items a redesign removed, and the to-be items it edited or added. One function, :func:`item_changes`, so that
the pairing has one place to change.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from typing import Literal

from models.procedure import Procedure

ItemStatus = Literal["kept", "removed", "changed", "added"]
ALIKE = 0.6  # how alike (difflib's ratio) an edited item's name stays to the published one


def item_changes(as_is: Procedure, to_be: Procedure) -> tuple[list[ItemStatus], list[ItemStatus]]:
    """Which as-is items a to-be version removed, and which of its items a redesign edited or added.

    Items match by (group, name) as a multiset: of *n* as-is items with the same key, the first *m* are kept when the
    to-be version has *m*. A to-be item left over is an edited as-is item when one of the same group left over reads
    alike (a redesign rewrites "bản sao có chứng thực" as "bản sao điện tử", drops "kèm bản chính để đối chiếu"):
    both count as changed, each paired with the most alike (:data:`ALIKE` or more, difflib's ratio); otherwise it was
    added. As-is items left over were removed.

    Returns
    -------
    (as-is statuses, to-be statuses) : "kept", "removed", "changed" or "added" for each item, in item order.

    Examples
    --------
    >>> from models.procedure import DossierItem, Procedure
    >>> a = Procedure(code="x", name="x", items=[DossierItem(name="Tờ khai"), DossierItem(name="Bản sao CCCD"),
    ...                                          DossierItem(name="Bản sao có chứng thực Giấy phép")])
    >>> b = Procedure(code="x", name="x", items=[DossierItem(name="Tờ khai"),
    ...                                          DossierItem(name="Bản sao điện tử Giấy phép")])
    >>> item_changes(a, b)
    (['kept', 'removed', 'changed'], ['kept', 'changed'])
    """
    wanted = Counter((item.group, item.name) for item in to_be.items)
    before: list[ItemStatus] = []
    for item in as_is.items:
        key = (item.group, item.name)
        before.append("kept" if wanted[key] > 0 else "removed")
        wanted[key] -= 1
    kept = Counter(
        (i.group, i.name) for i, status in zip(as_is.items, before, strict=True) if status == "kept"
    )
    after: list[ItemStatus] = []
    for item in to_be.items:
        key = (item.group, item.name)
        after.append("kept" if kept[key] > 0 else "added")
        kept[key] -= 1
    for index, item in enumerate(to_be.items):
        if after[index] != "added":
            continue
        scores = [
            (SequenceMatcher(None, old.name, item.name).ratio(), -i)
            for i, old in enumerate(as_is.items)
            if before[i] == "removed" and old.group == item.group
        ]
        best = max(scores, default=(0.0, 0))
        if best[0] >= ALIKE:
            before[-best[1]] = after[index] = "changed"
    return before, after
