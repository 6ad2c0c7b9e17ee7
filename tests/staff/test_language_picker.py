"""The editor's language picker: languages by their own names, opening on the user's languages, remembered."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from staff_admin.picker import STORAGE_KEY
from tests.helpers import PASSWORD, admin_login, make_user, needs_chromium


def picker_config(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    start = html.index('<script id="portal-picker-config" type="application/json">')
    body = html[html.index(">", start) + 1 : html.index("</script>", start)]
    return json.loads(body), html


@pytest.mark.django_db
def test_a_translator_opens_on_their_language_beside_the_source(client, tree):
    make_user("translator-kk", Group.objects.get(name="translators-kk"), language="kk")
    client.login(username="translator-kk", password=PASSWORD)
    config, html = picker_config(client, tree.relic)
    assert config["shown"] == ["en", "kk"]
    assert config["own"] == ["kk"]
    names = {language["code"]: language["name"] for language in config["languages"]}
    assert (names["kk"], names["ur"], names["zh-hans"]) == ("Қазақша", "اردو", "简体中文")
    # wagtail-modeltranslation's code-labelled picker is gone.
    assert "language_toggles.js" not in html


@pytest.mark.django_db
def test_an_editor_opens_on_the_source_and_their_admin_language(client, tree):
    editors = tree.museum.editors_group
    make_user("editor", editors, language="ru")
    client.login(username="editor", password=PASSWORD)
    assert picker_config(client, tree.relic)[0]["shown"] == ["en", "ru"]
    # Control: with an English admin, only the source language.
    make_user("editor-en", editors, language="en")
    client.login(username="editor-en", password=PASSWORD)
    assert picker_config(client, tree.relic)[0]["shown"] == ["en"]


@pytest.mark.django_db
def test_the_stored_choice_wins_and_bad_values_are_ignored(client, tree):
    user = make_user("translator-kk", Group.objects.get(name="translators-kk"), language="kk")
    client.login(username="translator-kk", password=PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.dismissibles[STORAGE_KEY] = ["ur", "kk", "xx"]
    profile.save()
    assert picker_config(client, tree.relic)[0]["shown"] == ["ur", "kk"]  # the table's order, unknown codes dropped
    profile.dismissibles[STORAGE_KEY] = "everything"
    profile.save()
    assert picker_config(client, tree.relic)[0]["shown"] == ["en", "kk"]


@pytest.fixture
def site(transactional_db, tree, live_server):
    return tree, live_server.url


@pytest.mark.browser
@needs_chromium
def test_the_picker_in_chromium_shows_names_hides_languages_and_remembers(browser, site):
    tree, base = site
    make_user("translator-ru", Group.objects.get(name="translators-ru"), language="ru")
    page = browser.new_page()
    admin_login(page, base, "translator-ru")
    edit = base + reverse("wagtailadmin_pages:edit", args=[tree.relic.pk])
    page.goto(edit)
    picker = page.locator(".portal-picker")
    assert picker.locator("button[data-lang='zh-hans']").inner_text().startswith("简体中文")
    pressed = picker.locator("button[aria-pressed='true']")
    assert [pressed.nth(i).get_attribute("data-lang") for i in range(pressed.count())] == ["en", "ru"]
    # Shown: the source and Russian; hidden: the other nine, in the form and in the side outline.
    assert page.locator("#id_title_ru").is_visible() and page.locator("#id_title_en").is_visible()
    assert not page.locator("#id_title_kk").is_visible()
    page.wait_for_function("document.querySelectorAll('.w-minimap__list li').length > 0")
    outline = page.locator(".w-minimap__list").inner_text()
    assert "Русский" in outline and "Қазақша" not in outline
    # Labels name the language; the shared help text is shown once, not per language.
    assert page.locator("#id_title_ru-label .portal-lang-badge").inner_text() == "Русский"
    # Only the source language is required: no "Page title*" placeholder on the others.
    assert page.get_attribute("#id_title_en", "placeholder").endswith("*")
    assert not page.get_attribute("#id_title_ru", "placeholder").endswith("*")
    visible_help = page.locator("[data-portal-lang] .w-field__help:visible").all_inner_texts()
    assert len(visible_help) == len(set(visible_help)), visible_help

    with page.expect_response(lambda response: "dismissibles" in response.url):
        picker.locator("button[data-lang='kk']").click()
    assert page.locator("#id_title_kk").is_visible()
    page.wait_for_function("document.querySelector('.w-minimap__list').innerText.includes('Қазақша')")

    page.goto(edit)  # remembered, on the server
    assert picker.locator("button[data-lang='kk']").get_attribute("aria-pressed") == "true"
    with page.expect_response(lambda response: "dismissibles" in response.url):
        picker.locator("button[data-lang='en']").click()
    assert not page.locator("#id_title_en").is_visible()
    page.close()
    profile = UserProfile.objects.get(user__username="translator-ru")
    assert profile.dismissibles[STORAGE_KEY] == ["ru", "kk"]
