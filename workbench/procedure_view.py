"""The read-only detail pane: every published field of one procedure, as escaped HTML in a QTextBrowser.

:func:`procedure_html` is a plain function (procedure in, HTML out) so that it can be tested without a window.
Imported text is hostile: every piece of it goes through :func:`html.escape` before it reaches the document.
Labels are translated in the "ProcedureView" context, the domain's values (channels, units, fees, actors, copy
forms) come from the core's vocabulary (:func:`workbench.i18n.enum_label`); amounts keep the Vietnamese style
(100.000 đ).
Given the procedure's analysis, each dossier item carries its finding's badge (:mod:`workbench.analysis_html`), and
the blocks to full-process online handling and the compliance cost follow the published sections.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from models.enums import (
    CERTIFIED_FORMS,
    Actor,
    ChannelMethod,
    CopyForm,
    FeeKind,
    ItemGroup,
    ItemKind,
    ProcedureStatus,
    TimeUnit,
)
from models.findings import Finding
from models.procedure import Channel, DossierItem, Fee, Note, Procedure, Step
from models.vocabulary import enum_value, unit_word
from workbench.analysis_html import badge_html, cost_html, online_html
from workbench.catalog_model import levels_text
from workbench.i18n import current_language, enum_label
from workbench.qt import QT_TRANSLATE_NOOP, QtCore, QtWidgets, Signal, translate
from workbench.services.analysis import ShownAnalysis

T = TypeVar("T")

STYLE_SHEET = """
h2 { margin-bottom: 2px; }
h3 { margin-top: 14px; margin-bottom: 4px; }
h4 { margin-top: 8px; margin-bottom: 2px; }
.muted { color: #666666; }
.warn { color: #a3361f; font-weight: bold; }
th { text-align: left; background-color: #eeeeee; }
td.label { color: #444444; font-weight: bold; }
"""


def _esc(text: object) -> str:
    """Escape imported text for HTML, keeping its line breaks."""
    return html.escape(str(text)).replace("\n", "<br>")


def _number(value: float) -> str:
    """15.0 -> '15', 0.5 -> '0,5' (Vietnamese decimal comma)."""
    return f"{value:g}".replace(".", ",")


def format_vnd(amount: int | None) -> str:
    """An amount in VND: 100.000 đ; 0 is free (Miễn phí) and None unknown (không rõ), never the same thing."""
    if amount is None:
        return translate("ProcedureView", "unknown")
    if amount == 0:
        return translate("ProcedureView", "Free")
    return f"{amount:,}".replace(",", ".") + " đ"


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def unit_text(unit: str | None) -> str:
    """A time unit as it follows a number in the UI language ("ngày làm việc"); "" for OTHER, none or unknown."""
    member = enum_value(TimeUnit, unit) if unit else None
    return unit_word(member, current_language()) or "" if isinstance(member, TimeUnit) else ""


def format_time_limit(limit: float | None, unit: str | None, note: str | None = None) -> str:
    """'15 ngày làm việc', with the published condition after it; escaped."""
    if limit is None:
        text = translate("ProcedureView", "unknown") if not note else ""
    else:
        text = f"{_number(limit)} {unit_text(unit)}".strip()
    parts = [_esc(text)] if text else []
    if note:
        parts.append(f'<span class="muted">{_esc(note)}</span>')
    return "<br>".join(parts)


def _fees_html(fees: Sequence[Fee]) -> str:
    if not fees:
        return _esc(translate("ProcedureView", "unknown"))
    lines = []
    for fee in fees:
        line = f"{_esc(enum_label(FeeKind, fee.kind))}: {_esc(format_vnd(fee.amount_vnd))}"
        if fee.note:
            line += f' <span class="muted">({_esc(fee.note)})</span>'
        lines.append(line)
    return "<br>".join(lines)


def _none_published() -> str:
    text = translate("ProcedureView", "None published.")
    return f'<p class="muted">{_esc(text)}</p>'


def _section(title: str, body: str) -> str:
    return f"<h3>{_esc(title)}</h3>{body or _none_published()}"


def _grouped(items: Iterable[T], heading: Callable[[T], str | None]) -> list[tuple[str | None, list[T]]]:
    """Consecutive items under the same published heading, in order."""
    groups: list[tuple[str | None, list[T]]] = []
    for item in items:
        key = heading(item)
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append(item)
    return groups


# --- the parts ----------------------------------------------------------------------------------------------


def _facts_html(p: Procedure) -> str:
    yes, no = translate("ProcedureView", "yes"), translate("ProcedureView", "no")
    declared = p.full_process_online_declared
    online = "" if declared is None else yes if declared else no
    rows = [
        (translate("ProcedureView", "Code"), p.code),
        (translate("ProcedureView", "Levels"), levels_text(p.levels)),
        (translate("ProcedureView", "Field"), p.field),
        (translate("ProcedureView", "Issuing body"), p.issuing_body),
        (translate("ProcedureView", "Status"), enum_label(ProcedureStatus, p.status) if p.status else None),
        (translate("ProcedureView", "Competent authorities"), "\n".join(p.competent_authorities)),
        (translate("ProcedureView", "Executing agencies"), "\n".join(p.executing_agencies)),
        (translate("ProcedureView", "Authorised agencies"), "\n".join(p.authorised_agencies)),
        (translate("ProcedureView", "Coordinating agencies"), "\n".join(p.coordinating_agencies)),
        (translate("ProcedureView", "Applicants"), "\n".join(p.subjects)),
        (translate("ProcedureView", "Where to submit"), p.receiving_address),
        (translate("ProcedureView", "Fully online (as declared)"), online),
        (translate("ProcedureView", "Locally specific"), yes if p.is_local_specific else ""),
        (translate("ProcedureView", "Related procedures"), ", ".join(p.related_codes)),
    ]
    cells = "".join(
        f'<tr><td class="label">{_esc(label)}</td><td>{_esc(value)}</td></tr>'
        for label, value in rows
        if value
    )
    return f'<table cellspacing="0" cellpadding="3">{cells}</table>'


def _channels_html(channels: Sequence[Channel]) -> str:
    if not channels:
        return ""
    head = "".join(
        f"<th>{_esc(translate('ProcedureView', title))}</th>"
        for title in (
            QT_TRANSLATE_NOOP("ProcedureView", "Method"),
            QT_TRANSLATE_NOOP("ProcedureView", "Time limit"),
            QT_TRANSLATE_NOOP("ProcedureView", "Fees and charges"),
        )
    )
    rows = "".join(
        f"<tr><td>{_esc(enum_label(ChannelMethod, c.method))}</td>"
        f"<td>{format_time_limit(c.time_limit, c.time_unit, c.time_note)}</td>"
        f"<td>{_fees_html(c.fees)}</td></tr>"
        for c in channels
    )
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%"><tr>{head}</tr>{rows}</table>'


def _step_html(step: Step, index: int) -> str:
    parts = [f'<a name="step-{index}"></a>']  # an anchor the diagram scrolls to
    if step.title:
        parts.append(f"<b>{_esc(step.title)}</b>")
    if step.description:
        parts.append(_esc(step.description))
    meta = []
    if step.actor:
        meta.append(translate("ProcedureView", "Who: {actor}").format(actor=enum_label(Actor, step.actor)))
    if step.time_text:
        meta.append(translate("ProcedureView", "Time: {time}").format(time=step.time_text))
    elif step.time_limit is not None:
        meta.append(
            translate("ProcedureView", "Time: {time}").format(
                time=f"{_number(step.time_limit)} {unit_text(step.time_unit)}".strip()
            )
        )
    if meta:
        parts.append(f'<span class="muted">{_esc("; ".join(meta))}</span>')
    return f"<li>{parts[0]}{'<br>'.join(parts[1:])}</li>"


def _item_html(item: DossierItem, finding: Finding | None = None, index: int | None = None) -> str:
    anchor = f'<a name="item-{index}"></a>' if index is not None else ""  # the diagram scrolls to it
    parts = [anchor + _esc(item.name) + (f" {badge_html(finding.item_index, finding)}" if finding else "")]
    details = []
    if item.kind == ItemKind.FORM:
        form = enum_label(ItemKind, ItemKind.FORM, "text")
        details.append(f"{form}: {item.template}" if item.template else form)
    elif item.template:
        details.append(translate("ProcedureView", "template: {template}").format(template=item.template))
    if item.originals is not None or item.copies is not None:
        details.append(
            translate("ProcedureView", "originals: {originals}, copies: {copies}").format(
                originals=item.originals if item.originals is not None else "?",
                copies=item.copies if item.copies is not None else "?",
            )
        )
    forms = [enum_label(CopyForm, form, "text") for form in item.copy_forms if form not in CERTIFIED_FORMS]
    if forms:
        details.append(translate("ProcedureView", "accepted as: {forms}").format(forms=", ".join(forms)))
    if item.condition:
        details.append(translate("ProcedureView", "condition: {condition}").format(condition=item.condition))
    if item.issuer:
        details.append(translate("ProcedureView", "issued by: {issuer}").format(issuer=item.issuer))
    if details:
        parts.append(f'<span class="muted">{_esc("; ".join(details))}</span>')
    if item.certified_copy:
        certified = [enum_label(CopyForm, form) for form in item.copy_forms if form in CERTIFIED_FORMS]
        parts.append(f'<span class="warn">⚠ {_esc(", ".join(certified))}</span>')
    return f"<li>{'<br>'.join(parts)}</li>"


def _items_html(items: Sequence[tuple[DossierItem, Finding | None, int]]) -> str:
    blocks = []
    for case, members in _grouped(items, lambda entry: entry[0].case):
        if case:
            blocks.append(f"<p><i>{_esc(case)}</i></p>")
        blocks.append(f"<ol>{''.join(_item_html(*member) for member in members)}</ol>")
    return "".join(blocks)


def _dossier_html(p: Procedure, analysis: ShownAnalysis | None) -> str:
    def members(group: ItemGroup) -> list[tuple[DossierItem, Finding | None, int]]:
        return [
            (item, analysis.finding(index) if analysis else None, index)
            for index, item in enumerate(p.items)
            if item.group == group
        ]

    groups = ((enum_label(ItemGroup, group, "label"), members(group)) for group in ItemGroup)
    return "".join(f"<h4>{_esc(title)}</h4>{_items_html(items)}" for title, items in groups if items)


def _notes_html(notes: Sequence[Note]) -> str:
    blocks = []
    for heading, members in _grouped(notes, lambda note: note.heading):
        if heading:
            blocks.append(f"<p><i>{_esc(heading)}</i></p>")
        blocks.append(f"<ul>{''.join(f'<li>{_esc(note.text)}</li>' for note in members)}</ul>")
    return "".join(blocks)


def _results_html(p: Procedure) -> str:
    if not p.results:
        return ""
    lines = []
    for result in p.results:
        line = _esc(result.name)
        if result.code:
            code = translate("ProcedureView", "code {code}").format(code=result.code)
            line += f' <span class="muted">({_esc(code)})</span>'
        lines.append(f"<li>{line}</li>")
    return f"<ul>{''.join(lines)}</ul>"


def _legal_html(p: Procedure) -> str:
    if not p.legal_basis:
        return ""
    head = "".join(
        f"<th>{_esc(translate('ProcedureView', title))}</th>"
        for title in (
            QT_TRANSLATE_NOOP("ProcedureView", "Number"),
            QT_TRANSLATE_NOOP("ProcedureView", "Title"),
            QT_TRANSLATE_NOOP("ProcedureView", "Date"),
            QT_TRANSLATE_NOOP("ProcedureView", "Issued by"),
        )
    )
    rows = "".join(
        f"<tr><td>{_esc(ref.number or '')}</td><td>{_esc(ref.title)}</td><td>{_esc(format_date(ref.date))}</td>"
        f"<td>{_esc(ref.issuer or '')}</td></tr>"
        for ref in p.legal_basis
    )
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%"><tr>{head}</tr>{rows}</table>'


def _announcement_html(p: Procedure) -> str:
    rows = [
        (translate("ProcedureView", "Decision"), p.announcement_decision),
        (translate("ProcedureView", "Date"), format_date(p.announcement_date)),
        (translate("ProcedureView", "Issued by"), p.announcement_issuer),
    ]
    cells = "".join(
        f'<tr><td class="label">{_esc(label)}</td><td>{_esc(value)}</td></tr>'
        for label, value in rows
        if value
    )
    return f'<table cellspacing="0" cellpadding="3">{cells}</table>' if cells else ""


def procedure_html(p: Procedure, analysis: ShownAnalysis | None = None) -> str:
    """The whole procedure as an HTML fragment, sections in the order of a standardized specification.

    With ``analysis``, each dossier item carries its finding's badge (a link ``item:N`` whose tooltip is the
    explanation and legal basis), and two sections follow the published ones: the blocks to full-process online
    handling and the compliance cost.
    """
    requirements = "".join(f"<li>{_esc(r)}</li>" for r in p.requirements)
    description = _section(translate("ProcedureView", "Description"), f"<p>{_esc(p.description)}</p>")
    return "".join(
        (
            f"<h2>{_esc(p.name)}</h2>",
            _facts_html(p),
            description if p.description else "",
            _section(
                translate("ProcedureView", "Channels, time limits and fees"), _channels_html(p.channels)
            ),
            _section(
                translate("ProcedureView", "Steps"),
                f"<ol>{''.join(_step_html(s, i) for i, s in enumerate(p.steps))}</ol>" if p.steps else "",
            ),
            _section(translate("ProcedureView", "Dossier"), _dossier_html(p, analysis)),
            _section(translate("ProcedureView", "Notes"), _notes_html(p.notes)) if p.notes else "",
            _section(translate("ProcedureView", "Results"), _results_html(p)),
            _section(
                translate("ProcedureView", "Requirements and conditions"),
                f"<ul>{requirements}</ul>" if requirements else "",
            ),
            _section(translate("ProcedureView", "Legal basis"), _legal_html(p)),
            _section(translate("ProcedureView", "Announcement decision"), _announcement_html(p)),
            _analysis_html(analysis) if analysis else "",
        )
    )


def _analysis_html(analysis: ShownAnalysis) -> str:
    return _section(
        translate("ProcedureView", "Full-process online eligibility"), online_html(analysis.blocks)
    ) + _section(translate("ProcedureView", "Compliance cost"), cost_html(analysis.cost, analysis.params))


class ProcedureView(QtWidgets.QTextBrowser):
    """Shows one procedure, or a short message when there is none to show; re-renders on language change.

    A finding's badge is a link whose tooltip is the explanation and legal basis: pointing at it with the mouse, or
    activating it (a click, or Tab to it and Enter) emits ``item_selected(index)`` with the item's position in
    :attr:`Procedure.items`.
    """

    item_selected = Signal(int)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # imported text never becomes a link we follow
        self.document().setDefaultStyleSheet(STYLE_SHEET)
        self._procedure: Procedure | None = None
        self._analysis: ShownAnalysis | None = None
        self._message: str | None = None
        self.anchorClicked.connect(self._link)
        self.highlighted.connect(self._link)
        self.retranslate()

    @property
    def procedure(self) -> Procedure | None:
        return self._procedure

    @property
    def analysis(self) -> ShownAnalysis | None:
        return self._analysis

    def show_procedure(self, procedure: Procedure, analysis: ShownAnalysis | None = None) -> None:
        same = self._procedure is not None and self._procedure.code == procedure.code
        self._procedure, self._analysis, self._message = procedure, analysis, None
        self._render(keep_place=same)

    def show_message(self, message: str | None = None) -> None:
        """Show no procedure: ``message`` (already translated), or the invitation to select one."""
        self._procedure, self._analysis, self._message = None, None, message
        self._render()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Procedure details"))
        self._render(keep_place=True)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reveal(self, kind: str, index: int) -> None:
        """Scroll to item or step ``index`` (``kind`` "item" or "step") of the shown procedure."""
        self.scrollToAnchor(f"{kind}-{index}")

    def _link(self, url: QtCore.QUrl) -> None:
        text = url.toString()
        if text.startswith("item:") and text[5:].isdigit():
            self.item_selected.emit(int(text[5:]))

    def _render(self, *, keep_place: bool = False) -> None:
        if self._procedure is not None:
            body = procedure_html(self._procedure, self._analysis)
        else:
            message = self._message or self.tr("Select a procedure to see its details.")
            body = f'<p class="muted">{_esc(message)}</p>'
        position = self.verticalScrollBar().value()
        self.setHtml(body)
        if (
            keep_place
        ):  # the same procedure again (after an analysis, a language change): stay where the reader is
            self.verticalScrollBar().setValue(position)
