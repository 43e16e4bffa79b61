"""The JSON-LD nodes of one procedure as a CPSV-AP public service: the service, its evidences (dossier items, with
what the finder says of them), requirements, outputs, channels and costs, legal resources, and the nodes several
services share (organisations, concepts, numbered legal documents, Vietnam), emitted once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from catalog.reading.documents import document_key
from exporters.cpsv_vocabulary import (
    TITLE_LIMIT,
    UNKNOWN_AUTHORITY,
    VIETNAM,
    VND,
    duration,
    ref,
    slug,
    title,
    vi_text,
)
from exporters.safety import xml_text
from exporters.wording import item_facts, one_line, shorten, time_limit, time_limits
from models.findings import Finding
from models.procedure import Channel, DossierItem, Procedure
from models.vocabulary import label

Node = dict[str, Any]

# --- nodes --------------------------------------------------------------------------------------------------------


class ServiceNodes:
    """Turns procedures into JSON-LD nodes; nodes several services share (organisations, concepts, numbered legal
    documents, Vietnam) are emitted once, the first time they are referred to."""

    def __init__(self, catalog: Mapping[str, Sequence[str]], base: str, sources: Mapping[str, str]) -> None:
        self.base = base
        self.sources = sources
        self.by_code = (
            catalog  # every exported procedure's code -> its results' names (links between services)
        )
        self.emitted: set[str] = set()

    def service_iri(self, code: str) -> str:
        return self.base + quote(code, safe=".-_~")

    def _shared(self, out: list[Node], node: Node) -> dict[str, str]:
        if node["@id"] not in self.emitted:
            self.emitted.add(node["@id"])
            out.append(node)
        return ref(node["@id"])

    def _concept(self, out: list[Node], scheme: str, key: str, label: str) -> dict[str, str]:
        iri = f"{self.base}vocab/{scheme}/{key}"
        return self._shared(out, {"@id": iri, "@type": "Concept", "skos:prefLabel": vi_text(label)})

    def _vietnam(self, out: list[Node]) -> dict[str, str]:
        return self._shared(out, {"@id": VIETNAM, "@type": "Location", "skos:prefLabel": vi_text("Việt Nam")})

    def _organisation(self, out: list[Node], name: str, iri: str | None = None) -> dict[str, str]:
        node = {
            "@id": iri or f"{self.base}co-quan/{slug(name)}",
            "@type": "PublicOrganization",
            "skos:prefLabel": vi_text(one_line(name)),
            "dct:spatial": self._vietnam(out),
        }
        return self._shared(out, node)

    def nodes(self, procedure: Procedure, findings: Iterable[Finding] | None) -> list[Node]:
        """The service node first, then the nodes it refers to that were not emitted before."""
        iri = self.service_iri(procedure.code)
        out: list[Node] = []
        service: Node = {"@id": iri, "@type": "PublicService", "dct:identifier": one_line(procedure.code)}
        out.append(service)
        service["dct:title"] = vi_text(one_line(procedure.name))
        service["dct:description"] = vi_text(self._description(procedure))
        authorities = [
            name
            for name in (
                procedure.competent_authorities
                or procedure.executing_agencies
                or [procedure.issuing_body or ""]
            )
            if one_line(name)
        ]
        service["cv:hasCompetentAuthority"] = [self._organisation(out, name) for name in authorities] or [
            self._organisation(out, UNKNOWN_AUTHORITY, f"{iri}#competent-authority")
        ]
        by_item = {f.item_index: f for f in findings or ()}
        evidences = [
            self._evidence(out, procedure, i, item, by_item.get(i)) for i, item in enumerate(procedure.items)
        ]
        requires = sorted(
            {
                code
                for f in by_item.values()
                if (code := f.issuing_procedure) is not None and code in self.by_code
            }
            - {procedure.code}
        )
        self._put(service, "cpsv:hasInput", evidences)
        self._put(service, "cv:holdsRequirement", self._requirements(out, procedure))
        self._put(service, "cpsv:produces", self._outputs(out, procedure))
        channels, costs = self._channels(out, procedure)
        self._put(service, "cv:hasChannel", channels)
        self._put(service, "cv:hasCost", costs)
        self._put(service, "cv:hasLegalResource", self._legal(out, procedure))
        processing = self._processing_time(procedure.channels)
        if processing:
            service["cv:processingTime"] = {"@type": "xsd:duration", "@value": processing}
        if one_line(procedure.field):
            service["cv:thematicArea"] = self._concept(
                out, "linh-vuc", slug(procedure.field or ""), procedure.field or ""
            )
        self._put(
            service,
            "dct:audience",
            [self._concept(out, "doi-tuong", slug(s), s) for s in procedure.subjects if one_line(s)],
        )
        if procedure.status is not None:
            service["adms:status"] = self._concept(
                out, "trang-thai", procedure.status.value, label(procedure.status)
            )
        related = [
            self.service_iri(c) for c in procedure.related_codes if c in self.by_code and c != procedure.code
        ]
        self._put(service, "cv:relatedService", [ref(r) for r in dict.fromkeys(related)])
        self._put(service, "dct:requires", [ref(self.service_iri(code)) for code in requires])
        return out

    @staticmethod
    def _put(node: Node, key: str, values: list[Any]) -> None:
        if values:
            node[key] = values

    def _description(self, procedure: Procedure) -> str:
        published = xml_text(procedure.description).strip()
        parts = (
            [published]
            if published
            else [f"Thủ tục hành chính “{one_line(procedure.name)}” (mã {procedure.code})."]
        )
        if not published:
            if one_line(procedure.field):
                parts.append(f"Lĩnh vực: {one_line(procedure.field)}.")
            if procedure.levels:
                parts.append("Cấp thực hiện: " + ", ".join(label(level) for level in procedure.levels) + ".")
            if procedure.executing_agencies:
                parts.append(
                    "Cơ quan thực hiện: " + "; ".join(one_line(a) for a in procedure.executing_agencies) + "."
                )
        limits = time_limits(procedure.channels)
        if limits:
            parts.append("Thời hạn giải quyết: " + "; ".join(limits) + ".")
        return " ".join(parts)

    def _evidence(
        self, out: list[Node], procedure: Procedure, index: int, item: DossierItem, finding: Finding | None
    ) -> dict[str, str]:
        iri = f"{self.service_iri(procedure.code)}#evidence-{index}"
        kind = self._concept(out, "loai-giay-to", item.kind.value, label(item.kind))
        node: Node = {
            "@id": iri,
            "@type": "Evidence",
            "dct:identifier": f"{procedure.code}-evidence-{index}",
            "dct:title": vi_text(title(item.name_normalized or item.name)),
            "dct:description": vi_text(self._item_text(item, finding)),
            "dct:type": kind,
        }
        if finding is not None and finding.issuing_procedure:
            node["dct:source"] = ref(self._issued_output(item, finding.issuing_procedure))
        out.append(node)
        return ref(iri)

    def _item_text(self, item: DossierItem, finding: Finding | None) -> str:
        if finding is None:
            return "\n".join(item_facts(item))
        sources = [self.sources.get(finding.data_source, finding.data_source)] if finding.data_source else []
        lines = item_facts(item, finding.grade, sources)
        if finding.issuing_procedure:
            lines.append(f"Là kết quả của thủ tục {finding.issuing_procedure}")
        return "\n".join(lines)

    def _issued_output(self, item: DossierItem, code: str) -> str:
        """The issuing procedure's Output this item is (matched by document type), else the issuing service."""
        results = self.by_code.get(code)
        if results is not None:
            key = document_key(item.name)
            for index, result in enumerate(results):
                other = document_key(result)
                if (
                    key
                    and other
                    and (key == other or key.startswith(other + " ") or other.startswith(key + " "))
                ):
                    return f"{self.service_iri(code)}#output-{index}"
        return self.service_iri(code)

    def _requirements(self, out: list[Node], procedure: Procedure) -> list[dict[str, str]]:
        refs = []
        for index, text in enumerate(t for t in procedure.requirements if one_line(t)):
            node: Node = {
                "@id": f"{self.service_iri(procedure.code)}#requirement-{index}",
                "@type": "Requirement",
                "dct:identifier": f"{procedure.code}-requirement-{index}",
                "dct:title": vi_text(shorten(text, TITLE_LIMIT)),
            }
            if shorten(text, TITLE_LIMIT) != one_line(text):
                node["dct:description"] = vi_text(text)
            out.append(node)
            refs.append(ref(node["@id"]))
        return refs

    def _outputs(self, out: list[Node], procedure: Procedure) -> list[dict[str, str]]:
        refs = []
        for index, result in enumerate(procedure.results):
            node: Node = {
                "@id": f"{self.service_iri(procedure.code)}#output-{index}",
                "@type": "Output",
                "dct:identifier": one_line(result.code) or f"{procedure.code}-output-{index}",
                "dct:title": vi_text(title(result.name) or "Kết quả"),
            }
            if title(result.name) != one_line(result.name):
                node["dct:description"] = vi_text(result.name)
            out.append(node)
            refs.append(ref(node["@id"]))
        return refs

    def _channels(
        self, out: list[Node], procedure: Procedure
    ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        channels, costs = [], []
        service = self.service_iri(procedure.code)
        for j, channel in enumerate(procedure.channels):
            iri = f"{service}#channel-{j}"
            node: Node = {
                "@id": iri,
                "@type": "Channel",
                "dct:identifier": f"{procedure.code}-channel-{j}",
                "dct:type": self._concept(out, "kenh", channel.method.value, label(channel.method)),
            }
            time = time_limit(channel)
            node["dct:description"] = vi_text(
                f"{label(channel.method)}" + (f". Thời hạn giải quyết: {time}." if time else ".")
            )
            processing = duration(channel.time_limit, channel.time_unit)
            if processing:
                node["cv:processingTime"] = {"@type": "xsd:duration", "@value": processing}
            out.append(node)
            channels.append(ref(iri))
            for k, fee in enumerate(channel.fees):
                cost: Node = {
                    "@id": f"{service}#cost-{j}-{k}",
                    "@type": "Cost",
                    "dct:identifier": f"{procedure.code}-cost-{j}-{k}",
                }
                if fee.amount_vnd is not None:
                    cost["cv:hasValue"] = {"@type": "xsd:double", "@value": str(fee.amount_vnd)}
                    cost["cv:currency"] = self._shared(
                        out, {"@id": VND, "@type": "Concept", "skos:prefLabel": vi_text("Đồng Việt Nam")}
                    )
                amount = (
                    "Miễn phí"
                    if fee.amount_vnd == 0
                    else (
                        f"{fee.amount_vnd:,} đồng".replace(",", ".")
                        if fee.amount_vnd is not None
                        else "Không có thông tin về số tiền"
                    )
                )
                text = f"{label(fee.kind)}: {amount}" + (
                    f". {one_line(fee.note)}" if one_line(fee.note) else ""
                )
                cost["dct:description"] = vi_text(text)
                cost["cv:ifAccessedThrough"] = ref(iri)
                out.append(cost)
                costs.append(ref(cost["@id"]))
        return channels, costs

    def _legal(self, out: list[Node], procedure: Procedure) -> list[dict[str, str]]:
        refs: dict[str, None] = {}
        for index, reference in enumerate(procedure.legal_basis):
            number = one_line(reference.number)
            iri = (
                f"{self.base}van-ban/{slug(number)}"
                if number
                else f"{self.service_iri(procedure.code)}#legal-resource-{index}"
            )
            node: Node = {"@id": iri, "@type": "LegalResource", "dct:title": vi_text(title(reference.title))}
            if number:
                node["dct:identifier"] = number
            if reference.date is not None:
                node["eli:date_document"] = {"@type": "xsd:date", "@value": reference.date.isoformat()}
            if one_line(reference.issuer):
                node["dct:description"] = vi_text(f"Cơ quan ban hành: {one_line(reference.issuer)}")
            refs[self._shared(out, node)["@id"]] = None
        return [ref(iri) for iri in refs]

    @staticmethod
    def _processing_time(channels: Sequence[Channel]) -> str | None:
        """The longest channel duration, when the channels with one share its unit (months are not days)."""
        timed = [(c.time_limit, c.time_unit) for c in channels if duration(c.time_limit, c.time_unit)]
        if not timed or len({unit for _, unit in timed}) > 1:
            return None
        limit, unit = max(timed, key=lambda t: t[0] or 0)
        return duration(limit, unit)
