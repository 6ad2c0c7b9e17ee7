"""Quality checks and glossary matching for a translation before it is saved or imported.

The side-by-side editor and `import_translations` call `check()` on every field a translator
hands in; the reviewer sees the same warnings. Warnings never block a save: a translator may
have a reason, and the reviewer decides. `glossary_hits()` is what the editor shows beside the
source ("bronze → бронза"), and `check()` enforces the same terms on the target.

Texts arrive in the workspace's tagged form: rich text markup as bare tags without attributes
(`<p>A <b>bronze</b> mirror, <a1>see</a1>.</p>`), plain fields as plain text. The module is pure:
no models, no database; the glossary is whatever the caller passes (the vocabularies, museum and
country names) plus `HOUSE_TERMS`, the terminology the team has settled for each language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.languages import BY_CODE


@dataclass(frozen=True)
class GlossaryTerm:
    #: English term: "bronze", "Shaanxi History Museum", "SCO Museum Alliance".
    source: str
    #: Approved rendering in the target language ("" when there is none yet).
    target: str
    #: What it is, shown to the translator: "material", "museum", "country", ...
    kind: str = ""
    #: Renderings known to be wrong for this language (zh-hans "示意图" for "illustration").
    forbidden: tuple[str, ...] = ()


@dataclass(frozen=True)
class QAWarning:
    #: "markup", "placeholder", "glossary", "forbidden", "identical", "digits", "quotes",
    #: "punctuation", "nbsp" or "minus".
    code: str
    #: Human message in the active language, naming the offending text.
    message: str


#: The team's terminology decisions (issue 12, "Terminology pass"), added to every glossary of the
#: language by `glossary_for()`. The site name is the gettext catalogue's; the variants the demo
#: content and the catalogue used before the pass are forbidden.
HOUSE_TERMS: dict[str, tuple[GlossaryTerm, ...]] = {
    "ru": (GlossaryTerm("SCO Museum Alliance", "Музейный альянс ШОС", _("site name"), ("Альянс музеев ШОС",)),),
    "zh-hans": (
        GlossaryTerm("SCO Museum Alliance", "上合组织博物馆联盟", _("site name"), ("上海合作组织博物馆联盟",)),
        GlossaryTerm("illustration", "插图", _("image type"), ("示意图",)),
    ),
    "tg": (
        GlossaryTerm(
            "SCO Museum Alliance", "Иттиҳоди осорхонаҳои СҲШ", _("site name"), ("Иттиҳодияи осорхонаҳои СҲШ",)
        ),
    ),
    "ur": (
        GlossaryTerm(
            "SCO Museum Alliance",
            "ایس سی او میوزیموں کا اتحاد",
            _("site name"),
            ("ایس سی او میوزیم اتحاد", "ایس سی او عجائب گھروں کا اتحاد"),
        ),
        GlossaryTerm("co-curator", "شریک کیوریٹر", _("role"), ("معاون کیوریٹر",)),
        GlossaryTerm("museum", "میوزیم", _("institution"), ("عجائب گھر",)),
    ),
    "be": (
        GlossaryTerm("curatorial team", "Куратарская група", _("role"), ("Кураторская група",)),
        GlossaryTerm("curatorial group", "Куратарская група", _("role"), ("Кураторская група",)),
        GlossaryTerm("curator", "куратар", _("role"), ("куратор",)),
    ),
    "kk": (GlossaryTerm("BCE", "б.з.б.", _("era"), ("б.з.д.",)),),
    "ky": (GlossaryTerm("Tian Shan", "Теңир-Тоо", _("place"), ("Тянь-Шань",)),),
}


def glossary_for(language: str, terms: Iterable[GlossaryTerm] = ()) -> list[GlossaryTerm]:
    """The caller's glossary with the house terms of `language` added.

    A house term wins over a caller's term with the same English form (it is a decision, the
    vocabulary may predate it); the forbidden variants of both are kept.
    """
    house = {term.source.casefold(): term for term in HOUSE_TERMS.get(_code(language), ())}
    merged: dict[str, GlossaryTerm] = {}
    for term in terms:
        key = term.source.casefold()
        if key in house:
            decided = house[key]
            forbidden = tuple(dict.fromkeys((*decided.forbidden, *term.forbidden)))
            house[key] = GlossaryTerm(decided.source, decided.target, decided.kind or term.kind, forbidden)
        elif key not in merged:
            merged[key] = term
    return [*house.values(), *merged.values()]


# --- Text shapes ---------------------------------------------------------------------------------------------

TAG = re.compile(r"</?[a-z][a-z0-9]*>|<[a-z][a-z0-9]*/>")
#: `%%` is matched so that an escaped percent sign is not read as the start of a placeholder.
PLACEHOLDER = re.compile(r"%%|%\(\w+\)[sd]|%[sd]|\{[A-Za-z0-9_]+\}")
#: A number in a year expression: digits, or a placeholder that the site fills with them.
_NUMBER = r"(?:\d+|%\(\w+\)[sd]|%[sd]|\{[A-Za-z0-9_]+\})"
#: Spaces a line may break at; U+00A0, U+202F (narrow) and U+2007 (figure) are the ones it may not.
_BREAKING_SPACE = r"[^\S\u00a0\u202f\u2007]"
_NON_BREAKING = "\u00a0\u202f\u2007"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_FOREIGN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]+")
_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ASCII_DIGITS = "0123456789"
#: A run of Latin letters, digits and joiners: "1403", "CN-001", "example.org/12".
_LATIN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-./_:][A-Za-z0-9]+)*")
_URL = re.compile(r"(?:https?://|www\.)\S+")


def _code(language: str) -> str:
    return language.replace("_", "-").lower()


def _inflects(language: str) -> bool:
    """Cyrillic and Latin languages inflect nouns, so a glossary rendering is matched on its stem."""
    info = BY_CODE.get(_code(language))
    return info is not None and info.script in ("Cyrl", "Latn")


def _strip_tags(text: str, joiner: str = "") -> str:
    return TAG.sub(joiner, text)


def _prose(text: str) -> str:
    """What a reader sees of the text, without tags or placeholders (a space in their place)."""
    return PLACEHOLDER.sub(" ", _strip_tags(text, " "))


def _normalise(text: str) -> str:
    """Fold what differs only in encoding: case, runs of spaces, Arabic and Persian yeh and kaf, ZWNJ."""
    text = text.replace("\u200c", "").replace("ي", "ی").replace("ك", "ک")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _shorten(text: str, limit: int = 60) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _excerpt(text: str, start: int, end: int, before: int = 8) -> str:
    return _shorten(text[max(0, start - before) : end], before + 40)


# --- Glossary matching ---------------------------------------------------------------------------------------


# The glossary has a term per vocabulary entry, museum and country, and every field of a page is
# checked against all of them: compile each pattern once.
@lru_cache(maxsize=4096)
def _english_pattern(term: str) -> re.Pattern[str] | None:
    """The English term as whole words, its last word also in a simple plural (mirror → mirrors)."""
    words = term.split()
    if not words:
        return None
    last = words[-1]
    forms = [re.escape(last), re.escape(last) + "s", re.escape(last) + "es"]
    if len(last) > 1 and last[-1] in "yY" and last[-2].lower() not in "aeiou":
        forms.append(re.escape(last[:-1]) + "ies")
    body = r"\s+".join([*map(re.escape, words[:-1]), "(?:" + "|".join(forms) + ")"])
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE)


def glossary_hits(source: str, terms: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """The terms whose English form occurs in `source`, in the order they first occur.

    Case-insensitive, whole words, tags ignored. Where terms overlap the longest one takes the
    words ("Shaanxi History Museum" hides "museum" inside it, not a "museum" elsewhere in the text).
    Terms sharing an English form are all returned; no term is returned twice.
    """
    text = _strip_tags(source, " ")
    groups: dict[str, list[GlossaryTerm]] = {}
    for term in terms:
        group = groups.setdefault(term.source.strip().casefold(), [])
        if term not in group:
            group.append(term)
    folded = text.casefold()
    matches: list[tuple[int, int, str]] = []
    for key in groups:
        # A cheap look for the first word (less the letter a plural may change) before the regex.
        words = key.split()
        if not words or (words[0] if len(words) > 1 else words[0][:-1]) not in folded:
            continue
        pattern = _english_pattern(key)
        if pattern is not None:
            matches.extend((m.start(), m.end(), key) for m in pattern.finditer(text))
    matches.sort(key=lambda match: (-(match[1] - match[0]), match[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, key in matches:
        if all(end <= other_start or start >= other_end for other_start, other_end, _key in taken):
            taken.append((start, end, key))
    hits: list[GlossaryTerm] = []
    for _start, _end, key in sorted(taken):
        hits.extend(term for term in groups[key] if term not in hits)
    return hits


def _word_pattern(word: str, avoid: tuple[str, ...] = ()) -> str:
    """One word of a rendering, matched on its stem so that inflected forms count.

    The stem is the first max(4, len - 2) characters (бронза → бронз: бронзы, бронзой).
    Abbreviations ("б.з.б.") match whole, with or without spaces after the dots. A stem is
    lengthened past its common prefix with any of the `avoid` words, so that a forbidden
    variant (куратор) never matches the approved word (куратар) it differs from.
    """
    if "." in word:
        parts = [re.escape(char) + (r"\s*" if char == "." and i < len(word) - 1 else "") for i, char in enumerate(word)]
        return "".join(parts) + ("" if word.endswith(".") else r"(?!\w)")
    length = max(4, len(word) - 2)
    for other in avoid:
        common = 0
        for mine, theirs in zip(word.lower(), other.lower(), strict=False):
            if mine != theirs:
                break
            common += 1
        length = max(length, common + 1)
    return re.escape(word[: min(length, len(word))]) + r"\w*"


@lru_cache(maxsize=4096)
def _stem_pattern(rendering: str, avoid: tuple[str, ...] = ()) -> re.Pattern[str]:
    words = rendering.split()
    return re.compile(r"(?<!\w)" + r"\s+".join(_word_pattern(word, avoid) for word in words), re.IGNORECASE)


class _Target:
    """A translation read once for glossary matching, whatever the number of terms."""

    def __init__(self, text: str, language: str):
        self.inflects = _inflects(language)
        # Tags may sit inside a word (<b>бронз</b>ой) or between words (</p><p>): keep both readings.
        self.readings = tuple(dict.fromkeys((_strip_tags(text), _strip_tags(text, " "))))
        self.normalised = tuple(_normalise(reading) for reading in self.readings)

    def uses(self, rendering: str, avoid: tuple[str, ...] = ()) -> bool:
        """Whether the target uses the rendering: on stems in inflecting languages, else as a substring.

        `avoid` are approved words (stems) or renderings (substrings) that a forbidden variant
        must not be found in.
        """
        if not rendering.strip():
            return False
        if self.inflects:
            pattern = _stem_pattern(rendering, avoid)
            return any(pattern.search(reading) for reading in self.readings)
        needle = _normalise(rendering)
        if not any(needle in text for text in self.normalised):
            return False
        covering = [approved for approved in map(_normalise, avoid) if needle in approved]
        for text in self.normalised:
            for approved in covering:
                text = text.replace(approved, " ")
            if needle in text:
                return True
        return False


# --- Checks --------------------------------------------------------------------------------------------------


def _check_markup(source: str, target: str) -> list[QAWarning]:
    expected, found = Counter(TAG.findall(source)), Counter(TAG.findall(target))
    warnings = []
    if missing := expected - found:
        warnings.append(
            QAWarning(
                "markup",
                # Translators: QA warning; tags is a list of markup tags such as "<b>, </b>" that the
                # translation must keep (they become bold text, links, paragraphs).
                gettext("The translation lacks the tags %(tags)s of the source.")
                % {"tags": ", ".join(sorted(missing.elements()))},
            )
        )
    if extra := found - expected:
        warnings.append(
            QAWarning(
                "markup",
                # Translators: QA warning; tags is a list of markup tags such as "<i>, </i>".
                gettext("The translation has tags the source does not have: %(tags)s.")
                % {"tags": ", ".join(sorted(extra.elements()))},
            )
        )
    return warnings


def _placeholders(text: str) -> tuple[set[str], Counter[str]]:
    """Named placeholders as a set, positional ones (%s, %d) counted: their number must match."""
    found = [match for match in PLACEHOLDER.findall(text) if match != "%%"]
    return {p for p in found if p not in ("%s", "%d")}, Counter(p for p in found if p in ("%s", "%d"))


def _check_placeholders(source: str, target: str) -> list[QAWarning]:
    (named_source, positional_source), (named_target, positional_target) = _placeholders(source), _placeholders(target)
    missing = sorted(named_source - named_target) + sorted((positional_source - positional_target).elements())
    extra = sorted(named_target - named_source) + sorted((positional_target - positional_source).elements())
    warnings = []
    if missing:
        warnings.append(
            QAWarning(
                "placeholder",
                # Translators: QA warning; placeholders is a list such as "%(museum)s, {count}": the site
                # fills them in, so the translation must contain each of them unchanged.
                gettext("The translation lacks the placeholders %(placeholders)s of the source.")
                % {"placeholders": ", ".join(missing)},
            )
        )
    if extra:
        warnings.append(
            QAWarning(
                "placeholder",
                # Translators: QA warning; placeholders is a list such as "%(museum)s, {count}".
                gettext("The translation has placeholders the source does not have: %(placeholders)s.")
                % {"placeholders": ", ".join(extra)},
            )
        )
    return warnings


def _check_glossary(source: str, target: _Target, glossary: list[GlossaryTerm]) -> list[QAWarning]:
    warnings = []
    for term in glossary_hits(source, glossary):
        if term.target and not target.uses(term.target):
            warnings.append(
                QAWarning(
                    "glossary",
                    # Translators: QA warning; term is an English glossary term in the source, rendering
                    # the approved translation of it in the language being translated.
                    gettext("The source mentions “%(term)s”: use the approved rendering “%(rendering)s”.")
                    % {"term": term.source, "rendering": term.target},
                )
            )
    return warnings


def _approved_words(glossary: list[GlossaryTerm]) -> dict[str, set[str]]:
    """The words of every approved rendering, by their first four letters."""
    index: dict[str, set[str]] = {}
    for term in glossary:
        for word in term.target.split():
            index.setdefault(word[:4].lower(), set()).add(word)
    return index


def _check_forbidden(target: _Target, glossary: list[GlossaryTerm]) -> list[QAWarning]:
    warnings = []
    variants = [(term, variant) for term in glossary for variant in term.forbidden]
    if not variants:
        return warnings
    if target.inflects:
        words = _approved_words(glossary)
    else:
        renderings = tuple(term.target for term in glossary if term.target)
    for term, variant in variants:
        if target.inflects:
            # Only approved words sharing a variant word's first letters can be confused with it.
            avoid = tuple(sorted({w for word in variant.split() for w in words.get(word[:4].lower(), ())}))
        else:
            avoid = renderings
        if target.uses(variant, avoid):
            rendering = term.target or term.source
            warnings.append(
                QAWarning(
                    "forbidden",
                    # Translators: QA warning; variant is a rendering the team decided against,
                    # rendering the approved one, term the English glossary term.
                    gettext("“%(variant)s” is not used for “%(term)s”: write “%(rendering)s”.")
                    % {"variant": variant, "term": term.source, "rendering": rendering},
                )
            )
    return warnings


def _is_name(words: list[str]) -> bool:
    """Capitalised words only ("Shaanxi History Museum", "Mirzo Ulugbek"): a name, kept as is."""
    return all(word[0].isupper() for word in words)


def _check_identical(source: str, target: str) -> list[QAWarning]:
    plain_source, plain_target = _normalise(_strip_tags(source, " ")), _normalise(_strip_tags(target, " "))
    if plain_source != plain_target:
        return []
    # Letters-only words: "CN-001" and "1403" are not words, so accession numbers may stay as they are.
    tokens = (token.strip(".,;:!?()[]«»“”\"'") for token in _strip_tags(source, " ").split())
    words = [token for token in tokens if token.isalpha()]
    if len(words) < 2 or _is_name(words):
        return []
    return [
        QAWarning(
            "identical",
            # Translators: QA warning; text is the start of the English source, which the translation repeats.
            gettext("The translation is the English source unchanged: “%(text)s”.")
            % {"text": _shorten(_strip_tags(source, " "))},
        )
    ]


def _expected_digits(language: str) -> str:
    if language == "fa":
        return _PERSIAN_DIGITS
    if language == "ur":
        # What the site itself writes for Urdu (CLDR's default numbering system), so that the
        # translation and the numbers around it agree.
        from collections_app.l10n import native_digits

        return native_digits(_ASCII_DIGITS, "ur")
    return _ASCII_DIGITS


def _check_digits(target: str, language: str) -> list[QAWarning]:
    expected = _expected_digits(language)
    text = _prose(target)
    offending: list[str] = []
    if expected != _ASCII_DIGITS:
        # ASCII digits inside a Latin identifier ("CN-001", a URL) belong to the identifier.
        for match in _LATIN_TOKEN.finditer(text):
            token = match.group()
            if any(char.isdigit() for char in token) and not any(char.isalpha() for char in token):
                offending.append(token)
        if language == "fa":
            # Arabic-Indic ٤٥٦ look unlike Persian ۴۵۶: an Arabic keyboard, not Persian text.
            offending.extend(match.group() for match in re.finditer("[\u0660-\u0669]+", text))
    elif BY_CODE.get(language) is None or BY_CODE[language].script != "Arab":
        offending.extend(match.group() for match in _FOREIGN_DIGITS.finditer(text))
    return [
        QAWarning(
            "digits",
            # Translators: QA warning; number is a number in the translation written with the wrong digits,
            # digits the ten digits your language writes, e.g. "۰۱۲۳۴۵۶۷۸۹" or "0123456789".
            gettext("“%(number)s”: write numbers with the digits %(digits)s.") % {"number": number, "digits": expected},
        )
        for number in dict.fromkeys(offending)
    ]


#: Languages whose quotation marks are «ёлочки»; „лапки“ are the nested quotes inside them.
GUILLEMET_LANGUAGES = frozenset({"ru", "be", "kk", "ky", "tg"})
_NESTED_QUOTE = re.compile('„[^„“”"]*“')
_FOREIGN_QUOTE = re.compile('"[^"\n]{0,60}"?|“[^“”\n]{0,60}”?|”')


def _check_quotes(target: str, language: str) -> list[QAWarning]:
    if language not in GUILLEMET_LANGUAGES:
        return []
    text = _NESTED_QUOTE.sub(lambda match: " " * len(match.group()), _strip_tags(target))
    return [
        QAWarning(
            "quotes",
            # Translators: QA warning; text is a quotation in the translation written with "..." or “...”.
            gettext("Use «…» quotation marks: %(text)s") % {"text": _shorten(match.group())},
        )
        for match in _FOREIGN_QUOTE.finditer(text)
    ]


#: ASCII punctuation and the full-width form Chinese text writes after a Han character.
FULL_WIDTH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# "." before a Latin letter or digit is a domain or file name (故宫.中国, 图录.pdf), ":" before "//" a URL.
_HAN_PUNCTUATION = re.compile(rf"[{_HAN}](?:[,;?!()]|\.(?![A-Za-z0-9])|:(?!//))")


def _check_punctuation(target: str, language: str) -> list[QAWarning]:
    if language != "zh-hans":
        return []
    text = _URL.sub(lambda match: " " * len(match.group()), _strip_tags(target))
    warnings = []
    for match in _HAN_PUNCTUATION.finditer(text):
        mark = match.group()[-1]
        warnings.append(
            QAWarning(
                "punctuation",
                # Translators: QA warning for Chinese; fullwidth is a full-width mark such as "，",
                # ascii the ASCII mark used instead, text the words around it.
                gettext("Use the full-width “%(fullwidth)s” instead of “%(ascii)s” in “%(text)s”.")
                % {"fullwidth": FULL_WIDTH[mark], "ascii": mark, "text": _excerpt(text, match.start(), match.end())},
            )
        )
    return warnings


@dataclass(frozen=True)
class YearSpacing:
    """Where a language's year expressions must not break across lines."""

    #: Abbreviations written after a number ("500 г.", "1403 ж."): the space before them is non-breaking.
    after_number: tuple[str, ...]
    #: Era phrases whose own spaces are non-breaking ("до н. э."); "б.з.б." written without spaces is fine.
    phrases: tuple[str, ...]


#: The Russian year and era abbreviations appear in all five languages (Central Asian and Belarusian
#: texts quote Russian datings), and none of them is an ordinary word after a number.
_CYRILLIC_YEARS = ("г.", "гг.", "ж.", "жж.", "с.", "й.")
_RUSSIAN_ERAS = ("до н. э.", "н. э.")

#: Year expressions per language. uz writes "500-yil" with a hyphen, so there is no space to guard;
#: zh-hans, hi, fa and ur need none either (公元前500年, 500 ईसा पूर्व, words in the RTL languages).
YEAR_SPACING: dict[str, YearSpacing] = {
    # ru: "500 г. до н. э.", "500–300 гг. до н. э.", "1403 г. н. э."
    "ru": YearSpacing(_CYRILLIC_YEARS, _RUSSIAN_ERAS),
    # be: "500 г. да н. э."
    "be": YearSpacing(_CYRILLIC_YEARS, ("да н. э.", *_RUSSIAN_ERAS)),
    # kk: "б. з. б. 500 ж.", "1403 ж." (біздің заманымызға дейін / біздің заманымыз)
    "kk": YearSpacing(_CYRILLIC_YEARS, ("б. з. б.", "б. з. д.", "б. з.", *_RUSSIAN_ERAS)),
    # ky: "б. з. ч. 500 ж." (биздин заманга чейин)
    "ky": YearSpacing(_CYRILLIC_YEARS, ("б. з. ч.", "б. з.", *_RUSSIAN_ERAS)),
    # tg: "500 с." (сол)
    "tg": YearSpacing(_CYRILLIC_YEARS, _RUSSIAN_ERAS),
}


def _phrase_pattern(phrase: str) -> str:
    """An era phrase with any spacing: a word and the next need a space, an abbreviation's dot may have none."""
    words = phrase.split()
    pattern = re.escape(words[0])
    for previous, word in zip(words, words[1:], strict=False):
        pattern += (r"\s*" if previous.endswith(".") else r"\s+") + re.escape(word)
    return r"(?<!\w)" + pattern


def _check_nbsp(target: str, language: str) -> list[QAWarning]:
    spacing = YEAR_SPACING.get(language)
    if spacing is None:
        return []
    text = _strip_tags(target)
    offending: list[tuple[int, int]] = []
    abbreviations = "|".join(re.escape(word) for word in sorted(spacing.after_number, key=len, reverse=True))
    after_number = re.compile(rf"{_NUMBER}{_BREAKING_SPACE}+(?:{abbreviations})(?!\w)", re.IGNORECASE)
    offending.extend(match.span() for match in after_number.finditer(text))
    covered: list[tuple[int, int]] = []
    for phrase in sorted(spacing.phrases, key=len, reverse=True):
        for match in re.finditer(_phrase_pattern(phrase), text, re.IGNORECASE):
            start, end = match.span()
            if any(start < other_end and end > other_start for other_start, other_end in covered):
                continue
            covered.append((start, end))
            if re.search(_BREAKING_SPACE, match.group()):
                offending.append((start, end))
    return [
        QAWarning(
            "nbsp",
            # Translators: QA warning; text is a year expression such as "500 г. до н. э." whose spaces must be
            # non-breaking (U+00A0) so that it never splits across two lines.
            gettext("Join “%(text)s” with non-breaking spaces so that it stays on one line.")
            % {"text": re.sub(f"[{_NON_BREAKING}]", " ", text[start:end])},
        )
        for start, end in sorted(offending)
    ]


#: Right-to-left languages, where "-500" shows its minus on the wrong side of the number.
MINUS_LANGUAGES = frozenset({"fa", "ur"})
# A hyphen after a letter or digit joins words or makes a range ("500-300", "CN-001"): only a
# hyphen that starts a number is a minus sign.
_ASCII_MINUS = re.compile(rf"(?<!\w)-{_NUMBER}")


def _check_minus(target: str, language: str) -> list[QAWarning]:
    if language not in MINUS_LANGUAGES:
        return []
    text = _strip_tags(target, " ")
    return [
        QAWarning(
            "minus",
            # Translators: QA warning for right-to-left languages; text is a number written with a
            # hyphen as minus sign, e.g. "-500".
            gettext(
                "“%(text)s”: a hyphen before a number shows on the wrong side in right-to-left text; write the era "
                "in words, or use the minus sign − with direction marks."
            )
            % {"text": match.group()},
        )
        for match in _ASCII_MINUS.finditer(text)
    ]


def check(source: str, target: str, language: str, glossary: Iterable[GlossaryTerm] = ()) -> list[QAWarning]:
    """Warnings about a translation of `source` into `language`, in the order of the checks.

    An empty target gives none: a missing translation is a state of the field, not a QA problem.
    The house terms of the language are added to `glossary` (see `glossary_for()`).
    """
    if not _normalise(_strip_tags(target)):
        return []
    language = _code(language)
    terms = glossary_for(language, glossary)
    read = _Target(target, language)
    return [
        *_check_markup(source, target),
        *_check_placeholders(source, target),
        *_check_glossary(source, read, terms),
        *_check_forbidden(read, terms),
        *_check_identical(source, target),
        *_check_digits(target, language),
        *_check_quotes(target, language),
        *_check_punctuation(target, language),
        *_check_nbsp(target, language),
        *_check_minus(target, language),
    ]
