"""Numbers, years and dates as a reader of the page's language writes them.

Django's own formats cover separators but not digits: a Persian reader expects
Persian digits (۱۴۰۳), which CLDR gives as Persian's default numbering system.
Babel supplies the CLDR patterns; this module adds the digits and the
wording of years before the common era, which lives in the gettext
catalogues so translators can place "BCE" where their language puts it.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal
from django.utils import translation
from django.utils.translation import gettext, pgettext

DIGITS = {
    "arab": "٠١٢٣٤٥٦٧٨٩",
    "arabext": "۰۱۲۳۴۵۶۷۸۹",
    "deva": "०१२३४५६७८९",
}


def babel_locale(language: str | None = None) -> Locale:
    """The CLDR locale of a portal language (the active one by default)."""
    return _parse_locale(language or translation.get_language() or "en")


@lru_cache(maxsize=32)
def _parse_locale(code: str) -> Locale:
    try:
        return Locale.parse(translation.to_locale(code))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def native_digits(text: str, language: str | None = None) -> str:
    """Replace ASCII digits by the locale's default digits (Persian: ۰–۹)."""
    digits = DIGITS.get(babel_locale(language).default_numbering_system)
    if not digits:
        return text
    return text.translate(str.maketrans("0123456789", digits))


def format_number(value, decimals: int = 2, language: str | None = None) -> str:
    """A measurement such as 12.5 → "12.5", "12,5" or "۱۲٫۵", without trailing zeros."""
    if value is None:
        return ""
    return _format_number(str(value), decimals, language or translation.get_language() or "en")


@lru_cache(maxsize=8192)
def _format_number(value: str, decimals: int, language: str) -> str:
    """Babel parses its pattern on every call (0.1 ms); a results page formats hundreds of counts."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    locale = babel_locale(language)
    return native_digits(
        format_decimal(Decimal(value), format=pattern, locale=locale, numbering_system="default"), language
    )


def _year_digits(year: int, language: str | None = None) -> str:
    # Years are never grouped: 1403, not 1,403.
    return native_digits(str(abs(year)), language)


def format_year(year: int | None, language: str | None = None) -> str:
    """A single year: "1403", "500 BCE", "公元前500年"."""
    if year is None:
        return ""
    if year < 0:
        # Translators: a year before the common era; year is a number such as 500.
        return pgettext("year", "%(year)s BCE") % {"year": _year_digits(year, language)}
    # Translators: a year of the common era; add a marker only if your language needs one.
    return pgettext("year", "%(year)s CE") % {"year": _year_digits(year, language)}


def format_year_range(earliest: int | None, latest: int | None, language: str | None = None) -> str:
    """A dating range: "500–300 BCE", "200 BCE – 100 CE", "618–907"."""
    if earliest is None and latest is None:
        return ""
    if earliest is None or latest is None or earliest == latest:
        return format_year(earliest if earliest is not None else latest, language)
    start, end = _year_digits(earliest, language), _year_digits(latest, language)
    if latest < 0:
        # Translators: a range of years both before the common era, e.g. "500–300 BCE".
        return pgettext("year", "%(start)s–%(end)s BCE") % {"start": start, "end": end}
    if earliest < 0:
        # Translators: a range from a year before to a year of the common era, e.g. "200 BCE – 100 CE".
        return pgettext("year", "%(start)s BCE – %(end)s CE") % {"start": start, "end": end}
    # Translators: a range of years of the common era, e.g. "618–907".
    return pgettext("year", "%(start)s–%(end)s CE") % {"start": start, "end": end}


def format_date(value: datetime.date | None, language: str | None = None) -> str:
    """A calendar date in the locale's long form: "5 March 2026", "2026年3月5日"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return native_digits(babel_format_date(value, "long", locale=babel_locale(language)), language)


def format_date_range(start: datetime.date | None, end: datetime.date | None) -> str:
    if start and end:
        # Translators: the dates an exhibition runs, already formatted for your language.
        return gettext("%(start)s – %(end)s") % {"start": format_date(start), "end": format_date(end)}
    if start:
        # Translators: an exhibition without a closing date; date is formatted for your language.
        return gettext("From %(date)s") % {"date": format_date(start)}
    return ""
