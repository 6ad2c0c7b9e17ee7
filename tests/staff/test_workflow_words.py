"""Workflow in words: what a save did, submitting with a note, approving with confirmation (staff_admin.workflow)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from collections_app.models import RelicPage
from staff_admin.models import SubmissionNote
from staff_admin.workflow import NOTE_FIELD
from tests.helpers import admin_login, browser_form_data, confirm_workflow_dialog, make_user, needs_chromium


@pytest.fixture
def people(tree):
    tree.museum.refresh_from_db()
    return {
        "editor": make_user("editor-china", tree.museum.editors_group),
        "moderator": make_user("moderator-china", tree.museum.moderators_group),
    }


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def footer_buttons(html):
    footer = BeautifulSoup(html, "html.parser").select_one("form[data-edit-form] footer")
    return footer.select("button")


def post_as_browser(client, page, **extra):
    """Open the editor and send its form back as a browser would, with `extra` fields set."""
    data = browser_form_data(client.get(edit_url(page)).content.decode())
    for name, value in extra.items():
        data[name] = [value]
    return client.post(edit_url(page), data, follow=True)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_an_editors_save_says_it_is_a_draft_and_which_workflow_puts_it_live(client, tree, people):
    client.force_login(people["editor"])
    response = post_as_browser(client, tree.relic, title_ru="Дин Хоумуу (правка)")
    (message,) = messages_of(response)
    assert "saved as a draft: visitors still see the published version" in message
    assert "moderation" in message  # the workflow's name
    assert "has been updated" not in message


@pytest.mark.django_db
def test_a_moderators_save_keeps_wagtails_words(client, tree, people):
    """Control: someone who publishes is told Wagtail's plain "updated"."""
    client.force_login(people["moderator"])
    response = post_as_browser(client, tree.relic, title_ru="Дин Хоумуу (правка)")
    (message,) = messages_of(response)
    assert "has been updated" in message


def submit_button(html):
    """The footer's "Submit to …" button and whether it sits inside the footer menu's dropdown."""
    for button in footer_buttons(html):
        if button.get("name") == "action-submit":
            return button, button.find_parent(attrs={"data-w-dropdown-target": "content"}) is not None
    return None, None


@pytest.mark.django_db
def test_submit_is_a_visible_button_for_the_editor_not_a_menu_entry(client, tree, people):
    client.force_login(people["editor"])
    html = client.get(edit_url(tree.relic)).content.decode()
    button, in_menu = submit_button(html)
    assert "Submit to" in button.get_text() and not in_menu
    assert footer_buttons(html)[0].get_text().strip().startswith("Save draft")  # still the main button
    assert f'name="{NOTE_FIELD}"' in html
    client.force_login(people["moderator"])
    html = client.get(edit_url(tree.relic)).content.decode()
    assert f'name="{NOTE_FIELD}"' not in html  # moderators publish: nothing to send a note to


@pytest.mark.django_db
def test_a_submission_carries_its_note_to_the_moderators(client, tree, people):
    people["moderator"].email = "moderator@example.org"
    people["moderator"].save()
    client.force_login(people["editor"])
    mail.outbox.clear()
    response = post_as_browser(
        client, tree.relic, **{"action-submit": "1", NOTE_FIELD: "Please check the <b>height</b>."}
    )
    (message,) = messages_of(response)
    assert "is submitted to" in message and "1 moderator has been notified" in message
    note = SubmissionNote.objects.get()
    assert (note.text, note.author) == ("Please check the <b>height</b>.", people["editor"])
    to_moderator = [email for email in mail.outbox if "moderator@example.org" in email.to]
    assert len(to_moderator) == 1
    assert "Please check the <b>height</b>." in to_moderator[0].body

    # The moderator opening the page reads the note first, escaped.
    client.force_login(people["moderator"])
    html = client.get(edit_url(tree.relic)).content.decode()
    assert "Note from editor-china with this submission: Please check the &lt;b&gt;height&lt;/b&gt;." in html
    # "Approve" opens Wagtail's dialog (the confirmation); the separate "with comment" copy is gone.
    (approve,) = [button for button in footer_buttons(html) if button.get("data-workflow-action-name") == "approve"]
    assert approve.get("data-workflow-action-modal-url")
    assert "Approve and publish" in approve.get_text()


@pytest.mark.django_db
def test_approving_says_what_was_published_and_in_which_languages(client, tree, people):
    client.force_login(people["editor"])
    post_as_browser(client, tree.relic, **{"action-submit": "1"})
    client.force_login(people["moderator"])
    response = post_as_browser(
        client, tree.relic, **{"action-workflow-action": "true", "workflow-action-name": "approve"}
    )
    (message,) = messages_of(response)
    assert "is approved and published" in message
    assert "English, Русский" in message  # the relic has its own Russian title
    relic = RelicPage.objects.get(pk=tree.relic.pk)
    assert relic.live and relic.current_workflow_state is None


@pytest.fixture
def site(transactional_db, tree, live_server):
    return tree, live_server.url


@pytest.mark.browser
@needs_chromium
def test_submit_with_a_note_then_approve_with_confirmation_in_urdu_and_russian(browser, site):
    tree, base = site
    tree.museum.refresh_from_db()
    make_user("editor-china", tree.museum.editors_group, language="ur")
    make_user("moderator-china", tree.museum.moderators_group, language="ru")
    page = browser.new_page()
    admin_login(page, base, "editor-china")
    page.goto(base + edit_url(tree.relic))
    assert page.evaluate("document.documentElement.dir") == "rtl"
    submit = page.locator("footer button[name='action-submit']")
    assert submit.is_visible()  # the main button, not under "More actions"
    page.fill(f"#id_{NOTE_FIELD}", "اونچائی دوبارہ دیکھ لیں")
    with page.expect_navigation():
        submit.click()
    assert page.locator(".messages .success").count() == 1
    page.context.clear_cookies()

    admin_login(page, base, "moderator-china")
    page.goto(base + edit_url(tree.relic))
    assert "اونچائی دوبارہ دیکھ لیں" in page.locator(".messages").inner_text()
    page.locator("footer button[data-workflow-action-name='approve']").click()
    # Nothing is published by the click alone: a dialog asks first.
    confirm_workflow_dialog(page, tree.relic)
    page.close()
    relic = RelicPage.objects.get(pk=tree.relic.pk)
    assert relic.current_workflow_state is None and relic.workflow_states.get().status == "approved"


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["[1]", '"everything"', "5", "{bad", b"\xff"])
def test_a_malformed_ui_memory_update_is_a_400(client, tree, people, body):
    client.force_login(people["editor"])
    url = reverse("wagtailadmin_dismissibles")
    assert client.patch(url, body, content_type="application/json").status_code == 400
    # Control: the language picker's own update is kept.
    response = client.patch(url, '{"portal-languages": ["en", "ru"]}', content_type="application/json")
    assert response.status_code == 200 and response.json()["portal-languages"] == ["en", "ru"]


@pytest.mark.django_db
def test_malformed_workflow_action_data_is_a_400_and_well_formed_data_approves(client, tree, people):
    client.force_login(people["editor"])
    post_as_browser(client, tree.relic, **{"action-submit": "1"})
    client.force_login(people["moderator"])
    data = browser_form_data(client.get(edit_url(tree.relic)).content.decode())
    data.update({"action-workflow-action": ["true"], "workflow-action-name": ["approve"]})
    for bad in ("{bad", "[]"):
        response = client.post(edit_url(tree.relic), {**data, "workflow-action-extra-data": [bad]})
        assert response.status_code == 400
    assert RelicPage.objects.get(pk=tree.relic.pk).current_workflow_state is not None
    response = client.post(edit_url(tree.relic), {**data, "workflow-action-extra-data": ['{"comment": "Fine."}']})
    assert response.status_code == 302
    assert RelicPage.objects.get(pk=tree.relic.pk).current_workflow_state is None


@pytest.mark.django_db
def test_a_translators_term_submit_is_a_visible_button_and_a_curators_has_none_to_move(client, tree):
    from django.contrib.auth.models import Group

    from collections_app.permissions import CURATORS

    term = tree.relic.object_type
    url = reverse("wagtailsnippets_collections_app_objecttype:edit", args=[term.pk])
    client.force_login(make_user("translator-kk", Group.objects.get(name="translators-kk")))
    button, in_menu = submit_button(client.get(url).content.decode())
    assert button is not None and not in_menu
    # Control: a curator publishes terms, so Wagtail's menu is left as it is.
    client.force_login(make_user("curator", Group.objects.get(name=CURATORS)))
    button, in_menu = submit_button(client.get(url).content.decode())
    assert button is None or in_menu


@pytest.mark.django_db
def test_an_autosave_queues_no_message_for_a_later_page_while_a_browser_save_does(client, tree, people):
    client.force_login(people["editor"])
    data = browser_form_data(client.get(edit_url(tree.relic)).content.decode())
    data["title_ru"] = ["Дин Хоумуу (автосохранение)"]
    autosave = client.post(edit_url(tree.relic), data, headers={"accept": "application/json"})
    assert autosave.status_code == 200 and autosave.json()["success"] is True
    assert messages_of(client.get(reverse("wagtailadmin_home"))) == []

    saved = client.post(edit_url(tree.relic), data, follow=True)  # the control: the same form, sent as a page
    assert any("saved as a draft" in message for message in messages_of(saved))
