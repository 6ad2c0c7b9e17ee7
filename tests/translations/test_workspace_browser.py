"""The workspace in Chromium, as translator-kk and reviewer-kk use it: queue, a stale field beside its
source diff, the glossary and QA catching a wrong term, a memory suggestion taken with one click, review."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from collections_app.models import RelicPage
from tests import factories
from tests.helpers import admin_login, make_user, needs_chromium, revise
from translation_workspace.models import State, Translation


@pytest.fixture
def site(transactional_db, tree, live_server):
    return tree, live_server.url


@pytest.mark.browser
@needs_chromium
def test_translator_and_reviewer_journey(browser, site):
    tree, base = site
    make_user("translator-kk", Group.objects.get(name="translators-kk"), language="kk")
    make_user("reviewer-kk", Group.objects.get(name="reviewers-kk"), language="kk")
    factories.ObjectTypeFactory(name_en="Mirror", name_kk="Айна", slug="mirror")
    relic = revise(tree.relic, technique_en="Cast bronze mirror", technique_kk="Қола құю")
    relic = revise(relic, technique_en="Cast bronze mirror, polished")  # the Kazakh is now stale
    revise(tree.other_relic, technique_en="Cast bronze mirror, polished", technique_kk="Құйылған жылтыр қола айна")

    page = browser.new_page()
    admin_login(page, base, "translator-kk")
    page.goto(base + reverse("translation_workspace:queue"))
    first = page.locator(".tw-queue tbody tr").first
    assert "Houmuwu ding" in first.inner_text()  # stale before missing
    with page.expect_navigation():
        first.locator("a").click()

    unit = page.locator(".tw-unit", has=page.locator("textarea[name='unit-technique']"))
    assert "polished" in unit.locator(".tw-diff ins").inner_text()  # what changed since the translation
    assert "Айна" in unit.locator(".tw-glossary").inner_text()
    field = unit.locator("textarea")
    field.fill("Құйылған қола күзгі")  # not the approved rendering of "mirror"
    with page.expect_navigation():
        page.locator(".tw-actions button[type='submit']").first.click()
    warnings = page.locator(".tw-unit", has=page.locator("textarea[name='unit-technique']")).locator(".tw-warning")
    assert "Айна" in warnings.first.inner_text()
    assert RelicPage.objects.get(pk=relic.pk).get_latest_revision_as_object().technique_kk == "Қола құю"

    unit = page.locator(".tw-unit", has=page.locator("textarea[name='unit-technique']"))
    unit.locator("[data-tw-use]").first.click()  # the memory's exact match
    assert unit.locator("textarea").input_value() == "Құйылған жылтыр қола айна"
    with page.expect_navigation():
        page.locator(".tw-actions button[type='submit']").first.click()
    saved = RelicPage.objects.get(pk=relic.pk).get_latest_revision_as_object()
    assert saved.technique_kk == "Құйылған жылтыр қола айна"
    translation = Translation.objects.get(unit__object_id=relic.pk, unit__key="technique", language="kk")
    assert translation.state == State.TRANSLATED
    page.close()

    page = browser.new_page()
    admin_login(page, base, "reviewer-kk")
    page.goto(base + reverse("translation_workspace:queue") + "?lang=kk&state=review")
    with page.expect_navigation():
        page.locator(".tw-queue tbody tr a", has_text="Houmuwu ding").click()
    unit = page.locator(".tw-unit", has=page.locator("textarea[name='unit-technique']"))
    assert unit.locator("textarea").get_attribute("readonly") is not None  # reviewers read, they do not write
    with page.expect_navigation():
        unit.locator("button[value='accept']").click()
    page.close()
    translation.refresh_from_db()
    assert translation.state == State.REVIEWED
