"""A search: the visitor's query and facets, read from the URL, matched against the documents.

Every query term must be a prefix of a term of the document (`search/text.py`
makes Chinese bigrams, one key for Cyrillic and Latin, cut word endings); on
PostgreSQL a word may match by its stem instead (`search/stems.py`).
Facets filter relics and count within the current result; museums and
exhibitions are found by the query alone. Bad parameters are a `BadQuery` (the
view answers 400), out-of-range years and pages are clamped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from collections_app.countries import COUNTRY_CHOICES
from search import stems
from search.models import Kind, SearchDocument
from search.text import query_terms, query_words

#: Years a relic may have: earlier or later values are clamped to these.
YEAR_MIN, YEAR_MAX = -10000, 2100
SORTS = ("relevance", "date", "title")
ID_FACETS = ("museum", "object_type", "material", "culture", "exhibition", "place")
MAX_FACET_VALUES = 20


class BadQuery(ValueError):
    """A parameter no link of the site produces; str() says which."""


@dataclass
class Search:
    q: str = ""
    ids: dict[str, list[int]] = field(default_factory=dict)
    country: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"

    @property
    def terms(self) -> list[str]:
        return query_terms(self.q)

    @property
    def filtered(self) -> bool:
        return bool(any(self.ids.values()) or self.country or self.year_from is not None or self.year_to is not None)


def _year(value: str, name: str) -> int | None:
    if value in ("", None):
        return None
    try:
        year = int(value)
    except ValueError as error:
        raise BadQuery(_("“%(name)s” must be a year, such as -500 or 1403.") % {"name": name}) from error
    return max(YEAR_MIN, min(YEAR_MAX, year))


def parse(params) -> Search:
    search = Search(q=params.get("q", "")[:500].strip())
    for name in ID_FACETS:
        values = []
        for value in params.getlist(name):
            if not value.isdigit() or len(value) > 18:
                raise BadQuery(_("“%(name)s” must be the number of a facet value.") % {"name": name})
            values.append(int(value))
        search.ids[name] = values
    countries = {code for code, _name in COUNTRY_CHOICES}
    for value in params.getlist("country"):
        if value.upper() not in countries:
            raise BadQuery(_("“%(value)s” is not a country code of the portal.") % {"value": value[:10]})
        search.country.append(value.upper())
    search.year_from = _year(params.get("year_from", ""), "year_from")
    search.year_to = _year(params.get("year_to", ""), "year_to")
    sort = params.get("sort", "relevance")
    search.sort = sort if sort in SORTS else "relevance"
    return search


#: PostgreSQL: the document's terms as a tsvector of exactly those lexemes (the GIN index's expression).
LEXEMES = "array_to_tsvector(string_to_array(btrim(terms), ' '))"


def _prefixes(terms: list[str]) -> str:
    """A tsquery literal matching every term as a prefix. It is not normalised either; terms hold no quote or
    backslash (search/text.py)."""
    return " & ".join(f"'{term}':*" for term in terms)


def _match(documents, words: list[tuple[str, list[str]]], language: str):
    """Documents in which every query word matches: each of its terms as a prefix of a document term, or (on
    PostgreSQL, in a language with a stemmer) its stem a stem of the document (`search/stems.py`)."""
    if not words:
        return documents
    if connection.vendor == "postgresql":
        clauses, params = [], []
        prefix_only = [term for word, terms in words if stems.word_query(word, language) is None for term in terms]
        if prefix_only:
            clauses.append(f"{LEXEMES} @@ %s::tsquery")
            params.append(_prefixes(prefix_only))
        for word, terms in words:
            if (stem := stems.word_query(word, language)) is not None:
                clauses.append(f"({LEXEMES} @@ %s::tsquery OR stems @@ {stem[0]})")
                params += [_prefixes(terms), *stem[1]]
        # Only parameters vary; LEXEMES and the SQL of stems.word_query are constants.
        return documents.filter(RawSQL(" AND ".join(clauses), params, output_field=BooleanField()))  # noqa: S611
    for _word, terms in words:
        for term in terms:
            documents = documents.filter(terms__contains=f" {term}")
    return documents


def _facet_filter(documents, search: Search):
    from collections_app.models import ExhibitionRelic, RelicPage

    if not search.filtered:
        return documents
    documents = documents.filter(kind=Kind.RELIC)
    if search.ids.get("museum"):
        documents = documents.filter(museum_id__in=search.ids["museum"])
    if search.ids.get("object_type"):
        documents = documents.filter(object_type_id__in=search.ids["object_type"])
    if search.ids.get("culture"):
        documents = documents.filter(culture_id__in=search.ids["culture"])
    if search.ids.get("place"):
        documents = documents.filter(find_spot_id__in=search.ids["place"])
    if search.ids.get("material"):
        through = RelicPage.materials.through.objects.filter(material_id__in=search.ids["material"])
        documents = documents.filter(page_id__in=through.values("relicpage_id"))
    if search.ids.get("exhibition"):
        links = ExhibitionRelic.objects.filter(exhibition_id__in=search.ids["exhibition"])
        documents = documents.filter(page_id__in=links.values("relic_id"))
    if search.country:
        documents = documents.filter(country__in=search.country)
    if search.year_from is not None:
        documents = documents.filter(
            Q(year_to__gte=search.year_from) | Q(year_to__isnull=True, year_from__gte=search.year_from)
        )
    if search.year_to is not None:
        documents = documents.filter(year_from__lte=search.year_to)
    return documents


def matching(search: Search, language: str):
    """The documents of `language` the search finds, unordered (what facets, map and timeline count)."""
    words = query_words(search.q)
    if search.q and not words:
        return SearchDocument.objects.none()
    return _facet_filter(_match(SearchDocument.objects.filter(language=language), words, language), search)


def run(search: Search, language: str, documents=None):
    """The matching documents of `language` (or `documents`, a `matching()` of it), ordered as asked."""
    if documents is None:
        documents = matching(search, language)
    terms = search.terms
    if search.sort == "title":
        return documents.order_by("sort_title", "page_id")
    if search.sort == "date":
        return documents.order_by("year_from", "sort_title", "page_id")
    if terms:
        score = sum(
            (
                Case(
                    When(title_terms__contains=f" {term}", then=Value(2)), default=Value(0), output_field=IntegerField()
                )
                for term in terms
            ),
            Value(0),
        )
        kind_first = Case(When(kind=Kind.RELIC, then=Value(1)), default=Value(0), output_field=IntegerField())
        return documents.annotate(score=score, kind_first=kind_first).order_by(
            "-score", "kind_first", "sort_title", "page_id"
        )
    return documents.order_by("kind", "sort_title", "page_id")


@dataclass
class Overview:
    """What the facets, the map and the timeline say about the matching relics."""

    #: Per facet, value → number of matching relics (every value, not only the shown ones).
    counts: dict[str, dict[int | str, int]]
    #: (year_from, year_to, number of matching relics) per distinct dating, year_from known.
    datings: list[tuple[int, int | None, int]]
    #: Matching documents of every kind (relics, exhibitions, museums): the number of results.
    total: int

    def facets(self) -> dict[str, list[tuple[int | str, int]]]:
        """Per facet, (value, count), most frequent first, at most `MAX_FACET_VALUES` (all countries)."""
        shown = {}
        for name, counts in self.counts.items():
            ranked = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
            shown[name] = ranked if name == "country" else ranked[:MAX_FACET_VALUES]
        return shown


#: Facets read from a document column: (facet, column).
COLUMN_FACETS = (
    ("museum", "museum_id"),
    ("object_type", "object_type_id"),
    ("culture", "culture_id"),
    ("place", "find_spot_id"),
)


FACETS = (*dict(COLUMN_FACETS), "country", "material", "exhibition")


def overview(documents) -> Overview:
    """Facet counts, find spots and datings of the matching relics, and the number of results, in one query.

    The match (a GIN lookup, or a scan on SQLite) is the expensive part, so it is
    computed once as a common table expression that every count reads, instead of
    once per facet: at 100,000 relics that is one match instead of nine.
    """
    from collections_app.models import ExhibitionPage, ExhibitionRelic, RelicPage

    found = documents.order_by().values(
        "page_id", "kind", *(column for _name, column in COLUMN_FACETS), "country", "year_from", "year_to"
    )
    try:
        inner, params = found.query.sql_with_params()
    except EmptyResultSet:  # a query with no usable word: nothing matches
        return Overview({name: {} for name in FACETS}, [], 0)
    params = [*params, Kind.RELIC.value]  # the matched CTE's kind, before the parts' parameters
    # Only names from this module and the models are formatted into the SQL; values are parameters.
    through = connection.ops.quote_name(RelicPage.materials.through._meta.db_table)
    links = connection.ops.quote_name(ExhibitionRelic._meta.db_table)
    # The first part gives the columns their types (a bare NULL would be text on PostgreSQL).
    parts = [
        "SELECT 'dating', year_from, year_to, '', COUNT(*) FROM matched WHERE year_from IS NOT NULL "
        "GROUP BY year_from, year_to"
    ]
    parts += [
        f"SELECT '{name}', {column}, NULL, '', COUNT(*) FROM matched WHERE {column} IS NOT NULL GROUP BY {column}"  # noqa: S608
        for name, column in COLUMN_FACETS
    ]
    parts.append("SELECT 'country', NULL, NULL, country, COUNT(*) FROM matched WHERE country <> '' GROUP BY country")
    parts.append("SELECT 'total', NULL, NULL, '', COUNT(*) FROM found")
    if connection.vendor == "postgresql":
        # One index lookup per matching relic: planned as a join, PostgreSQL hashes the whole table (100,000 rows,
        # 40 ms) to meet a few thousand relics; OFFSET 0 keeps the subquery a per-row lookup (SQLite always does).
        materials = (
            f"CROSS JOIN LATERAL (SELECT material_id FROM {through} WHERE relicpage_id = matched.page_id OFFSET 0) t"  # noqa: S608
        )
    else:
        materials = f"JOIN {through} t ON t.relicpage_id = matched.page_id"
    parts.append(
        f"SELECT 'material', t.material_id, NULL, '', COUNT(*) FROM matched {materials} GROUP BY t.material_id"  # noqa: S608
    )
    exhibitions = list(ExhibitionPage.objects.visible().values_list("pk", flat=True))
    if exhibitions:
        parts.append(
            f"SELECT 'exhibition', e.exhibition_id, NULL, '', COUNT(*) FROM matched JOIN {links} e "  # noqa: S608
            f"ON e.relic_id = matched.page_id WHERE e.exhibition_id IN ({', '.join(['%s'] * len(exhibitions))}) "
            "GROUP BY e.exhibition_id"
        )
        params += exhibitions
    # Read by every part: PostgreSQL and SQLite compute it once when asked to.
    # `inner` is the SQL Django compiled for the queryset, its values still parameters.
    sql = f"WITH found AS MATERIALIZED ({inner}), matched AS (SELECT * FROM found WHERE kind = %s) "  # noqa: S608
    sql += " UNION ALL ".join(parts)
    counts: dict[str, dict[int | str, int]] = {name: {} for name in FACETS}
    datings, total = [], 0
    with connection.cursor() as cursor:
        # Table and column names come from the models; values are parameters.
        cursor.execute(sql, params)
        for name, number, other, text, count in cursor.fetchall():
            if name == "dating":
                datings.append((number, other, count))
            elif name == "total":
                total = count
            else:
                counts[name][text if name == "country" else number] = count
    return Overview(counts, datings, total)


def titles_matching(terms: list[str], language: str) -> list[int]:
    """Ids of public pages whose title, in `language` or its fallback, starts words with every term."""
    documents = SearchDocument.objects.filter(language=language)
    for term in terms:
        documents = documents.filter(title_terms__contains=f" {term}")
    return list(documents.order_by("kind", "sort_title").values_list("page_id", flat=True)[:20])


def vocabulary_names(model, language: str) -> list[tuple[int, str, str]]:
    """(pk, name, its terms) of the published terms of `model` in `language`, shared until the site changes."""
    from django.utils import translation

    from portal import cache
    from search.text import document_terms

    def compute():
        with translation.override(language):
            return [
                (t.pk, str(t), f" {document_terms(str(t))} ") for t in model.objects.filter(live=True).order_by("pk")
            ]

    return cache.shared(f"search-names-{model._meta.model_name}-{language}", compute)


def terms_matching(model, terms: list[str], language: str) -> list[tuple[int, str]]:
    """(pk, name) of published vocabulary terms whose name in `language` (or its fallback) has every term."""
    return [
        (pk, name)
        for pk, name, name_terms in vocabulary_names(model, language)
        if all(f" {t}" in name_terms for t in terms)
    ]
