"""The workspace at /admin/translations/ as translators, reviewers and curators use it.

Every refusal is tested beside an allowed control doing the same thing, and
checked by its effect (nothing saved, state unchanged).
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from collections_app.models import ExhibitionPage, RelicPage
from collections_app.permissions import CURATORS
from tests.helpers import browser_form_data, make_user, revise
from translation_workspace.models import State, Translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    group = Group.objects.get
    return {
        "translator": make_user("translator-kk", group(name="translators-kk")),
        "translator_ru": make_user("translator-ru", group(name="translators-ru")),
        "reviewer": make_user("reviewer-kk", group(name="reviewers-kk")),
        "reviewer_ru": make_user("reviewer-ru", group(name="reviewers-ru")),
        "curator": make_user("curator", group(name=CURATORS)),
        "editor": make_user("editor-china", tree.museum.editors_group),
    }


def refused(response) -> bool:
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def edit_url(obj, lang="kk"):
    return reverse("translation_workspace:edit", args=[lang, ContentType.objects.get_for_model(obj).pk, obj.pk])


def translation_of(page, key, lang="kk"):
    return Translation.objects.get(unit__object_id=page.pk, unit__key=key, language=lang)


def latest(page):
    return RelicPage.objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.fixture
def relic(tree):
    return revise(tree.relic, technique_en="Cast bronze with a mould", technique_ru="Литьё в форму")


# --- Who sees the workspace -------------------------------------------------------


def test_translators_see_their_languages_and_curators_all(client, people, relic):
    client.force_login(people["translator"])
    response = client.get(reverse("translation_workspace:queue"))
    assert response.status_code == 200
    assert b"/admin/translations/" in client.get(reverse("wagtailadmin_home")).content
    languages = response.context["languages"]
    assert [code for code, _name in languages] == ["kk"]
    assert client.get(reverse("translation_workspace:queue") + "?lang=ru").status_code == 404

    client.force_login(people["curator"])
    response = client.get(reverse("translation_workspace:queue") + "?lang=ru")
    assert response.status_code == 200
    assert len(response.context["languages"]) == 10


def test_an_editor_without_a_language_has_no_workspace(client, people, relic):
    client.force_login(people["editor"])
    assert refused(client.get(reverse("translation_workspace:queue")))
    assert b"/admin/translations/" not in client.get(reverse("wagtailadmin_home")).content


def test_the_queue_puts_stale_before_missing(client, people, relic, tree):
    revise(tree.other_relic, technique_en="Gold")  # only missing texts
    relic = revise(relic, technique_kk="Қалыпқа құю")
    revise(relic, technique_en="Cast bronze with a two-part mould")  # the Kazakh goes stale
    client.force_login(people["translator"])
    items = client.get(reverse("translation_workspace:queue") + "?lang=kk").context["items"]
    assert items[0]["unit__object_id"] == relic.pk and items[0]["stale"] == 1
    assert tree.other_relic.pk in [item["unit__object_id"] for item in items]
    only_missing = client.get(reverse("translation_workspace:queue") + "?lang=kk&state=stale").context["items"]
    assert [item["unit__object_id"] for item in only_missing] == [relic.pk]


def test_progress_per_exhibition_counts_its_relics(client, people, tree):
    tree.exhibition.sync_links()
    revise(tree.exhibition)
    revise(tree.relic, technique_en="Cast bronze", technique_kk="Қола құю")
    client.force_login(people["translator"])
    response = client.get(reverse("translation_workspace:queue") + "?lang=kk")
    (exhibition, by_language), *_ = response.context["exhibitions"]
    progress = by_language["kk"]
    assert exhibition.pk == tree.exhibition.pk
    assert progress.current == 1 and 0 < progress.percent < 100
    assert f"{progress.percent} %" in response.content.decode()


# --- The side-by-side editor ------------------------------------------------------


def test_side_by_side_shows_source_reference_and_saves_a_draft_revision(client, people, relic):
    client.force_login(people["translator"])
    response = client.get(edit_url(relic))
    html = response.content.decode()
    assert "Cast bronze with a mould" in html and "Литьё в форму" in html  # English and the Russian reference
    assert 'name="unit-technique"' in html and 'lang="kk"' in html

    revisions = relic.revisions.count()
    response = client.post(edit_url(relic), {"unit-technique": "Қалыпқа құю"})
    assert response.status_code == 302
    assert relic.revisions.count() == revisions + 1
    assert latest(relic).technique_kk == "Қалыпқа құю"
    assert RelicPage.objects.get(pk=relic.pk).technique_kk in ("", None)  # a draft: the live page is unchanged
    assert translation_of(relic, "technique").state == State.TRANSLATED


def test_a_stale_field_shows_what_changed_in_the_source(client, people, relic):
    relic = revise(relic, technique_kk="Қалыпқа құю")
    revise(relic, technique_en="Cast bronze with a two-part mould")
    client.force_login(people["translator"])
    html = client.get(edit_url(relic)).content.decode()
    assert "<ins>two-part" in html
    assert "Stale" in html


def test_memory_offers_exact_and_similar_translations(client, people, relic, tree):
    revise(tree.other_relic, technique_en="Cast bronze with a mould", technique_kk="Қалыпқа құйылған қола")
    revise(tree.museum, city_en="Cast bronze with moulds", city_kk="Қалыптармен құйылған қола")
    client.force_login(people["translator"])
    rows = {row["key"]: row for row in client.get(edit_url(relic)).context["rows"]}
    suggestions = rows["technique"]["suggestions"]
    assert suggestions[0].score == 100 and suggestions[0].target == "Қалыпқа құйылған қола"
    assert any(70 <= s.score < 100 and s.target == "Қалыптармен құйылған қола" for s in suggestions)


def test_qa_warnings_hold_the_save_until_confirmed(client, people, relic):
    client.force_login(people["translator"])
    revisions = relic.revisions.count()
    # The target is the English source, untranslated: QA warns and nothing is saved.
    response = client.post(edit_url(relic), {"unit-technique": "Cast bronze with a mould"})
    assert response.status_code == 200
    assert "identical" in {w.code for row in response.context["rows"] for w in row["warnings"]}
    assert relic.revisions.count() == revisions
    response = client.post(edit_url(relic), {"unit-technique": "Cast bronze with a mould", "confirm": "1"})
    assert response.status_code == 302
    assert relic.revisions.count() == revisions + 1


def test_a_translator_cannot_write_another_language(client, people, relic):
    client.force_login(people["translator"])
    response = client.post(edit_url(relic, "ru"), {"unit-technique": "Отливка"})
    assert response.status_code == 404
    assert latest(relic).technique_ru == "Литьё в форму"
    # Allowed control: the same POST by the Russian translator.
    client.force_login(people["translator_ru"])
    assert client.post(edit_url(relic, "ru"), {"unit-technique": "Отливка"}).status_code == 302
    assert latest(relic).technique_ru == "Отливка"


def test_a_reviewer_reads_but_does_not_translate(client, people, relic):
    client.force_login(people["reviewer"])
    assert client.get(edit_url(relic)).status_code == 200
    assert refused(client.post(edit_url(relic), {"unit-technique": "Қалыпқа құю"}))
    assert not latest(relic).technique_kk
    client.force_login(people["translator"])
    assert client.post(edit_url(relic), {"unit-technique": "Қалыпқа құю"}).status_code == 302
    assert latest(relic).technique_kk == "Қалыпқа құю"


# --- Review ---------------------------------------------------------------------


def review(client, relic, action, lang="kk", **extra):
    translation = translation_of(relic, "technique", lang)
    return client.post(
        reverse("translation_workspace:review", args=[lang, translation.pk]), {"action": action, **extra}
    )


def test_reviewers_mark_reviewed_and_others_cannot(client, people, relic):
    relic = revise(relic, technique_kk="Қалыпқа құю")
    client.force_login(people["translator"])
    assert refused(review(client, relic, "accept"))
    client.force_login(people["reviewer_ru"])
    assert refused(review(client, relic, "accept"))
    assert translation_of(relic, "technique").state == State.TRANSLATED
    client.force_login(people["reviewer"])
    assert review(client, relic, "accept").status_code == 302
    assert translation_of(relic, "technique").state == State.REVIEWED


def test_a_translation_sent_back_returns_to_the_queue_with_the_comment(client, people, relic):
    relic = revise(relic, technique_kk="Қалыпқа құю")
    client.force_login(people["reviewer"])
    review(client, relic, "return", comment="Use «құю» only once.")
    translation = translation_of(relic, "technique")
    assert translation.returned and translation.comment == "Use «құю» only once."
    client.force_login(people["translator"])
    items = client.get(reverse("translation_workspace:queue") + "?lang=kk&state=returned").context["items"]
    assert [item["unit__object_id"] for item in items] == [relic.pk]
    assert "Use «құю» only once." in client.get(edit_url(relic)).content.decode()
    client.post(edit_url(relic), {"unit-technique": "Қалыпқа құйылған"})
    assert not translation_of(relic, "technique").returned


def test_nobody_reviews_their_own_translation(client, people, relic):
    both = make_user("translator-reviewer-kk", Group.objects.get(name="translators-kk"))
    both.groups.add(Group.objects.get(name="reviewers-kk"))
    client.force_login(both)
    client.post(edit_url(relic), {"unit-technique": "Қалыпқа құю"})
    assert refused(review(client, relic, "accept"))
    assert translation_of(relic, "technique").state == State.TRANSLATED


# --- Existing content -----------------------------------------------------------


def test_translation_states_command_computes_existing_content(tree):
    from django.core.management import call_command

    relic = revise(tree.relic, technique_en="Cast bronze", technique_ru="Литьё")
    revise(relic, technique_en="Cast and chased bronze")
    Translation.objects.all().delete()
    call_command("translation_states")
    assert translation_of(relic, "technique", "ru").state == State.STALE


def test_a_browser_post_of_the_whole_form_changes_only_what_was_edited(client, people, relic):
    """A browser sends every textarea; rich text comes back as inline tags and must not be rewritten."""
    kazakh = '<p><b>Ғұрыптық</b> ыдыс, <a href="https://example.org/ding">каталогты</a> қараңыз.</p>'
    relic = revise(
        relic,
        description_en='<p>A <b>ritual</b> vessel, see <a href="https://example.org/ding">the catalogue</a>.</p>',
        description_kk=kazakh,
    )
    before = translation_of(relic, "description").translated_at
    client.force_login(people["translator"])
    data = browser_form_data(client.get(edit_url(relic)).content.decode(), "form.tw-editor")
    assert data["unit-description"] == ["<p><b>Ғұрыптық</b> ыдыс, <a1>каталогты</a1> қараңыз.</p>"]
    data["unit-technique"] = ["Қалыпқа құю"]
    revisions = relic.revisions.count()
    assert client.post(edit_url(relic), data).status_code == 302
    assert relic.revisions.count() == revisions + 1
    saved = latest(relic)
    assert saved.technique_kk == "Қалыпқа құю"
    assert saved.description_kk == kazakh
    assert translation_of(relic, "description").translated_at == before


def test_a_rich_text_with_broken_tags_is_refused_with_the_reason(client, people, relic):
    relic = revise(relic, description_en="<p>A <b>ritual</b> vessel.</p>")
    client.force_login(people["translator"])
    response = client.post(edit_url(relic), {"unit-description": "<p>Ғұрыптық <b>ыдыс.</p>"})
    assert response.status_code == 200
    messages = [w.message for row in response.context["rows"] for w in row["warnings"]]
    assert any("<b>" in message for message in messages)
    assert not latest(relic).description_kk
    # Allowed control: balanced tags save, and are stored as HTML.
    client.post(edit_url(relic), {"unit-description": "<p><b>Ғұрыптық</b> ыдыс.</p>"})
    assert latest(relic).description_kk == "<p><b>Ғұрыптық</b> ыдыс.</p>"


def test_a_narrative_block_is_translated_into_the_same_place(client, people, tree):
    exhibition = revise(tree.exhibition)
    section, grid = exhibition.body_en[0], exhibition.body_en[1]
    client.force_login(people["translator"])
    response = client.post(
        edit_url(exhibition),
        {f"unit-body:{section.id}:heading": "Жолдар", f"unit-body:{section.id}:text": "<p>Керуендер.</p>"},
    )
    assert response.status_code == 302
    body = ExhibitionPage.objects.get(pk=exhibition.pk).get_latest_revision_as_object().body_kk
    # The English structure, same ids: the section translated, the grid of relics in its place.
    assert [(block.id, block.block_type) for block in body] == [(section.id, "section"), (grid.id, "relic_grid")]
    assert body[0].value["heading"] == "Жолдар" and str(body[0].value["text"]) == "<p>Керуендер.</p>"
    assert [relic.pk for relic in body[1].value["relics"]] == [tree.relic.pk, tree.other_relic.pk]
    assert translation_of(exhibition, f"body:{section.id}:heading").state == State.TRANSLATED


def test_a_vocabulary_term_is_translated_as_a_draft(client, people, tree):
    from collections_app.models import ObjectType

    term = tree.relic.object_type
    client.force_login(people["translator"])
    assert client.post(edit_url(term), {"unit-name": "Ыдыс"}).status_code == 302
    term = ObjectType.objects.get(pk=term.pk)
    assert term.get_latest_revision_as_object().name_kk == "Ыдыс"
    assert not term.name_kk  # live only once a curator approves it
    # Denied beside the control: a reviewer may not write it.
    client.force_login(people["reviewer"])
    assert refused(client.post(edit_url(term), {"unit-name": "Тостаған"}))
    assert ObjectType.objects.get(pk=term.pk).get_latest_revision_as_object().name_kk == "Ыдыс"
