"""`load_demo`: the content a newcomer browses after `make run`."""

import io
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Page, Revision

from collections_app.demo import loader as demo_loader
from collections_app.demo.loader import DemoLoader, illustration_size
from collections_app.models import (
    CollectionImage,
    ExhibitionPage,
    ExhibitionRelic,
    Material,
    MuseumPage,
    ObjectType,
    RelicPage,
)
from search.geo import EAST, NORTH, SOUTH, WEST
from tests.helpers import ensure_roots

pytestmark = pytest.mark.django_db

MEMBER_STATES = {"CN", "RU", "IN", "PK", "KZ", "KG", "TJ", "UZ", "IR", "BY"}
PASSWORD = "demo-password-for-tests"


@pytest.fixture(autouse=True)
def _roots(db):
    """A live-server test earlier in the same worker flushes the database, roots included;
    `migrate` gives every real database its page and collection roots."""
    ensure_roots()


def load(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    out = io.StringIO()
    call_command("load_demo", image_scale=0.05, stdout=out)
    return out.getvalue()


def snapshot():
    User = get_user_model()
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "url_path_en", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": sorted(CollectionImage.objects.values_list("pk", "file", "file_hash")),
        "terms": (ObjectType.objects.count(), Material.objects.count()),
        "links": sorted(ExhibitionRelic.objects.values_list("exhibition_id", "relic_id")),
        "users": sorted(User.objects.values_list("username", "password")),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
    }


def test_loading_twice_changes_nothing_and_prints_the_password_once(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo", image_scale=0.05, stdout=first)
    before = snapshot()
    call_command("load_demo", image_scale=0.05, stdout=second)
    assert snapshot() == before
    assert "Demo content created" in first.getvalue()
    assert "nothing to do" in second.getvalue()
    printed = first.getvalue().split("password: ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(printed)
    assert "password" not in second.getvalue()


def test_demo_content_is_what_a_newcomer_should_browse(client, monkeypatch):
    """One load, every promise of the demo (loading is the slow part)."""
    load(monkeypatch)

    # Ten member museums, each with its relics, 60 or more in all.
    assert {museum.country for museum in MuseumPage.objects.live()} == MEMBER_STATES
    assert RelicPage.objects.live().count() >= 60
    per_museum = Counter(RelicPage.objects.values_list("museum_id", flat=True))
    assert len(per_museum) == 10
    assert min(per_museum.values()) >= 5

    # Shared exhibitions, each drawing on three or more museums.
    exhibitions = ExhibitionPage.objects.live()
    assert exhibitions.count() >= 3
    for exhibition in exhibitions:
        museums = set(exhibition.relic_links.values_list("relic__museum_id", flat=True))
        assert len(museums) >= 3, exhibition.title

    # English, Chinese and Russian for every relic; other languages partly, to show fallback.
    relics = list(RelicPage.objects.all())
    for relic in relics:
        for lang in ("en", "zh_hans", "ru"):
            assert getattr(relic, f"title_{lang}"), (relic.accession_number, lang)
            assert getattr(relic, f"description_{lang}"), (relic.accession_number, lang)
    kazakh = [relic for relic in relics if relic.title_kk]
    assert 0 < len(kazakh) < len(relics)
    untranslated = next(relic for relic in relics if not relic.title_kk)
    with translation.override("kk"):
        assert untranslated.title == untranslated.title_ru

    # Pages answer in every language, links included.
    relic = RelicPage.objects.live().first()
    for page in (relic, relic.museum, exhibitions.first()):
        for lang in ("en", "zh-hans", "ru", "hi", "ur", "fa", "kk", "ky", "tg", "uz", "be"):
            with translation.override(lang):
                url = page.url
            assert client.get(url).status_code == 200, (lang, url)

    # Illustrations say what they are.
    for image in CollectionImage.objects.all():
        assert image.is_illustration
        assert image.rights_uri == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert "not a photograph" in relic.gallery_images.first().caption_en

    # Accounts for every role, with the chosen password.
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    museum_slugs = set(MuseumPage.objects.values_list("slug_en", flat=True))
    expected = {"admin", "curator"} | {f"editor-{slug}" for slug in museum_slugs}
    expected |= {f"translator-{code}" for code in ("zh-hans", "ru", "hi", "ur", "fa", "kk", "ky", "tg", "uz", "be")}
    assert expected <= usernames
    assert client.login(username="editor-national-museum-of-china", password=PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_some_illustrations_are_large_enough_for_deep_zoom():
    loader = DemoLoader()
    sizes = []
    for position, museum in enumerate(loader.museums):
        for number, relic in enumerate(museum["relics"]):
            shape = relic.get("illustration", {}).get("shape", "plaque")
            sizes.append(max(illustration_size(shape, large=(position + number) % 7 == 0)))
    assert sum(1 for size in sizes if size >= 4000) >= 5


def test_every_find_spot_with_coordinates_lands_on_the_search_map():
    """The map drops a place outside its frame without a word, so a slip in the data (a swapped pair,
    a lost minus) would silently hide a find spot; and a key shared by two files is one Place."""
    seen = {}
    for museum in DemoLoader().museums:
        for place in museum["vocabulary"].get("places", []):
            point = (place.get("latitude"), place.get("longitude"))
            where = f"{museum['slug']}: {place['key']} {point}"
            assert seen.setdefault(place["key"], point) == point, where
            if point != (None, None):
                latitude, longitude = point
                assert None not in point and SOUTH <= latitude <= NORTH and WEST <= longitude <= EAST, where
    assert sum(point != (None, None) for point in seen.values()) >= 30


def test_inconsistent_data_is_refused_before_anything_is_written(monkeypatch):
    original = demo_loader.DemoLoader.__init__

    def broken(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.museums[0]["relics"][0]["object_type"] = "no-such-type"

    monkeypatch.setattr(demo_loader.DemoLoader, "__init__", broken)
    with pytest.raises(CommandError, match="no-such-type"):
        call_command("load_demo", image_scale=0.05, stdout=io.StringIO())
    assert not MuseumPage.objects.exists()
