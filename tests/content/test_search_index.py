"""What the search index holds for translated fields."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from collections_app.models import ObjectType, RelicPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_empty_translations_are_not_indexed_as_the_word_none(tree):
    assert list(RelicPage.objects.live().search("None")) == []


def test_every_language_of_a_relic_is_searchable(tree):
    assert tree.relic.pk in [page.pk for page in RelicPage.objects.live().search("Хоумуу")]
    assert tree.relic.pk in [page.pk for page in RelicPage.objects.live().search("Houmuwu")]


def test_vocabulary_terms_are_searchable_in_every_language(tree):
    term = tree.relic.object_type
    term.name_fa = "ظرف آیینی"
    term.save()
    assert term in list(get_search_backend().search("آیینی", ObjectType))


def test_titles_autocomplete_in_other_languages(tree):
    results = RelicPage.objects.live().autocomplete("Хоум")
    assert tree.relic.pk in [page.pk for page in results]


def test_admin_finds_vocabulary_terms_and_pages_by_any_language(admin_client, tree):
    term = tree.relic.object_type
    listing = admin_client.get("/admin/snippets/collections_app/objecttype/", {"q": term.name_ru})
    assert listing.status_code == 200 and term.name_en in listing.content.decode()
    pages = admin_client.get("/admin/pages/search/", {"q": "Хоумуу"})
    assert pages.status_code == 200 and "Houmuwu ding" in pages.content.decode()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite variant of the database search backend")
def test_relevance_search_reads_the_full_text_index_once_whatever_the_matches(tree):
    """Ranking used to run the full-text MATCH again for every matching row."""
    for number in range(30):
        factories.RelicPageFactory(parent=tree.museum, description_en=f"<p>A bronze mirror, number {number}.</p>")
    with CaptureQueriesContext(connection) as context:
        results = RelicPage.objects.live().search("bronze mirror")
        page = list(results[5:10])
        total = results.count()
    matches = [query["sql"] for query in context.captured_queries if "MATCH" in query["sql"]]
    assert len(page) == 5 and total == 30
    assert len(matches) <= 4 and not any("LIMIT 1) AS" in sql for sql in matches)
    unranked = {relic.pk for relic in RelicPage.objects.live().search("bronze mirror", order_by_relevance=False)}
    assert {relic.pk for relic in results} == unranked
