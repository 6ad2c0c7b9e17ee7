"""Shared fixtures: a small but complete site tree built with factories."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page

from tests import factories
from tests.helpers import browser, make_home  # noqa: F401  (browser: the session's Chromium)


@pytest.fixture(autouse=True)
def _fresh_state():
    """Wagtail caches site root paths per language; tests must not see another test's tree."""
    cache.clear()
    translation.activate("en")
    yield
    translation.deactivate()


@dataclass
class Tree:
    home: object
    museum_index: object
    exhibition_index: object
    museum: object
    other_museum: object
    relic: object
    other_relic: object
    exhibition: object
    standard: object

    def pages(self):
        return [
            self.home,
            self.museum_index,
            self.exhibition_index,
            self.museum,
            self.relic,
            self.exhibition,
            self.standard,
        ]


@pytest.fixture
def tree(db):
    home = make_home()
    museum_index = factories.MuseumIndexPageFactory(parent=home)
    exhibition_index = factories.ExhibitionIndexPageFactory(parent=home)
    museum = factories.MuseumPageFactory(
        parent=museum_index,
        title="National Museum of China",
        title_zh_hans="中国国家博物馆",
        title_ru="Национальный музей Китая",
        slug_en="national-museum-of-china",
        slug_zh_hans="中国国家博物馆",
        slug_ru="национальный-музей-китая",
        city_en="Beijing",
        city_ru="Пекин",
    )
    other_museum = factories.MuseumPageFactory(
        parent=museum_index, title="State Hermitage Museum", slug_en="state-hermitage-museum", country="RU"
    )
    relic = factories.RelicPageFactory(
        parent=museum,
        with_image=True,
        title="Houmuwu ding",
        title_ru="Дин Хоумуу",
        slug_en="houmuwu-ding",
        slug_ru="дин-хоумуу",
        description_ru="<p>Ритуальный сосуд.</p>",
    )
    other_relic = factories.RelicPageFactory(
        parent=other_museum, with_image=True, title="Kelermes panther", slug_en="kelermes-panther"
    )
    exhibition = factories.ExhibitionPageFactory(
        parent=exhibition_index,
        title="Along the Silk Roads",
        slug_en="along-the-silk-roads",
        body_en=[
            {"type": "section", "value": {"heading": "Roads", "text": "<p>Caravans.</p>"}},
            {"type": "relic_grid", "value": {"heading": "", "relics": [relic.pk, other_relic.pk]}},
        ],
    )
    standard = factories.StandardPageFactory(parent=home)
    return Tree(home, museum_index, exhibition_index, museum, other_museum, relic, other_relic, exhibition, standard)


@pytest.fixture
def all_languages():
    from django.conf import settings

    return list(settings.LANGUAGE_CODES)


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()
