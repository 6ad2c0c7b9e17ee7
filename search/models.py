"""The portal's own search index: one document per public page and site language.

A document holds the *terms* (see `search/text.py`) of the page's text in the
language and in each language of its fallback chain — so a Russian word finds
a relic on the Kazakh site — with the translated names of the vocabulary terms
the relic uses, and the columns the facets filter and count on. Only what the
public may see (`visible()`) is indexed. Terms are stored between spaces, so a
prefix match is `LIKE '% term%'` on SQLite; on PostgreSQL an expression GIN
index over the terms as lexemes answers `term:*` queries, and a second one over
`stems` (see `search/stems.py`) the language-aware word forms (both created by
`signals.create_indexes` after migrate, as they are PostgreSQL-only).
"""

from django.db import models


class StemsField(models.TextField):
    """A `tsvector` on PostgreSQL (see `search/stems.py`); an unused, empty text column elsewhere."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else super().db_type(connection)


class Kind(models.TextChoices):
    RELIC = "relic"
    EXHIBITION = "exhibition"
    MUSEUM = "museum"


class SearchDocument(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=12)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    terms = models.TextField()
    title_terms = models.TextField()
    sort_title = models.CharField(max_length=255)
    museum = models.ForeignKey(
        "collections_app.MuseumPage", null=True, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    country = models.CharField(max_length=2, blank=True)
    object_type_id = models.BigIntegerField(null=True)
    culture_id = models.BigIntegerField(null=True)
    find_spot_id = models.BigIntegerField(null=True)
    year_from = models.IntegerField(null=True)
    year_to = models.IntegerField(null=True)
    stems = StemsField(null=True, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="search_document_per_language")]
        indexes = [
            models.Index(fields=["language", "kind", "sort_title"]),
            models.Index(fields=["language", "museum"]),
            models.Index(fields=["language", "year_from"]),
        ]

    def __str__(self):
        return f"{self.page_id} [{self.language}]"
