"""What goes live and who lets it: vocabulary terms and image metadata follow the pages' discipline.

A term's name appears on every museum's pages, so a translator's change is a
draft until an alliance curator approves it. Image metadata has no drafts,
so a change to an image the public site shows is kept for those who publish.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from collections_app.models import CollectionImage, ObjectType
from collections_app.permissions import CURATORS, VOCABULARY_WORKFLOW
from tests import factories
from tests.helpers import make_user, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    tree.museum.refresh_from_db()
    return {
        "translator": make_user("translator-kk", Group.objects.get(name="translators-kk")),
        "curator": make_user("curator", Group.objects.get(name=CURATORS)),
        "editor": make_user("editor-china", tree.museum.editors_group),
        "moderator": make_user("moderator-china", tree.museum.moderators_group),
    }


def term_url(term, view="edit"):
    return reverse(f"wagtailsnippets_collections_app_objecttype:{view}", args=[term.pk])


def test_a_translators_term_change_is_a_draft_until_a_curator_approves_it(client, tree, people):
    term = tree.relic.object_type
    original = (term.name_en, term.slug)
    client.force_login(people["translator"])
    response = client.post(
        term_url(term),
        {"name_en": "Defaced", "name_kk": "Ыдыс", "slug": "changed", "authority_uri": "", "action-submit": "1"},
    )
    assert response.status_code == 302
    live = ObjectType.objects.get(pk=term.pk)
    assert (live.name_en, live.slug) == original and not live.name_kk  # nothing is live yet
    draft = live.latest_revision.as_object()
    assert (draft.name_en, draft.slug, draft.name_kk) == (*original, "Ыдыс")  # only Kazakh changed
    relic_page = client.get(url_in(tree.relic, "kk")).content.decode()
    assert "Ыдыс" not in relic_page

    state = live.current_workflow_state
    assert state.workflow.name == VOCABULARY_WORKFLOW
    client.force_login(people["curator"])
    url = reverse(
        "wagtailsnippets_collections_app_objecttype:workflow_action",
        args=[term.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(url, {}).status_code in (200, 302)
    live = ObjectType.objects.get(pk=term.pk)
    assert live.name_kk == "Ыдыс" and live.name_en == original[0]
    assert "Ыдыс" in client.get(url_in(tree.relic, "kk")).content.decode()


def test_translators_cannot_publish_a_term_and_curators_can(client, tree, people):
    term = tree.relic.object_type
    data = {"name_en": term.name_en, "name_kk": "Ыдыс", "slug": term.slug, "authority_uri": "", "action-publish": "1"}
    client.force_login(people["translator"])
    client.post(term_url(term), data)
    assert not ObjectType.objects.get(pk=term.pk).name_kk
    client.force_login(people["curator"])
    assert client.post(term_url(term), data).status_code == 302
    assert ObjectType.objects.get(pk=term.pk).name_kk == "Ыдыс"


def image_form(image, **changes):
    data = {
        "title": image.title,
        "rights_uri": image.rights_uri,
        "credit": image.credit,
        "default_alt_text": image.default_alt_text,
        "tags": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def public_image(tree, people):
    """An image the China editor uploaded, shown in a live relic's gallery."""
    row = tree.relic.gallery_images.get()
    CollectionImage.objects.filter(pk=row.image_id).update(
        uploaded_by_user=people["editor"], collection=tree.museum.collection, credit="Museum photographer"
    )
    return CollectionImage.objects.get(pk=row.image_id)


def test_an_editor_cannot_change_an_image_the_public_site_shows(client, tree, people, public_image):
    client.force_login(people["editor"])
    response = client.post(reverse("wagtailimages:edit", args=[public_image.pk]), image_form(public_image, credit="X"))
    assert response.status_code == 200
    assert "moderators to change it" in response.content.decode()
    assert CollectionImage.objects.get(pk=public_image.pk).credit == "Museum photographer"


def test_the_museums_moderator_changes_it(client, tree, people, public_image):
    client.force_login(people["moderator"])
    response = client.post(reverse("wagtailimages:edit", args=[public_image.pk]), image_form(public_image, credit="X"))
    assert response.status_code == 302
    assert CollectionImage.objects.get(pk=public_image.pk).credit == "X"


def test_an_editor_corrects_their_own_upload_until_it_is_public(client, tree, people):
    draft_image = factories.CollectionImageFactory(
        collection=tree.museum.collection, uploaded_by_user=people["editor"], credit="Typo"
    )
    client.force_login(people["editor"])
    response = client.post(
        reverse("wagtailimages:edit", args=[draft_image.pk]), image_form(draft_image, credit="Fixed")
    )
    assert response.status_code == 302
    assert CollectionImage.objects.get(pk=draft_image.pk).credit == "Fixed"
