"""The standardized specification in Word: what a reader finds in it (python-docx), what the Word importer reads
back from it (the round trip), and the issue's bar (literal text, XML-illegal characters, progress, cancel, A4 and
page numbers). LibreOffice's conversion is checked apart, by scripts/check_word_pdf.py."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

import exporters.word.spec as spec
from catalog.importing.importer import FileRecord, expand, read_file
from catalog.reading.items import group_of_heading
from catalog.reading.spec_labels import match_label
from exporters.word.spec import AnnexInfo, generate_spec_docx, write_spec_docx
from exporters.word.spec_text import FIELD_LABELS, FIELD_ORDER, INFO_LABELS, LETTERS
from models.enums import ChannelMethod, FeeKind, ItemGroup, ProcedureStatus
from models.jobs import Cancelled
from models.procedure import Channel, DossierItem, Fee, LegalReference, Note, Procedure, Step
from models.text import fold, squash
from tests.helpers.corpus import sample_procedures

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[Procedure]:
    return sample_procedures(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def exported(sample: list[Procedure], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "dac-ta.docx"
    assert write_spec_docx(sample, path) == len(sample)
    return path


@pytest.fixture(scope="module")
def read_back(exported: Path) -> dict[str, FileRecord]:
    records = list(read_file(exported))
    assert all(r.failure is None for r in records), [r.failure for r in records]
    return {r.procedure.code: r for r in records if r.procedure is not None and not r.listing}


def blocks(path: Path) -> list[DocxParagraph | DocxTable]:
    return list(docx.Document(str(path)).iter_inner_content())


def rows(table: DocxTable) -> list[list[str]]:
    """Cell texts per row, a merged cell once."""
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell.text)
        out.append(cells)
    return out


def part_two(path: Path) -> dict[str, list[DocxParagraph | DocxTable]]:
    """Each procedure's blocks in Part II, by the code its identification table gives."""
    out: dict[str, list[DocxParagraph | DocxTable]] = {}
    current: list[DocxParagraph | DocxTable] | None = None
    for block in blocks(path):
        if isinstance(block, DocxParagraph) and block.style.name == "Heading 4":
            current = [block]
        elif isinstance(block, DocxParagraph) and block.style.name.startswith("Heading"):
            current = None
        elif current is not None:
            if not current[1:] and isinstance(block, DocxTable):
                out[rows(block)[0][1]] = current
            current.append(block)
    return out


def field_texts(procedure_blocks: list[DocxParagraph | DocxTable]) -> dict[str, list[Any]]:
    """The blocks under each field label, by the label's letter."""
    out: dict[str, list[Any]] = {}
    letter = None
    for block in procedure_blocks[2:]:
        if isinstance(block, DocxParagraph) and block.style.name == "Field Label":
            letter = block.text.split(")", 1)[0]
            out[letter] = [block.text]
        elif letter is not None:
            out[letter].append(rows(block) if isinstance(block, DocxTable) else block.text)
    return out


# ------------------------------------------------------------------------------------------- what a reader sees


def test_part_one_lists_the_selection_with_code_name_field_and_agency(
    exported: Path, sample: list[Procedure]
) -> None:
    content = blocks(exported)
    titles = [b.text for b in content[:3] if isinstance(b, DocxParagraph)]
    assert titles[:2] == ["PHỤ LỤC", "THỦ TỤC HÀNH CHÍNH"]
    heading_at = next(i for i, b in enumerate(content) if getattr(b, "text", "").startswith("PHẦN I."))
    listing = content[heading_at + 1]
    assert isinstance(listing, DocxTable)
    table = rows(listing)
    assert table[0] == ["STT", "Mã số", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện"]
    listed = {row[1]: row for row in table[1:] if len(row) == 5}
    assert set(listed) == {p.code for p in sample}
    for procedure in sample:
        _, _, name, field, agencies = listed[procedure.code]
        assert (name, field) == (procedure.name, procedure.field)
        assert agencies.split("\n") == procedure.executing_agencies
    field_rows = [row[0] for row in table[1:] if len(row) == 1]  # one merged row per field, numbered I, II…
    assert field_rows[0] == "I. Lĩnh vực Cấp, quản lý căn cước" and len(field_rows) == len(
        {p.field for p in sample}
    )


def test_each_procedure_has_its_heading_identification_and_lettered_fields_in_publication_order(
    exported: Path, sample: list[Procedure]
) -> None:
    procedures = part_two(exported)
    assert set(procedures) == {p.code for p in sample}
    birth = next(p for p in sample if p.code == "1.001193")
    heading, info, *_ = procedures["1.001193"]
    assert re.fullmatch(r"\d+\. Thủ tục đăng ký khai sinh", heading.text)
    assert rows(info) == [
        [INFO_LABELS["code"], "1.001193"],
        [INFO_LABELS["field"], "Hộ tịch"],
        [INFO_LABELS["levels"], "Cấp xã"],
        [INFO_LABELS["address"], birth.receiving_address],
    ]
    fields = field_texts(procedures["1.001193"])
    assert list(fields) == list(LETTERS[: len(FIELD_ORDER)])
    for letter, key in zip(LETTERS, FIELD_ORDER, strict=False):
        assert fields[letter][0].startswith(f"{letter}) {FIELD_LABELS[key]}")
        label = match_label(fields[letter][0])
        assert label is not None and label.key == key  # the importer reads the label we print
    steps = fields["a"][1:]
    assert steps[0] == f"Bước 1: {birth.steps[0].title}\n{birth.steps[0].description}"
    assert len(steps) == len(birth.steps)
    channels = fields["b"][1]
    assert channels[0] == ["Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả"]
    assert channels[1][:2] == ["Trực tiếp", "1 ngày làm việc"]
    assert channels[1][3] == birth.channels[0].time_note
    assert fields["d"][0].endswith(": 1 ngày làm việc")
    assert fields["đ"][1:] == [f"- {s}" for s in birth.subjects]
    assert fields["g"][1:] == ["- Giấy khai sinh (Mã: KQ.G15.000031)"]
    assert fields["l"][1] == "- Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014;"
    assert fields["l"][2].startswith("- Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 quy định chi tiết")


def test_the_dossier_table_lists_items_with_quantities_under_their_groups_and_notes_apart(
    exported: Path, sample: list[Procedure]
) -> None:
    birth = next(p for p in sample if p.code == "1.001193")
    table = field_texts(part_two(exported)["1.001193"])["c"][1]
    assert table[0] == ["STT", "Tên giấy tờ", "Mẫu đơn, tờ khai", "Bản chính", "Bản sao", "Ghi chú"]
    submit = birth.items_in(ItemGroup.SUBMIT)
    assert table[1][:5] == ["1", submit[0].name, submit[0].template, "1", "0"]
    show_at = table.index(["Giấy tờ phải xuất trình:"])
    assert show_at == 1 + len(submit)  # items to submit first, under no heading, as published
    shown = birth.items_in(ItemGroup.SHOW)
    assert [row[1] for row in table[show_at + 1 : show_at + 1 + len(shown)]] == [i.name for i in shown]
    assert "Trường hợp thông tin không khai thác được" in table[show_at + 1][5]  # the condition, as a remark
    notes_at = table.index(["Lưu ý:"])
    assert table[notes_at + 1] == ["", birth.notes[0].text, "0", "0", ""]  # a note spans name and template
    assert table[-2] == ["Lưu ý (Nhận kết quả):"]
    assert table[-1][1] == birth.notes[-1].text


def test_the_page_is_a4_with_decree_30_margins_times_new_roman_and_a_page_number(exported: Path) -> None:
    document = docx.Document(str(exported))
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin)]
    assert margins + [round(section.right_margin.mm)] == [20, 20, 30, 15]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 13
    for name in ("Heading 1", "Heading 4", "Field Label", "Table Text"):
        assert document.styles[name].font.name == "Times New Roman"
    footer = section.footer.paragraphs[0]._p
    assert [t.text for t in footer.iter(f"{W}instrText")] == [" PAGE "]
    assert document.core_properties.author == "TTHC Workbench"


# --------------------------------------------------------------------------------------------- imported text


def _hostile() -> Procedure:
    return Procedure(
        code="9.000001",
        name='=HYPERLINK("http://evil.example","Bấm")\x07',
        field="+84 Lĩnh vực",
        subjects=["-2+3", "@SUM(A1:A9)", "{ DDEAUTO c:\\\\windows\\\\cmd.exe }"],
        steps=[Step(title="=1+1", description="Nộp hồ sơ\x1b\ufffe tại bộ phận một cửa")],
        items=[DossierItem(name="=cmd|' /C calc'!A0", originals=1, copies=0)],
    )


def test_formula_looking_text_is_written_as_literal_text_never_as_a_field(tmp_path: Path) -> None:
    path = tmp_path / "hostile.docx"
    write_spec_docx([_hostile()], path)
    document = docx.Document(str(path))
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "fldSimple" not in body and "instrText" not in body and "fldChar" not in body
    texts = [p.text for p in document.paragraphs]
    assert '1. =HYPERLINK("http://evil.example","Bấm")' in texts
    assert "- { DDEAUTO c:\\\\windows\\\\cmd.exe }" in texts and "- @SUM(A1:A9)" in texts
    procedure = next(r.procedure for r in read_file(path) if r.procedure is not None and not r.listing)
    assert procedure.subjects == ["-2+3", "@SUM(A1:A9)", "{ DDEAUTO c:\\\\windows\\\\cmd.exe }"]
    assert procedure.items[0].name == "=cmd|' /C calc'!A0"


def test_characters_xml_cannot_carry_are_dropped_without_failing(tmp_path: Path) -> None:
    path = tmp_path / "controls.docx"
    write_spec_docx([_hostile()], path)
    procedure = next(r.procedure for r in read_file(path) if r.procedure is not None and not r.listing)
    assert procedure.name == '=HYPERLINK("http://evil.example","Bấm")'
    # a lone step comes back as one text (documented): its title line, then the description without the controls
    assert procedure.steps[0].description == "Bước 1: =1+1\nNộp hồ sơ tại bộ phận một cửa"


def test_lines_that_read_like_labels_or_headings_stay_inside_their_field(tmp_path: Path) -> None:
    tricky = Procedure(
        code="9.000002",
        name="Trình tự chuẩn bị dự án đầu tư",  # opens like the label "Trình tự thực hiện"
        field="Đầu tư",
        steps=[
            Step(title="Nộp hồ sơ", description="Hồ sơ bao gồm:\nKết quả thực hiện: văn bản chấp thuận"),
            Step(description="1. Thủ tục hành chính được thẩm định"),
        ],
        items=[
            DossierItem(name="Kết quả kiểm tra chất lượng", originals=1, copies=0),
            DossierItem(name="Mẫu đơn đề nghị", originals=1, copies=0),
        ],
        notes=[Note(text="Thời hạn giải quyết có thể kéo dài (02 bản sao)", heading="Lưu ý")],
        requirements=["Căn cứ pháp lý: Luật Đầu tư", "ĐỐI TƯỢNG ƯU TIÊN"],
        legal_basis=[LegalReference(title="Luật Đầu tư", number="61/2020/QH14")],
    )
    path = tmp_path / "tricky.docx"
    write_spec_docx([tricky], path)
    (record,) = [r for r in read_file(path) if r.procedure is not None]
    back = record.procedure
    assert back.name == "Thủ tục Trình tự chuẩn bị dự án đầu tư"  # documented: so it is read as a heading
    assert [s.title for s in back.steps] == [
        "Bước 1: Nộp hồ sơ",
        "Bước 2: 1. Thủ tục hành chính được thẩm định",
    ]
    assert back.steps[0].description == "Hồ sơ bao gồm:\nKết quả thực hiện: văn bản chấp thuận"
    assert [(i.name, i.originals) for i in back.items] == [(i.name, 1) for i in tricky.items]
    assert [n.text for n in back.notes] == [tricky.notes[0].text]  # a note naming a quantity stays a note
    assert back.requirements == tricky.requirements
    assert [(r.number, r.issuer) for r in back.legal_basis] == [("61/2020/QH14", "Quốc hội")]


def test_a_procedure_with_nothing_known_says_so_and_reads_back_empty(tmp_path: Path) -> None:
    path = tmp_path / "bare.docx"
    write_spec_docx([Procedure(code="9.000003", name="Thủ tục chưa có thông tin")], path)
    texts = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Field Label"]
    assert texts[0] == "a) Trình tự thực hiện (không có thông tin)."
    assert texts[3] == "d) Thời hạn giải quyết: Không có thông tin"
    assert texts[9] == "k) Yêu cầu, điều kiện thực hiện thủ tục hành chính (nếu có): Không quy định."
    (record,) = [r for r in read_file(path) if r.procedure is not None]
    back = record.procedure
    assert (back.code, back.name, back.field) == ("9.000003", "Thủ tục chưa có thông tin", None)
    for part in ("steps", "channels", "items", "notes", "results", "legal_basis", "subjects", "requirements"):
        assert getattr(back, part) == [], part


# ----------------------------------------------------------------------------------------------- round trip


def _steps_text(procedure: Procedure) -> str:
    text = "\n".join(
        "\n".join(x for x in (squash(s.title), s.description.strip()) if x) for s in procedure.steps
    )
    return squash(re.sub(r"(?im)^\s*[-+*]?\s*Bước\s*\d{1,2}\s*[:.)\-–]\s*", "", text))


def _same_title(back: LegalReference, reference: LegalReference) -> bool:
    """Whether the title read back is the published one with, at most, the number and date the line added."""
    date = f" ngày {reference.date:%d/%m/%Y}" if reference.date else ""
    title = squash(reference.title).rstrip(" ;,.")
    added = ("", f" số {reference.number}{date}", f"Số {reference.number}{date}: ", date)
    return any(back.title.replace(cut, "", 1) in (title, title.replace(";", ",")) for cut in added)


def carried(procedure: Procedure) -> dict[str, Any]:
    """The fields the layout carries, as the importer normalises them (see exporters.word.spec_text.NOT_CARRIED)."""
    return {
        "code": procedure.code,
        "name": squash(procedure.name),
        "field": procedure.field,
        "levels": procedure.levels,
        "address": squash(procedure.receiving_address) or None,
        "status": None if procedure.status is ProcedureStatus.ACTIVE else procedure.status,
        "subjects": procedure.subjects,
        "agencies": [
            procedure.competent_authorities,
            procedure.executing_agencies,
            procedure.authorised_agencies,
            procedure.coordinating_agencies,
        ],
        "requirements": procedure.requirements,
        "steps": _steps_text(procedure),
        "step count": len(procedure.steps),
        "channels": [
            (
                c.method,
                c.time_limit,
                c.time_unit,
                squash(c.time_note) or None,
                [(f.kind, f.amount_vnd) for f in c.fees],
            )
            for c in procedure.channels
        ],
        "items": [(i.name, i.group, i.originals, i.copies, i.template) for i in procedure.items],
        "notes": [n.text for n in procedure.notes],
        "results": [(r.name.rstrip(" .;"), r.code) for r in procedure.results],
        "legal basis": [(r.number, r.date) for r in procedure.legal_basis],
    }


def test_the_sample_reads_back_to_the_same_procedures(
    sample: list[Procedure], read_back: dict[str, FileRecord]
) -> None:
    assert set(read_back) == {p.code for p in sample}
    for procedure in sample:
        record = read_back[procedure.code]
        assert record.warnings == []
        back = record.procedure
        assert back is not None
        assert carried(back) == carried(procedure), procedure.code
        for reference, reference_back in zip(procedure.legal_basis, back.legal_basis, strict=True):
            assert _same_title(reference_back, reference), reference_back.title
        # What the layout carries only as wording: the case heading, the note heading, the fee note (documented).
        for item, item_back in zip(procedure.items, back.items, strict=True):
            if item.case and group_of_heading(item.case) == item.group:
                assert squash(item_back.case).rstrip(":") == squash(item.case).rstrip(":")
        for note, note_back in zip(procedure.notes, back.notes, strict=True):
            assert fold(note.heading or "luu y") in fold(note_back.heading)


def test_the_annex_decision_and_statuses_read_back(sample: list[Procedure], tmp_path: Path) -> None:
    statuses = [ProcedureStatus.NEW, ProcedureStatus.AMENDED, ProcedureStatus.ABOLISHED, None]
    chosen = [p.model_copy(update={"status": s}) for p, s in zip(sample, statuses * 4, strict=False)]
    decision = AnnexInfo("1234/QĐ-UBND", dt.date(2026, 1, 5), "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu")
    path = tmp_path / "qd.docx"
    write_spec_docx(chosen, path, decision=decision)
    texts = [b.text for b in blocks(path) if isinstance(b, DocxParagraph)]
    assert texts[2] == (
        "(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 05 tháng 01 năm 2026 "
        "của Chủ tịch Ủy ban nhân dân tỉnh Lai Châu)"
    )
    assert "1. Danh mục thủ tục hành chính hiện hành" in texts
    assert "2. Danh mục thủ tục hành chính mới ban hành" in texts
    assert "D. Thủ tục hành chính bị bãi bỏ" in texts
    back = {
        r.procedure.code: r.procedure for r in read_file(path) if r.procedure is not None and not r.listing
    }
    for procedure in chosen:
        got = back[procedure.code]
        assert got.status == procedure.status
        assert (got.announcement_decision, got.announcement_date) == ("1234/QĐ-UBND", dt.date(2026, 1, 5))
        assert got.announcement_issuer == "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"


def test_numbering_restarts_per_field_and_continues_past_the_importers_three_digits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spec, "MAX_NUMBER", 2)
    procedures = [Procedure(code=f"9.00000{n}", name=f"Thủ tục số {n}", field="Hộ tịch") for n in range(5)]
    procedures.append(Procedure(code="9.000009", name="Thủ tục không lĩnh vực"))
    path = tmp_path / "many.docx"
    write_spec_docx(procedures, path)
    headings = [
        b.text for b in blocks(path) if isinstance(b, DocxParagraph) and b.style.name.startswith("Heading")
    ]
    assert headings[2:] == [
        "1. Thủ tục không lĩnh vực",  # no field: first, under no field heading
        "I. Lĩnh vực Hộ tịch",
        "1. Thủ tục số 0",
        "2. Thủ tục số 1",
        "II. Lĩnh vực Hộ tịch (tiếp theo)",
        "1. Thủ tục số 2",
        "2. Thủ tục số 3",
        "III. Lĩnh vực Hộ tịch (tiếp theo)",
        "1. Thủ tục số 4",
    ]
    back = {
        r.procedure.code: r.procedure for r in read_file(path) if r.procedure is not None and not r.listing
    }
    assert {code: (p.name, p.field) for code, p in back.items()} == {
        p.code: (p.name, p.field) for p in procedures
    }


def test_shared_corpus_pages_read_back_with_their_published_parts(shared_data: Path, tmp_path: Path) -> None:
    files, _ = expand([shared_data / "portal-pages"])
    procedures = [r.procedure for path in files[::40] for r in read_file(path) if r.procedure is not None]
    procedures = list({p.code: p for p in procedures}.values())
    path = tmp_path / "corpus.docx"
    assert write_spec_docx(procedures, path) == len(procedures)
    back = {
        r.procedure.code: r.procedure for r in read_file(path) if r.procedure is not None and not r.listing
    }
    assert set(back) == {p.code for p in procedures}
    for procedure in procedures:
        got = back[procedure.code]
        assert got.name in (squash(procedure.name), f"Thủ tục {squash(procedure.name)}")
        assert _steps_text(got) == _steps_text(procedure), procedure.code
        assert [(i.name, i.originals, i.copies, i.group) for i in got.items] == [
            (i.name, i.originals, i.copies, i.group) for i in procedure.items
        ], procedure.code
        assert [n.text for n in got.notes] == [n.text for n in procedure.notes], procedure.code
        assert [c.method for c in got.channels] == [c.method for c in procedure.channels]
        assert [[(f.kind, f.amount_vnd) for f in c.fees] for c in got.channels] == [
            [(f.kind, f.amount_vnd) for f in c.fees] for c in procedure.channels
        ], procedure.code


# ----------------------------------------------------------------------------------------------- streaming


def test_progress_is_reported_per_procedure_and_cancel_leaves_no_file(
    sample: list[Procedure], tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    path = tmp_path / "out.docx"
    count = write_spec_docx(iter(sample), path, total=len(sample), progress=lambda d, t: seen.append((d, t)))
    assert count == 15 and seen == [(n, 15) for n in range(1, 16)]
    seen.clear()
    write_spec_docx(iter(sample[:2]), tmp_path / "unknown.docx", progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 0), (2, 0)]  # a stream of unknown length: total 0
    (tmp_path / "unknown.docx").unlink()
    before = path.read_bytes()
    with pytest.raises(Cancelled):
        write_spec_docx(sample, path, cancelled=lambda: True)
    assert path.read_bytes() == before  # the earlier file stays whole
    polls = iter(range(100))
    with pytest.raises(Cancelled):
        write_spec_docx(sample, tmp_path / "new.docx", cancelled=lambda: next(polls) >= 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]  # no partial file either


def test_the_same_selection_gives_the_same_bytes(sample: list[Procedure]) -> None:
    assert generate_spec_docx(sample[:3]) == generate_spec_docx(sample[:3])


# ------------------------------------------------------------------------------------------------- golden


def dump(path: Path) -> list[Any]:
    """The document's body as a reader meets it: each paragraph's style and text, each table's rows."""
    out: list[Any] = []
    for block in blocks(path):
        if isinstance(block, DocxTable):
            out.append({"table": rows(block)})
        elif block.text:
            out.append({block.style.name: block.text})
    return out


def test_two_sample_procedures_match_the_golden_text(sample: list[Procedure], tmp_path: Path, golden) -> None:
    chosen = [p for p in sample if p.code in ("1.001193", "3.000347")]
    path = tmp_path / "two.docx"
    decision = AnnexInfo("99/QĐ-BTP", dt.date(2026, 2, 13), "Bộ trưởng Bộ Tư pháp", "thuộc phạm vi quản lý")
    write_spec_docx(chosen, path, decision=decision)
    golden("docx-export/two-procedures.json", dump(path))


def test_the_module_names_every_field_of_the_layout() -> None:
    assert FIELD_ORDER == (
        "steps",
        "channels",
        "dossier",
        "time",
        "subjects",
        "agencies",
        "results",
        "fees",
        "forms",
        "requirements",
        "legal",
    )
    for key, label in {**FIELD_LABELS, **INFO_LABELS}.items():
        found = match_label(label)
        assert found is not None and found.key == key


def test_fee_cells_read_back_to_the_same_kind_and_amount() -> None:
    from catalog.reading.spec_fields import parse_fees
    from exporters.word.spec_text import fees_cell

    fees = [
        Fee(kind=FeeKind.CHARGE, amount_vnd=8000, note="Lệ phí: 8.000 đồng"),  # as the portal words it: kept
        Fee(kind=FeeKind.FEE, amount_vnd=1_250_000, note=None),
        Fee(kind=FeeKind.OTHER, amount_vnd=None, note="Theo quy định của Hội đồng nhân dân tỉnh"),
        Fee(kind=FeeKind.CHARGE, amount_vnd=0, note="Miễn lệ phí; bản sao 8.000 đồng/bản"),  # names an amount
    ]
    cell = fees_cell(fees)
    assert cell.split("\n") == [
        "Lệ phí: 8.000 đồng",
        "Phí: 1.250.000 đồng",
        "Phí, lệ phí: Theo quy định của Hội đồng nhân dân tỉnh",
        "Lệ phí: Miễn",
    ]
    assert [(f.kind, f.amount_vnd) for f in parse_fees(cell)] == [(f.kind, f.amount_vnd) for f in fees]
    unknown = Channel(method=ChannelMethod.ONLINE, fees=[Fee(kind=FeeKind.FEE)])
    assert [(f.kind, f.amount_vnd) for f in parse_fees(fees_cell(unknown.fees))] == [(FeeKind.FEE, None)]


def test_file_names_come_from_code_and_name_and_never_leave_the_folder() -> None:
    from exporters.word.spec import spec_docx_filename

    one = Procedure(code="1.001193", name="../../Thủ tục: khai sinh?")
    assert spec_docx_filename([one]) == "1.001193 .. .. Thủ tục khai sinh.docx"
    assert "/" not in spec_docx_filename([Procedure(code="a/b", name="c\\d")])
    assert spec_docx_filename([one, one]) == "Phụ lục thủ tục hành chính (2 thủ tục).docx"
