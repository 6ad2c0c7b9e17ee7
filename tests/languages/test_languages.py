"""Fallback chains: what a reader of each language sees when a field is untranslated."""

import pytest
from django.utils import translation

from collections_app.languages import fallback_chain, normalise, shown_language

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["kk", "ky", "tg", "uz", "be"])
def test_central_asian_languages_and_belarusian_fall_back_to_russian_then_english(code):
    assert fallback_chain(code) == [code, "ru", "en"]


@pytest.mark.parametrize("code", ["zh-hans", "ru", "hi", "ur", "fa"])
def test_other_languages_fall_back_to_english(code):
    assert fallback_chain(code) == [code, "en"]


def test_english_has_no_fallback():
    assert fallback_chain("en") == ["en"]


def test_kazakh_reader_sees_the_russian_title_when_kazakh_is_missing(tree):
    with translation.override("kk"):
        assert tree.relic.title == "Дин Хоумуу"
        assert shown_language(tree.relic, "title") == "ru"


def test_kazakh_reader_sees_english_when_russian_is_missing_too(tree):
    with translation.override("kk"):
        assert tree.other_relic.title == "Kelermes panther"
        assert shown_language(tree.other_relic, "title") == "en"


def test_hindi_reader_skips_russian_and_sees_english(tree):
    with translation.override("hi"):
        assert tree.relic.title == "Houmuwu ding"
        assert shown_language(tree.relic, "title") == "en"


def test_own_translation_wins_over_fallback(tree):
    tree.relic.title_kk = "Хоумуу диңі"
    with translation.override("kk"):
        assert tree.relic.title == "Хоумуу диңі"
        assert tree.relic.fallback_languages().get("title") is None


def test_page_reports_which_fields_are_borrowed(tree):
    with translation.override("be"):
        borrowed = tree.relic.fallback_languages()
    assert borrowed["title"] == "ru"
    assert borrowed["description"] == "ru"


@pytest.mark.parametrize(
    ("requested", "expected"),
    [("zh-CN", "zh-hans"), ("ZH-HANS", "zh-hans"), ("ru-RU", "ru"), ("fa", "fa"), ("xx", None), ("", None)],
)
def test_requested_language_codes_map_onto_portal_languages(requested, expected):
    assert normalise(requested) == expected
