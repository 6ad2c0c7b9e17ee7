"""Routing, slug checks and tree queries cost the same with 50 siblings as with 500.

wagtail-modeltranslation routed and checked slugs by loading every sibling;
here each is one indexed query. The tests count queries at two sizes and,
on SQLite, read the query plan to see the slug index used.
"""

import io
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from collections_app.models import Culture, Material, MuseumPage, Place, RelicPage
from tests import factories
from tests.helpers import relic_form, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabularies(tree):
    Material.objects.create(slug="bronze", name_en="Bronze", name_ru="Бронза")
    Culture.objects.create(slug="shang", name_en="Shang dynasty", name_ru="Династия Шан")
    Place.objects.create(slug="anyang", name_en="Anyang", name_ru="Аньян")


def grow(count):
    call_command("seed_relics", count=count, stdout=io.StringIO())


def captured(function):
    with CaptureQueriesContext(connection) as context:
        function()
    return context.captured_queries


def route(path_components, lang="ru"):
    """Wagtail's routing from the site root, as `wagtail.views.serve` calls it."""
    from django.test import RequestFactory

    home = Page.objects.get(depth=2).specific
    with translation.override(lang):
        return captured(lambda: home.route(RequestFactory().get("/"), path_components))


def test_routing_to_a_relic_costs_the_same_at_any_museum_size(tree, vocabularies):
    with translation.override("ru"):
        components = [unquote(part) for part in tree.relic.url.split("/") if part][1:]  # without /ru/
    small = route(components)
    grow(400)
    large = route(components)
    # One indexed query per URL segment, and one for the relic's own fields.
    assert len(large) == len(small) == len(components) + 1
    assert sum('"slug_ru" =' in query["sql"] for query in large) == len(components)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + large[-2]["sql"])
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "portal_page_slug_ru_path" in plan, plan


def test_a_mistyped_relic_url_is_a_404_found_by_index(client, tree, vocabularies):
    grow(100)
    url = url_in(tree.museum, "ru") + "нет-такого/"
    queries = captured(lambda: client.get(url))
    assert client.get(url).status_code == 404
    assert any('"slug_ru" =' in query["sql"] for query in queries)


@pytest.mark.parametrize("lang", ["en", "ru", "kk", "zh-hans", "ur"])
def test_every_language_routes_to_the_same_relic(client, tree, lang):
    response = client.get(url_in(tree.relic, lang))
    assert response.status_code == 200
    assert response.context["page"].pk == tree.relic.pk


def test_a_slug_taken_by_a_sibling_in_any_language_is_refused_in_one_query(tree, vocabularies):
    grow(200)
    relic = RelicPage.objects.get(pk=tree.relic.pk)
    sibling = RelicPage.objects.filter(museum=tree.museum).exclude(pk=relic.pk).first()
    relic.slug_kk = sibling.slug_kk
    with CaptureQueriesContext(connection) as context:
        with pytest.raises(ValidationError) as error:
            relic.full_clean()
    queries = [q["sql"] for q in context.captured_queries if '"slug_kk" =' in q["sql"]]
    assert "slug_kk" in error.value.message_dict
    # Wagtail's clean runs the check once per class level; each is one bounded, indexed query.
    assert 1 <= len(queries) <= 2 and all("LIMIT" in sql and '"slug_kk" =' in sql for sql in queries)
    relic.slug_kk = "свободный-слаг"
    relic.full_clean()  # the control: a free slug passes


def test_the_editor_names_the_language_whose_slug_is_taken(admin_client, tree):
    factories.RelicPageFactory(parent=tree.museum, slug_en="taken", title="Other")
    data = relic_form(tree, title_en="Houmuwu ding", slug_en="taken", accession_number=tree.relic.accession_number)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[tree.relic.pk]), data)
    assert response.status_code == 200
    assert "slug_en" in response.context["form"].errors
    data["slug_en"] = "houmuwu-ding-bronze"
    assert admin_client.post(reverse("wagtailadmin_pages:edit", args=[tree.relic.pk]), data).status_code == 302


def test_tree_conditions_match_wagtails_meaning(tree):
    """children and descendants by path range select exactly what Wagtail's LIKE selects."""
    for page in (tree.home, tree.museum_index, tree.museum):
        wagtail_children = set(
            Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).values_list("pk", flat=True)
        )
        wagtail_descendants = set(
            Page.objects.filter(path__startswith=page.path).exclude(pk=page.pk).values_list("pk", flat=True)
        )
        assert set(MuseumPage.objects.child_of(page).values_list("pk", flat=True)) == {
            pk for pk in wagtail_children if MuseumPage.objects.filter(pk=pk).exists()
        }
        assert set(RelicPage.objects.descendant_of(page).values_list("pk", flat=True)) == {
            pk for pk in wagtail_descendants if RelicPage.objects.filter(pk=pk).exists()
        }
    with translation.override("ru"):
        assert RelicPage.objects.descendant_of(tree.museum, inclusive=True).count() == 1
