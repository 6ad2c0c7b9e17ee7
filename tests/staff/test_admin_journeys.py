"""Staff journeys end to end in Chromium, in an LTR and an RTL admin language (issue: museum staff in the admin).

An editor catalogues a new relic with an image and submits it with a note; a translator
translates and submits; a moderator approves from the dashboard, where "Approve" asks
first. Approving in the editor is in test_workflow_words.py, the curator's exhibition in
test_exhibition_builder.py.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from collections_app.models import RelicPage
from staff_admin.models import SubmissionNote
from staff_admin.workflow import NOTE_FIELD
from tests import factories
from tests.helpers import admin_login, confirm_workflow_dialog, make_user, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def site(transactional_db, tree, live_server):
    tree.museum.refresh_from_db()
    return tree, live_server.url


def test_an_urdu_translator_translates_saves_and_submits(browser, site):
    tree, base = site
    make_user("translator-ur", Group.objects.get(name="translators-ur"), language="ur")
    page = browser.new_page()
    admin_login(page, base, "translator-ur")
    page.goto(base + reverse("wagtailadmin_pages:edit", args=[tree.relic.pk]))
    assert page.evaluate("document.documentElement.dir") == "rtl"
    # The picker opens on Urdu, with the English source beside it; nothing else.
    pressed = page.locator(".portal-picker button[aria-pressed='true']")
    assert [pressed.nth(i).get_attribute("data-lang") for i in range(pressed.count())] == ["en", "ur"]
    page.fill("#id_title_ur", "ہومووو ڈنگ")
    with page.expect_navigation():
        page.locator("footer button.action-save").first.click()
    saved = page.locator(".messages .success").inner_text()
    # Not Wagtail's bare "updated": the message names the workflow that will put the draft live.
    assert tree.relic.get_workflow().name in saved

    submit = page.locator("footer button[name='action-submit']")
    assert submit.is_visible()
    with page.expect_navigation():
        submit.click()
    page.close()
    relic = RelicPage.objects.get(pk=tree.relic.pk)
    assert relic.current_workflow_state is not None
    assert relic.get_latest_revision_as_object().title_ur == "ہومووو ڈنگ"


def test_a_russian_moderator_approves_from_the_dashboard_after_confirming(browser, site):
    tree, base = site
    editor = make_user("editor-china", tree.museum.editors_group)
    make_user("moderator-china", tree.museum.moderators_group, language="ru")
    relic = RelicPage.objects.get(pk=tree.relic.pk)
    relic.title_ru = "Дин Хоумуу (уточнено)"
    relic.save_revision(user=editor)
    relic.get_workflow().start(relic, editor)

    page = browser.new_page()
    admin_login(page, base, "moderator-china")
    page.goto(base + reverse("wagtailadmin_home"))
    row = page.locator("tr", has=page.locator("button[data-workflow-action-url*='/approve/']"))
    row.locator("[data-w-dropdown-target='toggle'], .w-dropdown__toggle").first.click()
    approve = row.locator("button[data-workflow-action-url*='/approve/']")
    assert approve.count() == 1  # one "Approve", no separate "with comment" twin
    approve.click()
    confirm_workflow_dialog(page, tree.relic)
    page.close()
    relic = RelicPage.objects.get(pk=tree.relic.pk)
    assert relic.current_workflow_state is None
    assert relic.title_ru == "Дин Хоумуу (уточнено)"


def test_an_editor_catalogues_a_new_relic_with_an_image_and_submits_it_with_a_note(browser, site):
    tree, base = site
    make_user("editor-china", tree.museum.editors_group)
    moderator = make_user("moderator-china", tree.museum.moderators_group)
    image = factories.CollectionImageFactory(collection=tree.museum.collection, default_alt_text="A bronze mirror")
    page = browser.new_page()
    admin_login(page, base, "editor-china")
    page.goto(base + reverse("wagtailadmin_pages:add", args=["collections_app", "relicpage", tree.museum.pk]))
    page.fill("#id_title_en", "Bronze mirror with TLV pattern")
    page.fill("#id_accession_number", "GUO-2026-1")
    page.locator("#id_object_type-chooser .unchosen button").click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    page.select_option("#id_rights_uri", index=1)
    page.click("#id_gallery_images-ADD")
    page.locator("#id_gallery_images-0-image-chooser .unchosen button").click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    page.wait_for_function("document.getElementById('id_gallery_images-0-alt_text_en').value !== ''")
    page.fill(f"#id_{NOTE_FIELD}", "New acquisition; the rights are cleared.")
    with page.expect_navigation():
        page.locator("footer button[name='action-submit']").click()
    shown = page.locator(".messages .success").all_inner_texts()
    assert len(shown) == 1 and "is submitted to" in shown[0], shown
    page.close()

    relic = RelicPage.objects.get(accession_number="GUO-2026-1")
    assert relic.current_workflow_state is not None and not relic.live
    assert relic.get_latest_revision_as_object().gallery_images.get().image_id == image.pk
    assert SubmissionNote.objects.get(workflow_state=relic.current_workflow_state).text.startswith("New acquisition")
    assert moderator.email in {address for email in mail.outbox for address in email.to}
