"""The analysis as text and HTML: finding badges, a finding's explanation, online-eligibility blocks, compliance cost.

Plain functions (analysis objects in, escaped HTML or text out) shared by the procedure view, the side panel and the
redesign editor. The explanations, legal bases and fallbacks are the finder's own Vietnamese sentences, shown as
they are; grades, kinds of block and cost lines are the core's vocabulary (:func:`workbench.i18n.enum_label`: a badge shows the
short form, a tooltip the label the exports use); the labels around them are translated in the "Analysis" context.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from models.cost.parameters import CostParameters
from models.cost.results import CostBreakdown
from models.enums import CostKind, FindingGrade
from models.findings import BlockKind, Finding, OnlineBlock
from models.vocabulary import CONDITIONS, condition_label, condition_state
from workbench.i18n import current_language, enum_label
from workbench.qt import QT_TRANSLATE_NOOP, translate

#: Badge colours: white text on these backgrounds (contrast above 4.5:1).
GRADE_COLORS = {
    FindingGrade.REDUNDANT: "#b71c1c",
    FindingGrade.POTENTIALLY_REDUNDANT: "#a84300",
    FindingGrade.ISSUED_BY_STATE: "#1356a3",
    FindingGrade.REQUIRED: "#616161",
}
PLACES = {
    "item": QT_TRANSLATE_NOOP("Analysis", "Item {number}"),
    "step": QT_TRANSLATE_NOOP("Analysis", "Step {number}"),
    "result": QT_TRANSLATE_NOOP("Analysis", "Result {number}"),
}
_PLACE = re.compile(r"(item|step|result) (\d+)")


def esc(text: object) -> str:
    """Escape text for HTML, keeping its line breaks."""
    return html.escape(str(text)).replace("\n", "<br>")


def format_money(value: float) -> str:
    """A computed amount in VND, rounded to the đồng: 1.250.000 đ (0 is 0 đ: a cost, not a fee)."""
    return f"{round(value):,}".replace(",", ".") + " đ"


def format_hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def place_label(where: str) -> str:
    """ "item 3" -> "Thành phần 3"; "channels" -> "Cách thức thực hiện"."""
    found = _PLACE.fullmatch(where)
    if found:
        return translate("Analysis", PLACES[found.group(1)]).format(number=found.group(2))
    if where == "channels":
        return translate("Analysis", "Channels")
    return where


# --- findings ---------------------------------------------------------------------------------------------------


def finding_tooltip(finding: Finding) -> str:
    """Plain text for a tooltip: the grade, the explanation and the legal basis."""
    lines = [f"{enum_label(FindingGrade, finding.grade, 'label')}: {finding.explanation}".rstrip(": ")]
    if finding.legal_basis:
        lines.append(translate("Analysis", "Legal basis: {basis}").format(basis=finding.legal_basis))
    return "\n".join(lines)


def badge_html(index: int, finding: Finding) -> str:
    """A coloured badge linking to item ``index`` (``item:3``), its tooltip the explanation and legal basis."""
    grade = FindingGrade(finding.grade)
    title = html.escape(finding_tooltip(finding), quote=True)
    return (
        f'<a href="item:{index}" title="{title}" style="text-decoration:none">'
        f'<span style="background-color:{GRADE_COLORS[grade]}; color:#ffffff; font-weight:bold">'
        f"&nbsp;{esc(enum_label(FindingGrade, grade))}&nbsp;</span></a>"
    )


def finding_html(item_name: str, finding: Finding | None, source_name: str | None, *, stored: bool) -> str:
    """What the side panel shows for one item: grade, explanation, legal basis, source, fallback, conditions."""
    parts = [f"<h3>{esc(item_name)}</h3>"]
    if finding is None:
        text = translate("Analysis", "This item has no finding.")
        parts.append(f'<p class="muted">{esc(text)}</p>')
        return "".join(parts)
    parts.append(f"<p>{badge_html(finding.item_index, finding)}</p>")

    def field(label: str, value: str | None) -> None:
        if value:
            parts.append(f"<p><b>{esc(label)}</b><br>{esc(value)}</p>")

    field(translate("Analysis", "Explanation"), finding.explanation)
    field(translate("Analysis", "Legal basis"), finding.legal_basis)
    if finding.data_source:
        field(translate("Analysis", "Data source"), source_name or finding.data_source)
    field(translate("Analysis", "Issued through procedure"), finding.issuing_procedure)
    field(translate("Analysis", "If the lookup fails"), finding.fallback)
    lang = current_language()
    conditions = [
        f"<li>{esc(condition_label(key, lang))}: {esc(condition_state(finding.conditions[key], lang))}</li>"
        for key in CONDITIONS
        if key in finding.conditions
    ]
    if conditions:
        title = translate("Analysis", "Conditions")
        parts.append(f"<p><b>{esc(title)}</b></p><ul>{''.join(conditions)}</ul>")
    details = []
    if finding.matched_phrase:
        details.append(translate("Analysis", "matched “{phrase}”").format(phrase=finding.matched_phrase))
    # not finding.rule: it names the finder's rule for its developers; the explanation above says it for users
    details.append(
        translate("Analysis", "from the last stored analysis")
        if stored
        else translate("Analysis", "from an analysis of this procedure alone (not yet stored)")
    )
    parts.append(f'<p class="muted">{esc("; ".join(details))}</p>')
    return "".join(parts)


# --- the procedure's analysis ---------------------------------------------------------------------------------


def online_html(blocks: Sequence[OnlineBlock]) -> str:
    """The blocks to full-process online handling (Decree 42/2022/NĐ-CP), or that there are none."""
    if not blocks:
        text = translate("Analysis", "Nothing in the published text blocks full-process online handling.")
        return f"<p>{esc(text)}</p>"
    intro = translate("Analysis", "{count} obstacles to full-process online handling:").format(
        count=len(blocks)
    )
    rows = []
    for block in blocks:
        kind = enum_label(BlockKind, block.kind)
        line = f"<b>{esc(place_label(block.where))}</b> — {esc(kind)}"
        if block.explanation:
            line += f": {esc(block.explanation)}"
        if block.cause:
            line += f'<br><span class="muted">{esc(block.cause)}</span>'
        rows.append(f"<li>{line}</li>")
    return f"<p>{esc(intro)}</p><ul>{''.join(rows)}</ul>"


def cost_html(cost: CostBreakdown, params: CostParameters) -> str:
    """Compliance cost per dossier by line, per year, and what the findings make removable (Circular 02/2017)."""
    head = "".join(
        f"<th>{esc(translate('Analysis', title))}</th>"
        for title in (
            QT_TRANSLATE_NOOP("Analysis", "Cost"),
            QT_TRANSLATE_NOOP("Analysis", "Hours"),
            QT_TRANSLATE_NOOP("Analysis", "Time"),
            QT_TRANSLATE_NOOP("Analysis", "Paid out"),
            QT_TRANSLATE_NOOP("Analysis", "Total"),
        )
    )
    rows = "".join(
        f"<tr><td>{esc(enum_label(CostKind, line.key))}</td>"
        f'<td align="right">{esc(format_hours(line.hours))}</td>'
        f'<td align="right">{esc(format_money(line.time_vnd))}</td>'
        f'<td align="right">{esc(format_money(line.out_of_pocket_vnd))}</td>'
        f'<td align="right">{esc(format_money(line.total_vnd))}</td></tr>'
        for line in cost.lines
    )
    table = f'<table border="1" cellspacing="0" cellpadding="4" width="100%"><tr>{head}</tr>{rows}</table>'
    facts = [
        (translate("Analysis", "Per dossier (fees included)"), format_money(cost.per_dossier_vnd)),
        (translate("Analysis", "Per dossier without fees"), format_money(cost.per_dossier_scm_vnd)),
        (translate("Analysis", "Dossiers per year"), f"{round(cost.dossiers_per_year):,}".replace(",", ".")),
        (translate("Analysis", "Per year"), format_money(cost.annual_vnd)),
    ]
    if cost.removable is not None:
        facts.append(
            (translate("Analysis", "Removable per year (redundant)"), format_money(cost.removable_annual))
        )
        facts.append(
            (
                translate("Analysis", "Removable per year (potentially redundant)"),
                format_money(cost.removable_potentially_annual),
            )
        )
    cells = "".join(
        f'<tr><td class="label">{esc(label)}</td><td align="right">{esc(value)}</td></tr>'
        for label, value in facts
    )
    warnings = []
    if cost.fees_unknown:
        warnings.append(translate("Analysis", "No fee is known: fees count as 0 here, which may be too low."))
    if params.placeholders():
        warnings.append(
            translate(
                "Analysis",
                "Some cost parameters are still the shipped placeholders: set them, with their sources, "
                "before quoting these figures.",
            )
        )
    notes = "".join(f'<p class="warn">{esc(text)}</p>' for text in warnings)
    return f'{table}<table cellspacing="0" cellpadding="3">{cells}</table>{notes}'
