"""Changes to one dossier item: remove it, replace it by a lookup in a data source, accept an electronic copy, stop
asking to show the original."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field

from models.enums import CERTIFIED_FORMS, Actor, CopyForm, ItemGroup
from models.graph import SUBMISSION_ACTORS, effective_actors
from models.identity import STEP_PREFIX, next_id
from models.procedure import Procedure, Step
from models.redesign.changes import Change, RedesignError, find, locate, quote

if TYPE_CHECKING:
    from models.redesign.history import Draft

#: The pseudo data source of a lookup for a document a state body issued: the issuer's records or the applicant's
#: electronic data store (Kho quản lý dữ liệu điện tử), rather than one national database.
ISSUER_RECORDS = "issuer_records"
ISSUER_RECORDS_NAME = (
    "hệ thống thông tin của cơ quan cấp hoặc Kho quản lý dữ liệu điện tử của tổ chức, cá nhân"
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
            uids = [item.uid for item in procedure.items]
            return find(self, procedure, uids, self.uid, self.item_name, "item", "the dossier")
        keys = [item.name for item in procedure.items]
        return locate(self, procedure, keys, self.item, self.item_name, "item", "the dossier")


class RemoveItem(_ItemChange):
    """Remove a dossier item (and, with it, its node and edges in the graph)."""

    kind: Literal["remove_item"] = "remove_item"

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        del procedure.items[self.resolve(procedure)]

    def describe(self) -> str:
        return f"Bỏ thành phần hồ sơ {quote(self.item_name)}"


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
        return f"Thay {quote(self.item_name)} bằng khai thác dữ liệu từ {self.source_name}"


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
                f"{quote(self.item_name)} is shown, not handed in: drop “show the original” instead."
            )
        forms: list[CopyForm] = [f for f in item.copy_forms if f not in CERTIFIED_FORMS]
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
        return f"Nhận bản sao điện tử thay bản sao chứng thực giấy: {quote(self.item_name)}"


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
            raise RedesignError(f"{quote(self.item_name)} does not ask to show an original.")
        item.copy_forms = [f for f in item.copy_forms if f != CopyForm.SHOW_ORIGINAL]
        item.name = _SHOW_PHRASE.sub("", item.name).strip()
        if item.name_normalized:
            item.name_normalized = _SHOW_PHRASE.sub("", item.name_normalized).strip()

    def describe(self) -> str:
        return f"Bỏ yêu cầu xuất trình bản chính: {quote(self.item_name)}"


def item_reference(procedure: Procedure, index: int) -> dict[str, Any]:
    """The ``item``, ``item_name`` and ``uid`` an item change needs to name item ``index`` of ``procedure``."""
    item = procedure.items[index]
    return {"item": index, "item_name": item.name, "uid": item.uid}
