"""One wording per concept and language, in the catalogues and in the demo content.

A reviewer read both (issue 12, "Terminology pass on what exists") and found the site named two ways,
Russian words in Belarusian text, two words for "museum" in Urdu, two abbreviations for BCE in Kazakh,
dates that break across lines, Persian slugs that split a plural, and an original title tagged with the
wrong language. These tests hold the decisions taken, so the same slips do not come back.
"""

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.utils import translation
from django.utils.translation import to_locale

from collections_app.l10n import format_year, format_year_range
from collections_app.models.vocabularies import validate_year_range
from portal.languages import BY_CODE, SOURCE_LANGUAGE
from tests import factories
from tests.helpers import make_home, url_in

LOCALE = Path(settings.BASE_DIR) / "locale"
DATA = Path(settings.BASE_DIR) / "collections_app" / "demo" / "data"
LANGUAGES = [code for code in settings.LANGUAGE_CODES if code != SOURCE_LANGUAGE]
NBSP, LRI, PDI = "\u00a0", "\u2066", "\u2069"


def catalogue(code: str) -> list:
    """The translated messages of a language (header left out), read with Babel's PO parser."""
    with (LOCALE / to_locale(code) / "LC_MESSAGES" / "django.po").open("rb") as file:
        return [message for message in read_po(file) if message.id]


def translations(message) -> list[str]:
    return list(message.string) if message.pluralizable else [message.string]


def catalogue_string(code: str, msgid: str, context: str | None = None) -> str:
    return next(m.string for m in catalogue(code) if m.id == msgid and m.context == context)


def _walk(node, language=None):
    """(language, text) for every string of the demo data that sits under a language key."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, key if key in settings.LANGUAGE_CODES else language)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, language)
    elif isinstance(node, str) and language:
        yield language, node


def content_texts(code: str) -> list[str]:
    return [text for path in sorted(DATA.glob("**/*.json")) for lang, text in _walk(load(path)) if lang == code]


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def texts(code: str) -> list[str]:
    """What a reader of `code` can meet: the catalogue's translations and the demo content in that language."""
    return [text for message in catalogue(code) for text in translations(message)] + content_texts(code)


SITE = load(DATA / "site.json")

# (language, wrong, right): what the reviewer found and the wording decided instead.
TERMS = [
    ("ru", "Альянс музеев ШОС", "Музейный альянс ШОС"),
    ("zh-hans", "示意图", "插图"),
    ("be", "куратор", "Куратарская група"),
    ("ur", "معاون کیوریٹر", "شریک کیوریٹر"),
    ("ur", "عجائب گھر", "میوزیم"),
    ("kk", "б.з.д.", "б.з.б."),
    ("kk", "заманымызға дейін", "заманымыздан бұрынғы"),
    ("ky", "Эсик", "Есик корууну"),
    ("ky", "Тянь-Шан", "Теңир-Тоо"),
]


@pytest.mark.parametrize(("code", "wrong", "right"), TERMS, ids=[f"{code}-{right}" for code, _w, right in TERMS])
def test_each_concept_has_one_wording_in_catalogue_and_content(code, wrong, right):
    everything = texts(code)
    assert [text for text in everything if wrong.casefold() in text.casefold()] == []
    assert any(right in text for text in everything)


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_is_titled_with_the_site_name_of_the_catalogue(code):
    assert SITE["home"]["title"][code] == catalogue_string(code, "SCO Museum Alliance")


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("ru", "Музейный альянс ШОС"),
        ("zh-hans", "上合组织博物馆联盟"),
        ("tg", "Иттиҳоди осорхонаҳои СҲШ"),
        ("ur", "ایس سی او میوزیموں کا اتحاد"),
    ],
)
def test_site_name_is_the_decided_one(code, name):
    assert catalogue_string(code, "SCO Museum Alliance") == name


def test_chinese_buddha_exhibition_says_the_sculptors_gave_the_buddha_a_human_form():
    intro = next(e for e in load(DATA / "exhibitions.json") if "Buddha" in e["introduction"]["en"])
    chinese = intro["introduction"]["zh-hans"]
    assert "他人" not in chinese
    assert "以人的形象塑造佛陀" in chinese


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_date_never_breaks_between_its_number_and_its_era(code):
    with translation.override(code):
        dates = [
            format_year(-500),
            format_year(1650),
            format_year_range(-500, -300),
            format_year_range(-200, 100),
            format_year_range(618, 907),
        ]
    # A line may break around the dash of a range, or between words (ru "г. до"), never at a number.
    number_at_a_space = r"[0-9\u06f0-\u06f9] | [0-9\u06f0-\u06f9]"
    assert [date for date in dates if re.search(number_at_a_space, date.replace(" – ", "–"))] == []


def test_russian_bce_year_keeps_unit_and_abbreviation_together():
    with translation.override("ru"):
        assert format_year(-500) == f"500{NBSP}г. до{NBSP}н.{NBSP}э."
        assert format_year_range(-200, 100) == f"200{NBSP}г. до{NBSP}н.{NBSP}э. – 100{NBSP}г. н.{NBSP}э."


@pytest.mark.parametrize("code", ["ru", "be"])
def test_era_abbreviation_is_never_split_in_running_text(code):
    split = r"(?:до|да) н\.|н\. э\.|(?:\d|\b[IVXLC]+) (?:гг?|вв?|тыс)\."
    assert [text for text in texts(code) if re.search(split, text)] == []


@pytest.mark.parametrize(
    ("code", "bce", "ce", "ce_range"),
    [
        ("kk", f"б.з.б.{NBSP}500{NBSP}ж.", f"1650{NBSP}ж.", f"618–907{NBSP}жж."),
        ("ky", f"б.з.ч.{NBSP}500-ж.", "1650-ж.", "618–907-жж."),
        ("uz", f"miloddan{NBSP}avvalgi{NBSP}500-yil", "1650-yil", "618–907-yillar"),
    ],
)
def test_years_of_the_common_era_carry_no_era_marker(code, bce, ce, ce_range):
    with translation.override(code):
        assert (format_year(-500), format_year(1650), format_year_range(618, 907)) == (bce, ce, ce_range)


def year_messages(code: str) -> list[str]:
    """The translations of every message that writes or explains a year."""
    return [
        text
        for message in catalogue(code)
        if message.context == "year" or "BCE" in str(message.id) or "year" in str(message.id)
        for text in translations(message)
    ]


@pytest.mark.parametrize("code", ["fa", "ur"])
def test_right_to_left_year_messages_have_no_ascii_digits_or_leading_minus(code):
    """Digits in the msgstr would not be the reader's own, and a minus before a number shows on
    its right in right-to-left text; numbers that arrive as placeholders are formatted by the code."""
    messages = year_messages(code)
    assert [text for text in messages if re.search(r"[0-9]", re.sub(r"%\(\w+\)[sd]", "", text))] == []
    assert [text for text in messages if re.search(r"-\s*(?:[0-9\u06f0-\u06f9]|%\()", text)] == []


@pytest.mark.parametrize("code", ["fa", "ur"])
def test_negative_years_in_an_error_read_left_to_right_in_right_to_left_text(code):
    with translation.override(code), pytest.raises(ValidationError) as error:
        validate_year_range(-200, -300)
    message = error.value.message_dict["latest_year"][0]
    assert f"{LRI}-300{PDI}" in message
    assert f"{LRI}-200{PDI}" in message


PERSIAN_INDEX_SLUGS = [SITE["museum_index"]["slug"]["fa"], SITE["exhibition_index"]["slug"]["fa"]]


@pytest.mark.parametrize("slug", PERSIAN_INDEX_SLUGS)
def test_persian_index_slug_does_not_split_the_plural_with_a_hyphen(slug):
    """A zero-width non-joiner (موزه‌ها) is no slug character for Django or Wagtail's router,
    so the plural is written joined (موزهها), never hyphenated (موزه-ها)."""
    assert "-ها" not in slug
    assert slug.endswith("ها")
    validate_unicode_slug(slug)


@pytest.mark.django_db
def test_persian_index_pages_answer_at_their_slugs(client):
    home = make_home()
    museums_slug, exhibitions_slug = PERSIAN_INDEX_SLUGS
    museums = factories.MuseumIndexPageFactory(parent=home, slug_fa=museums_slug)
    exhibitions = factories.ExhibitionIndexPageFactory(parent=home, slug_fa=exhibitions_slug)
    for page, slug in ((museums, museums_slug), (exhibitions, exhibitions_slug)):
        url = url_in(page, "fa")
        assert unquote(url) == f"/fa/{slug}/"
        assert client.get(url).status_code == 200


SCRIPTS = {"CJK": "Hans", "CYRILLIC": "Cyrl", "ARABIC": "Arab", "DEVANAGARI": "Deva", "LATIN": "Latn"}
# Letters that a title in this language cannot contain because they belong to a neighbour's alphabet.
FOREIGN_LETTERS = {
    "ru": "іўәғқңөұүһҳҷӣӯ",
    "be": "ищъәғқңөұүһҳҷӣӯ",
    "kk": "ўҳҷӣӯ",
    "ky": "әғқұһіўҳҷӣӯ",
    "tg": "әңөұүһіўыщ",
    "fa": "ٹڈڑںہھے",
}


def scripts(text: str) -> set[str]:
    return {SCRIPTS.get(unicodedata.name(char).split()[0], "other") for char in text if char.isalpha()} - {"other"}


ORIGINAL_TITLES = [
    (path.stem, relic["key"], relic["original_title"])
    for path in sorted((DATA / "museums").glob("*.json"))
    for relic in load(path)["relics"]
    if relic.get("original_title")
]


@pytest.mark.parametrize(("museum", "key", "original"), ORIGINAL_TITLES, ids=[key for _m, key, _o in ORIGINAL_TITLES])
def test_original_title_is_written_in_the_language_it_is_tagged_with(museum, key, original):
    script = BY_CODE[original["lang"]].script
    found = scripts(original["text"])
    assert script in found
    # Chinese titles may hold a Latin letter ("C形玉龙"), nothing else foreign.
    assert found - {script, "Latn"} == set()
    assert not set(original["text"].casefold()) & set(FOREIGN_LETTERS.get(original["lang"], ""))


def test_baburnama_original_title_is_persian():
    (original,) = [original for _m, key, original in ORIGINAL_TITLES if key == "baburnama-manuscript"]
    assert original == {"text": "بابرنامه", "lang": "fa"}
