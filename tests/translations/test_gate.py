"""The publishing gate: an exhibition goes live only with its Chinese and Russian text complete and current,
refused with the fields named whichever way publishing comes (editor, workflow, publish())."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import reverse
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from collections_app.models import ExhibitionPage
from collections_app.permissions import CURATORS
from tests.helpers import make_user

pytestmark = pytest.mark.django_db

COMPLETE = {
    "title_zh_hans": "丝绸之路",
    "title_ru": "По Шёлковому пути",
    "subtitle_en": "Objects on the move",
    "subtitle_zh_hans": "流动的器物",
    "subtitle_ru": "Вещи в пути",
}


def exhibition_with(tree, **values):
    page = ExhibitionPage.objects.get(pk=tree.exhibition.pk)
    page = page.get_latest_revision_as_object() if page.revisions.exists() else page
    page.body_en = []  # a narrative is checked block by block (see the workspace tests); here: plain fields
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision()
    return page


def test_publish_is_refused_while_russian_is_missing(tree):
    page = exhibition_with(tree, **{**COMPLETE, "subtitle_ru": ""})
    with pytest.raises(PublishPermissionError) as error:
        page.get_latest_revision().publish()
    assert "Russian" in str(error.value) and "Subtitle (missing)" in str(error.value)
    assert ExhibitionPage.objects.get(pk=page.pk).has_unpublished_changes is not False
    # Allowed control: complete, it publishes.
    page = exhibition_with(tree, **COMPLETE)
    page.get_latest_revision().publish()
    assert ExhibitionPage.objects.get(pk=page.pk).subtitle_ru == "Вещи в пути"


def test_a_stale_required_language_blocks_too(tree):
    page = exhibition_with(tree, **COMPLETE)
    page = exhibition_with(tree, subtitle_en="Objects and people on the move")
    with pytest.raises(PublishPermissionError) as error:
        page.get_latest_revision().publish()
    assert "Subtitle (stale)" in str(error.value)


@override_settings(PORTAL_REQUIRED_TRANSLATIONS=["ru"])
def test_the_required_languages_are_a_setting(tree):
    page = exhibition_with(tree, **{**COMPLETE, "subtitle_zh_hans": "", "title_zh_hans": ""})
    page.get_latest_revision().publish()
    assert ExhibitionPage.objects.get(pk=page.pk).live


def editor_data(page, **overrides):
    data = {
        "title_en": page.title_en,
        "slug_en": page.slug_en,
        "opening_date": page.opening_date.isoformat(),
        "body_en": streamfield([]),
        "curators": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "1",
    }
    for lang in ("zh_hans", "ru", "hi", "ur", "fa", "kk", "ky", "tg", "uz", "be"):
        data[f"body_{lang}"] = streamfield([])
    data.update(overrides)
    return nested_form_data(data)


def test_the_editor_names_the_missing_fields(client, tree):
    curator = make_user("curator", Group.objects.get(name=CURATORS))
    client.force_login(curator)
    page = exhibition_with(tree, **COMPLETE)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    values = {**COMPLETE, "subtitle_ru": ""}
    response = client.post(url, editor_data(page, **values))
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be published until its Russian text is complete and current" in html
    assert "Subtitle (missing)" in html
    assert ExhibitionPage.objects.get(pk=page.pk).subtitle_ru in ("", None)
    # Allowed control: the same form with the Russian subtitle publishes.
    response = client.post(url, editor_data(page, **COMPLETE))
    assert response.status_code == 302
    assert ExhibitionPage.objects.get(pk=page.pk).subtitle_ru == "Вещи в пути"


def test_the_workflow_cannot_approve_it_either(tree):
    editor = make_user("editor", tree.museum.editors_group)
    curator = make_user("curator", Group.objects.get(name=CURATORS))
    page = exhibition_with(tree, **{**COMPLETE, "subtitle_ru": ""})
    workflow = page.get_workflow()
    state = workflow.start(page, editor)
    task_state = state.current_task_state
    with pytest.raises(PermissionDenied) as error:
        task_state.task.specific.on_action(task_state, curator, "approve")
    assert "Subtitle (missing)" in str(error.value)
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not ExhibitionPage.objects.get(pk=page.pk).subtitle_ru
