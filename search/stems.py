"""Word forms on PostgreSQL: each text stemmed by its own language's text search configuration.

Prefixes (`search/text.py`) find "зеркалами" for "зеркала", but not "меч" for "мечами" nor "bowl" for "bowls".
On PostgreSQL a document also keeps `stems`: the words of each text of its fallback chain as stemmed by the
configuration of the language that text is in (`search_config` in `portal/languages.py`: english, russian,
hindi), so a Russian text on the Kazakh site is stemmed as Russian. A query word then matches a document by a
term prefix *or* by its stem under the configurations of the visitor's chain (`query.py`). Languages whose
configuration is "simple" add nothing: the prefixes already serve them. SQLite has no stems.

Both sides stem `text.plain_text`, so case, accents and ё are folded the same way before PostgreSQL sees a word.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import TextField
from django.db.models.expressions import RawSQL

from collections_app.languages import fallback_chain
from portal.languages import BY_CODE

SIMPLE = "simple"


def enabled() -> bool:
    return connection.vendor == "postgresql"


def _config(code: str) -> str:
    return BY_CODE[code].search_config if code in BY_CODE else SIMPLE


def configs(language: str) -> list[str]:
    """The stemming configurations of `language`'s fallback chain, in order, each once."""
    return list(dict.fromkeys(c for c in map(_config, fallback_chain(language)) if c != SIMPLE))


def vector(texts: dict[str, str]) -> RawSQL | None:
    """The stems of plain texts keyed by their language, as a value to insert (positions stripped: no ranking
    reads them); None when no language of them has a stemmer."""
    parts = [(_config(code), text) for code, text in texts.items() if text and _config(code) != SIMPLE]
    if not parts:
        return None
    sql = " || ".join("to_tsvector(%s::regconfig, %s)" for _part in parts)
    # Texts and configuration names are parameters; the SQL around them is constant.
    return RawSQL(f"strip({sql})", [value for part in parts for value in part], output_field=TextField())  # noqa: S611


def word_query(word: str, language: str) -> tuple[str, list[str]] | None:
    """SQL (a tsquery) and its parameters matching the stem of a query word in `language`'s chain, or None."""
    chain = configs(language)
    if not word or not chain:
        return None
    sql = " || ".join("plainto_tsquery(%s::regconfig, %s)" for _config_name in chain)
    return f"({sql})", [value for config in chain for value in (config, word)]
