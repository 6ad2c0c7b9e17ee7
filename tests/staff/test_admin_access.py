"""No admin view shows a page to staff with no permission on it: a museum's drafts stay its own.

Each denied request (an editor of another museum) sits beside the same
request by the page's own museum staff, which must show the page.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from collections_app.permissions import CURATORS
from tests import factories
from tests.helpers import make_user

pytestmark = pytest.mark.django_db

SECRET = "Secret acquisition"


@pytest.fixture
def secret(tree):
    page = factories.RelicPageFactory(parent=tree.museum, live=False, title=SECRET)
    page.save_revision()
    return page


@pytest.fixture
def staff(tree):
    tree.museum.refresh_from_db()
    tree.other_museum.refresh_from_db()
    return {
        "outsider": make_user("editor-hermitage", tree.other_museum.editors_group),
        "owner": make_user("editor-china", tree.museum.editors_group),
        "moderator": make_user("moderator-china", tree.museum.moderators_group),
        "curator": make_user("curator", Group.objects.get(name=CURATORS)),
    }


def shows_secret(client, user, url):
    client.force_login(user)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return SECRET in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        lambda tree, page: reverse("wagtailadmin_explore", args=[page.pk]),
        lambda tree, page: reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={page.pk}",
        lambda tree, page: (
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
            + f"?id=all&childOf={tree.museum.pk}"
        ),
    ],
    ids=["explorer", "bulk-delete", "bulk-all-children"],
)
def test_another_museums_draft_is_not_shown_in_the_admin(client, tree, secret, staff, url):
    assert not shows_secret(client, staff["outsider"], url(tree, secret))
    assert shows_secret(client, staff["owner"], url(tree, secret))


@pytest.mark.parametrize("submitted", [True, False], ids=["in-moderation", "not-submitted"])
def test_workflow_preview_of_another_museums_draft_is_refused(client, tree, secret, staff, submitted):
    workflow = secret.get_workflow()
    task = workflow.tasks.first()
    if submitted:
        workflow.start(secret, staff["owner"])
    url = reverse("wagtailadmin_pages:workflow_preview", args=[secret.pk, task.pk])
    assert not shows_secret(client, staff["outsider"], url)
    assert shows_secret(client, staff["moderator"], url)


def test_site_wide_page_report_is_for_site_wide_roles(client, tree, secret, staff):
    url = reverse("wagtailadmin_reports:page_types_usage")
    assert not shows_secret(client, staff["outsider"], url)
    client.force_login(staff["outsider"])
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert shows_secret(client, staff["curator"], url)
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()
