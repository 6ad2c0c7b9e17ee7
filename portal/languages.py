"""The portal's eleven languages: the one table everything else derives from.

Settings (`LANGUAGES`, the fallback chains of django-modeltranslation, the
right-to-left set), the language menu, Open Graph locales, IIIF language
tags and the PostgreSQL search configurations all read this table. Adding a
language is a new row here, then the steps in the README ("Adding a
language"). Plain data: settings import it before Django is set up.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    #: Django's language code: URL prefix, `<html lang>`, column suffix (`title_zh_hans`).
    code: str
    #: English name, translated for the reader of the page ("Kazakh", "Казахский").
    name: str
    #: The name its readers use in a language menu.
    native_name: str
    #: ISO 15924 script of the text.
    script: str
    #: "ltr" or "rtl".
    direction: str
    #: Languages to read, in order, when this one has no text (English always last).
    fallbacks: tuple[str, ...]
    #: `og:locale` of a page in this language.
    og_locale: str
    #: BCP 47 tag for outward formats (IIIF language maps, `xml:lang` in OAI-PMH).
    bcp47: str
    #: PostgreSQL text search configuration (stemming where PostgreSQL has it, else "simple").
    search_config: str

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


SOURCE_LANGUAGE = "en"

TABLE: tuple[Language, ...] = (
    Language("en", _("English"), "English", "Latn", "ltr", (), "en_GB", "en", "english"),
    Language("zh-hans", _("Chinese (Simplified)"), "简体中文", "Hans", "ltr", ("en",), "zh_CN", "zh-Hans", "simple"),
    Language("ru", _("Russian"), "Русский", "Cyrl", "ltr", ("en",), "ru_RU", "ru", "russian"),
    Language("hi", _("Hindi"), "हिन्दी", "Deva", "ltr", ("en",), "hi_IN", "hi", "hindi"),
    Language("ur", _("Urdu"), "اردو", "Arab", "rtl", ("en",), "ur_PK", "ur", "simple"),
    Language("fa", _("Persian"), "فارسی", "Arab", "rtl", ("en",), "fa_IR", "fa", "simple"),
    Language("kk", _("Kazakh"), "Қазақша", "Cyrl", "ltr", ("ru", "en"), "kk_KZ", "kk", "simple"),
    Language("ky", _("Kyrgyz"), "Кыргызча", "Cyrl", "ltr", ("ru", "en"), "ky_KG", "ky", "simple"),
    Language("tg", _("Tajik"), "Тоҷикӣ", "Cyrl", "ltr", ("ru", "en"), "tg_TJ", "tg", "simple"),
    Language("uz", _("Uzbek"), "Oʻzbekcha", "Latn", "ltr", ("ru", "en"), "uz_UZ", "uz", "simple"),
    Language("be", _("Belarusian"), "Беларуская", "Cyrl", "ltr", ("ru", "en"), "be_BY", "be", "simple"),
)

BY_CODE: dict[str, Language] = {language.code: language for language in TABLE}


def django_languages() -> list[tuple[str, str]]:
    """`settings.LANGUAGES`: the table's order is the language menu's and the admin picker's."""
    return [(language.code, language.name) for language in TABLE]


def fallback_languages() -> dict[str, tuple[str, ...]]:
    """`MODELTRANSLATION_FALLBACK_LANGUAGES`: English for every language without its own chain."""
    chains: dict[str, tuple[str, ...]] = {"default": (SOURCE_LANGUAGE,)}
    for language in TABLE:
        if language.fallbacks and language.fallbacks != (SOURCE_LANGUAGE,):
            chains[language.code] = language.fallbacks
    return chains
