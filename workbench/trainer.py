"""Trainer mode: a full-screen presentation of a procedure going from as-is to to-be, one change at a time.

Step 0 is the procedure as published; step *k* is the to-be version after the proposal's first *k* changes in
effect, replayed on a fresh copy of the published version (:func:`models.redesign.history.replay`, as
:meth:`models.redesign.history.Draft.rebuild` does). Each step shows the diagram (as-is and to-be side by side) with what the change touched framed
(:func:`changed_nodes`), the change's description, rationale and legal basis in large type, and its effect on the
annual compliance cost (:func:`models.redesign.comparison.compare` before and after it, and the savings so far).

Keyboard only: Right, Space or Page Down for the next change; Left, Backspace or Page Up for the previous one; Home
and End; +, - and 0 zoom the diagram; Esc leaves. The steps are prepared on a worker and each diagram is drawn on one
(:class:`~workbench.diagram_view.DiagramView`). Nothing here changes the proposal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from exporters.flow.diagram import diagram_dot
from models.cost.parameters import CostParameters
from models.findings import Finding
from models.identity import item_changes
from models.jobs import CancelCheck, Progress, check_cancelled
from models.procedure import Procedure
from models.redesign.changes import Change
from models.redesign.comparison import Comparison, compare
from models.redesign.history import replay
from models.sources import DataSource
from workbench.analysis_html import esc, format_money
from workbench.diagram_view import CHANGED, DiagramView
from workbench.qt import QtCore, QtGui, QtWidgets
from workbench.workers import Job, Task

Qt = QtCore.Qt

BACKGROUND = "#101418"
FOREGROUND = "#ffffff"
ACCENT = "#ffd54f"  # headings: yellow on near-black, contrast above 12:1
BETTER = "#69f0ae"
WORSE = "#ff8a80"


@dataclass(frozen=True, slots=True)
class TrainerInput:
    """What a presentation needs, read on the GUI thread: the proposal and the analysis context."""

    published: Procedure
    changes: Sequence[Change]
    findings: Sequence[Finding]
    registry: Sequence[DataSource]
    finder: Callable[[Procedure], list[Finding]]  # the workspace's (AnalysisContext.findings)
    params: CostParameters
    proposal: str


@dataclass(frozen=True, slots=True)
class TrainerStep:
    """One slide: the to-be version after the first ``number`` changes, and what the last of them did."""

    number: int
    change: Change | None
    procedure: Procedure
    comparison: Comparison  # published against this version
    dot: str
    highlight: tuple[str, ...]


def changed_nodes(published: Procedure, before: Procedure, after: Procedure) -> tuple[str, ...]:
    """The diagram nodes one change touched (side-by-side ids): the as-is items and steps it took out or rewrote,
    the to-be items and steps it added or rewrote."""
    gone, new = item_changes(before.items, after.items)
    touched = {
        (before.items[i].group, before.items[i].name) for i, status in enumerate(gone) if status != "kept"
    }
    ids = [f"asis:item:{i}" for i, item in enumerate(published.items) if (item.group, item.name) in touched]
    ids += [f"tobe:item:{j}" for j, status in enumerate(new) if status != "kept"]
    dropped = [step for step in before.steps if step not in after.steps]
    ids += [f"asis:step:{i}" for i, step in enumerate(published.steps) if step in dropped]
    ids += [f"tobe:step:{j}" for j, step in enumerate(after.steps) if step not in before.steps]
    return tuple(ids)


def trainer_job(data: TrainerInput) -> Job:
    """Prepare every slide on the worker: the versions, their comparisons, findings and diagrams' DOT text."""

    def job(progress: Progress, cancelled: CancelCheck) -> list[TrainerStep]:
        versions = replay(data.published, data.changes)
        steps = []
        for number, version in enumerate(versions):
            check_cancelled(cancelled)
            changes = list(data.changes[:number])
            dot = diagram_dot(data.published, data.findings, version, data.finder(version), data.registry)
            steps.append(
                TrainerStep(
                    number=number,
                    change=changes[-1] if changes else None,
                    procedure=version,
                    comparison=compare(
                        data.published, version, data.params, proposal=data.proposal, changes=changes
                    ),
                    dot=dot,
                    highlight=changed_nodes(data.published, versions[number - 1], version) if number else (),
                )
            )
            progress(number + 1, len(versions))
        return steps

    return job


class TrainerWindow(QtWidgets.QWidget):
    """The presentation, full screen; ``steps`` is empty until the worker has prepared them."""

    def __init__(self, data: TrainerInput, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.data = data
        self.steps: list[TrainerStep] = []
        self.current = 0
        self.setObjectName("trainer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(
            f"QWidget#trainer {{ background: {BACKGROUND}; }}"
            f" QLabel {{ color: {FOREGROUND}; background: {BACKGROUND}; }}"
        )
        self.header = self._label(26, bold=True)
        self.position = self._label(20)
        self.body = self._label(20)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint = self._label(16)
        self.diagram = DiagramView()
        self.diagram.toolbar.hide()
        self.diagram.info.hide()
        self.diagram.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys move between changes
        self.diagram.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.position, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(top)
        layout.addWidget(self.diagram, 2)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.hint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        key = Qt.Key
        keys = {
            self.next: (key.Key_Right, key.Key_Space, key.Key_PageDown),
            self.back: (key.Key_Left, key.Key_Backspace, key.Key_PageUp),
            self.first: (key.Key_Home,),
            self.last: (key.Key_End,),
            self.diagram.canvas.zoom_in: (key.Key_Plus, key.Key_Equal),
            self.diagram.canvas.zoom_out: (key.Key_Minus,),
            self.diagram.canvas.fit: (key.Key_0,),
            self.close: (key.Key_Escape,),
        }
        for slot, sequences in keys.items():
            self._shortcut(slot, sequences)
        self.worker = Task(trainer_job(data), self)
        self.worker.succeeded.connect(self._prepared)
        self.worker.failed.connect(self._failed)
        self.preparing = True
        self.retranslate()
        self.worker.start()

    def _label(self, points: int, *, bold: bool = False) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel()
        label.setWordWrap(True)
        font = label.font()
        font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
        return label

    def _shortcut(self, slot: Callable[[], object], keys: Sequence[Qt.Key]) -> None:
        action = QtGui.QAction(self)
        action.setShortcuts([QtGui.QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Trainer: {code}").format(code=self.data.published.code))
        self.setAccessibleName(self.tr("Trainer mode"))
        self.header.setAccessibleName(self.tr("Procedure"))
        self.position.setAccessibleName(self.tr("Position in the presentation"))
        self.body.setAccessibleName(self.tr("The change and its effect"))
        self.hint.setText(
            self.tr("→ or Space: next change   ← : previous   + − 0 : zoom the diagram   Esc: leave")
        )
        self.show_step(self.current)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.worker.stop()
        self.diagram.stop()
        super().closeEvent(event)

    # --- moving -----------------------------------------------------------------------------------------------------

    def next(self) -> None:
        self.show_step(self.current + 1)

    def back(self) -> None:
        self.show_step(self.current - 1)

    def first(self) -> None:
        self.show_step(0)

    def last(self) -> None:
        self.show_step(len(self.steps) - 1)

    def show_step(self, number: int) -> None:
        """Show slide ``number`` (kept within the presentation)."""
        self.header.setText(f"{self.data.published.code} — {self.data.published.name}")
        if not self.steps:
            self.position.setText("")
            if self.preparing:
                self.body.setText(esc(self.tr("Preparing the presentation…")))
            return
        self.current = min(max(number, 0), len(self.steps) - 1)
        step = self.steps[self.current]
        total = len(self.steps) - 1
        self.position.setText(
            self.tr("Change {number} of {total}").format(number=step.number, total=total)
            if step.number
            else self.tr("As published ({total} changes to come)").format(total=total)
        )
        self.body.setText(self._body_html(step))
        self.diagram.set_highlight(step.highlight, CHANGED)
        self.diagram.show_dot(step.dot)

    # --- what a slide says ------------------------------------------------------------------------------------------

    def _body_html(self, step: TrainerStep) -> str:
        figures = step.comparison
        before, after = figures.before.annual_vnd, figures.after.annual_vnd
        if step.change is None:
            heading = self.tr("The procedure as published")  # outside f-strings, where lupdate finds it
            lines = [
                f'<p style="color:{ACCENT}; font-weight:bold">{esc(heading)}</p>',
                esc(
                    self.tr(
                        "{items} items to submit, {visits} visits in person; annual compliance cost {cost}."
                    ).format(
                        items=figures.before.items_to_submit,
                        visits=figures.before.in_person_visits,
                        cost=format_money(before),
                    )
                ),
            ]
            return "<br>".join(lines)
        previous = self.steps[step.number - 1].comparison.after.annual_vnd
        saved_now = previous - after
        color = BETTER if saved_now >= 0 else WORSE
        legal = step.change.legal_basis or self.tr("none given")
        why, basis = self.tr("Why:"), self.tr("Legal basis:")
        rows = [
            f'<p style="color:{ACCENT}; font-weight:bold">{esc(step.change.describe())}</p>',
            f"<b>{esc(why)}</b> {esc(step.change.rationale)}",
            f"<b>{esc(basis)}</b> {esc(legal)}",
            f'<span style="color:{color}">'
            + esc(
                self.tr("This change: {amount} a year less in compliance cost.").format(
                    amount=format_money(saved_now)
                )
                if saved_now >= 0
                else self.tr("This change: {amount} a year more in compliance cost.").format(
                    amount=format_money(-saved_now)
                )
            )
            + "</span>",
            esc(
                self.tr("Savings so far: {saved} of {before} a year ({rate} %).").format(
                    saved=format_money(before - after),
                    before=format_money(before),
                    rate=f"{figures.savings_rate * 100:.1f}".replace(".", ","),
                )
            ),
        ]
        return "<br>".join(rows)

    # --- the worker's outcome -------------------------------------------------------------------------------------

    def _prepared(self, steps: list[TrainerStep]) -> None:
        self.preparing = False
        self.steps = steps
        self.show_step(self.current)

    def _failed(self, sentence: str) -> None:
        self.preparing = False
        self.body.setText(esc(sentence))
