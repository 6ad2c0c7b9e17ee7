"""The editor's path: the page editor refuses bad input with messages on the fields."""

import pytest

from collections_app.models import RelicPage
from tests import factories
from tests.helpers import relic_form

pytestmark = pytest.mark.django_db


def add_url(parent):
    return f"/admin/pages/add/collections_app/relicpage/{parent.pk}/"


def test_editor_can_create_a_relic(admin_client, tree):
    response = admin_client.post(add_url(tree.museum), relic_form(tree))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    relic = RelicPage.objects.get(accession_number="NEW-1")
    assert relic.museum_id == tree.museum.pk


def test_editor_sees_an_error_when_latest_year_precedes_earliest(admin_client, tree):
    response = admin_client.post(add_url(tree.museum), relic_form(tree, earliest_year=100, latest_year=-100))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "before the earliest year" in errors["latest_year"][0]
    assert not RelicPage.objects.filter(accession_number="NEW-1").exists()


def test_editor_sees_an_error_for_a_duplicate_accession_number(admin_client, tree):
    response = admin_client.post(add_url(tree.museum), relic_form(tree, accession_number=tree.relic.accession_number))
    assert response.status_code == 200
    assert "already has a relic" in response.context["form"].errors["accession_number"][0]


def test_relic_cannot_be_created_outside_a_museum(admin_client, tree):
    response = admin_client.get(add_url(tree.exhibition_index))
    assert response.status_code in (302, 403)
    assert not RelicPage.objects.filter(accession_number="NEW-1").exists()


def test_admin_edit_form_offers_every_language(admin_client, tree):
    response = admin_client.get(f"/admin/pages/{tree.relic.pk}/edit/")
    assert response.status_code == 200
    content = response.content.decode()
    for field in ("title_en", "title_zh_hans", "title_kk", "description_fa", "period_label_be"):
        assert f'name="{field}"' in content


def test_every_page_type_opens_in_the_editor(admin_client, tree):
    for page in [*tree.pages(), tree.other_museum]:
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, type(page).__name__


@pytest.mark.parametrize("model", ["objecttype", "material", "culture", "place"])
def test_vocabularies_are_editable_snippets_with_every_language(admin_client, tree, model):
    listing = admin_client.get(f"/admin/snippets/collections_app/{model}/")
    assert listing.status_code == 200
    response = admin_client.get(f"/admin/snippets/collections_app/{model}/add/")
    assert response.status_code == 200
    assert 'name="name_en"' in response.content.decode()
    assert 'name="name_uz"' in response.content.decode()


def copy_form(tree, parent):
    return {
        "new_title_en": "Copy",
        "new_slug_en": "copy-of-ding",
        "new_parent_page": parent.pk,
        "publish_copies": "on",
    }


def test_copying_a_relic_into_its_own_museum_is_refused_with_a_reason(admin_client, tree):
    url = f"/admin/pages/{tree.relic.pk}/copy/"
    response = admin_client.post(url, copy_form(tree, tree.museum), follow=True)
    assert response.status_code == 200
    assert "already has a relic with accession number" in response.content.decode()
    assert RelicPage.objects.filter(accession_number=tree.relic.accession_number).count() == 1


def test_copying_a_relic_to_another_museum_keeps_its_number_and_changes_its_museum(admin_client, tree):
    response = admin_client.post(f"/admin/pages/{tree.relic.pk}/copy/", copy_form(tree, tree.other_museum))
    assert response.status_code == 302
    copy = RelicPage.objects.get(accession_number=tree.relic.accession_number, museum=tree.other_museum)
    assert copy.get_parent().pk == tree.other_museum.pk


def test_moving_a_relic_onto_a_taken_accession_number_is_refused_with_a_reason(admin_client, tree):
    factories.RelicPageFactory(parent=tree.other_museum, accession_number=tree.relic.accession_number)
    url = f"/admin/pages/{tree.relic.pk}/move/{tree.other_museum.pk}/confirm/"
    response = admin_client.post(url, follow=True)
    assert "already has a relic with accession number" in response.content.decode()
    assert RelicPage.objects.get(pk=tree.relic.pk).museum_id == tree.museum.pk


def test_moving_a_relic_to_another_museum_moves_its_ownership(admin_client, tree):
    response = admin_client.post(f"/admin/pages/{tree.relic.pk}/move/{tree.other_museum.pk}/confirm/")
    assert response.status_code == 302
    assert RelicPage.objects.get(pk=tree.relic.pk).museum_id == tree.other_museum.pk
