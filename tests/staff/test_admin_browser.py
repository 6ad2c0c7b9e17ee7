"""Staff journeys in the admin, in Debian's Chromium: what a browser really submits and shows."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from collections_app.models import ExhibitionCurator, ExhibitionPage, RelicPage
from tests.helpers import admin_login, make_user, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def site(transactional_db, tree, live_server):
    return tree, live_server.url


def assert_language_shown(page, lang):
    """A translator's editor opens on their own language (staff_admin.picker)."""
    assert page.locator(f".portal-picker button[data-lang='{lang}']").get_attribute("aria-pressed") == "true"
    assert page.locator(f"#id_title_{lang}").is_visible()


@pytest.mark.parametrize(
    ("lang", "title", "alt"), [("kk", "Хоумуу диңі", "Қола ыдыс"), ("ur", "ہومووو ڈنگ", "کانسی کا برتن")]
)
def test_translator_saves_a_relic_with_images_in_their_language(browser, site, lang, title, alt):
    tree, base = site
    make_user(f"translator-{lang}", Group.objects.get(name=f"translators-{lang}"), language=lang)
    page = browser.new_page()
    admin_login(page, base, f"translator-{lang}")
    page.goto(base + reverse("wagtailadmin_pages:edit", args=[tree.relic.pk]))
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ur" else "ltr")
    assert_language_shown(page, lang)
    page.fill(f"#id_title_{lang}", title)
    page.fill(f"#id_gallery_images-0-alt_text_{lang}", alt)
    # The row's delete control is not offered; the English title is locked.
    assert not page.locator("#id_gallery_images-0-DELETE-button").is_visible()
    assert page.locator("#id_title_en").is_disabled()
    with page.expect_navigation():
        page.locator("footer button.action-save").first.click()
    assert page.locator(".messages .success").count() == 1
    page.close()
    draft = RelicPage.objects.get(pk=tree.relic.pk).get_latest_revision_as_object()
    assert getattr(draft, f"title_{lang}") == title
    (row,) = draft.gallery_images.all()
    assert getattr(row, f"alt_text_{lang}") == alt
    assert row.alt_text_en == "A bronze vessel"
    assert draft.title_en == "Houmuwu ding"


def test_translator_saves_an_exhibition_with_curators(browser, site):
    tree, base = site
    ExhibitionCurator.objects.create(exhibition=tree.exhibition, name_en="Curatorial team", role_en="Concept")
    make_user("translator-ru", Group.objects.get(name="translators-ru"), language="ru")
    page = browser.new_page()
    admin_login(page, base, "translator-ru")
    page.goto(base + reverse("wagtailadmin_pages:edit", args=[tree.exhibition.pk]))
    assert_language_shown(page, "ru")
    page.fill("#id_title_ru", "По Шёлковым путям")
    page.fill("#id_curators-0-role_ru", "Концепция")
    with page.expect_navigation():
        page.locator("footer button.action-save").first.click()
    assert page.locator(".messages .success").count() == 1
    page.close()
    draft = ExhibitionPage.objects.get(pk=tree.exhibition.pk).get_latest_revision_as_object()
    assert draft.title_ru == "По Шёлковым путям"
    assert [(c.name_en, c.role_ru) for c in draft.curators.all()] == [("Curatorial team", "Концепция")]
    assert len(draft.body_en) == 2
