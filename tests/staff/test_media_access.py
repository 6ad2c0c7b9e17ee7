"""A page may use only images from collections its editor may choose from, checked on the server.

The chooser shows an editor their museum's collection only; these tests post
another museum's image id straight into each kind of image reference (a
gallery row, a museum logo, an exhibition's hero image, an image block in a
narrative) and expect a refusal, beside the same post with the editor's own
image as the allowed control.
"""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from collections_app.models import ExhibitionPage, MuseumPage, RelicPage
from tests import factories
from tests.helpers import make_user, relic_form

pytestmark = pytest.mark.django_db

ERROR = "is in a collection you cannot use"


@pytest.fixture
def museums(tree):
    tree.museum.refresh_from_db()
    tree.other_museum.refresh_from_db()
    return {
        "hermitage_editor": make_user("editor-hermitage", tree.other_museum.editors_group),
        "china_image": factories.CollectionImageFactory(title="China only", collection=tree.museum.collection),
        "hermitage_image": factories.CollectionImageFactory(
            title="Hermitage own", collection=tree.other_museum.collection
        ),
    }


def edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@pytest.mark.parametrize(("image", "allowed"), [("china_image", False), ("hermitage_image", True)])
def test_gallery_row_takes_only_images_of_the_editors_museum(client, tree, museums, image, allowed):
    client.force_login(museums["hermitage_editor"])
    existing = tree.other_relic.gallery_images.get()
    rows = [
        {"id": existing.pk, "image": existing.image_id, "alt_text_en": "Panther"},
        {"image": museums[image].pk, "alt_text_en": "Added"},
    ]
    data = relic_form(
        tree,
        title_en="Kelermes panther",
        slug_en="kelermes-panther",
        accession_number=tree.other_relic.accession_number,
        gallery_images=inline_formset(rows, initial=1),
    )
    response = edit(client, tree.other_relic, data)
    draft = RelicPage.objects.get(pk=tree.other_relic.pk).get_latest_revision_as_object()
    chosen = {row.image_id for row in draft.gallery_images.all()}
    if allowed:
        assert response.status_code == 302
        assert museums[image].pk in chosen
    else:
        assert response.status_code == 200
        assert ERROR in response.content.decode()
        assert museums[image].pk not in chosen


@pytest.mark.parametrize(("image", "allowed"), [("china_image", False), ("hermitage_image", True)])
def test_museum_logo_takes_only_images_of_the_editors_museum(client, tree, museums, image, allowed):
    client.force_login(museums["hermitage_editor"])
    data = nested_form_data(
        {
            "title_en": "State Hermitage Museum",
            "slug_en": "state-hermitage-museum",
            "country": "RU",
            "city_en": "Saint Petersburg",
            "logo": museums[image].pk,
            "about_en": rich_text("<p>Museum.</p>"),
            "comments": inline_formset([]),
        }
    )
    response = edit(client, tree.other_museum, data)
    draft = MuseumPage.objects.get(pk=tree.other_museum.pk).get_latest_revision_as_object()
    assert response.status_code == (302 if allowed else 200)
    assert (draft.logo_id == museums[image].pk) is allowed
    if not allowed:
        assert ERROR in response.content.decode()


def exhibition_form(tree, **overrides):
    data = {
        "title_en": "Along the Silk Roads",
        "slug_en": "along-the-silk-roads",
        "opening_date": "2026-01-01",
        "curators": inline_formset([]),
        "comments": inline_formset([]),
    }
    for lang in ("en", "zh_hans", "ru", "hi", "ur", "fa", "kk", "ky", "tg", "uz", "be"):
        data[f"body_{lang}"] = streamfield([])
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.parametrize(("image", "allowed"), [("china_image", False), ("hermitage_image", True)])
def test_exhibition_hero_and_image_blocks_take_only_choosable_images(client, tree, museums, image, allowed):
    client.force_login(museums["hermitage_editor"])
    block = ("image", {"image": museums[image].pk, "alt_text": "A picture", "caption": ""})
    for overrides in ({"hero_image": museums[image].pk}, {"body_ru": streamfield([block])}):
        response = edit(client, tree.exhibition, exhibition_form(tree, **overrides))
        draft = ExhibitionPage.objects.get(pk=tree.exhibition.pk).get_latest_revision_as_object()
        used = {draft.hero_image_id} | {
            child.value["image"].pk for child in draft.body_ru if child.block_type == "image"
        }
        assert response.status_code == (302 if allowed else 200), overrides
        assert (museums[image].pk in used) is allowed


def test_an_image_already_in_place_may_stay_when_a_co_author_saves(client, tree, museums, settings):
    """A curator put China's image on the shared exhibition; the Hermitage's editor can still save it."""
    settings.PORTAL_REQUIRED_TRANSLATIONS = []  # the gate is tests/translations/test_gate.py's subject
    exhibition = ExhibitionPage.objects.get(pk=tree.exhibition.pk)
    exhibition.hero_image = museums["china_image"]
    exhibition.save_revision().publish()
    client.force_login(museums["hermitage_editor"])
    form = exhibition_form(tree, title_en="Along the Silk Roads, revised", hero_image=museums["china_image"].pk)
    response = edit(client, tree.exhibition, form)
    assert response.status_code == 302
    draft = ExhibitionPage.objects.get(pk=tree.exhibition.pk).get_latest_revision_as_object()
    assert draft.title_en.endswith("revised") and draft.hero_image_id == museums["china_image"].pk
