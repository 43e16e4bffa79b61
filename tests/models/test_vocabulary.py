"""The vocabulary: every enum value has a label in Vietnamese and English in every form, and no form leaks into
another enum or changes what the exports already write."""

from __future__ import annotations

from enum import StrEnum
from typing import get_args

import pytest

from models.enums import CopyForm, FeeKind, FindingGrade, ItemGroup, Level, TimeUnit
from models.vocabulary import ENUM_LABELS, FORMS, Form, enum_value, label, unit_word

EVERY_VALUE = [(enum, value) for enum, labels in ENUM_LABELS.items() for value in enum]


@pytest.mark.parametrize("form", get_args(Form))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_value_has_every_form_in_both_languages(lang, form) -> None:
    for enum, value in EVERY_VALUE:
        assert value in ENUM_LABELS[enum], f"{enum.__name__}.{value.name} has no label"
        text = label(value, lang, form)
        assert text.strip() == text and text, (enum.__name__, value, lang, form)
        if lang == "vi":  # in English a grade's code is a word: "redundant"
            assert text != value.value, f"{enum.__name__}.{value.name} would be shown raw"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_running_text_is_lower_case(lang) -> None:
    for _, value in EVERY_VALUE:
        text = label(value, lang, "text")
        assert text[0] == text[0].lower(), (value, lang, text)


def test_the_forms_belong_to_their_enum() -> None:
    for form, enums in FORMS.items():
        assert form in get_args(Form) and form != "label"
        for enum, values in enums.items():
            assert enum in ENUM_LABELS and all(isinstance(value, enum) for value in values)


def test_values_equal_as_strings_keep_their_own_forms() -> None:
    # FeeKind.OTHER == TimeUnit.OTHER == "OTHER": a table keyed by value alone would mix them up
    assert label(FeeKind.OTHER, form="short") == "Phí, lệ phí"
    assert label(TimeUnit.OTHER, form="short") == "Khác"
    assert label(TimeUnit.OTHER, form="text") == "đơn vị khác"
    assert label(FeeKind.OTHER, "en", "text") == "fee or charge"


def test_forms_without_an_entry_follow_the_label() -> None:
    assert label(CopyForm.CERTIFIED, form="short") == label(CopyForm.CERTIFIED) == "Bản sao có chứng thực"
    assert label(CopyForm.CERTIFIED, form="text") == "bản sao có chứng thực"
    assert label(FindingGrade.REDUNDANT, form="text") == "trùng lặp"  # from the short form
    assert label(ItemGroup.SHOW, "en", "short") == "To show"
    assert label(Level.DISTRICT_HISTORICAL, form="short") == "Cấp huyện (cũ)"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_unit_words_are_the_labels_in_lower_case_as_the_exports_write_them(lang) -> None:
    assert unit_word(None, lang) is None and unit_word(TimeUnit.OTHER, lang) is None
    for unit in TimeUnit:
        if unit is not TimeUnit.OTHER:
            assert unit_word(unit, lang) == label(unit, lang).lower()


def test_importers_read_labels_not_the_other_forms() -> None:
    assert enum_value(FeeKind, "Phí, lệ phí") is None  # a published "Phí, lệ phí:" says neither which
    assert enum_value(FindingGrade, "Trùng lặp (dữ liệu đã có)") is FindingGrade.REDUNDANT
    assert enum_value(TimeUnit, "Khác") is TimeUnit.OTHER


def test_every_enum_of_the_domain_is_in_the_vocabulary() -> None:
    import models.enums
    import models.findings

    enums = {
        value
        for module in (models.enums, models.findings)
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
    }
    assert enums - set(ENUM_LABELS) == set()
