"""Translators hear when text appears or goes stale in their queue, reviewers when there is work to review:
one e-mail per batch and language, not one per save."""

import pytest
from django.contrib.auth.models import Group

from tests.helpers import make_user, revise

pytestmark = pytest.mark.django_db


def save(page, user, **values):
    return revise(page, user, **values)


def test_translators_are_told_once_per_batch(tree, mailoutbox, django_capture_on_commit_callbacks):
    make_user("translator-kk", Group.objects.get(name="translators-kk"))
    make_user("translator-ru", Group.objects.get(name="translators-ru"))
    editor = make_user("editor-china", tree.museum.editors_group)
    with django_capture_on_commit_callbacks(execute=True):
        relic = save(tree.relic, editor, technique_en="Cast bronze")
    kazakh = [m for m in mailoutbox if m.to == ["translator-kk@example.org"]]
    assert len(kazakh) == 1
    assert "Houmuwu ding" in kazakh[0].subject and "/admin/translations/?lang=kk" in kazakh[0].body
    # Written in the translator's language.
    russian = next(m for m in mailoutbox if m.to == ["translator-ru@example.org"])
    assert "перевод" in (russian.subject + russian.body).lower()

    sent = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        save(relic, editor, technique_en="Cast and chased bronze")  # minutes later: no second message
    assert len(mailoutbox) == sent


def test_reviewers_are_told_when_there_is_something_to_review(tree, mailoutbox, django_capture_on_commit_callbacks):
    make_user("reviewer-kk", Group.objects.get(name="reviewers-kk"))
    translator = make_user("translator-kk", Group.objects.get(name="translators-kk"))
    relic = save(tree.relic, None, technique_en="Cast bronze")  # a script: nobody is told
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        save(relic, translator, technique_kk="Қола құю")
    assert [m.to for m in mailoutbox] == [["reviewer-kk@example.org"]]
