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

The vocabulary (prefixes, context, IRIs, values) is :mod:`exporters.cpsv_vocabulary`; the nodes of one service
(its evidences, outputs, channels, costs...) are made by :mod:`exporters.cpsv_nodes`; this module writes the
document and validates it.

Example
-------
>>> from models.procedure import Procedure
>>> doc = generate_cpsv([Procedure(code="1.000001", name="Đăng ký", competent_authorities=["UBND cấp xã"])])
>>> [node["@type"] for node in doc["@graph"]][:2]
['PublicService', 'Location']
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from exporters.cpsv_nodes import Node, ServiceNodes
from exporters.cpsv_vocabulary import (
    BASE,
    CONTEXT_URL,
    PREFIXES,
    SCHEMA_DIR,
    VIETNAM,
    VND,
    ContextMode,
    context_of,
    duration,
    shipped_context,
    slug,
)
from exporters.output import atomic_output
from models.findings import Finding
from models.jobs import EXPORT, CancelCheck, Progress, check_cancelled
from models.procedure import Procedure
from models.redesign.item_changes import ISSUER_RECORDS, ISSUER_RECORDS_NAME
from models.sources import DataSource, load_registry

__all__ = [
    "BASE",
    "CONTEXT_URL",
    "PREFIXES",
    "SCHEMA_DIR",
    "VIETNAM",
    "VND",
    "catalog_index",
    "cpsv_graph",
    "duration",
    "generate_cpsv",
    "shipped_context",
    "slug",
    "validate_cpsv",
    "write_cpsv",
]


# --- documents ----------------------------------------------------------------------------------------------------


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
    builder = ServiceNodes(catalog, base, names)
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
    return {"@context": context_of(context), "@graph": graph}


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
        out.write('{\n"@context": ' + json.dumps(context_of(context), ensure_ascii=False) + ',\n"@graph": [')
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
