"""Search-index plumbing for translated fields.

wagtail-modeltranslation adds one `SearchField` per language to page models
only, and indexes an empty translation as the word "None" (so a search for
"None" finds every page). Here every registered model, snippets included,
gets a search and autocomplete field per language, and an empty translation
is indexed as nothing.

A translated field's original name (`description`) is not indexed beside its
eleven columns: it reads through modeltranslation's fallback descriptor, so
it would only repeat one language's text, and it costs the most of any field
to index. `title` is the exception: Wagtail requires it on every page model
and ranks matches in it first.
"""

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Avg, F
from django.db.models.functions import Length
from modelsearch.backends.database import SearchBackend as default_search_backend
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.search import index

from collections_app.languages import language_codes

_MISSING = object()


class EmptyAsNothing:
    """An empty column contributes nothing (RichTextField would index it as ["None"]).

    The column's raw value is read straight from the instance: an empty
    translation (most of them) costs no field lookup at all.
    """

    def get_value(self, obj):
        raw = obj.__dict__.get(self.field_name, _MISSING)
        if raw is _MISSING:
            try:
                raw = self.get_field(obj.__class__).value_from_object(obj)
            except FieldDoesNotExist:
                raw = getattr(obj, self.field_name, None)
        if raw is None or raw == "":
            return ""
        return super().get_value(obj)


class LocalizedSearchField(EmptyAsNothing, index.SearchField):
    pass


class LocalizedAutocompleteField(EmptyAsNothing, index.AutocompleteField):
    pass


def _kind(field):
    if isinstance(field, index.SearchField):
        return index.SearchField
    if isinstance(field, index.AutocompleteField):
        return index.AutocompleteField
    return None


_instances: dict[tuple, index.BaseField] = {}


def _localized(field, field_name):
    """One shared instance per (kind, name, options): Wagtail's check that page
    models keep Page's core search fields compares them by identity."""
    kind = _kind(field)
    boost = field.boost if kind is index.SearchField else None
    key = (kind, field_name, boost, tuple(sorted(field.kwargs.items())))
    if key not in _instances:
        if kind is index.SearchField:
            _instances[key] = LocalizedSearchField(field_name, boost=boost, **field.kwargs)
        else:
            _instances[key] = LocalizedAutocompleteField(field_name, **field.kwargs)
    return _instances[key]


def localize_search_fields() -> None:
    """Give every translated search or autocomplete field one localized copy per language."""
    languages = language_codes()
    for model in translator.get_registered_models():
        if not issubclass(model, index.Indexed):
            continue
        translated = set(translator.get_options_for_model(model).all_fields)
        localized_names = {build_localized_fieldname(name, lang) for name in translated for lang in languages}
        fields, seen = [], set()

        def add(field, fields=fields, seen=seen):
            key = (_kind(field), field.field_name)
            if key not in seen:
                seen.add(key)
                fields.append(field)

        for field in model.search_fields:
            if _kind(field) is None:
                fields.append(field)
            elif field.field_name in localized_names:
                add(_localized(field, field.field_name))
            elif field.field_name in translated:
                if field.field_name == "title":
                    add(field)
                for lang in languages:
                    add(_localized(field, build_localized_fieldname(field.field_name, lang)))
            else:
                add(field)
        model.search_fields = fields


# --- The database search backend, with a publish cost that does not grow with the index --------
#
# Wagtail's database backends (modelsearch) recompute the average title length
# over the whole index on every save, and then find the new entries by an
# unindexed `title_norm = 1.0` scan: two full-table passes per publish. Here
# the average is cached for ten minutes (it moves slowly; a full `update_index`
# recomputes every norm exactly) and `title_norm` gets an index
# (`ensure_search_indexes`, after every migrate). WAGTAILSEARCH_BACKENDS names
# this module; `SearchBackend` picks the SQLite or PostgreSQL variant as
# modelsearch's own factory does.

TITLE_AVERAGE_KEY = "portal:search-title-length-average"


class CachedTitleNormsMixin:
    def _refresh_title_norms(self, full=False):
        if full:
            cache.delete(TITLE_AVERAGE_KEY)
            return super()._refresh_title_norms(full=True)
        lengths = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = cache.get(TITLE_AVERAGE_KEY)
        if average is None:
            average = lengths.aggregate(Avg("title_length"))["title_length__avg"]
            cache.set(TITLE_AVERAGE_KEY, average, 600)
        if average:
            lengths.filter(title_norm=1.0).update(title_norm=average / F("title_length"))


def _sqlite_ranked_classes(backend_class):
    """Results ranked in one pass over the full-text index, for the SQLite variant.

    modelsearch's SQLite backend attaches each result's score with a subquery
    that runs the full-text MATCH again for every matching row: a query that
    matches 30,000 relics runs 30,000 MATCHes (15 s at 100,000 relics). Here
    the matches and their BM25 scores are read once, the candidate queryset
    (visibility, page type, filters) keeps the ones it allows in one more
    query, and the requested slice is ordered in Python and loaded by id.
    Queries this does not cover (negation, match-all, explicit ordering) keep
    the backend's own path.
    """
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    entries = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")

    class Compiler(backend_class.query_compiler_class):
        def ranked_matches(self, config):
            """[(object id, score)] of every match, best first; None where the backend's path applies."""
            query = normalize(self.query)
            if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
                return None
            match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
            content_types = get_descendants_content_types_pks(self.queryset.model)
            scored = (
                entries.objects.filter(match, index_entry__content_type__in=content_types)
                .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
                .values_list("index_entry__object_id", "score")
            )
            scores = {}
            for object_id, score in scored:
                scores[object_id] = min(score, scores.get(object_id, score))
            allowed = self.queryset.filter(pk__in=entries.objects.filter(match).values("index_entry__object_id"))
            kept = [pk for pk in allowed.values_list("pk", flat=True) if str(pk) in scores]
            kept.sort(key=lambda pk: (scores[str(pk)], -pk))  # BM25 here: lower is better
            return [(pk, scores[str(pk)]) for pk in kept]

    class Results(backend_class.results_class):
        def _ranked(self):
            if not hasattr(self, "_ranked_matches"):
                compiler = self.query_compiler  # autocomplete has its own compiler: the backend's path
                ranked = getattr(compiler, "ranked_matches", None)
                self._ranked_matches = ranked(compiler.get_config(self.backend)) if ranked else None
            return self._ranked_matches

        def _do_search(self):
            ranked = self._ranked()
            if ranked is None:
                return super()._do_search()
            window = ranked[self.start : self.stop]
            rows = self.query_compiler.queryset.in_bulk([pk for pk, _score in window])
            results = []
            for pk, score in window:
                if pk in rows:
                    if self._score_field:
                        setattr(rows[pk], self._score_field, score)
                    results.append(rows[pk])
            return results

        def _do_count(self):
            ranked = self._ranked()
            return super()._do_count() if ranked is None else len(ranked)

    return Compiler, Results


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for in a backend module
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

        index = type("PortalPostgresIndex", (CachedTitleNormsMixin, PostgresIndex), {})
        return type("PortalPostgresSearchBackend", (PostgresSearchBackend,), {"index_class": index})(params)
    backend = default_search_backend(params)
    if connection.vendor == "sqlite" and hasattr(backend, "index_class"):
        from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex

        if issubclass(backend.index_class, SQLiteIndex):
            index = type("PortalSQLiteIndex", (CachedTitleNormsMixin, backend.index_class), {})
            compiler, results = _sqlite_ranked_classes(type(backend))
            attributes = {"index_class": index, "query_compiler_class": compiler, "results_class": results}
            return type("PortalSQLiteSearchBackend", (type(backend),), attributes)(params)
    return backend


def ensure_search_indexes() -> None:
    """An index on title_norm, so finding the entries a save just added reads no other row."""
    quote = connection.ops.quote_name
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    name, column = quote("portal_indexentry_title_norm"), quote("title_norm")
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {quote(table)} ({column})")  # noqa: S608
