"""Which language a visitor reads, and which language a field is actually shown in.

The languages themselves (codes, names, directions, fallback chains, locales)
are the table in `portal/languages.py`; settings derive from it, and this
module answers the questions templates, the API and the demo loader ask of it.
"""

from django.conf import settings
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from portal.languages import BY_CODE


def native_name(code: str) -> str:
    """The language's name as its readers write it in a language menu (Қазақша, اردو, 简体中文)."""
    return BY_CODE[code].native_name if code in BY_CODE else translation.get_language_info(code)["name_local"]


def og_locale(code: str) -> str:
    return BY_CODE[code].og_locale if code in BY_CODE else code


def language_codes() -> list[str]:
    return list(settings.LANGUAGE_CODES)


def is_rtl(code: str) -> bool:
    return code in BY_CODE and BY_CODE[code].rtl


def fallback_chain(code: str) -> list[str]:
    """The languages tried for `code`, in order, starting with `code` itself."""
    chains = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = [code, *chains.get(code, chains["default"])]
    seen: list[str] = []
    for lang in chain:
        if lang not in seen:
            seen.append(lang)
    return seen


def normalise(code: str | None) -> str | None:
    """Map a requested code (`zh-CN`, `ru-RU`, `ZH-HANS`) onto a portal language, or None."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return None


def has_value(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    try:
        return len(value) > 0
    except TypeError:
        return True


def shown_language(instance, field_name: str, language: str | None = None) -> str | None:
    """The language `field_name` of `instance` is displayed in for `language`.

    Follows the fallback chain; returns None when no language has a value.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    for lang in fallback_chain(language):
        if has_value(getattr(instance, build_localized_fieldname(field_name, lang), None)):
            return lang
    return None


def value_in(instance, field_name: str, language: str):
    """The stored value of one language column, without any fallback."""
    return getattr(instance, build_localized_fieldname(field_name, language), None)
