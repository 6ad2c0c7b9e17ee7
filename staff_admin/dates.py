"""Read earliest and latest years from a relic's date label, as a suggestion for the editor.

Cataloguers write dates for readers ("13th–11th century BCE", "ок. 1650",
"公元前206年至公元9年", "Qianlong period"); the relic also needs two plain
numbers for sorting and filtering. This module turns the first into the
second, and says clearly when it cannot. It is a suggestion only: the
editor sees the years filled in, marked as suggested, and can change them.

Years follow the portal's rule: a negative number is a year BCE, and there
is no year 0 (1 BCE is -1, the next year is 1 CE).

Conventions (the same in every language):

- **Centuries and millennia** are counted from year 1, as historians count
  them: the 5th century is 401–500, the 13th century BCE is 1300–1201 BCE
  (-1300..-1201), so "13th–11th century BCE" is -1300..-1001; the
  3rd millennium BCE is -3000..-2001.
- **Parts of a century or millennium**: "early" is its first third, "mid"
  the middle third, "late" the last third (early 19th century = 1801–1833,
  late 14th century = 1367–1400); "first half" and "second half" are halves.
- **"c."** (circa, about, ок., 约) widens a year by 10 on each side:
  "c. 1650" is 1640..1660, "c. 1650–1700" is 1640..1710. Centuries and
  millennia are broad already and are not widened.
- **Decades**: "1650s" is 1650..1659; a round hundred in English ("1900s")
  is the hundred years 1900..1999.
- **An era written once** applies to both ends of a range ("500–400 BCE",
  "XIII–XI вв. до н. э."); without an era, years are CE. "1650–75" is
  1650..1675.
- **Named periods**: a label (or a part of it, between commas or brackets)
  that is the name of a culture or period in any language ("Qianlong period",
  "清乾隆") takes that term's years. Words such as "period", "dynasty",
  "эпоха", "时期" are ignored when names are compared. Numbers in a label win
  over a named period ("Tang dynasty, 8th century" is the 8th century).
- A range of this century ends this year at the latest.

This module imports no model: the caller passes the named periods.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MAX_LABEL_LENGTH = 255
#: Far enough back for any dated object (some 10 million years); keeps the number in a database integer.
MAX_YEARS_BCE = 10_000_000
#: A circa year is widened by this many years on each side.
CIRCA_YEARS = 10


class DateLabelError(ValueError):
    """The label has no years the parser can read, or names impossible ones; `message` says which."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Period:
    """A named culture or period: its names in every language, and its years."""

    names: tuple[str, ...]
    earliest: int
    latest: int


@dataclass(frozen=True)
class YearRange:
    earliest: int
    latest: int
    #: The named period the years come from, or "" when they were read from the label's own numbers.
    period: str = ""


# --- The words of a date ------------------------------------------------------------------------
# Everything is matched after NFKC normalisation and casefolding (full-width digits become ASCII).

_APPROX = r"(?:c\.|ca\.?|circa|about|around|approx\.?|approximately|ок\.|около|примерно|приблизительно|大约|约)"
_ERA_PREFIX = r"(?:公元前|公元|前|a\.?\s?d\.?)"
_BCE = r"(?:b\.?\s?c\.?(?:\s?e\.?)?|до\s?н\.?\s?э\.?|до\s+нашей\s+эры)"
_CE = r"(?:c\.?\s?e\.?|a\.?\s?d\.?|н\.?\s?э\.?|нашей\s+эры)"
_QUALIFIER = (
    r"(?:early|beginning\s+of(?:\s+the)?|start\s+of(?:\s+the)?|mid-?|middle\s+of(?:\s+the)?|late|end\s+of(?:\s+the)?"
    r"|(?:first|1st)\s+half\s+of(?:\s+the)?|(?:second|2nd)\s+half\s+of(?:\s+the)?"
    r"|начало|начала|середина|середины|конец|конца|первая\s+половина|первой\s+половины"
    r"|вторая\s+половина|второй\s+половины)"
)
_QUALIFIER_AFTER = r"(?:初期|初|早期|前期|中叶|中期|末期|末|晚期|后期|上半叶|下半叶)"
_NUMBER = r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+"
_ORDINAL = r"(?:st|nd|rd|th|-?й|-?го)"
_ROMAN = r"[ivxlcdmхі]+"
_DECADE = r"(?:s|'s|’s|-?е|-?х|年代)"
_CENTURY = r"(?:centur(?:y|ies)|cent\.?|cc\.|c\.|вв?\.?|век(?:а|ов|е)?|世纪|世紀)"
_MILLENNIUM = r"(?:millenni(?:um|a|ums)|mill\.|тысячелети[еяй]|тыс\.?(?:\s?лет)?|千纪|千年纪)"
_YEAR = r"(?:гг?\.?|год(?:а|ы|ов)?|年间|年|yrs?\.?)"

_BOUND = re.compile(
    rf"""^(?:the\s+)?
    (?P<approx>{_APPROX})?\s*
    (?P<prefix>{_ERA_PREFIX})?\s*
    (?P<qualifier>{_QUALIFIER})?\s*
    (?:the\s+)?
    (?:
        (?P<decade>\d*0){_DECADE}
      | (?P<number>{_NUMBER})(?P<ordinal>{_ORDINAL})?
      | (?P<roman>{_ROMAN})
    )
    \s*(?:(?P<century>{_CENTURY})|(?P<millennium>{_MILLENNIUM})|(?P<year>{_YEAR}))?
    \s*(?P<after>{_QUALIFIER_AFTER})?
    \s*(?:(?P<bce>{_BCE})|(?P<ce>{_CE}))?
    \s*\.?\s*$""",
    re.VERBOSE,
)
_VALID_ROMAN = re.compile(r"^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_QUALIFIERS = {
    "early": ("early", "beginning", "start", "начал", "初", "早期", "前期"),
    "mid": ("mid", "middle", "середин", "中叶", "中期"),
    "late": ("late", "end", "конец", "конца", "末", "晚期", "后期"),
    "first_half": ("first half", "1st half", "перв", "上半叶"),
    "second_half": ("second half", "2nd half", "втор", "下半叶"),
}
# Words after which the rest of a phrase is not the object's date ("before c. 800 BCE").
_NOT_A_DATE_AFTER = {"before", "after", "until", "till", "since", "not", "pre", "post", "до", "после", "не", "ранее"}
# Words ignored when comparing the names of periods.
_PERIOD_WORDS = {
    "the", "period", "dynasty", "reign", "era", "epoch", "culture",
    "период", "периода", "эпоха", "эпохи", "династия", "династии", "правление", "царствование", "культура",
}  # fmt: skip
_PERIOD_SUFFIXES = ("时期", "时代", "年间", "王朝", "朝", "代", "期")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A run of characters a Chinese date is written with, from its first digit or era word.
_CJK_DATE = re.compile(r"(?:大约|约)?(?:公元前|公元|前)?\d[0-9\s–\-公元前年间世纪紀千初末中叶上下半期晚早后约]*")
_CJK_NOT_A_DATE_AFTER = ("以前", "以后", "之前", "之后")


@dataclass
class _Bound:
    """One end of a date as written: a number, what it counts and how it is qualified."""

    kind: str | None  # "year", "decade", "hundred", "century", "millennium"; None when the unit is left to the range
    value: int
    needs_unit: bool  # an ordinal or a Roman numeral without a unit ("13th–11th century")
    era: str | None  # "bce", "ce" or None (not written)
    approx: bool
    qualifier: str | None
    digits: int


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "–", text)  # every dash but the ASCII hyphen marks a range
    text = re.sub(r"\s+(?:to|until)\s+|至|~", " – ", text)
    return re.sub(r"\s+", " ", text).strip()


def _roman(text: str) -> int | None:
    text = text.replace("х", "x").replace("і", "i")  # Cyrillic look-alikes typed for Roman numerals
    if not _VALID_ROMAN.match(text):
        return None
    values = [_ROMAN_VALUES[char] for char in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _qualifier(text: str | None) -> str | None:
    if not text:
        return None
    for name, starts in _QUALIFIERS.items():
        if any(text.startswith(start) for start in starts):
            return name
    return None


def _bound(text: str) -> _Bound | None:
    match = _BOUND.match(text.strip())
    if match is None:
        return None
    groups = match.groupdict()
    prefix = groups["prefix"] or ""
    era = "bce" if groups["bce"] or prefix in ("公元前", "前") else "ce" if groups["ce"] or prefix else None
    if groups["decade"] is not None:
        value, kind, needs_unit = int(groups["decade"] or 0), "decade", False
        if value % 100 == 0 and re.search(r"['’]?s$", text.strip()):
            kind = "hundred"
    elif groups["number"] is not None:
        value = int(re.sub(r"\D", "", groups["number"]))
        kind, needs_unit = None, bool(groups["ordinal"])
    else:
        roman = _roman(groups["roman"])
        if roman is None:
            return None
        value, kind, needs_unit = roman, None, True
    if groups["century"]:
        kind, needs_unit = "century", False
    elif groups["millennium"]:
        kind, needs_unit = "millennium", False
    elif groups["year"]:
        if needs_unit:
            return None
        kind = kind or "year"
    digits = len(re.sub(r"\D", "", groups["number"] or groups["decade"] or ""))
    qualifier = _qualifier(groups["qualifier"]) or _qualifier(groups["after"])
    return _Bound(kind, value, needs_unit, era, bool(groups["approx"]), qualifier, digits)


# --- From a bound to years --------------------------------------------------------------------


def _shift(year: int, years: int) -> int:
    """`year` moved by `years`, counting as the calendar does (no year 0)."""
    astronomical = year + 1 if year < 0 else year
    astronomical += years
    return astronomical - 1 if astronomical <= 0 else astronomical


def _span(bound: _Bound) -> tuple[int, int]:
    """The first and last year a bound covers, oldest first."""
    if bound.value == 0 and bound.kind in ("year", "century", "millennium"):
        raise DateLabelError(_("There is no year 0: the year 1 BCE is followed by the year 1 CE."))
    bce = bound.era == "bce"
    if bound.kind == "year":
        year = -bound.value if bce else bound.value
        start = end = year
    elif bound.kind in ("decade", "hundred"):
        length = 10 if bound.kind == "decade" else 100
        start = -(bound.value + length - 1) if bce else bound.value
        end = -bound.value if bce else bound.value + length - 1
        if bound.value == 0:
            raise DateLabelError(_("There is no year 0: the year 1 BCE is followed by the year 1 CE."))
    else:
        length = 100 if bound.kind == "century" else 1000
        if bound.value > 100:
            raise DateLabelError(_("That is further back than the portal counts years."))
        first = -bound.value * length if bce else (bound.value - 1) * length + 1
        start, end = _part(first, length, bound.qualifier)
    if bound.approx and bound.kind == "year":
        start, end = _shift(start, -CIRCA_YEARS), _shift(end, CIRCA_YEARS)
    return start, end


def _part(start: int, length: int, qualifier: str | None) -> tuple[int, int]:
    """The early, mid or late third, or the first or second half, of a century or millennium."""
    third, half = length // 3, length // 2
    first, last = {
        None: (0, length - 1),
        "early": (0, third - 1),
        "mid": (third, 2 * third - 1),
        "late": (2 * third, length - 1),
        "first_half": (0, half - 1),
        "second_half": (half, length - 1),
    }[qualifier]
    return _shift(start, first), _shift(start, last)


def _range(left: _Bound, right: _Bound, approx: bool) -> tuple[int, int] | None:
    """Two bounds that share what is written once: the unit ("13th–11th century") and the era."""
    if left.kind is None:
        left.kind = right.kind if right.kind is not None else (None if left.needs_unit else "year")
    if right.kind is None:
        right.kind = left.kind if not right.needs_unit or left.kind in ("century", "millennium") else None
    if left.kind is None or right.kind is None:
        return None
    left.era = left.era or right.era
    right.era = right.era or left.era
    if (
        right.kind == left.kind == "year"
        and right.era != "bce"
        and left.digits == 4
        and right.digits <= 2
        and right.value < left.value
    ):
        right.value += left.value - left.value % 100  # "1650–75"
        if right.value < left.value:
            right.value += 100
    left.approx = left.approx or approx
    right.approx = right.approx or approx
    return _span(left)[0], _span(right)[1]


def _single(bound: _Bound, approx: bool) -> tuple[int, int] | None:
    if bound.needs_unit:
        return None
    bound.kind = bound.kind or "year"
    bound.approx = bound.approx or approx
    return _span(bound)


def _separators(text: str):
    """Where a range may be split: every dash, and every ASCII hyphen ("1650-1700")."""
    return [index for index, char in enumerate(text) if char in "–-"]


def _numeric(text: str) -> tuple[int, int] | None:
    """The years of a phrase made only of a date, or None when it is not one."""
    text = text.strip()
    approx = re.match(rf"^{_APPROX}\s*", text)
    if approx:
        text = text[approx.end() :]
    whole = _bound(text)
    if whole is not None:
        return _single(whole, bool(approx))
    for index in _separators(text):
        left, right = _bound(text[:index]), _bound(text[index + 1 :])
        if left is not None and right is not None:
            found = _range(left, right, bool(approx))
            if found is not None:
                return found
    return None


def _numeric_in_phrase(text: str) -> tuple[int, int] | None:
    """A date at the end of a phrase: "impression of 1613–1630", "dated 1163", "Tang 8th century";
    in Chinese, a date anywhere in it ("公元1至2世纪的钱币")."""
    found = _numeric(text)
    if found is not None:
        return found
    if _CJK.search(text):
        for run in reversed(list(_CJK_DATE.finditer(text))):  # the last date, as in other languages
            if not text[run.end() :].startswith(_CJK_NOT_A_DATE_AFTER):
                found = _numeric(run.group())
                if found is not None:
                    return found
        return None
    words = text.split(" ")
    for index in range(1, len(words)):
        if words[index - 1].strip(".,") in _NOT_A_DATE_AFTER:
            return None
        found = _numeric(" ".join(words[index:]))
        if found is not None:
            return found
    return None


# --- Named periods --------------------------------------------------------------------------


def _period_key(name: str) -> str:
    """A period's name as compared: without punctuation and words such as "period", "dynasty", "时期"."""
    text = _normalize(name)
    text = re.sub(r"[^\w\s]", " ", text)
    words = [word for word in text.split() if word not in _PERIOD_WORDS]
    text = " ".join(words)
    changed = True
    while changed and _CJK.search(text):
        changed = False
        for suffix in _PERIOD_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text, changed = text[: -len(suffix)], True
    return text.strip()


def _period_matches(text: str, periods: list[Period]) -> list[tuple[Period, str]]:
    key = _period_key(text)
    if not key:
        return []
    return [(period, name) for period in periods for name in period.names if name and _period_key(name) == key]


def _period_within(text: str, periods: list[Period]) -> tuple[Period, str] | None:
    """In Chinese, a period's name inside a longer label ("清乾隆" holds "乾隆"): the longest name found."""
    if not _CJK.search(text):
        return None
    key = _period_key(text).replace(" ", "")
    found = [
        (len(_period_key(name)), period, name)
        for period in periods
        for name in period.names
        if name and _CJK.search(name) and _period_key(name) and _period_key(name).replace(" ", "") in key
    ]
    if not found:
        return None
    _length, period, name = max(found, key=lambda item: item[0])
    return period, name


# --- The whole label ------------------------------------------------------------------------


def _parts(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;:()\[\]/、]", text) if part.strip()]


def _narrowest(ranges):
    return min(ranges, key=lambda found: found[1] - found[0]) if ranges else None


def _checked(earliest: int, latest: int, label: str, period: str = "") -> YearRange:
    this_year = datetime.date.today().year
    if earliest < -MAX_YEARS_BCE:
        raise DateLabelError(_("That is further back than the portal counts years."))
    if earliest > this_year:
        # Translators: year is a number such as 2950.
        raise DateLabelError(_("%(year)s is still to come.") % {"year": earliest})
    if latest < earliest:
        raise DateLabelError(
            # Translators: label is the date the editor typed, e.g. "400–500 BCE".
            _("In “%(label)s” the first date is later than the second. Years BCE count down: 500–400 BCE.")
            % {"label": label}
        )
    return YearRange(earliest, min(latest, this_year), period)


def parse_date_label(label: str, periods: Iterable[Period] = ()) -> YearRange:
    """The earliest and latest year a date label names; raises DateLabelError with a reason.

    `periods` is read only when the label's own numbers do not give the years.
    """
    label = (label or "").strip()
    if not label:
        raise DateLabelError(_("Type a date first."))
    if len(label) > MAX_LABEL_LENGTH:
        raise DateLabelError(_("A date label has at most 255 characters."))
    text = _normalize(label)
    errors: list[DateLabelError] = []

    def attempt(phrase):
        try:
            return _numeric_in_phrase(phrase)
        except DateLabelError as error:
            errors.append(error)
            return None

    found = attempt(text)
    if found is None:
        found = _narrowest([years for years in map(attempt, _parts(text)) if years is not None])
    if found is not None:
        return _checked(*found, label)
    if errors:
        raise errors[0]

    periods = list(periods)
    matches = _period_matches(text, periods)
    if not matches:
        matches = [match for part in _parts(text) for match in _period_matches(part, periods)]
    if not matches:
        within = _period_within(text, periods)
        matches = [within] if within else []
    if matches:
        period, name = min(matches, key=lambda match: match[0].latest - match[0].earliest)
        return _checked(period.earliest, period.latest, label, name)
    raise DateLabelError(
        # Translators: label is the date the editor typed.
        _("No years could be read from “%(label)s”. Type them in the year fields.") % {"label": label}
    )
