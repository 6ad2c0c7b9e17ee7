"""A translator's save, posted exactly as a browser posts the admin's form.

Browsers leave disabled inputs out of a submission. The translator's form
disables every field but their language's, so these tests read the rendered
editor, drop what a browser drops and post the rest: the way the admin really
receives a translator's work (the Chromium journeys are in
`test_admin_browser.py`).
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Revision

from collections_app.models import ExhibitionPage, RelicPage
from tests.helpers import browser_form_data, disabled_field_names, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(tree):
    return make_user("translator-kk", Group.objects.get(name="translators-kk"))


@pytest.fixture
def editor(tree):
    tree.museum.refresh_from_db()
    return make_user("editor-china", tree.museum.editors_group)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def stream_data(prefix, blocks=()):
    """What Wagtail's StreamField script adds to a submission for `prefix` (it builds these inputs)."""
    return {f"{prefix}-count": [str(len(blocks))]}


def post_as_browser(client, page, changes, extra=None):
    html = client.get(edit_url(page)).content.decode()
    data = browser_form_data(html)
    for name, value in changes.items():
        assert name in data, f"{name} is not an enabled input of the editor"
        data[name] = [value]
    data.update(extra or {})
    return client.post(edit_url(page), data), disabled_field_names(html)


def test_translator_saves_a_relic_with_gallery_images_as_a_browser_posts_it(client, tree, translator):
    client.force_login(translator)
    response, disabled = post_as_browser(
        client, tree.relic, {"title_kk": "Хоумуу диңі", "gallery_images-0-alt_text_kk": "Қола ыдыс"}
    )
    # The browser really left out the locked inputs, the gallery row's image among them.
    assert {"title_en", "accession_number", "gallery_images-0-image", "slug_en"} <= disabled
    assert "gallery_images-0-id" not in disabled
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    draft = RelicPage.objects.get(pk=tree.relic.pk).get_latest_revision_as_object()
    assert draft.title_kk == "Хоумуу диңі"
    assert draft.title_en == "Houmuwu ding"
    (row,) = draft.gallery_images.all()
    assert row.alt_text_kk == "Қола ыдыс"
    assert row.alt_text_en == "A bronze vessel"
    assert row.image_id == tree.relic.gallery_images.first().image_id


def test_editor_posting_the_same_way_changes_every_field_as_a_control(client, tree, editor):
    """The allowed control: nothing is disabled for the museum's own editor, and the English title changes."""
    client.force_login(editor)
    response, disabled = post_as_browser(client, tree.relic, {"title_en": "Houmuwu ding (bronze)"})
    assert "title_en" not in disabled and "gallery_images-0-image" not in disabled
    assert response.status_code == 302
    assert RelicPage.objects.get(pk=tree.relic.pk).get_latest_revision_as_object().title_en == "Houmuwu ding (bronze)"


def test_translator_saves_an_exhibition_with_curators_as_a_browser_posts_it(client, tree, translator):
    from collections_app.models import ExhibitionCurator

    ExhibitionCurator.objects.create(exhibition=tree.exhibition, name_en="Curatorial team", role_en="Concept")
    client.force_login(translator)
    streams = {}
    for lang in ("en", "zh_hans", "ru", "hi", "ur", "fa", "kk", "ky", "tg", "uz", "be"):
        streams.update(stream_data(f"body_{lang}"))
    response, disabled = post_as_browser(
        client, tree.exhibition, {"title_kk": "Жібек жолдары бойымен", "curators-0-role_kk": "Тұжырымдама"}, streams
    )
    assert "curators-0-name_en" in disabled and "curators-0-id" not in disabled
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    draft = ExhibitionPage.objects.get(pk=tree.exhibition.pk).get_latest_revision_as_object()
    assert draft.title_kk == "Жібек жолдары бойымен"
    (curator,) = draft.curators.all()
    assert (curator.name_en, curator.role_en, curator.role_kk) == ("Curatorial team", "Concept", "Тұжырымдама")
    assert len(draft.body_en) == 2  # the English narrative is untouched


def test_translator_sees_no_controls_to_add_remove_or_reorder_rows(client, tree, translator, editor):
    client.force_login(translator)
    html = client.get(edit_url(tree.relic)).content.decode()
    assert "data-portal-locked-rows" in html
    assert 'name="gallery_images-0-ORDER"' not in html
    client.force_login(editor)
    html = client.get(edit_url(tree.relic)).content.decode()
    assert "data-portal-locked-rows" not in html
    assert 'name="gallery_images-0-ORDER"' in html


@pytest.mark.parametrize("tamper", ["delete", "foreign_row", "extra_row"])
def test_translator_cannot_remove_replace_or_add_gallery_rows(client, tree, translator, tamper):
    other_row = tree.other_relic.gallery_images.first()
    client.force_login(translator)
    html = client.get(edit_url(tree.relic)).content.decode()
    data = browser_form_data(html)
    data["title_kk"] = ["Хоумуу диңі"]
    if tamper == "delete":
        data["gallery_images-0-DELETE"] = ["1"]
    elif tamper == "foreign_row":
        data["gallery_images-0-id"] = [str(other_row.pk)]
    else:
        data["gallery_images-TOTAL_FORMS"] = ["2"]
        data["gallery_images-1-id"] = [""]
        data["gallery_images-1-alt_text_kk"] = ["Extra"]
    before = Revision.page_revisions.filter(object_id=str(tree.relic.pk)).count()
    response = client.post(edit_url(tree.relic), data)
    assert response.status_code == 200
    assert "not add or remove" in response.content.decode()
    assert Revision.page_revisions.filter(object_id=str(tree.relic.pk)).count() == before
    assert RelicPage.objects.get(pk=tree.relic.pk).gallery_images.count() == 1
    assert tree.other_relic.gallery_images.get().pk == other_row.pk
