"""`seed_relics`: many relics through a bulk path that leaves a valid tree, site and search index."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from collections_app.models import Culture, Material, MuseumPage, Place, RelicPage
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabularies(tree):
    Material.objects.create(slug="bronze", name_en="Bronze", name_ru="Бронза", name_zh_hans="青铜", name_kk="Қола")
    Culture.objects.create(slug="shang", name_en="Shang dynasty", name_ru="Династия Шан", name_zh_hans="商代")
    Place.objects.create(slug="anyang", name_en="Anyang", name_ru="Аньян", name_zh_hans="安阳")


def seed(count):
    out = io.StringIO()
    call_command("seed_relics", count=count, stdout=out)
    return out.getvalue()


def test_seeded_relics_make_a_valid_tree_spread_over_the_museums(tree, vocabularies, all_languages):
    before = RelicPage.objects.count()
    assert "Seeded 25 relics over 2 museums" in seed(25)
    assert RelicPage.objects.count() == before + 25
    assert all(problems == [] for problems in Page.find_problems())  # what `manage.py fixtree` checks
    counts = Counter(RelicPage.objects.values_list("museum_id", flat=True))
    assert counts == {tree.museum.pk: 13 + 1, tree.other_museum.pk: 12 + 1}  # plus the tree's own relic each
    for museum in MuseumPage.objects.all():
        children = Page.objects.filter(depth=museum.depth + 1, path__startswith=museum.path)
        for lang in all_languages:
            slugs = list(children.values_list(build_localized_fieldname("slug", lang), flat=True))
            assert len(slugs) == len(set(slugs)) and all(slugs), (museum, lang)


def test_seeded_relics_are_served_in_every_language_and_searchable(client, tree, vocabularies):
    seed(4)
    relic = RelicPage.objects.filter(accession_number__startswith="SEED-").order_by("pk").first()
    for lang in ("en", "zh-hans", "ru", "kk", "ur"):
        response = client.get(url_in(relic, lang))
        assert response.status_code == 200, lang
        assert f'<html lang="{lang}"' in response.content.decode()
    with translation.override("zh-hans"):
        assert "青铜" in relic.title
    found = {page.pk for page in RelicPage.objects.search(relic.accession_number)}
    assert relic.pk in found


def test_seeding_twice_continues_numbering_without_clashes(tree, vocabularies):
    seed(4)
    seed(4)
    numbers = list(
        RelicPage.objects.filter(accession_number__startswith="SEED-").values_list("accession_number", flat=True)
    )
    assert len(numbers) == 8 == len(set(numbers))
    assert all(problems == [] for problems in Page.find_problems())
