"""Who may do what, tested from the denied side through the real admin views.

The tree fixture has two museums, each with the groups, collection and
moderation workflow `collections_app.permissions` gives a new museum. Every
refusal is checked by its effect: nothing changed in the database.
"""

import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, GroupPagePermission, Page, Revision, WorkflowState

from collections_app.models import CollectionImage, RelicPage
from collections_app.permissions import CURATORS
from tests import factories
from tests.helpers import browser_form_data, make_user, relic_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    china, hermitage = tree.museum, tree.other_museum
    china.refresh_from_db()
    hermitage.refresh_from_db()
    return {
        "editor": make_user("editor-china", china.editors_group),
        "moderator": make_user("moderator-china", china.moderators_group),
        "other_editor": make_user("editor-hermitage", hermitage.editors_group),
        "other_moderator": make_user("moderator-hermitage", hermitage.moderators_group),
        "curator": make_user("curator", Group.objects.get(name=CURATORS)),
        "translator": make_user("translator-kk", Group.objects.get(name="translators-kk")),
    }


def client_for(client, user):
    client.force_login(user)
    return client


def done(action, page) -> bool:
    """Whether `action` took effect on `page`."""
    current = Page.objects.filter(pk=page.pk).first()
    return {
        "delete": current is None,
        "unpublish": current is not None and not current.live,
        "lock": current is not None and current.locked,
    }[action]


def revisions_of(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


# --- Setting a museum up ---------------------------------------------------------


def test_a_new_museum_gets_its_own_groups_collection_and_workflow(tree):
    museum = factories.MuseumPageFactory(parent=tree.museum_index, title="National Museum of Iran", country="IR")
    museum.refresh_from_db()
    assert museum.editors_group.name == "National Museum of Iran editors"
    assert museum.moderators_group.name == "National Museum of Iran moderators"
    assert museum.collection.name == "National Museum of Iran"
    editors = set(
        GroupPagePermission.objects.filter(group=museum.editors_group, page=museum).values_list(
            "permission__codename", flat=True
        )
    )
    assert editors == {"add_page", "change_page", "lock_page"}
    moderators = set(
        GroupPagePermission.objects.filter(group=museum.moderators_group, page=museum).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" in moderators
    assert museum.get_workflow().name == "National Museum of Iran moderation"
    # Nothing on any other museum.
    assert not GroupPagePermission.objects.filter(group=museum.editors_group, page=tree.museum).exists()


# --- An editor and another museum's pages -------------------------------------------


class TestEditorOfAnotherMuseum:
    def test_cannot_open_or_save_the_edit_view(self, client, tree, people):
        client = client_for(client, people["editor"])
        url = reverse("wagtailadmin_pages:edit", args=[tree.other_relic.pk])
        assert client.get(url).status_code in (302, 403)
        before = revisions_of(tree.other_relic)
        data = relic_form(tree, title_en="Defaced", slug_en="kelermes-panther")
        assert client.post(url, data).status_code in (302, 403)
        tree.other_relic.refresh_from_db()
        assert tree.other_relic.title_en == "Kelermes panther"
        assert revisions_of(tree.other_relic) == before

    def test_cannot_add_a_relic_to_the_other_museum(self, client, tree, people):
        client = client_for(client, people["editor"])
        url = f"/admin/pages/add/collections_app/relicpage/{tree.other_museum.pk}/"
        assert client.get(url).status_code in (302, 403)
        client.post(url, relic_form(tree, accession_number="INTRUDER"))
        assert not RelicPage.objects.filter(accession_number="INTRUDER").exists()

    @pytest.mark.parametrize("action", ["delete", "unpublish", "lock"])
    def test_cannot_delete_unpublish_or_lock(self, client, tree, people, action):
        url = reverse(f"wagtailadmin_pages:{action}", args=[tree.other_relic.pk])
        response = client_for(client, people["editor"]).post(url)
        assert response.status_code in (302, 403) and response.get("Location", "") != reverse(
            "wagtailadmin_explore", args=[tree.other_museum.pk]
        )
        assert not done(action, tree.other_relic)
        # The control: the museum's own moderator posts the same and it takes effect.
        client_for(client, people["other_moderator"]).post(url)
        assert done(action, tree.other_relic)

    @pytest.mark.parametrize(("relic", "destination"), [("relic", "other_museum"), ("other_relic", "museum")])
    def test_cannot_move_pages_between_museums(self, client, tree, people, relic, destination):
        relic, destination = getattr(tree, relic), getattr(tree, destination)
        url = reverse("wagtailadmin_pages:move_confirm", args=[relic.pk, destination.pk])
        client_for(client, people["editor"]).post(url)
        assert Page.objects.get(pk=relic.pk).get_parent().pk != destination.pk
        # The control: an alliance curator may move between museums.
        assert client_for(client, people["curator"]).post(url).status_code == 302
        assert Page.objects.get(pk=relic.pk).get_parent().pk == destination.pk

    def test_cannot_copy_into_the_other_museum(self, client, tree, people):
        client = client_for(client, people["editor"])
        before = tree.other_museum.get_children().count()
        client.post(
            reverse("wagtailadmin_pages:copy", args=[tree.relic.pk]),
            {"new_title": "Copy", "new_slug": "copy", "new_parent_page": tree.other_museum.pk},
        )
        assert tree.other_museum.get_children().count() == before

    @pytest.mark.parametrize("action", ["delete", "unpublish"])
    def test_bulk_actions_skip_pages_it_may_not_touch(self, client, tree, people, action):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={tree.other_relic.pk}"
        client_for(client, people["editor"]).post(url, {})
        assert not done(action, tree.other_relic)
        # The control: the same bulk action by the museum's own moderator.
        client_for(client, people["other_moderator"]).post(url, {})
        assert done(action, tree.other_relic)

    def test_bulk_move_skips_pages_it_may_not_touch(self, client, tree, people):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"]) + f"?id={tree.other_relic.pk}"
        data = {"chooser": tree.museum.pk}
        client_for(client, people["editor"]).post(url, data)
        assert Page.objects.get(pk=tree.other_relic.pk).get_parent().pk == tree.other_museum.pk
        client_for(client, people["curator"]).post(url, data)
        assert Page.objects.get(pk=tree.other_relic.pk).get_parent().pk == tree.museum.pk

    def test_admin_search_does_not_list_the_other_museums_relics(self, client, tree, people):
        search = reverse("wagtailadmin_pages:search")
        response = client_for(client, people["editor"]).get(search, {"q": "Kelermes"})
        assert response.status_code == 200
        assert "Kelermes panther" not in response.content.decode()
        # The same search finds it for the museum that owns it.
        response = client_for(client, people["other_editor"]).get(search, {"q": "Kelermes"})
        assert "Kelermes panther" in response.content.decode()

    def test_images_of_the_other_museum_are_neither_listed_chosen_nor_editable(self, client, tree, people):
        tree.other_museum.refresh_from_db()
        theirs = factories.CollectionImageFactory(title="Hermitage only", collection=tree.other_museum.collection)
        tree.museum.refresh_from_db()
        ours = factories.CollectionImageFactory(title="China only", collection=tree.museum.collection)
        # The museum's moderator lists and edits the museum's images (editors choose them, and
        # change only their own uploads); neither sees or touches the other museum's.
        moderator = client_for(client, people["moderator"])
        listing = moderator.get(reverse("wagtailimages:index")).content.decode()
        assert "China only" in listing and "Hermitage only" not in listing
        editor = client_for(client, people["editor"])
        chooser = editor.get(reverse("wagtailimages_chooser:choose")).content.decode()
        assert "China only" in chooser and "Hermitage only" not in chooser
        for user in (people["editor"], people["moderator"]):
            acting = client_for(client, user)
            acting.post(reverse("wagtailimages:edit", args=[theirs.pk]), {"title": "Renamed"})
            acting.post(reverse("wagtailimages:delete", args=[theirs.pk]))
        theirs.refresh_from_db()
        assert theirs.title == "Hermitage only"
        edit = {"title": "China, renamed", "rights_uri": ours.rights_uri, "tags": ""}
        assert (
            client_for(client, people["moderator"])
            .post(reverse("wagtailimages:edit", args=[ours.pk]), edit)
            .status_code
            == 302
        )
        ours.refresh_from_db()
        assert ours.title == "China, renamed"

    def test_uploads_land_in_the_own_museum_collection_only(self, tree, people):
        from wagtail.images import get_image_model
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(get_image_model())
        allowed = set(policy.collections_user_has_permission_for(people["editor"], "add"))
        tree.museum.refresh_from_db()
        assert allowed == {tree.museum.collection}
        assert Collection.get_first_root_node() not in allowed


# --- Workflow --------------------------------------------------------------------------


class TestModeration:
    def test_editor_cannot_publish_and_submits_to_the_museums_moderators(self, client, tree, people):
        client = client_for(client, people["editor"])
        url = reverse("wagtailadmin_pages:edit", args=[tree.relic.pk])
        data = relic_form(
            tree,
            title_en="Houmuwu ding, revised",
            slug_en="houmuwu-ding",
            accession_number=tree.relic.accession_number,
        )
        client.post(url, {**data, "action-publish": "publish"})
        tree.relic.refresh_from_db()
        assert tree.relic.title_en == "Houmuwu ding"  # the live page did not change
        client.post(url, {**data, "action-submit": "submit"})
        state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(tree.relic.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.workflow.name == f"{tree.museum.title_en} moderation"
        # The other museum's moderators cannot approve it; this museum's can.
        task_state = state.current_task_state
        assert not task_state.task.specific.user_can_access_editor(tree.relic, people["other_editor"])
        assert set(task_state.task.specific.groups.all()) == {tree.museum.moderators_group}

    def test_moderator_publishes_own_museum_only(self, client, tree, people):
        client = client_for(client, people["moderator"])
        client.post(reverse("wagtailadmin_pages:unpublish", args=[tree.other_relic.pk]))
        tree.other_relic.refresh_from_db()
        assert tree.other_relic.live
        client.post(reverse("wagtailadmin_pages:unpublish", args=[tree.relic.pk]))
        tree.relic.refresh_from_db()
        assert not tree.relic.live

    def test_shared_exhibitions_are_approved_by_alliance_curators(self, tree):
        workflow = tree.exhibition.get_workflow()
        assert workflow.name == "Exhibition approval"
        (task,) = [task.specific for task in workflow.tasks]
        assert {group.name for group in task.groups.all()} == {CURATORS}


# --- Translators --------------------------------------------------------------------------


class TestTranslator:
    def test_changes_only_their_own_language(self, client, tree, people):
        client = client_for(client, people["translator"])
        url = reverse("wagtailadmin_pages:edit", args=[tree.relic.pk])
        assert client.get(url).status_code == 200
        data = relic_form(
            tree,
            title_en="Changed English",
            title_ru="Изменено",
            title_kk="Хоумуу диңі",
            slug_en="changed",
            accession_number="CHANGED",
            earliest_year=1900,
        )
        response = client.post(url, data)
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        draft = RelicPage.objects.get(pk=tree.relic.pk).get_latest_revision_as_object()
        assert draft.title_kk == "Хоумуу диңі"
        assert draft.title_en == "Houmuwu ding"
        assert draft.title_ru == "Дин Хоумуу"
        assert draft.slug_en == "houmuwu-ding"
        assert draft.accession_number == tree.relic.accession_number
        assert draft.earliest_year == tree.relic.earliest_year

    def test_cannot_publish_add_delete_or_move(self, client, tree, people):
        client = client_for(client, people["translator"])
        data = relic_form(tree, title_kk="Хоумуу диңі", slug_en="houmuwu-ding", accession_number="x")
        client.post(reverse("wagtailadmin_pages:edit", args=[tree.relic.pk]), {**data, "action-publish": "1"})
        tree.relic.refresh_from_db()
        assert not tree.relic.title_kk
        client.post(f"/admin/pages/add/collections_app/relicpage/{tree.museum.pk}/", relic_form(tree))
        assert not RelicPage.objects.filter(accession_number="NEW-1").exists()
        client.post(reverse("wagtailadmin_pages:delete", args=[tree.relic.pk]))
        client.post(reverse("wagtailadmin_pages:move_confirm", args=[tree.relic.pk, tree.other_museum.pk]))
        assert Page.objects.get(pk=tree.relic.pk).get_parent().pk == tree.museum.pk

    @pytest.mark.parametrize("action", ["delete", "move", "copy", "bulk_delete"])
    def test_cannot_delete_move_or_copy_even_a_draft(self, client, tree, people, action):
        draft = factories.RelicPageFactory(parent=tree.museum, live=False, title="Unfinished")
        url, data = {
            "delete": (reverse("wagtailadmin_pages:delete", args=[draft.pk]), {}),
            "move": (reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, tree.other_museum.pk]), {}),
            "copy": (
                reverse("wagtailadmin_pages:copy", args=[draft.pk]),
                {"new_title_en": "Copy", "new_slug_en": "copy", "new_parent_page": tree.other_museum.pk},
            ),
            "bulk_delete": (
                reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={draft.pk}",
                {},
            ),
        }[action]

        def effect():
            page = Page.objects.filter(pk=draft.pk).first()
            copied = Page.objects.filter(title="Copy").exists()
            return page is None or page.get_parent().pk != tree.museum.pk or copied

        response = client_for(client, people["translator"]).post(url, data)
        assert response.status_code in (302, 403)
        assert not effect()
        # The control: a curator does the same and it takes effect.
        client_for(client, people["curator"]).post(url, data)
        assert effect()

    def test_cannot_add_or_remove_gallery_images(self, client, tree, people):
        from wagtail.test.utils.form_data import inline_formset

        client = client_for(client, people["translator"])
        image = factories.CollectionImageFactory()
        data = relic_form(
            tree,
            title_kk="Хоумуу диңі",
            gallery_images=inline_formset([{"image": image.pk, "alt_text_en": "Extra"}]),
        )
        response = client.post(reverse("wagtailadmin_pages:edit", args=[tree.relic.pk]), data)
        assert response.status_code == 200  # the form is shown again with the error
        assert "not add or remove" in response.content.decode()

    def test_an_editor_who_also_translates_keeps_full_rights_on_own_museum_only(self, client, tree, people):
        editor = people["editor"]
        editor.groups.add(Group.objects.get(name="translators-kk"))
        client = client_for(client, editor)
        data = relic_form(tree, title_en="Houmuwu ding (bronze)", slug_en="houmuwu-ding", accession_number="A-1")
        assert client.post(reverse("wagtailadmin_pages:edit", args=[tree.relic.pk]), data).status_code == 302
        assert RelicPage.objects.get(pk=tree.relic.pk).get_latest_revision_as_object().title_en.endswith("(bronze)")


# --- Revisions keep every language -------------------------------------------------------


def test_a_revision_stores_and_restores_every_language(tree, all_languages):
    from modeltranslation.utils import build_localized_fieldname

    relic = RelicPage.objects.get(pk=tree.relic.pk)
    for lang in all_languages:
        setattr(relic, build_localized_fieldname("title", lang), f"Title {lang}")
        setattr(relic, build_localized_fieldname("description", lang), f"<p>About {lang}</p>")
    first = relic.save_revision()
    first.publish()
    for lang in all_languages:
        setattr(relic, build_localized_fieldname("title", lang), f"Changed {lang}")
    relic.save_revision().publish()
    first.as_object().save_revision().publish()  # what "revert" does
    relic = RelicPage.objects.get(pk=relic.pk)
    for lang in all_languages:
        assert getattr(relic, build_localized_fieldname("title", lang)) == f"Title {lang}"
        assert getattr(relic, build_localized_fieldname("description", lang)) == f"<p>About {lang}</p>"


@pytest.mark.parametrize(("uploader", "museum"), [("editor", "museum"), ("other_editor", "other_museum")])
def test_an_upload_lands_in_the_uploaders_museum_and_only_it_may_choose_it(client, tree, people, uploader, museum):
    from django.core.files.uploadedfile import SimpleUploadedFile

    museum = getattr(tree, museum)
    museum.refresh_from_db()
    upload = SimpleUploadedFile("bowl.jpg", factories.jpeg_bytes(), content_type="image/jpeg")
    response = client_for(client, people[uploader]).post(
        reverse("wagtailimages:add"),
        {
            "title": "Uploaded bowl",
            "file": upload,
            "rights_uri": "http://rightsstatements.org/vocab/InC/1.0/",
            "tags": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    image = CollectionImage.objects.get(title="Uploaded bowl")
    assert image.collection == museum.collection
    others = {"editor": "other_editor", "other_editor": "editor"}
    chooser = reverse("wagtailimages_chooser:choose")
    assert "Uploaded bowl" in client_for(client, people[uploader]).get(chooser).content.decode()
    assert "Uploaded bowl" not in client_for(client, people[others[uploader]]).get(chooser).content.decode()


# --- The admin in the editor's language -------------------------------------------------


@pytest.mark.parametrize(("lang", "expected"), [("ru", "Добавить"), ("zh-hans", "页面"), ("fa", "صفحه")])
def test_admin_follows_the_users_preferred_language(client, tree, people, lang, expected):
    from wagtail.users.models import UserProfile

    translator = people["translator"]
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = lang
    profile.save()
    response = client_for(client, translator).get(reverse("wagtailadmin_explore", args=[tree.museum.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'lang="{lang}"' in content
    assert expected in content


def test_sync_permissions_repairs_a_museum_and_changes_nothing_twice(tree):
    from django.core.management import call_command

    from collections_app.models import MuseumPage

    MuseumPage.objects.filter(pk=tree.museum.pk).update(editors_group=None)
    GroupPagePermission.objects.filter(page=tree.museum).delete()
    call_command("sync_permissions", stdout=io.StringIO())
    museum = MuseumPage.objects.get(pk=tree.museum.pk)
    assert museum.editors_group.name == f"{museum.title_en} editors"
    count = GroupPagePermission.objects.count()
    call_command("sync_permissions", stdout=io.StringIO())
    assert GroupPagePermission.objects.count() == count


# --- Publishing tools on pages with translated fields ------------------------------------


class TestPublishingTools:
    def test_translators_draft_is_published_through_the_museums_moderation(self, client, tree, people):
        url = reverse("wagtailadmin_pages:edit", args=[tree.relic.pk])
        data = relic_form(tree, title_kk="Хоумуу диңі", slug_en="houmuwu-ding", accession_number="x")
        client_for(client, people["translator"]).post(url, {**data, "action-submit": "1"})
        relic = RelicPage.objects.get(pk=tree.relic.pk)
        assert not relic.title_kk  # not live yet
        state = relic.current_workflow_state
        assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
        task_state = state.current_task_state
        moderator = client_for(client, people["moderator"])
        response = moderator.post(
            reverse("wagtailadmin_pages:workflow_action", args=[relic.pk, "approve", task_state.pk]), {}
        )
        assert response.status_code in (200, 302)
        relic = RelicPage.objects.get(pk=tree.relic.pk)
        assert relic.title_kk == "Хоумуу диңі"
        assert relic.title_en == "Houmuwu ding"

    def test_scheduled_publishing_keeps_every_language(self, tree, monkeypatch):
        import datetime

        from django.core.management import call_command
        from django.utils import timezone

        relic = RelicPage.objects.get(pk=tree.relic.pk)
        relic.save_revision().publish()  # a live revision, as every page edited in the admin has
        relic = RelicPage.objects.get(pk=tree.relic.pk)  # as the next admin request would load it
        relic.title_fa = "دینگ هومووو"
        go_live = timezone.now() + datetime.timedelta(hours=1)
        relic.go_live_at = go_live
        relic.save_revision().publish()
        call_command("publish_scheduled", stdout=io.StringIO())
        assert not RelicPage.objects.get(pk=relic.pk).title_fa  # scheduled, not yet live
        # An hour and a minute later (the clock moves; nothing waits).
        later = go_live + datetime.timedelta(minutes=1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled", stdout=io.StringIO())
        assert RelicPage.objects.get(pk=relic.pk).title_fa == "دینگ هومووو"

    def test_compare_and_revert_views_work_with_translated_fields(self, client, tree, people):
        relic = RelicPage.objects.get(pk=tree.relic.pk)
        first = relic.save_revision()
        relic.title_zh_hans = "后母戊鼎"
        relic.title_kk = "Хоумуу диңі"
        second = relic.save_revision()
        moderator = client_for(client, people["moderator"])
        compare = reverse("wagtailadmin_pages:revisions_compare", args=[relic.pk, first.pk, second.pk])
        response = moderator.get(compare)
        assert response.status_code == 200
        assert "后母戊鼎" in response.content.decode()
        # Reverting is the editor opened on the old revision and saved, as a browser submits it.
        revert = moderator.get(reverse("wagtailadmin_pages:revisions_revert", args=[relic.pk, first.pk]))
        assert revert.status_code == 200
        data = browser_form_data(revert.content.decode())
        assert data["title_zh_hans"] == [""] and data["title_kk"] == [""]
        assert moderator.post(reverse("wagtailadmin_pages:edit", args=[relic.pk]), data).status_code == 302
        draft = RelicPage.objects.get(pk=relic.pk).get_latest_revision_as_object()
        assert not draft.title_zh_hans and not draft.title_kk and draft.title_en == "Houmuwu ding"

    def test_a_lock_stops_other_editors(self, client, tree, people):
        relic = RelicPage.objects.get(pk=tree.relic.pk)
        client_for(client, people["moderator"]).post(reverse("wagtailadmin_pages:lock", args=[relic.pk]))
        relic.refresh_from_db()
        assert relic.locked and relic.locked_by == people["moderator"]
        editor = client_for(client, people["editor"])
        data = relic_form(tree, title_en="While locked", slug_en="houmuwu-ding", accession_number="x")
        editor.post(reverse("wagtailadmin_pages:edit", args=[relic.pk]), data)
        assert RelicPage.objects.get(pk=relic.pk).get_latest_revision_as_object().title_en != "While locked"
        editor.post(reverse("wagtailadmin_pages:unlock", args=[relic.pk]))
        assert RelicPage.objects.get(pk=relic.pk).locked

    def test_museum_editors_co_author_exhibitions_and_curators_approve(self, client, tree, people):
        editor = client_for(client, people["editor"])
        url = f"/admin/pages/add/collections_app/exhibitionpage/{tree.exhibition_index.pk}/"
        assert editor.get(url).status_code == 200
        assert not tree.exhibition.permissions_for_user(people["editor"]).can_publish()
        assert tree.exhibition.permissions_for_user(people["editor"]).can_edit()
        assert tree.exhibition.permissions_for_user(people["curator"]).can_publish()


def test_admin_listings_show_the_english_source_title_whoever_saved(tree):
    from django.utils import translation

    relic = RelicPage.objects.get(pk=tree.relic.pk)
    with translation.override("ru"):
        relic.save_revision()
    assert RelicPage.objects.get(pk=relic.pk).draft_title == "Houmuwu ding"


def test_page_chooser_hides_other_museums_drafts(client, tree, people):
    factories.RelicPageFactory(parent=tree.other_museum, live=False, title="Secret acquisition")
    factories.RelicPageFactory(parent=tree.museum, live=False, title="Own draft")
    chooser = reverse("wagtailadmin_choose_page_search")
    editor = client_for(client, people["editor"])
    content = editor.get(chooser, {"q": "acquisition"}).content.decode()
    assert "Secret acquisition" not in content
    assert "Own draft" in editor.get(chooser, {"q": "draft"}).content.decode()
    assert "Kelermes panther" in editor.get(chooser, {"q": "Kelermes"}).content.decode()  # live pages stay choosable


def test_images_api_lists_only_images_the_public_site_shows(client, tree):
    draft = factories.RelicPageFactory(parent=tree.other_museum, live=False, with_image=True, title="Unpublished")
    hidden = draft.gallery_images.first().image
    shown = tree.relic.gallery_images.first().image
    ids = {item["id"] for item in client.get("/api/v2/images/").json()["items"]}
    assert shown.pk in ids and hidden.pk not in ids
    assert client.get(f"/api/v2/images/{hidden.pk}/").status_code == 404


@pytest.mark.parametrize("name", ["museum", "relic", "exhibition", "standard", "museum_index"])
def test_every_page_type_keeps_all_languages_through_a_revision(tree, name, all_languages):
    from modeltranslation.utils import build_localized_fieldname

    page = getattr(tree, name)
    page = type(page).objects.get(pk=page.pk)
    for lang in all_languages:
        setattr(page, build_localized_fieldname("title", lang), f"{name} {lang}")
    if name == "exhibition":
        page.body_kk = [{"type": "section", "value": {"heading": "Жолдар", "text": "<p>Керуендер.</p>"}}]
    revision = page.save_revision()
    restored = revision.as_object()
    for lang in all_languages:
        assert getattr(restored, build_localized_fieldname("title", lang)) == f"{name} {lang}"
    if name == "exhibition":
        assert restored.body_kk[0].value["heading"] == "Жолдар"


def test_reverting_a_museum_keeps_its_groups_and_collection(tree):
    from collections_app.models import MuseumPage

    museum = MuseumPage.objects.get(pk=tree.museum.pk)
    content = museum.serializable_data()
    content.update(collection=None, editors_group=None, moderators_group=None)
    restored = museum.with_content_json(content)
    assert (restored.collection_id, restored.editors_group_id) == (museum.collection_id, museum.editors_group_id)
    assert restored.moderators_group_id == museum.moderators_group_id
