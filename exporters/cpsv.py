"""CPSV-AP 3.2.0 JSON-LD of procedures, for the EU's public-service catalogues and the once-only technical system.

Mapping (DOMAIN.md §2 and §7); texts are Vietnamese (``@language: vi``) and pass through
:func:`exporters.safety.xml_text`:

======================================== =========================================================================
procedure                                CPSV-AP
======================================== =========================================================================
the procedure                            ``cpsv:PublicService``: ``dct:identifier`` (code), ``dct:title``,
                                         ``dct:description`` (the published one, or one generated from the
                                         header, always ending with the time limits: working days live here),
                                         ``cv:processingTime`` (below), ``cv:thematicArea`` (field),
                                         ``dct:audience`` (subjects), ``adms:status``
competent authorities (else executing    ``cv:hasCompetentAuthority`` → ``cv:PublicOrganisation`` (``skos:prefLabel``,
agencies, else issuing body)             ``dct:spatial`` Vietnam), shared by every service naming them
``items[]``                              ``cpsv:hasInput`` → ``cv:Evidence`` (typed form / document); an item the
                                         finder links to another procedure's result gets ``dct:source`` → that
                                         ``cv:Output`` (or service), and the service ``dct:requires`` the issuing one
``requirements[]``                       ``cv:holdsRequirement`` → ``cv:Requirement``
``results[]``                            ``cpsv:produces`` → ``cv:Output`` (identifier: the result code when known)
``channels[]``                           ``cv:hasChannel`` → ``cv:Channel`` (type DIRECT / POSTAL / ONLINE, its own
                                         ``cv:processingTime``)
``channels[].fees[]``                    ``cv:hasCost`` → ``cv:Cost`` (``cv:hasValue`` xsd:double and currency VND
                                         when the amount is known — unknown is never 0 —, ``cv:ifAccessedThrough``)
``legal_basis[]``                        ``cv:hasLegalResource`` → ``eli:LegalResource`` (shared when numbered)
``related_codes[]``                      ``cv:relatedService``, to services in the same export only
======================================== =========================================================================

``cv:processingTime`` is an ``xsd:duration`` and only calendar time converts to one: DAY → ``P15D``, HOUR →
``PT4H``, MONTH → ``P2M``. Working days and bare numbers are never converted (DOMAIN §2): they are written in the
descriptions. A service gets the longest of its channels' durations when they share one unit.

IRIs are stable: the service is ``{base}{code}``, its parts ``{base}{code}#evidence-3`` (indexes from 0, as in
:func:`models.graph.procedure_graph`), organisations ``{base}co-quan/{slug}``, numbered legal documents
``{base}van-ban/{slug}``, concepts ``{base}vocab/...``. The document uses the shipped CPSV-AP context (inlined by
default, so that it parses offline) plus prefixes for the properties, as SEMIC's own example does.

:func:`validate_cpsv` checks a document against the shipped CPSV-AP SHACL shapes with pyshacl, offline.

Example
-------
>>> from models.procedure import Procedure
>>> doc = generate_cpsv([Procedure(code="1.000001", name="Đăng ký", competent_authorities=["UBND cấp xã"])])
>>> [node["@type"] for node in doc["@graph"]][:2]
['PublicService', 'Location']
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from catalog.reading.documents import document_key
from exporters.output import atomic_output
from exporters.safety import xml_text
from exporters.wording import item_facts, one_line, shorten, time_limit, time_limits
from models.enums import TimeUnit
from models.findings import Finding
from models.jobs import EXPORT, CancelCheck, Progress, check_cancelled
from models.procedure import Channel, DossierItem, Procedure
from models.redesign import ISSUER_RECORDS, ISSUER_RECORDS_NAME
from models.sources import DataSource, load_registry
from models.text import fold
from models.vocabulary import label

BASE = "https://dichvucong.gov.vn/tthc/"
SCHEMA_DIR = Path(__file__).with_name("schemas") / "cpsv-ap-3.2.0"
CONTEXT_URL = "https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld"
VIETNAM = "http://publications.europa.eu/resource/authority/country/VNM"
VND = "http://publications.europa.eu/resource/authority/currency/VND"
PREFIXES = {
    "adms": "http://www.w3.org/ns/adms#",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
TITLE_LIMIT = 250
UNKNOWN_AUTHORITY = "Không có thông tin về cơ quan có thẩm quyền"
_DURATION_UNITS = {TimeUnit.DAY: ("P", "D"), TimeUnit.HOUR: ("PT", "H"), TimeUnit.MONTH: ("P", "M")}
_SLUG = re.compile(r"[^a-z0-9]+")

Node = dict[str, Any]
ContextMode = Literal["inline", "remote"]


# --- values -------------------------------------------------------------------------------------------------------


def _vi(text: str | None) -> dict[str, str]:
    return {"@language": "vi", "@value": xml_text(text).strip()}


def _ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def slug(text: str, limit: int = 80) -> str:
    """A stable IRI segment for a name: folded, dashes between words, a short hash when cut.

    >>> slug("Ủy ban nhân dân cấp xã")
    'uy-ban-nhan-dan-cap-xa'
    """
    key = _SLUG.sub("-", fold(text)).strip("-")
    if len(key) <= limit and key:
        return key
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{key[:limit].rstrip('-')}-{digest}".lstrip("-")


def duration(limit: float | None, unit: TimeUnit | None) -> str | None:
    """An ``xsd:duration`` for a calendar time limit, or None (working days and bare numbers have none).

    >>> duration(15, TimeUnit.DAY), duration(1.5, TimeUnit.DAY), duration(15, TimeUnit.WORKING_DAY)
    ('P15D', 'PT36H', None)
    """
    if limit is None or unit not in _DURATION_UNITS or limit < 0:
        return None
    if unit == TimeUnit.DAY and not float(limit).is_integer():
        limit, unit = limit * 24, TimeUnit.HOUR
    if unit == TimeUnit.HOUR and not float(limit).is_integer():
        return f"PT{round(limit * 60)}M" if float(limit * 60).is_integer() else None
    if not float(limit).is_integer():
        return None
    lead, tail = _DURATION_UNITS[unit]
    return f"{lead}{int(limit)}{tail}"


def _title(text: str) -> str:
    return shorten(text, TITLE_LIMIT)


# --- nodes --------------------------------------------------------------------------------------------------------


class _Builder:
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
        return _ref(node["@id"])

    def _concept(self, out: list[Node], scheme: str, key: str, label: str) -> dict[str, str]:
        iri = f"{self.base}vocab/{scheme}/{key}"
        return self._shared(out, {"@id": iri, "@type": "Concept", "skos:prefLabel": _vi(label)})

    def _vietnam(self, out: list[Node]) -> dict[str, str]:
        return self._shared(out, {"@id": VIETNAM, "@type": "Location", "skos:prefLabel": _vi("Việt Nam")})

    def _organisation(self, out: list[Node], name: str, iri: str | None = None) -> dict[str, str]:
        node = {
            "@id": iri or f"{self.base}co-quan/{slug(name)}",
            "@type": "PublicOrganization",
            "skos:prefLabel": _vi(one_line(name)),
            "dct:spatial": self._vietnam(out),
        }
        return self._shared(out, node)

    def nodes(self, procedure: Procedure, findings: Iterable[Finding] | None) -> list[Node]:
        """The service node first, then the nodes it refers to that were not emitted before."""
        iri = self.service_iri(procedure.code)
        out: list[Node] = []
        service: Node = {"@id": iri, "@type": "PublicService", "dct:identifier": one_line(procedure.code)}
        out.append(service)
        service["dct:title"] = _vi(one_line(procedure.name))
        service["dct:description"] = _vi(self._description(procedure))
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
        self._put(service, "cv:relatedService", [_ref(r) for r in dict.fromkeys(related)])
        self._put(service, "dct:requires", [_ref(self.service_iri(code)) for code in requires])
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
            "dct:title": _vi(_title(item.name_normalized or item.name)),
            "dct:description": _vi(self._item_text(item, finding)),
            "dct:type": kind,
        }
        if finding is not None and finding.issuing_procedure:
            node["dct:source"] = _ref(self._issued_output(item, finding.issuing_procedure))
        out.append(node)
        return _ref(iri)

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
                "dct:title": _vi(shorten(text, TITLE_LIMIT)),
            }
            if shorten(text, TITLE_LIMIT) != one_line(text):
                node["dct:description"] = _vi(text)
            out.append(node)
            refs.append(_ref(node["@id"]))
        return refs

    def _outputs(self, out: list[Node], procedure: Procedure) -> list[dict[str, str]]:
        refs = []
        for index, result in enumerate(procedure.results):
            node: Node = {
                "@id": f"{self.service_iri(procedure.code)}#output-{index}",
                "@type": "Output",
                "dct:identifier": one_line(result.code) or f"{procedure.code}-output-{index}",
                "dct:title": _vi(_title(result.name) or "Kết quả"),
            }
            if _title(result.name) != one_line(result.name):
                node["dct:description"] = _vi(result.name)
            out.append(node)
            refs.append(_ref(node["@id"]))
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
            node["dct:description"] = _vi(
                f"{label(channel.method)}" + (f". Thời hạn giải quyết: {time}." if time else ".")
            )
            processing = duration(channel.time_limit, channel.time_unit)
            if processing:
                node["cv:processingTime"] = {"@type": "xsd:duration", "@value": processing}
            out.append(node)
            channels.append(_ref(iri))
            for k, fee in enumerate(channel.fees):
                cost: Node = {
                    "@id": f"{service}#cost-{j}-{k}",
                    "@type": "Cost",
                    "dct:identifier": f"{procedure.code}-cost-{j}-{k}",
                }
                if fee.amount_vnd is not None:
                    cost["cv:hasValue"] = {"@type": "xsd:double", "@value": str(fee.amount_vnd)}
                    cost["cv:currency"] = self._shared(
                        out, {"@id": VND, "@type": "Concept", "skos:prefLabel": _vi("Đồng Việt Nam")}
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
                cost["dct:description"] = _vi(text)
                cost["cv:ifAccessedThrough"] = _ref(iri)
                out.append(cost)
                costs.append(_ref(cost["@id"]))
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
            node: Node = {"@id": iri, "@type": "LegalResource", "dct:title": _vi(_title(reference.title))}
            if number:
                node["dct:identifier"] = number
            if reference.date is not None:
                node["eli:date_document"] = {"@type": "xsd:date", "@value": reference.date.isoformat()}
            if one_line(reference.issuer):
                node["dct:description"] = _vi(f"Cơ quan ban hành: {one_line(reference.issuer)}")
            refs[self._shared(out, node)["@id"]] = None
        return [_ref(iri) for iri in refs]

    @staticmethod
    def _processing_time(channels: Sequence[Channel]) -> str | None:
        """The longest channel duration, when the channels with one share its unit (months are not days)."""
        timed = [(c.time_limit, c.time_unit) for c in channels if duration(c.time_limit, c.time_unit)]
        if not timed or len({unit for _, unit in timed}) > 1:
            return None
        limit, unit = max(timed, key=lambda t: t[0] or 0)
        return duration(limit, unit)


# --- documents ----------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def shipped_context() -> dict[str, Any]:
    """The CPSV-AP 3.2.0 JSON-LD context (SEMIC, CC-BY 4.0), as shipped in ``exporters/schemas``."""
    context: dict[str, Any] = json.loads((SCHEMA_DIR / "cpsv-ap.jsonld").read_text(encoding="utf-8"))[
        "@context"
    ]
    return context


def _context(mode: ContextMode) -> list[Any]:
    return [shipped_context() if mode == "inline" else CONTEXT_URL, PREFIXES]


@lru_cache(maxsize=1)
def _shipped_source_names() -> dict[str, str]:
    return {source.id: source.name for source in load_registry()}


FindingsOf = Mapping[str, Iterable[Finding]] | Callable[[Procedure], Iterable[Finding] | None]


def catalog_index(procedures: Iterable[Procedure]) -> dict[str, list[str]]:
    """Code -> result names of ``procedures``: what the exporter needs of the whole set to link services."""
    return {p.code: [r.name for r in p.results] for p in procedures}


def _graph_nodes(
    procedures: Iterable[Procedure],
    catalog: Mapping[str, Sequence[str]],
    findings_by_code: FindingsOf | None,
    registry: Iterable[DataSource] | None,
    base: str,
) -> Iterator[list[Node]]:
    names = dict(_shipped_source_names()) if registry is None else {s.id: s.name for s in registry}
    names.setdefault(ISSUER_RECORDS, ISSUER_RECORDS_NAME)
    builder = _Builder(catalog, base, names)
    for procedure in procedures:
        if findings_by_code is None:
            findings = None
        elif callable(findings_by_code):
            findings = findings_by_code(procedure)
        else:
            findings = findings_by_code.get(procedure.code)
        yield builder.nodes(procedure, findings)


def generate_cpsv(
    procedures: Iterable[Procedure],
    findings_by_code: FindingsOf | None = None,
    *,
    registry: Iterable[DataSource] | None = None,
    base: str = BASE,
    context: ContextMode = "inline",
) -> dict[str, Any]:
    """The CPSV-AP JSON-LD document (``@context`` and ``@graph``) of ``procedures``.

    Parameters
    ----------
    procedures : the procedures, each one public service.
    findings_by_code : code -> the finder's findings for its items (grades and sources in the evidences'
        descriptions, links to the issuing procedure's output), or a function giving a procedure's findings.
    registry : the data-source registry, for the sources' names (the shipped registry when None).
    base : prefix of every IRI minted.
    context : "inline" embeds the shipped CPSV-AP context (parses offline); "remote" refers to SEMIC's URL.

    Returns
    -------
    dict : ready for ``json.dump``; the same input always gives the same document.
    """
    procedures = list(procedures)
    graph = [
        node
        for nodes in _graph_nodes(procedures, catalog_index(procedures), findings_by_code, registry, base)
        for node in nodes
    ]
    return {"@context": _context(context), "@graph": graph}


def write_cpsv(
    procedures: Iterable[Procedure],
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    findings_by_code: FindingsOf | None = None,
    registry: Iterable[DataSource] | None = None,
    base: str = BASE,
    context: ContextMode = "inline",
    catalog: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Write :func:`generate_cpsv` to ``path``, one procedure at a time (the document is never whole in memory).

    ``progress(done, total)`` is called after each procedure; when ``cancelled()`` returns True nothing is left at
    ``path`` and :class:`~models.jobs.Cancelled` is raised. ``catalog`` (see :func:`catalog_index`)
    lets ``procedures`` be a stream read once; without it they are read into a list first.
    """
    if catalog is None:
        procedures = list(procedures)
        catalog = catalog_index(procedures)
    total = len(catalog)
    with atomic_output(path) as tmp, tmp.open("w", encoding="utf-8") as out:
        out.write('{\n"@context": ' + json.dumps(_context(context), ensure_ascii=False) + ',\n"@graph": [')
        first = True
        nodes_of = _graph_nodes(procedures, catalog, findings_by_code, registry, base)
        for done, nodes in enumerate(nodes_of, start=1):
            check_cancelled(cancelled, EXPORT)
            for node in nodes:
                out.write(("\n" if first else ",\n") + json.dumps(node, ensure_ascii=False))
                first = False
            if progress is not None:
                progress(done, total)
        out.write("\n]\n}\n")


# --- validation ---------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _shapes() -> Any:
    import rdflib

    return rdflib.Graph().parse(SCHEMA_DIR / "cpsv-ap-SHACL.ttl", format="turtle")


def _offline(context: Any) -> Any:
    """``context`` with SEMIC's URL replaced by the shipped context; any other remote context is refused."""
    if isinstance(context, list):
        return [_offline(c) for c in context]
    if isinstance(context, str):
        if context != CONTEXT_URL:
            raise ValueError(f"remote @context {context} is not available offline")
        return shipped_context()
    return context


def cpsv_graph(data: Mapping[str, Any] | str | bytes) -> Any:
    """The RDF graph (rdflib) of a CPSV-AP JSON-LD document, parsed without fetching anything."""
    import rdflib

    document = json.loads(data) if isinstance(data, str | bytes) else dict(data)
    document["@context"] = _offline(document.get("@context", {}))
    with warnings.catch_warnings():  # rdflib's own JSON-LD parser still uses its deprecated ConjunctiveGraph
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
        return rdflib.Graph().parse(data=json.dumps(document), format="json-ld")


def validate_cpsv(data: Mapping[str, Any] | str | bytes) -> list[str]:
    """Violations of the CPSV-AP 3.2.0 SHACL shapes ([] when the document conforms), one line each."""
    import pyshacl
    from rdflib.namespace import RDF, SH

    try:
        graph = cpsv_graph(data)
    except (ValueError, json.JSONDecodeError) as exc:
        return [f"not a readable JSON-LD document: {exc}"]
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=_shapes(), inference="none", advanced=False)
    if conforms:
        return []
    messages = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        messages.append(f"{focus} {path}: {message}")
    return sorted(messages)
