"""How text and queries become search terms, the same way in every script of the portal.

The portal's own index (`search/indexer.py`) stores, per page and site language, `document_terms` of its texts:
one string of space-separated terms. A query matches when every one of its `query_terms` is a prefix of some
document term (`search/query.py`: `LIKE '% term%'` on SQLite, `term:*` in a tsquery on PostgreSQL), so a term is
a plain lowercase token of letters, marks and digits, never a space, an operator or a quote.

What makes one language find another's spelling:

- Chinese has no spaces and arrives in Traditional and Simplified characters: Han text is converted to
  Simplified (OpenCC) and indexed as single characters and overlapping bigrams.
- Uzbek, Kazakh and their neighbours are written in Cyrillic and Latin: every Cyrillic or Latin word becomes one
  script-neutral Latin key (`_word_key`), so Тошкент and Toshkent are one term.
- Inflected languages: a long query word loses its last letters (`_query_stem`), so "зеркала" finds "зеркалами";
  on PostgreSQL a word also matches by its stem in its language (`search/stems.py`).

`highlight_terms` tells the result page which literal strings to mark. Pure: no models, no database.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

import opencc

MAX_QUERY_TERMS = 12
#: A longer query is cut here before anything else is done with it.
MAX_QUERY_LENGTH = 500
#: Longer "words" (pasted hashes, base64) are truncated: PostgreSQL refuses lexemes over 2 KB, and the prefix
#: search still works because queries are truncated the same way.
MAX_TERM_LENGTH = 64

_HAN = "\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_LATIN = "a-z\u00df-\u02af\u1d00-\u1dbf\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f"
_CYRILLIC = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
_LATIN_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
#: Uzbek oʻ and gʻ, the tutuq belgisi ʼ, Belarusian and English apostrophes: all spellings of one letter or none.
_APOSTROPHES = "'`\u00b4\u02b9\u02bb\u02bc\u02bd\u2018\u2019\u201b\u2032\uff07\uff40"

_HAN_RUN = re.compile(f"[{_HAN}]+")
#: Any Han character (the highlighter does not stretch Chinese matches to a word end).
HAN_CHARACTER = re.compile(f"[{_HAN}]")
_ALPHABETIC = re.compile(f"[{_LATIN}{_CYRILLIC}]")
_CYRILLIC_LETTER = re.compile(f"[{_CYRILLIC}]")
_STRIPPABLE_MARKS = re.compile(f"(?<=[{_LATIN}])[{_LATIN_MARKS}]+")

_TAG = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^<>"']|"[^<"]*"|'[^<']*')*>""")
#: Comments, scripts and styles: one left unclosed hides the rest of the text, as in a browser (the scan stays linear).
_HIDDEN_HTML = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|template)\b.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE)
#: Tags inside a word ("<b>骆</b>驼", "W<i>ord</i>"): removed without leaving a space; other tags separate words.
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr".split()
)

#: Cyrillic letters of Russian, Kazakh, Kyrgyz, Tajik, Uzbek and Belarusian (Ukrainian too) in Uzbek-style Latin.
#: Apostrophes in the values are dropped by `_fold_latin`; they say which Latin spelling each letter stands for.
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфхыэ", "abvgdeziyklmnoprstufxie", strict=True)),
        **{"ё": "e", "ж": "j", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ю": "yu", "я": "ya", "ъ": "", "ь": ""},
        **{"қ": "q", "ғ": "g'", "ң": "ng", "ө": "o'", "ү": "u'", "ұ": "u", "һ": "h", "ә": "a'", "і": "i"},
        **{"ў": "o'", "ҷ": "j", "ҳ": "h", "ӣ": "i", "ӯ": "u", "є": "ye", "ї": "yi", "ґ": "g"},
    }
)
#: Uzbek Latin back to Uzbek Cyrillic, only to highlight the other script's spelling of a Latin query word.
_LATIN_TO_CYRILLIC_PAIRS = {
    **{f"o{a}": "ў" for a in _APOSTROPHES},
    **{f"g{a}": "ғ" for a in _APOSTROPHES},
    **{"sh": "ш", "ch": "ч", "yo": "ё", "yu": "ю", "ya": "я", "ye": "е"},
    **dict(zip("abdefghijklmnopqrstuvxyz", "абдефгҳижклмнопқрстувхйз", strict=True)),
    **{a: "ъ" for a in _APOSTROPHES},
}
_LATIN_TO_CYRILLIC = re.compile("|".join(sorted(map(re.escape, _LATIN_TO_CYRILLIC_PAIRS), key=len, reverse=True)))


@cache
def _character_tables() -> tuple[dict[int, str | None], dict[int, str | None], str]:
    """What one `unicodedata` scan gives: the table that hides invisible characters, the one that also folds
    letters (rule 1), and the combining marks. Built on first use (about 30 ms), from the Unicode version Python ships.
    """
    invisible: dict[int, str | None] = {}
    digits: dict[int, str | None] = {}
    marks = []
    for code in [*range(0x30000), *range(0xE0000, 0xE01F0)]:
        category = unicodedata.category(chr(code))
        if category == "Cc":
            invisible[code] = " " if chr(code).isspace() else None
        elif category == "Cf" or 0xFE00 <= code <= 0xFE0F or code >= 0xE0100:
            invisible[code] = None  # zero-width spaces and joiners, ZWNJ, soft hyphen, bidi marks, variation selectors
        elif category == "Nd":
            digits[code] = str(unicodedata.decimal(chr(code)))
        elif category[0] == "M":
            marks.append(chr(code))
    folding = {**invisible, **digits, **{ord(a): None for a in _APOSTROPHES}}
    folding.update(
        str.maketrans(
            {
                "ё": "е",  # Russian writes ё as е more often than not
                **{"ş": "sh", "ș": "sh", "ç": "ch", "ñ": "ng", "ŋ": "ng", "ı": "i", "ə": "a"},  # Kazakh 2021 Latin
                **{"ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "þ": "th", "æ": "ae", "œ": "oe"},
                **{"ي": "ی", "ى": "ی", "ك": "ک", "\u0640": None},  # Persian/Urdu: Arabic yeh and kaf; tatweel
            }
        )
    )
    return invisible, folding, "".join(marks)


@cache
def _word_pattern() -> str:
    """A word: a letter (not Han), then letters and combining marks (Devanagari vowel signs are marks)."""
    return f"(?:(?![{_HAN}])[^\\W\\d_])(?:(?![{_HAN}])[^\\W\\d_]|[{_character_tables()[2]}])*"


@cache
def _token_pattern() -> re.Pattern[str]:
    """A Han run, a number or a word."""
    return re.compile(f"([{_HAN}]+)|([0-9]+)|({_word_pattern()})")


def _strip_html(text: str) -> str:
    """Rich text without its tags, comments and scripts, entities unescaped (after, so `&lt;b&gt;` stays text)."""
    if "<" in text:
        text = _HIDDEN_HTML.sub(" ", text)
        text = _TAG.sub(lambda tag: "" if tag[2].lower() in _INLINE_TAGS else " ", text)
    return html.unescape(text) if "&" in text else text


def _normalise(text: str) -> str:
    """Rule 1: one spelling for what a reader sees as the same text.

    NFKC (full-width letters, ligatures, Arabic presentation forms), casefold; Latin letters lose their
    accents (é → e, Kazakh ä ö ü ū ğ) but Cyrillic й, ў, ӣ keep theirs, ё becomes е; invisible characters
    (zero-width, ZWNJ, soft hyphen, controls) and apostrophes go; digits of every script become 0–9; the Arabic
    yeh and kaf become the Persian ones.
    """
    table = _character_tables()[1]
    text = unicodedata.normalize("NFKC", text.translate(table)).casefold().translate(table)
    if not text.isascii():
        text = unicodedata.normalize("NFC", _STRIPPABLE_MARKS.sub("", unicodedata.normalize("NFD", text)))
    return text


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


class _SimplifiedCharacters(dict):
    """Each Han character alone in Simplified, filled as characters are met (`str.translate` reads it)."""

    def __missing__(self, code: int) -> str:
        self[code] = _converter("t2s").convert(chr(code))
        return self[code]


_SIMPLIFIED_CHARACTERS = _SimplifiedCharacters()


@lru_cache(maxsize=65536)  # runs and words recur across the documents of a rebuild
def _han_terms(run: str, *, query: bool) -> tuple[str, ...]:
    """Rule 2: a Han run in Simplified, as characters and overlapping bigrams.

    OpenCC converts the run as phrases (瞭解 → 了解 needs the phrase); a document also indexes the run converted
    character by character, because a query converts its bigram or character out of the document's context
    (乾 alone becomes 干, inside 乾隆 it stays). A query of one character is that character; a longer one is
    its bigrams. A document indexes every character too, so a one-character query finds it.
    """
    simplified = _converter("t2s").convert(run)
    if query:
        return (
            (simplified,) if len(simplified) == 1 else tuple(simplified[i : i + 2] for i in range(len(simplified) - 1))
        )
    terms = []
    for form in dict.fromkeys((simplified, run.translate(_SIMPLIFIED_CHARACTERS))):
        for i, character in enumerate(form):
            terms.append(character)
            if i + 1 < len(form):
                terms.append(form[i : i + 2])
    return tuple(terms)


def _fold_latin(word: str) -> str:
    """Rule 3, Latin side: the spellings the alphabets of the region give one sound become one.

    Apostrophes go (oʻ → o, gʻ → g); kh → x and zh → j (English spellings of Russian х and ж); a first "ye" → "e"
    (Uzbek Latin writes Cyrillic е so at the start of a word: Yevropa, Европа); y → i, because Kazakh and
    Kyrgyz Latin and English write ы as y (Almaty, Алматы) and Kazakh writes й and я, ю as i, ia, iu.
    """
    word = word.replace("'", "").replace("kh", "x").replace("zh", "j")
    if word.startswith("ye"):
        word = word[1:]
    return word.replace("y", "i")


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """Rule 3: a normalised Cyrillic or Latin word as its script-neutral key.

    Cyrillic goes to Latin by one table for all the portal's Cyrillic languages (Самарқанд → samarqand,
    Ўзбекистон → o'zbekiston, дж → j so Таджикистан is Tajikistan), then both go through `_fold_latin`.
    """
    if not word.isascii():
        word = word.replace("дж", "j").translate(_CYRILLIC_TO_LATIN)
    return _fold_latin(word)


def _parts(text: str, *, query: bool) -> Iterator[tuple[str, Sequence[str]]]:
    """Rule 4: the words of normalised text, in order, each with its terms; Han runs and numbers have no word ("").

    Anything that is not a letter, mark or digit separates; a number is a term; Latin and Cyrillic words of one
    letter are dropped, others become their key (a query's long ones cut by `_query_stem`); Devanagari,
    Arabic-script and other words are kept as they are.
    """
    for han, number, word in _token_pattern().findall(text):
        if han:
            yield "", _han_terms(han, query=query)
        elif number:
            yield "", [number[:MAX_TERM_LENGTH]]
        elif not _ALPHABETIC.search(word):
            yield word, [word[:MAX_TERM_LENGTH]]
        elif len(word) > 1 and (key := _word_key(word)):
            yield word, [(_query_stem(key) if query else key)[:MAX_TERM_LENGTH]]


def _words(text: str, *, query: bool) -> Iterator[str]:
    for _word, terms in _parts(text, query=query):
        yield from terms


def _query_stem(key: str) -> str:
    """Rule 5: a query key of six letters or more without its last two (at least five kept).

    Cheap and language-neutral: зеркала and зеркалами, mirror and mirrors then find each other by prefix.
    Documents keep whole words, so only the query side is cut.
    """
    return key[: max(5, len(key) - 2)] if len(key) >= 6 and key.isalpha() else key


def _clean_query(query: str) -> str:
    """Rule 6: a query cut at `MAX_QUERY_LENGTH` characters, NUL and other control characters removed."""
    return query[:MAX_QUERY_LENGTH].translate(_character_tables()[0])


def plain_text(text: str) -> str:
    """A text (HTML allowed) as the index reads it: without markup, normalised (rule 1)."""
    return _normalise(_strip_html(text))


def plain_terms(plain: str) -> str:
    """All terms of a `plain_text`, space-joined, each once, in the order of the text."""
    return " ".join(dict.fromkeys(_words(plain, query=False)))


def document_terms(text: str) -> str:
    """All terms of a text (HTML allowed), space-joined, each once, in the order of the text."""
    return plain_terms(plain_text(text))


def query_words(query: str) -> list[tuple[str, list[str]]]:
    """The query's words (normalised; "" for a Han run or a number), each with the terms a document must match by
    prefix; a term appears once, at most `MAX_QUERY_TERMS` in all; [] for nothing usable."""
    seen: set[str] = set()
    words = []
    for word, terms in _parts(_normalise(_clean_query(query)), query=True):
        new = [term for term in dict.fromkeys(terms) if term not in seen][: MAX_QUERY_TERMS - len(seen)]
        if new:
            seen.update(new)
            words.append((word, new))
    return words


def query_terms(query: str) -> list[str]:
    """The terms a document must all match by prefix, each once, at most `MAX_QUERY_TERMS`; [] for nothing usable."""
    return [term for _word, terms in query_words(query) for term in terms]


def _other_scripts(typed: str) -> list[str]:
    """A typed word's spellings in the other script, lowercase; the highlighter compares without case."""
    if typed.isdigit():
        return [typed.translate(_character_tables()[1])]  # ۱۴۰۳ typed, 1403 displayed
    lower = typed.lower()
    if _HAN_RUN.fullmatch(typed):
        simplified = _converter("t2s").convert(typed)
        return [simplified, _converter("s2t").convert(simplified)]
    if _CYRILLIC_LETTER.search(lower):
        latin = lower.translate(_CYRILLIC_TO_LATIN)
        return [latin.replace("'", "ʻ"), latin, latin.replace("'", "")]
    if _ALPHABETIC.search(lower):
        cyrillic = _LATIN_TO_CYRILLIC.sub(lambda letters: _LATIN_TO_CYRILLIC_PAIRS[letters[0]], lower)
        if cyrillic.startswith("е"):
            cyrillic = "э" + cyrillic[1:]  # Uzbek Cyrillic writes a first e as э
        apostrophes = [lower.replace(a, b) for a in _APOSTROPHES if a in lower for b in "ʻ'’"]
        return [cyrillic, *apostrophes]
    return [typed.translate(str.maketrans("يىك", "ییک")), typed.translate(str.maketrans("یک", "يك"))]


def _typed_stem(typed: str) -> str | None:
    """The typed word shortened as `_query_stem` shortens its key, or None when the query keeps it whole."""
    normal = _normalise(typed)
    if not _ALPHABETIC.search(normal) or not normal.isalpha():
        return None
    key = _word_key(normal)
    cut = len(key) - len(_query_stem(key))
    return typed[:-cut] if cut else None


def highlight_terms(query: str) -> list[str]:
    """Literal strings to mark in displayed text, each once.

    The query's words and Han runs as typed, each followed by its forms in the other script (Simplified and
    Traditional; Cyrillic and Uzbek Latin, with ʻ, ' and ’ for an apostrophe). A word the query shortens also gives
    its shortened forms, so "зеркала" is found for "зеркалами": the highlighter should extend a match to the end
    of the word and compare without case (the other-script forms are lowercase).
    """
    text = unicodedata.normalize("NFC", _clean_query(query))
    word, apostrophe = _word_pattern(), "[" + _APOSTROPHES + "]"
    forms: list[str] = []
    for match in re.finditer(f"[{_HAN}]+|\\d+|{word}(?:{apostrophe}{word})*", text):
        typed = match[0]
        if len(typed) == 1 and not _HAN_RUN.fullmatch(typed) and not typed.isdigit():
            continue
        stem = _typed_stem(typed)
        for form in [typed] if stem is None else [typed, stem]:
            forms += [form, *_other_scripts(form)]
    return [form for form in dict.fromkeys(forms) if form]
