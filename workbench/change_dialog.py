"""The dialog every redesign change goes through: why (required), on what legal basis, and its parameters.

A redesign is a legal act in the making: each change keeps its rationale (and legal basis) in the proposal, so the
dialog refuses to make a change without one. Changes that need more ask for it here: the data source a lookup uses,
the new time limit and its unit, the fee and its amount. Channels, units and kinds of fee are named as the core's
vocabulary names them (:func:`workbench.i18n.enum_label`).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.enums import ChannelMethod, FeeKind, TimeUnit
from models.procedure import Channel
from workbench.i18n import enum_label
from workbench.procedure_view import format_vnd
from workbench.qt import QtCore, QtWidgets

Qt = QtCore.Qt

_FEE_KINDS = [FeeKind.CHARGE, FeeKind.FEE, FeeKind.OTHER]


def channel_label(number: int, channel: Channel) -> str:
    return f"{number}. {enum_label(ChannelMethod, channel.method)}"


class ChangeDialog(QtWidgets.QDialog):
    """Ask for a change's rationale and legal basis (prefilled for suggestions), and its parameters if any.

    Build it, add the parameter rows the change needs (``add_*``), then ``exec()``; read the values afterwards.
    """

    def __init__(
        self,
        title: str,
        description: str,
        parent: QtWidgets.QWidget | None = None,
        *,
        rationale: str = "",
        legal_basis: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        self.description = QtWidgets.QLabel(description)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.form = QtWidgets.QFormLayout()
        self.form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rationale_edit = QtWidgets.QPlainTextEdit(rationale)
        self.rationale_edit.setTabChangesFocus(
            True
        )  # Tab leaves the field: the dialog stays keyboard-friendly
        self.rationale_edit.setMinimumHeight(90)
        self.rationale_edit.setAccessibleName(self.tr("Rationale"))
        self.legal_basis_edit = QtWidgets.QLineEdit(legal_basis)
        self.legal_basis_edit.setAccessibleName(self.tr("Legal basis"))
        self.error = QtWidgets.QLabel()
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addLayout(self.form)
        self._parameter_rows = 0
        self._row(self.tr("&Rationale (required):"), self.rationale_edit)
        self._row(self.tr("&Legal basis:"), self.legal_basis_edit)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.source_combo: QtWidgets.QComboBox | None = None
        self.channel_combo: QtWidgets.QComboBox | None = None
        self.limit_spin: QtWidgets.QDoubleSpinBox | None = None
        self.unit_combo: QtWidgets.QComboBox | None = None
        self.note_edit: QtWidgets.QLineEdit | None = None
        self.fee_combo: QtWidgets.QComboBox | None = None
        self.amount_spin: QtWidgets.QSpinBox | None = None
        self.unknown_check: QtWidgets.QCheckBox | None = None
        self.kind_combo: QtWidgets.QComboBox | None = None
        self._channels: list[Channel] = []
        self.rationale_edit.setFocus()

    def _row(self, label: str, widget: QtWidgets.QWidget, *, parameter: bool = False) -> None:
        caption = QtWidgets.QLabel(label)
        caption.setBuddy(widget)  # the label's &-key focuses the field
        if parameter:  # parameters come before the rationale
            self.form.insertRow(self._parameter_rows, caption, widget)
            self._parameter_rows += 1
        else:
            self.form.addRow(caption, widget)

    # --- parameters -----------------------------------------------------------------------------------------------

    def add_data_source(self, sources: Sequence[tuple[str, str]], current: str | None) -> None:
        """A choice of data source (id, name) for a lookup, ``current`` selected."""
        combo = QtWidgets.QComboBox()
        combo.setAccessibleName(self.tr("Data source"))
        for source_id, name in sources:
            combo.addItem(name, source_id)
        at = combo.findData(current) if current else -1
        combo.setCurrentIndex(max(at, 0))
        self.source_combo = combo
        self._row(self.tr("&Data source:"), combo, parameter=True)

    def add_channels(self, channels: Sequence[Channel]) -> None:
        """Which channel the change applies to: all of them (the default) or one."""
        self._channels = list(channels)
        combo = QtWidgets.QComboBox()
        combo.setAccessibleName(self.tr("Channel"))
        combo.addItem(self.tr("All channels"), None)
        for number, channel in enumerate(channels, start=1):
            combo.addItem(channel_label(number, channel), number - 1)
        self.channel_combo = combo
        self._row(self.tr("&Channel:"), combo, parameter=True)

    def add_time_limit(self, limit: float | None, unit: str | None) -> None:
        spin = QtWidgets.QDoubleSpinBox()
        spin.setRange(0, 3650)
        spin.setDecimals(1)
        spin.setValue(limit or 0)
        spin.setAccessibleName(self.tr("Time limit"))
        units = QtWidgets.QComboBox()
        units.setAccessibleName(self.tr("Time unit"))
        for code in TimeUnit:
            units.addItem(enum_label(TimeUnit, code), code)
        units.setCurrentIndex(max(units.findData(unit or TimeUnit.WORKING_DAY), 0))
        note = QtWidgets.QLineEdit()
        note.setAccessibleName(self.tr("Time limit condition"))
        self.limit_spin, self.unit_combo, self.note_edit = spin, units, note
        self._row(self.tr("&Time limit:"), spin, parameter=True)
        self._row(self.tr("&Unit:"), units, parameter=True)
        self._row(self.tr("C&ondition:"), note, parameter=True)

    def add_fee(self) -> None:
        """Which fee (a new one, or one the channel publishes), its kind, amount (or unknown) and note."""
        fees = QtWidgets.QComboBox()
        fees.setAccessibleName(self.tr("Fee to change"))
        amount = QtWidgets.QSpinBox()
        amount.setRange(0, 2_000_000_000)
        amount.setSingleStep(1000)
        amount.setGroupSeparatorShown(True)
        amount.setSuffix(" đ")
        amount.setAccessibleName(self.tr("Amount"))
        unknown = QtWidgets.QCheckBox(self.tr("Amount &unknown"))
        unknown.toggled.connect(lambda checked: amount.setEnabled(not checked))
        kinds = QtWidgets.QComboBox()
        kinds.setAccessibleName(self.tr("Kind of fee"))
        for kind in _FEE_KINDS:
            kinds.addItem(enum_label(FeeKind, kind), kind)
        note = QtWidgets.QLineEdit()
        note.setAccessibleName(self.tr("Fee note"))
        self.fee_combo, self.amount_spin, self.unknown_check, self.kind_combo = fees, amount, unknown, kinds
        self.note_edit = note
        self._row(self.tr("&Fee:"), fees, parameter=True)
        self._row(self.tr("&Kind:"), kinds, parameter=True)
        self._row(self.tr("&Amount:"), amount, parameter=True)
        self._row("", unknown, parameter=True)
        self._row(self.tr("N&ote:"), note, parameter=True)
        if self.channel_combo is not None:
            self.channel_combo.currentIndexChanged.connect(self._fill_fees)
        self._fill_fees()

    def _fill_fees(self) -> None:
        if self.fee_combo is None:
            return
        channel = self.channel
        published = self._channels[channel if channel is not None else 0].fees if self._channels else []
        self.fee_combo.clear()
        self.fee_combo.addItem(self.tr("Add a new fee"), None)
        for number, fee in enumerate(published, start=1):
            kind = enum_label(FeeKind, fee.kind)
            self.fee_combo.addItem(f"{number}. {kind}: {format_vnd(fee.amount_vnd)}", number - 1)

    # --- values -----------------------------------------------------------------------------------------------------

    @property
    def rationale(self) -> str:
        return self.rationale_edit.toPlainText().strip()

    @property
    def legal_basis(self) -> str | None:
        return self.legal_basis_edit.text().strip() or None

    @property
    def data_source(self) -> str | None:
        return self.source_combo.currentData() if self.source_combo else None

    @property
    def channel(self) -> int | None:
        return self.channel_combo.currentData() if self.channel_combo else None

    @property
    def time_limit(self) -> float:
        return self.limit_spin.value() if self.limit_spin else 0.0

    @property
    def time_unit(self) -> TimeUnit:
        return TimeUnit(self.unit_combo.currentData()) if self.unit_combo else TimeUnit.WORKING_DAY

    @property
    def note(self) -> str | None:
        return (self.note_edit.text().strip() or None) if self.note_edit else None

    @property
    def fee_index(self) -> int | None:
        return self.fee_combo.currentData() if self.fee_combo else None

    @property
    def amount_vnd(self) -> int | None:
        if self.amount_spin is None or (self.unknown_check and self.unknown_check.isChecked()):
            return None
        return self.amount_spin.value()

    @property
    def fee_kind(self) -> FeeKind:
        return FeeKind(self.kind_combo.currentData()) if self.kind_combo else FeeKind.FEE

    def accept(self) -> None:
        """Close only with a rationale: a change without one is refused, and the dialog says so."""
        if not self.rationale:
            self.error.setText(self.tr("Say why this change is made: the rationale is required."))
            self.error.show()
            self.rationale_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
