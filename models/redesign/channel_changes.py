"""Changes to the channels: the time limit, a fee, full-process online."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from models.enums import ChannelMethod, FeeKind, TimeUnit
from models.procedure import Channel, Fee, Procedure
from models.redesign.changes import Change, RedesignError
from models.vocabulary import unit_word

if TYPE_CHECKING:
    from models.redesign.history import Draft


class _ChannelChange(Change):
    channel: int | None = Field(default=None, ge=0)  # None: every channel
    touches: ClassVar[tuple[str, ...]] = ("channels",)

    def targets(self, procedure: Procedure) -> list[Channel]:
        if self.channel is None:
            if not procedure.channels:
                raise RedesignError(f"{procedure.code} publishes no channel to change.")
            return list(procedure.channels)
        if self.channel >= len(procedure.channels):
            raise RedesignError(f"{procedure.code} has no channel {self.channel + 1}.")
        return [procedure.channels[self.channel]]

    def where(self) -> str:
        return "mọi cách thức" if self.channel is None else f"cách thức {self.channel + 1}"


class ChangeTimeLimit(_ChannelChange):
    """Change the statutory time limit of one channel or of all of them."""

    kind: Literal["change_time_limit"] = "change_time_limit"
    time_limit: float = Field(ge=0)
    time_unit: TimeUnit
    time_note: str | None = None

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        for channel in self.targets(procedure):
            channel.time_limit, channel.time_unit, channel.time_note = (
                self.time_limit,
                self.time_unit,
                self.time_note,
            )

    def describe(self) -> str:
        amount = int(self.time_limit) if float(self.time_limit).is_integer() else self.time_limit
        return f"Đổi thời hạn giải quyết ({self.where()}) thành {amount} {unit_word(self.time_unit) or '(đơn vị khác)'}"


class ChangeFee(_ChannelChange):
    """Change (or add, with ``fee`` None) a fee of one channel or of all of them; None as amount means unknown."""

    kind: Literal["change_fee"] = "change_fee"
    fee: int | None = Field(default=None, ge=0)
    amount_vnd: int | None = Field(default=None, ge=0)
    fee_kind: FeeKind = FeeKind.FEE
    note: str | None = None

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        targets = self.targets(procedure)
        new = Fee(kind=self.fee_kind, amount_vnd=self.amount_vnd, note=self.note)
        for channel in targets:
            if self.fee is None:
                channel.fees.append(new.model_copy())
            elif self.fee < len(channel.fees):
                channel.fees[self.fee] = new.model_copy()
            else:
                raise RedesignError(f"{procedure.code}: the channel has no fee {self.fee + 1}.")

    def describe(self) -> str:
        amount = "không rõ" if self.amount_vnd is None else f"{self.amount_vnd:,} đồng".replace(",", ".")
        return f"{'Thêm' if self.fee is None else 'Đổi'} phí, lệ phí ({self.where()}): {amount}"


class MakeOnline(Change):
    """Make the procedure full-process online: an ONLINE channel (modelled on the first channel when there is none)."""

    kind: Literal["make_online"] = "make_online"
    touches: ClassVar[tuple[str, ...]] = ("channels", "full_process_online_declared")

    def apply(self, procedure: Procedure, draft: Draft) -> None:
        if not any(c.method == ChannelMethod.ONLINE for c in procedure.channels):
            model = procedure.channels[0] if procedure.channels else Channel(method=ChannelMethod.ONLINE)
            online = model.model_copy(deep=True)
            online.method = ChannelMethod.ONLINE
            procedure.channels.append(online)
        procedure.full_process_online_declared = True

    def describe(self) -> str:
        return "Cung cấp dịch vụ công trực tuyến toàn trình"
