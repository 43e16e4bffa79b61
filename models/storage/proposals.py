"""Proposals (to-be versions) stored in a workspace: each change with who, when, rationale and legal basis.

A proposal is stored as its ordered change groups (table ``change``), never as a copy of the procedure: the to-be
version is the published version with the groups replayed (:class:`models.redesign.history.Draft`), so the published
version is never modified by a redesign. Undo marks the last group ``undone`` (kept for redo until a new change is
made). Every write checks and bumps the proposal's ``revision``: a second user saving over a proposal that changed
since they opened it is refused (:class:`~models.redesign.changes.ConcurrentEditError`) and overwrites nothing.

Example
-------
>>> store = Proposals(Workspace.open("w.sqlite"))                          # doctest: +SKIP
>>> draft = store.open("1.001193")  # the default proposal                 # doctest: +SKIP
>>> store.push(draft, suggest(draft.published, findings, names))            # doctest: +SKIP
>>> store.undo(draft)                                                        # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from models.procedure import Procedure
from models.redesign.changes import Change, ConcurrentEditError, RedesignError
from models.redesign.history import ChangeGroup, Draft
from models.redesign.kinds import Revert, change_from_data
from models.storage.schema import PROCEDURE
from models.storage.workspace import Workspace
from models.storage.writer import content_hash
from models.tables import ChangeRow, ProcedureRow, ProposalRow

#: The proposal a command uses when none is named.
DEFAULT_PROPOSAL = "phuong-an"

PROPOSALS = cast(Table, ProposalRow.__table__)  # type: ignore[attr-defined]
CHANGES = cast(Table, ChangeRow.__table__)  # type: ignore[attr-defined]
PROCEDURES = cast(Table, ProcedureRow.__table__)  # type: ignore[attr-defined]


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still record something
        return "unknown"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class ProposalInfo:
    code: str
    name: str
    author: str | None
    created_at: dt.datetime
    revision: int
    changes: int  # changes in effect (undone groups left out)
    undone_groups: int


class StoredDraft(Draft):
    """A draft that knows where it is stored: its proposal's row id, name and the revision it was read at."""

    def __init__(
        self,
        published: Procedure,
        groups: Iterable[ChangeGroup],
        undone: Sequence[ChangeGroup],
        *,
        proposal_id: int | None,
        name: str,
        revision: int,
    ) -> None:
        super().__init__(published, groups)
        self.undone = list(undone)
        self.proposal_id = proposal_id
        self.name = name
        self.revision = revision


def _group_rows(rows: Sequence[Any]) -> tuple[list[ChangeGroup], list[ChangeGroup]]:
    """Stored change rows (ordered by group then seq) as groups in effect and undone groups (redo order)."""
    by_group: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_group[row.group_seq].append(row)
    done: list[ChangeGroup] = []
    undone: list[ChangeGroup] = []
    for group_seq in sorted(by_group):
        members = by_group[group_seq]
        changes = [
            change_from_data(
                {
                    **{k: v for k, v in (row.payload or {}).items() if k != "group_label"},
                    "kind": row.kind,
                    "rationale": row.rationale,
                    "legal_basis": row.legal_basis,
                    "seq": row.seq,
                }
            )
            for row in members
        ]
        label = (members[0].payload or {}).get("group_label") if members else None
        group = ChangeGroup(
            label=label or changes[0].describe(),
            changes=changes,
            seq=group_seq,
            author=members[0].author,
            created_at=members[0].created_at,
        )
        (undone if members[0].undone else done).append(group)
    undone.reverse()  # the draft pops the next group to redo from the end
    return done, undone


class Proposals:
    """The proposals of one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    # --- reading --------------------------------------------------------------------------------------------------

    def infos(self, code: str | None = None) -> list[ProposalInfo]:
        """Proposals (of one procedure, or all), by procedure code then name."""
        p, c = PROPOSALS.c, CHANGES.c
        active = (
            select(c.proposal_id, func.count().label("n"))
            .where(c.undone.is_(False))
            .group_by(c.proposal_id)
            .subquery()
        )
        undone = (
            select(c.proposal_id, func.count(func.distinct(c.group_seq)).label("n"))
            .where(c.undone.is_(True))
            .group_by(c.proposal_id)
            .subquery()
        )
        query = (
            select(
                PROCEDURE.code,
                p.name,
                p.author,
                p.created_at,
                p.revision,
                func.coalesce(active.c.n, 0),
                func.coalesce(undone.c.n, 0),
            )
            .join(PROCEDURES, PROCEDURE.id == p.procedure_id)
            .outerjoin(active, active.c.proposal_id == p.id)
            .outerjoin(undone, undone.c.proposal_id == p.id)
            .order_by(PROCEDURE.code, p.name)
        )
        if code is not None:
            query = query.where(PROCEDURE.code == code)
        with self.workspace.engine.connect() as conn:
            return [ProposalInfo(*row) for row in conn.execute(query)]

    def open(
        self, code: str, name: str = DEFAULT_PROPOSAL, *, published: Procedure | None = None
    ) -> StoredDraft:
        """The proposal ``name`` of procedure ``code`` replayed on its published version (an empty draft, not yet
        stored, when the proposal does not exist).

        Raises
        ------
        ProcedureNotFound : no such procedure.
        RedesignError : a stored change no longer applies (the published version changed since).

        ``published`` is the procedure as the caller just read it from this workspace (saves reading it again).
        """
        if published is None or published.code != code:
            published = self.workspace.get(code)
        with self.workspace.engine.connect() as conn:
            row = self._proposal_row(conn, code, name)
            rows = self._change_rows(conn, [row.id]) if row is not None else []
        return self._draft(published, name, row, rows)

    def drafts(
        self, name: str = DEFAULT_PROPOSAL, codes: Iterable[str] | None = None
    ) -> Iterator[StoredDraft]:
        """Each procedure (all, or those with ``codes``, in code order) with its proposal ``name`` replayed."""
        codes = list(codes) if codes is not None else None
        with self.workspace.engine.connect() as conn:
            p = PROPOSALS.c
            proposal_rows = {
                r.code: r
                for r in conn.execute(
                    select(p.id, p.revision, p.base_hash, PROCEDURE.code)
                    .join(PROCEDURES, PROCEDURE.id == p.procedure_id)
                    .where(p.name == name)
                )
            }
            ids = [r.id for r in proposal_rows.values()]
            by_proposal: dict[int, list[Any]] = defaultdict(list)
            for start in range(0, len(ids), 500):
                for change in self._change_rows(conn, ids[start : start + 500]):
                    by_proposal[change.proposal_id].append(change)
        for procedure in self.workspace.procedures(
            codes
        ):  # streamed: a national catalog is never whole in memory
            row = proposal_rows.get(procedure.code)
            yield self._draft(procedure, name, row, by_proposal.get(row.id, []) if row is not None else [])

    @staticmethod
    def _proposal_row(conn: Connection, code: str, name: str) -> Any:
        p = PROPOSALS.c
        return conn.execute(
            select(p.id, p.revision, p.base_hash)
            .join(PROCEDURES, PROCEDURE.id == p.procedure_id)
            .where(PROCEDURE.code == code, p.name == name)
        ).first()

    @staticmethod
    def _change_rows(conn: Connection, proposal_ids: Sequence[int]) -> list[Any]:
        c = CHANGES.c
        return list(
            conn.execute(
                select(CHANGES)
                .where(c.proposal_id.in_(proposal_ids))
                .order_by(c.proposal_id, c.group_seq, c.seq)
            )
        )

    @staticmethod
    def _draft(published: Procedure, name: str, row: Any, rows: Sequence[Any]) -> StoredDraft:
        done, undone = _group_rows(rows)
        try:
            return StoredDraft(
                published,
                done,
                undone,
                proposal_id=row.id if row is not None else None,
                name=name,
                revision=row.revision if row is not None else 0,
            )
        except RedesignError as exc:
            changed = row is not None and row.base_hash and row.base_hash != content_hash(published)
            since = " The published version was re-imported since the proposal was made." if changed else ""
            raise RedesignError(
                f"Proposal “{name}” of {published.code} cannot be replayed: {exc}{since}"
            ) from exc

    # --- writing --------------------------------------------------------------------------------------------------

    def push(self, draft: StoredDraft, group: ChangeGroup, *, author: str | None = None) -> None:
        """Make ``group`` on the draft and store it (creating the proposal on first use), in one transaction."""
        self.push_many([(draft, group)], author=author)

    def push_many(
        self,
        entries: Sequence[tuple[StoredDraft, ChangeGroup]],
        *,
        author: str | None = None,
        conn: Connection | None = None,
    ) -> None:
        """:meth:`push` for many drafts at once (``apply suggestions`` on a whole catalog): one transaction, or the
        caller's ``conn`` (a transaction it has open: a whole catalog is then written a chunk of drafts at a time,
        without holding every draft in memory, and still lands whole or not at all)."""
        author = author or current_user()
        now = _now()
        applied: list[tuple[StoredDraft, ChangeGroup]] = []
        redo_stacks = [list(draft.undone) for draft, _ in entries]
        try:
            for draft, group in entries:
                group.author, group.created_at = author, now
                draft.push(group)
                applied.append((draft, group))
            if conn is not None:
                self._store_groups(conn, applied, author, now)
            else:
                with self.workspace.writing() as own:
                    self._store_groups(own, applied, author, now)
        except BaseException:
            for draft, _ in reversed(applied):  # the store refused: the drafts go back to what is stored
                draft.done.pop().undo(draft)
            for (draft, _), stack in zip(entries, redo_stacks, strict=True):
                draft.undone = stack
            raise
        for draft, _ in applied:
            draft.revision += 1

    def _store_groups(
        self, conn: Connection, applied: list[tuple[StoredDraft, ChangeGroup]], author: str, now: dt.datetime
    ) -> None:
        rows: list[dict[str, Any]] = []
        for draft, group in applied:
            if draft.proposal_id is None:
                draft.proposal_id = self._create(conn, draft, author, now)
            else:
                self._bump(conn, draft)
                conn.execute(
                    delete(CHANGES).where(CHANGES.c.proposal_id == draft.proposal_id, CHANGES.c.undone)
                )
            group.seq = (
                conn.scalar(
                    select(func.max(CHANGES.c.group_seq)).where(CHANGES.c.proposal_id == draft.proposal_id)
                )
                or 0
            ) + 1
            rows += [self._row(draft.proposal_id, group, change, author, now) for change in group.changes]
        if rows:
            conn.execute(insert(CHANGES), rows)

    def merge(self, draft: StoredDraft, group: ChangeGroup, *, author: str | None = None) -> StoredDraft:
        """After a refused save (:class:`ConcurrentEditError`): reload the proposal as the others saved it and make
        ``group`` on top of their changes. Returns the reloaded draft, with ``group`` stored.

        Changes name items and steps by their text, so a change still applies when the others changed something
        else; when they removed or changed what ``group`` touches, :class:`RedesignError` says which change no
        longer applies and nothing is stored (the returned draft is not made: reload instead).
        """
        fresh = self.open(draft.published.code, draft.name)
        replay = ChangeGroup(
            label=group.label,
            changes=[c.model_copy(update={"seq": None}) for c in group.changes],
        )
        for change in replay.changes:
            change._memento = None
        self.push(fresh, replay, author=author)
        return fresh

    def undo(self, draft: StoredDraft) -> ChangeGroup:
        """Undo the last group in effect, in the draft and in the workspace."""
        group = draft.undo()
        try:
            self._mark(draft, group, undone=True)
        except BaseException:
            draft.redo()
            raise
        return group

    def redo(self, draft: StoredDraft) -> ChangeGroup:
        """Redo the group undone last."""
        group = draft.redo()
        try:
            self._mark(draft, group, undone=False)
        except BaseException:
            draft.undo()
            raise
        return group

    def revert(
        self, draft: StoredDraft, seq: int, rationale: str, *, author: str | None = None
    ) -> ChangeGroup:
        """Take back change ``seq`` alone (a new undoable group)."""
        target = next((c for c in draft.changes if c.seq == seq), None)
        if target is None:
            raise RedesignError(
                f"No change #{seq} in effect in proposal “{draft.name}” of {draft.published.code}."
            )
        group = ChangeGroup(
            label=f"Hoàn lại #{seq}",
            changes=[Revert(target=seq, target_description=target.describe(), rationale=rationale)],
        )
        self.push(draft, group, author=author)
        return group

    def delete(self, code: str, name: str) -> bool:
        with self.workspace.writing() as conn:
            row = self._proposal_row(conn, code, name)
            if row is None:
                return False
            conn.execute(delete(CHANGES).where(CHANGES.c.proposal_id == row.id))
            conn.execute(delete(PROPOSALS).where(PROPOSALS.c.id == row.id))
            return True

    def _mark(self, draft: StoredDraft, group: ChangeGroup, *, undone: bool) -> None:
        if draft.proposal_id is None or group.seq is None:
            raise RedesignError("The draft is not stored: nothing to undo in the workspace.")
        with self.workspace.writing() as conn:
            self._bump(conn, draft)
            c = CHANGES.c
            conn.execute(
                update(CHANGES)
                .where(c.proposal_id == draft.proposal_id, c.group_seq == group.seq)
                .values(undone=undone)
            )
        draft.revision += 1

    def _create(self, conn: Connection, draft: StoredDraft, author: str, now: dt.datetime) -> int:
        pid = conn.scalar(select(PROCEDURE.id).where(PROCEDURE.code == draft.published.code))
        if self._proposal_row(conn, draft.published.code, draft.name) is not None:
            raise self._created_meanwhile(draft)
        try:
            return self._insert_proposal(conn, draft, pid, author, now)
        except IntegrityError:  # created between our check and our insert
            raise self._created_meanwhile(draft) from None

    @staticmethod
    def _created_meanwhile(draft: StoredDraft) -> ConcurrentEditError:
        return ConcurrentEditError(
            f"Proposal “{draft.name}” of {draft.published.code} was created by someone else since you opened it; "
            "your change was not saved — reload the proposal, or merge your change on top of theirs."
        )

    @staticmethod
    def _insert_proposal(
        conn: Connection, draft: StoredDraft, pid: int | None, author: str, now: dt.datetime
    ) -> int:
        return int(
            conn.execute(
                insert(PROPOSALS)
                .values(
                    procedure_id=pid,
                    name=draft.name,
                    author=author,
                    created_at=now,
                    revision=1,
                    base_hash=content_hash(draft.published),
                )
                .returning(PROPOSALS.c.id)
            ).scalar_one()
        )

    @staticmethod
    def _bump(conn: Connection, draft: StoredDraft) -> None:
        p = PROPOSALS.c
        result = conn.execute(
            update(PROPOSALS)
            .where(p.id == draft.proposal_id, p.revision == draft.revision)
            .values(revision=p.revision + 1)
        )
        if result.rowcount != 1:
            row = conn.execute(select(p.revision).where(p.id == draft.proposal_id)).first()
            if row is None:
                raise ConcurrentEditError(
                    f"Proposal “{draft.name}” of {draft.published.code} was deleted by someone else; "
                    "your change was not saved."
                )
            last = conn.execute(
                select(CHANGES.c.author, CHANGES.c.created_at)
                .where(CHANGES.c.proposal_id == draft.proposal_id)
                .order_by(CHANGES.c.created_at.desc())
                .limit(1)
            ).first()
            who = f" by {last.author} at {last.created_at:%d/%m/%Y %H:%M}" if last is not None else ""
            raise ConcurrentEditError(
                f"Proposal “{draft.name}” of {draft.published.code} was changed{who} since you opened it "
                f"(revision {row.revision}, yours {draft.revision}); your change was not saved — reload the "
                "proposal, or merge your change on top of theirs."
            )

    @staticmethod
    def _row(
        proposal_id: int, group: ChangeGroup, change: Change, author: str, now: dt.datetime
    ) -> dict[str, Any]:
        payload = change.payload()
        payload["group_label"] = group.label
        return {
            "proposal_id": proposal_id,
            "seq": change.seq,
            "group_seq": group.seq,
            "kind": change.kind,
            "payload": payload,
            "rationale": change.rationale,
            "legal_basis": change.legal_basis,
            "author": author,
            "created_at": now,
            "undone": False,
        }
