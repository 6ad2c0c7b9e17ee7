"""Each page type costs the same number of queries for 5 relics as for 50.

A page is requested twice first (renditions are created and caches filled on
the first view, as in production), then counted. The counts are compared
between a small and a ten times larger collection and bounded with
`django_assert_max_num_queries`, so a new N+1 shows up as a failure here.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests import factories
from tests.helpers import make_home

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_only_exhibitions(settings):
    """These exhibitions are published in English only: the required languages are another test's
    subject (tests/translations/test_gate.py)."""
    settings.PORTAL_REQUIRED_TRANSLATIONS = []


# Upper bounds per page type, measured with a small margin (see README).
BOUNDS = {
    "home": 24,
    "museum_index": 11,
    "museum": 20,
    "relic": 25,
    "exhibition_index": 13,
    "exhibition": 20,
}


class Site:
    def __init__(self):
        self.home = make_home()
        self.museum_index = factories.MuseumIndexPageFactory(parent=self.home)
        self.exhibition_index = factories.ExhibitionIndexPageFactory(parent=self.home)
        self.museum = factories.MuseumPageFactory(parent=self.museum_index, city_ru="Пекин")
        self.other_museum = factories.MuseumPageFactory(parent=self.museum_index, country="RU")
        self.relics = []
        self.exhibition = factories.ExhibitionPageFactory(parent=self.exhibition_index)
        self.curator_museum = factories.MuseumPageFactory(parent=self.museum_index, country="KZ")
        self.add_relics(5)

    def add_relics(self, count):
        for position in range(count):
            museum = self.museum if position % 2 == 0 else self.other_museum
            self.relics.append(factories.RelicPageFactory(parent=museum, with_image=True, title_ru="Предмет"))
        # The exhibition shows every relic: a card for the first three, grids of up to 24 for the rest.
        ids = [relic.pk for relic in self.relics]
        body = [{"type": "relic_card", "value": {"relic": pk, "note": "Why it matters."}} for pk in ids[:3]]
        body += [
            {"type": "relic_grid", "value": {"heading": "More", "relics": ids[start : start + 24]}}
            for start in range(3, len(ids), 24)
            if len(ids[start : start + 24]) >= 2
        ]
        self.exhibition.body_en = body
        self.exhibition.save_revision().publish()

    def url(self, name, lang="ru"):
        page = {"relic": self.relics[0]}.get(name) or getattr(self, name)
        with translation.override(lang):
            return page.url


def count_queries(client, url):
    for _ in range(2):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


@pytest.mark.parametrize("name", list(BOUNDS))
def test_query_count_does_not_grow_with_the_collection(client, name, django_assert_max_num_queries):
    site = Site()
    small = count_queries(client, site.url(name))
    site.add_relics(45)
    large = count_queries(client, site.url(name))
    assert len(site.relics) == 50
    assert large == small, f"{name}: {small} queries with 5 relics, {large} with 50"
    with django_assert_max_num_queries(BOUNDS[name]):
        client.get(site.url(name))


def test_exhibition_shows_all_fifty_relic_cards(client):
    site = Site()
    site.add_relics(45)
    content = client.get(site.url("exhibition", "en")).content.decode()
    assert content.count('class="card relic-card"') == 50
