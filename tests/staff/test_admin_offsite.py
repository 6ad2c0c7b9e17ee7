"""The admin makes no request off the site, sets every script in the site's own fonts, and reads right to left.

- Avatars are the user's uploaded picture or their initials drawn by the site,
  never Gravatar (blocked in China, and it tells Gravatar who works here).
- The admin loads the public site's Noto fonts, split by Unicode range: an
  English page fetches no Han font, a Chinese one does (from the site).
- In an Urdu admin each language's field reads in its own direction: a
  translator sees the locked English source left to right, isolated.
"""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url
from wagtail.users.models import UserProfile

import staff_admin.typography as typography  # noqa: F401  (also imported by staff_admin/wagtail_hooks.py)
from collections_app.permissions import CURATORS
from tests import factories
from tests.helpers import PASSWORD, admin_login, make_user, needs_chromium

SITE_HOSTS = {"127.0.0.1", "localhost"}
LOADED_FONTS = "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))"


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def initials_url(user):
    return reverse(typography.AVATAR_URL_NAME, args=[user.pk])


# --- Avatars ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_user_without_a_picture_gets_their_initials_from_the_site(client, tree):
    user = make_user("curator", Group.objects.get(name=CURATORS))
    user.first_name, user.last_name = "Wei", "Zhang"
    user.save()
    assert avatar_url(user) == initials_url(user)
    client.force_login(user)
    response = client.get(initials_url(user))
    assert response["Content-Type"].startswith("image/svg+xml")
    assert ">WZ</text>" in response.content.decode()
    # No name: the username's first and last words.
    assert typography.initials(make_user("translator-ur")) == "TU"


@pytest.mark.django_db
def test_an_uploaded_picture_is_used_as_the_control(tree):
    user = make_user("curator")
    profile = UserProfile.get_for_user(user)
    profile.avatar = factories.CollectionImageFactory().file.name
    profile.save()
    assert avatar_url(user) == profile.avatar.url


@pytest.mark.django_db
def test_no_admin_page_names_gravatar(client, tree):
    user = make_user("curator", Group.objects.get(name=CURATORS))
    client.force_login(user)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account"), edit_url(tree.relic)):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.replace('class="avatar large gravatar', "")  # Wagtail's CSS class stays
        assert initials_url(user) in html


@pytest.mark.django_db
def test_the_account_page_previews_the_default_avatar_from_the_site(client, tree):
    """With a picture uploaded, "Reset to default" shows what the default would be: the initials."""
    user = make_user("curator", Group.objects.get(name=CURATORS))
    profile = UserProfile.get_for_user(user)
    profile.avatar = factories.CollectionImageFactory().file.name
    profile.save()
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    assert f'class="avatar large gravatar w-block w-mt-3" src="{initials_url(user)}"' in html
    assert profile.avatar.url in html


@pytest.mark.django_db
def test_initials_are_for_admin_users_only(client, tree):
    user = make_user("curator", Group.objects.get(name=CURATORS))
    assert client.get(initials_url(user)).status_code == 302  # to the admin's login


# --- Fonts ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_pages_include_the_sites_noto_fonts(client, tree):
    client.force_login(make_user("curator", Group.objects.get(name=CURATORS)))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<link rel="stylesheet" href="/static/fonts/fonts.css">' in html
    assert '<link rel="stylesheet" href="/static/staff_admin/css/admin-fonts.css">' in html
    fonts = open(finders.find("fonts/fonts.css"), encoding="utf-8").read()
    if "@font-face" not in fonts:
        pytest.skip("the web fonts are not built (npm missing): the admin falls back to system fonts")
    sc_faces = [face for face in fonts.split("@font-face")[1:] if "'Noto Sans SC'" in face]
    assert sc_faces and all("unicode-range" in face and "font-display: swap" in face for face in sc_faces)


# --- Right to left ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_urdu_admin_page_is_rtl_with_the_locked_english_source_isolated_ltr(client, tree):
    translator = make_user("translator-ur", Group.objects.get(name="translators-ur"), language="ur")
    client.force_login(translator)
    soup = BeautifulSoup(client.get(edit_url(tree.relic)).content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("ur", "rtl")
    source = soup.select_one("#id_title_en")
    assert source.has_attr("disabled") and source.find_parent(attrs={"data-contentpath": "title_en"})
    fields = '[data-contentpath$="_{}"] :is(input, textarea, [contenteditable="true"]) {{ direction: {};'
    rules = soup.select_one("style#portal-language-fields").string
    assert fields.format("en", "ltr") + " unicode-bidi: isolate;" in rules
    assert fields.format("ur", "rtl") in rules


# --- In Chromium ------------------------------------------------------------------------------


@pytest.fixture
def live(transactional_db, tree, live_server):
    return tree, live_server.url


def record_requests(page):
    """Every request the page makes; those to another host are recorded and refused, never sent."""
    requested = []

    def handle(route):
        requested.append(route.request.url)
        if urlsplit(route.request.url).hostname in SITE_HOSTS:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", handle)
    return requested


def off_site(requested):
    return sorted({url for url in requested if urlsplit(url).hostname not in SITE_HOSTS})


def visit_admin(browser, base, tree, username):
    page = browser.new_page()
    requested = record_requests(page)
    admin_login(page, base, username)
    for url in (reverse("wagtailadmin_home"), edit_url(tree.relic), edit_url(tree.exhibition)):
        page.goto(base + url, wait_until="networkidle")
    page.close()
    return requested


def superuser():
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.mark.browser
@needs_chromium
def test_no_admin_request_leaves_the_site(browser, live):
    tree, base = live
    superuser()  # sees everything a superuser sees, Wagtail's upgrade notice included
    requested = visit_admin(browser, base, tree, "admin")
    assert off_site(requested) == []
    assert any("/admin/avatars/" in url for url in requested)
    assert any("/static/fonts/files/" in url for url in requested)


@pytest.mark.browser
@needs_chromium
def test_the_check_sees_gravatar_when_avatars_are_left_to_wagtail(browser, live, monkeypatch, settings):
    """The control: with Wagtail's avatar defaults, the same visit asks gravatar.com (and the check above notices)."""
    tree, base = live
    superuser()
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"  # Wagtail's default; the portal sets None
    others = [entry for entry in hooks._hooks["get_avatar_url"] if entry[0] is not typography.avatar_without_gravatar]
    monkeypatch.setitem(hooks._hooks, "get_avatar_url", others)
    assert any("gravatar.com" in url for url in off_site(visit_admin(browser, base, tree, "admin")))


def font_files(browser, base, username, url):
    page = browser.new_page()
    requested = record_requests(page)
    admin_login(page, base, username)
    page.goto(base + url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    page.close()
    return [url for url in requested if "/static/fonts/files/" in url]


@pytest.mark.browser
@needs_chromium
def test_an_english_admin_page_fetches_no_han_font(browser, live):
    tree, base = live
    make_user("curator", Group.objects.get(name=CURATORS))
    files = font_files(browser, base, "curator", reverse("wagtailadmin_home"))
    assert any("noto-sans-latin" in url for url in files)
    assert not any("noto-sans-sc" in url for url in files)


@pytest.mark.browser
@needs_chromium
def test_a_chinese_admin_page_fetches_han_fonts_from_the_site(browser, live):
    tree, base = live
    make_user("curator", Group.objects.get(name=CURATORS), language="zh-hans")
    files = font_files(browser, base, "curator", reverse("wagtailadmin_home"))
    assert any("noto-sans-sc" in url for url in files)


def computed(page, selector, *properties):
    return page.locator(selector).first.evaluate(
        "(element, names) => names.map(name => getComputedStyle(element).getPropertyValue(name))", list(properties)
    )


@pytest.mark.browser
@needs_chromium
def test_urdu_admin_reads_right_to_left_with_the_english_source_isolated(browser, live):
    tree, base = live
    make_user("translator-ur", Group.objects.get(name="translators-ur"), language="ur")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    admin_login(page, base, "translator-ur")
    page.goto(base + edit_url(tree.relic), wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    # The locked English source: left to right, isolated from the Urdu around it, in Noto Sans.
    assert page.locator("#id_title_en").is_disabled()
    direction, bidi, family = computed(page, "#id_title_en", "direction", "unicode-bidi", "font-family")
    assert (direction, bidi) == ("ltr", "isolate") and family.startswith('"Noto Sans"')
    assert computed(page, "#id_gallery_images-0-alt_text_en", "direction") == ["ltr"]
    # The translator's own field: right to left, with Nastaliq for its letters.
    direction, family = computed(page, "#id_title_ur", "direction", "font-family")
    assert direction == "rtl" and "Noto Nastaliq Urdu" in family
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))"
    )
    assert "Noto Nastaliq Urdu" in loaded
    # The gallery's heading is whole, and wagtail-modeltranslation's copy buttons (which copy
    # nothing in an inline panel) no longer squeeze it.
    gallery = page.locator("section.w-panel--nested").filter(has=page.locator("#id_gallery_images-TOTAL_FORMS"))
    heading = gallery.locator(".w-panel__heading").first
    assert heading.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert not gallery.locator(".translation-field-copy-wrapper").first.is_visible()
    # Were the widget shown, its English text reads left to right ("from:", colon last).
    assert computed(page, ".translation-field-copy-wrapper", "direction", "unicode-bidi") == ["ltr", "isolate"]
    page.close()


@pytest.mark.browser
@needs_chromium
def test_an_english_admin_shows_an_urdu_field_right_to_left_as_the_control(browser, live):
    tree, base = live
    make_user("curator", Group.objects.get(name=CURATORS))
    page = browser.new_page()
    admin_login(page, base, "curator")
    page.goto(base + edit_url(tree.relic), wait_until="networkidle")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert computed(page, "#id_title_ur", "direction") == ["rtl"]
    assert computed(page, "#id_title_en", "direction") == ["ltr"]
    page.close()
