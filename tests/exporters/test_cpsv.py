"""CPSV-AP 3.2.0 JSON-LD export: reopened with rdflib (offline), SHACL-validated with pyshacl, asserted on content."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from exporters.cpsv import (
    CONTEXT_URL,
    SCHEMA_DIR,
    VIETNAM,
    VND,
    cpsv_graph,
    duration,
    generate_cpsv,
    validate_cpsv,
    write_cpsv,
)
from models.enums import FindingGrade, TimeUnit
from models.findings import Finding
from models.jobs import Cancelled
from models.procedure import Procedure
from tests.conftest import SHARED
from tests.helpers.corpus import analysed, every_nth, portal_pages, sample_procedures

CPSV = Namespace("http://purl.org/vocab/cpsv#")
CV = Namespace("http://data.europa.eu/m8g/")
SERVICE = "https://dichvucong.gov.vn/tthc/"
DOUBLE = URIRef("http://www.w3.org/2001/XMLSchema#double")
DURATION = URIRef("http://www.w3.org/2001/XMLSchema#duration")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Procedure, list[Finding]]]:
    return analysed(sample_procedures(tmp_path_factory.mktemp("cpsv")))


@pytest.fixture(scope="module")
def document(sample) -> dict:
    return generate_cpsv([p for p, _ in sample], {p.code: f for p, f in sample})


@pytest.fixture(scope="module")
def graph(document):
    return cpsv_graph(document)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing must never fetch a context: any attempt fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args[:1]}")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def test_the_sample_export_conforms_to_the_cpsv_ap_shapes(document) -> None:
    assert validate_cpsv(document) == []
    assert validate_cpsv(json.dumps(document, ensure_ascii=False)) == []


def test_one_public_service_per_procedure_with_its_code_title_and_authority(sample, graph) -> None:
    services = set(graph.subjects(RDF.type, CPSV.PublicService))
    assert services == {URIRef(SERVICE + p.code) for p, _ in sample}
    for procedure, _ in sample:
        service = URIRef(SERVICE + procedure.code)
        assert list(graph.objects(service, DCTERMS.identifier)) == [Literal(procedure.code)]
        assert list(graph.objects(service, DCTERMS.title)) == [Literal(procedure.name, lang="vi")]
        [description] = graph.objects(service, DCTERMS.description)
        assert "Thời hạn giải quyết: " in description
        for channel in procedure.channels:  # working days are only here
            assert (
                f"{channel.time_limit:g} {'ngày làm việc' if channel.time_unit == 'WORKING_DAY' else 'ngày'}"
                in description
            )
        authorities = list(graph.objects(service, CV.hasCompetentAuthority))
        assert authorities
        for authority in authorities:
            assert (authority, RDF.type, CV.PublicOrganisation) in graph
            assert str(graph.value(authority, SKOS.prefLabel)) in procedure.competent_authorities
            assert graph.value(authority, DCTERMS.spatial) == URIRef(VIETNAM)
    assert (URIRef(VIETNAM), RDF.type, DCTERMS.Location) in graph


def test_each_item_is_an_evidence_and_each_result_an_output(sample, graph) -> None:
    for procedure, _ in sample:
        service = URIRef(SERVICE + procedure.code)
        evidences = sorted(graph.objects(service, CPSV.hasInput), key=lambda e: int(str(e).rsplit("-", 1)[1]))
        assert [str(graph.value(e, DCTERMS.title)) for e in evidences] == [
            " ".join((i.name_normalized or i.name).split()) for i in procedure.items
        ]
        assert all(
            (e, RDF.type, CV.Evidence) in graph and graph.value(e, DCTERMS.identifier) for e in evidences
        )
        outputs = sorted(graph.objects(service, CPSV.produces))
        assert sorted(str(graph.value(o, DCTERMS.title)) for o in outputs) == sorted(
            r.name for r in procedure.results
        )
        codes = {str(graph.value(o, DCTERMS.identifier)) for o in outputs}
        assert {r.code for r in procedure.results if r.code} <= codes
        requirements = list(graph.objects(service, CV.holdsRequirement))
        assert len(requirements) == len(procedure.requirements)


def test_costs_carry_amounts_in_vnd_and_unknown_amounts_none(sample, graph) -> None:
    passport = URIRef(SERVICE + "1.001456")
    costs = list(graph.objects(passport, CV.hasCost))
    assert len(costs) == 3
    for cost in costs:
        assert graph.value(cost, CV.hasValue) == Literal("200000", datatype=DOUBLE)
        assert graph.value(cost, CV.currency) == URIRef(VND)
        channel = graph.value(cost, CV.ifAccessedThrough)
        assert (passport, CV.hasChannel, channel) in graph
    assert (URIRef(VND), RDF.type, SKOS.Concept) in graph
    land = URIRef(SERVICE + "1.013831")  # its fees are published without amounts: unknown, never 0
    for cost in graph.objects(land, CV.hasCost):
        assert graph.value(cost, CV.hasValue) is None
        assert "Không có thông tin" in str(graph.value(cost, DCTERMS.description))
    free = [c for c in graph.objects(URIRef(SERVICE + "1.001193"), CV.hasCost)]
    assert all(float(graph.value(c, CV.hasValue)) == 0.0 for c in free)


def test_channels_are_typed_and_only_calendar_time_becomes_a_duration(graph) -> None:
    criminal_record = URIRef(SERVICE + "3.000333")  # 10 calendar days on every channel
    assert graph.value(criminal_record, CV.processingTime) == Literal("P10D", datatype=DURATION)
    channels = list(graph.objects(criminal_record, CV.hasChannel))
    assert sorted(str(graph.value(graph.value(c, DCTERMS.type), SKOS.prefLabel)) for c in channels) == [
        "Dịch vụ bưu chính",
        "Trực tiếp",
        "Trực tuyến",
    ]
    assert all(graph.value(c, CV.processingTime) == Literal("P10D", datatype=DURATION) for c in channels)
    birth = URIRef(SERVICE + "1.001193")  # working days: no duration, the description says it
    assert graph.value(birth, CV.processingTime) is None
    assert all(graph.value(c, CV.processingTime) is None for c in graph.objects(birth, CV.hasChannel))


@pytest.mark.parametrize(
    ("limit", "unit", "expected"),
    [
        (15, TimeUnit.DAY, "P15D"),
        (0.5, TimeUnit.DAY, "PT12H"),
        (4, TimeUnit.HOUR, "PT4H"),
        (1.5, TimeUnit.HOUR, "PT90M"),
        (2, TimeUnit.MONTH, "P2M"),
        (15, TimeUnit.WORKING_DAY, None),
        (15, TimeUnit.OTHER, None),
        (None, TimeUnit.DAY, None),
    ],
)
def test_durations(limit, unit, expected) -> None:
    assert duration(limit, unit) == expected


def test_legal_resources_are_shared_between_services(sample, graph) -> None:
    law = URIRef(SERVICE + "van-ban/60-2014-qh13")  # the Civil Status Law, basis of several procedures
    citing = set(graph.subjects(CV.hasLegalResource, law))
    assert len(citing) >= 2
    assert str(graph.value(law, DCTERMS.identifier)) == "60/2014/QH13"
    assert len(list(graph.objects(law, DCTERMS.title))) == 1


def test_an_output_of_one_service_is_the_source_of_another_services_evidence(sample) -> None:
    procedures = {p.code: p for p, _ in sample}
    passport, birth = procedures["1.001456"], procedures["1.001193"]
    link = Finding(
        item_index=3,
        item_name=passport.items[3].name,
        grade=FindingGrade.ISSUED_BY_STATE,
        issuing_procedure="1.001193",
    )
    graph = cpsv_graph(generate_cpsv([birth, passport], {"1.001456": [link]}))
    evidence = URIRef(SERVICE + "1.001456#evidence-3")
    assert graph.value(evidence, DCTERMS.source) == URIRef(SERVICE + "1.001193#output-0")
    assert (URIRef(SERVICE + "1.001193#output-0"), RDF.type, CV.Output) in graph
    assert (URIRef(SERVICE + "1.001456"), DCTERMS.requires, URIRef(SERVICE + "1.001193")) in graph
    alone = cpsv_graph(generate_cpsv([passport], {"1.001456": [link]}))  # the issuer is not exported
    assert alone.value(evidence, DCTERMS.source) == URIRef(SERVICE + "1.001193")
    assert alone.value(URIRef(SERVICE + "1.001456"), DCTERMS.requires) is None
    assert validate_cpsv(generate_cpsv([passport], {"1.001456": [link]})) == []


def test_a_procedure_without_any_agency_still_has_a_competent_authority() -> None:
    document = generate_cpsv([Procedure(code="9.000001", name="Thủ tục\x07 thử")])
    assert validate_cpsv(document) == []
    service = document["@graph"][0]
    assert service["dct:title"]["@value"] == "Thủ tục thử"
    [authority] = service["cv:hasCompetentAuthority"]
    assert authority["@id"] == SERVICE + "9.000001#competent-authority"


def test_shacl_reports_what_is_missing(document) -> None:
    broken = json.loads(json.dumps(document))
    service = broken["@graph"][0]
    del service["dct:title"], service["cv:hasCompetentAuthority"]
    evidence = next(n for n in broken["@graph"] if n["@type"] == "Evidence")
    evidence["dct:identifier"] = [evidence["dct:identifier"], "second"]
    errors = validate_cpsv(broken)
    assert any(service["@id"] in e and "title" in e for e in errors)
    assert any(service["@id"] in e and "hasCompetentAuthority" in e for e in errors)
    assert any(evidence["@id"] in e and "identifier" in e for e in errors)


def test_the_remote_context_is_resolved_offline_and_others_refused(sample) -> None:
    remote = generate_cpsv([p for p, _ in sample[:2]], context="remote")
    assert remote["@context"][0] == CONTEXT_URL
    assert validate_cpsv(remote) == []
    remote["@context"][0] = "https://example.org/context.jsonld"
    assert validate_cpsv(remote) == [
        "not a readable JSON-LD document: remote @context https://example.org/context.jsonld is not available offline"
    ]


def test_the_streamed_file_is_the_generated_document(sample, document, tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonld"
    calls: list[tuple[int, int]] = []
    write_cpsv(
        [p for p, _ in sample],
        path,
        progress=lambda d, t: calls.append((d, t)),
        findings_by_code={p.code: f for p, f in sample},
    )
    assert json.loads(path.read_text(encoding="utf-8")) == document
    assert calls == [(i, len(sample)) for i in range(1, len(sample) + 1)]
    assert generate_cpsv([p for p, _ in sample], {p.code: f for p, f in sample}) == document  # deterministic
    with pytest.raises(Cancelled):
        write_cpsv([p for p, _ in sample], tmp_path / "cancelled.jsonld", cancelled=lambda: True)
    assert sorted(tmp_path.iterdir()) == [path]


@pytest.mark.shared  # reads ../shared/schemas, not the data
def test_the_shipped_shapes_and_context_are_the_shared_ones() -> None:
    shared = SHARED / "schemas" / "cpsv-ap-3.2.0"
    if not shared.is_dir():
        pytest.skip(f"no shared schemas at {shared}")
    for name in ("cpsv-ap-SHACL.ttl", "cpsv-ap.jsonld"):
        assert (SCHEMA_DIR / name).read_bytes() == (shared / name).read_bytes(), name


@pytest.mark.shared
def test_shared_procedures_conform_to_the_shapes(shared_data: Path) -> None:
    # pyshacl takes about 40 s for the whole corpus (2,096 distinct codes); the test checks a spread of 200,
    # benchmarks/validate_open_formats.py all 2,110 records.
    records = every_nth(portal_pages(shared_data), 200)
    chosen = list({p.code: (p, f) for p, f in records}.values())  # one record per code: IRIs are per code
    document = generate_cpsv([p for p, _ in chosen], {p.code: f for p, f in chosen})
    assert len(chosen) >= 190
    assert validate_cpsv(document) == []
