"""What the search index holds for translated fields."""

import pytest
from wagtail.search.backends import get_search_backend

from collections_app.models import ObjectType, RelicPage

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
