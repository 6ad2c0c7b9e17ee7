"""The museum's record list: the page explorer under a museum, as a registrar reads it.

Every denied request (another museum's staff) sits beside the same request by
the museum's own staff, which must show the record.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.functional import Promise
from PIL import Image as PILImage

from collections_app.models import CollectionRendition, ObjectType
from collections_app.permissions import CURATORS
from staff_admin.records import RecordFilterSet, RecordIndexView
from tests import factories
from tests.helpers import admin_login, make_user, needs_chromium, relic_form

SECRET = "Secret acquisition"
#: Every language but English, by its own name, in the language table's order.
ALL_BUT_ENGLISH = "简体中文, Русский, हिन्दी, اردو, فارسی, Қазақша, Кыргызча, Тоҷикӣ, Oʻzbekcha, Беларуская"


def explore(page, query=""):
    return reverse("wagtailadmin_explore", args=[page.pk]) + query


def rows(response) -> list[dict]:
    """The record list's rows as a reader sees them."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    found = []
    for row in soup.select("table.listing tbody tr"):
        cells = row.find_all("td", recursive=False)
        image = row.select_one("td.record-thumbnail img")
        languages = row.select_one("[data-record-languages]")
        found.append(
            {
                "title": row.select_one("[data-listing-page-title] a").get_text(strip=True),
                "number": row.select_one("td.record-accession-number").get_text(strip=True),
                "image": image["src"] if image else None,
                "type": cells[4].get_text(strip=True),
                "state": row.select_one(".w-status").get_text(" ", strip=True),
                "languages": languages["title"] if languages else None,
                "badges": [badge.get_text(strip=True) for badge in row.select(".record-language--complete")],
            }
        )
    return found


def numbers(response) -> list[str]:
    return [row["number"] for row in rows(response)]


@pytest.fixture
def editor(tree):
    tree.museum.refresh_from_db()
    return make_user("editor-china", tree.museum.editors_group)


@pytest.fixture
def secret(tree):
    """A never-published relic of museum A: its title is for museum A's staff only."""
    page = factories.RelicPageFactory(parent=tree.museum, live=False, title=SECRET, accession_number="SEC-1")
    page.save_revision()
    return page


def test_editor_sees_each_record_with_number_thumbnail_type_state_and_languages(client, tree, editor):
    client.force_login(editor)
    (row,) = rows(client.get(explore(tree.museum)))

    assert row["title"] == "Houmuwu ding"
    assert row["number"] == tree.relic.accession_number
    assert row["type"] == tree.relic.object_type.name_en
    assert "live" in row["state"]
    # The thumbnail is a real 80 × 80 rendition of the first gallery image, written by Pillow.
    rendition = CollectionRendition.objects.get(image=tree.relic.gallery_images.first().image, filter_spec="fill-80x80")
    assert row["image"] == rendition.url
    with rendition.file.open("rb") as thumbnail:
        assert PILImage.open(thumbnail).size == (80, 80)
    # English and Russian are complete (title and description); the others would borrow them.
    assert row["badges"] == ["EN", "RU"]
    assert row["languages"].startswith("Complete: English, Русский; missing: 简体中文, हिन्दी")
    assert "Қазақша" in row["languages"]


def test_object_type_is_named_in_the_editors_admin_language(client, tree):
    tree.museum.refresh_from_db()
    client.force_login(make_user("editor-ru", tree.museum.editors_group, language="ru"))
    (row,) = rows(client.get(explore(tree.museum)))
    assert row["type"] == tree.relic.object_type.name_ru


def test_a_record_without_images_or_translations_still_lists(client, tree, editor):
    factories.RelicPageFactory(parent=tree.museum, accession_number="BARE-1", title="Bare record")
    client.force_login(editor)
    bare = next(row for row in rows(client.get(explore(tree.museum))) if row["number"] == "BARE-1")
    assert bare["image"] is None
    assert bare["badges"] == ["EN"]


@pytest.fixture
def numbered(tree):
    """Three more relics whose accession numbers sort differently from their titles and dates."""
    axe = ObjectType.objects.create(slug="axe", name_en="Axe", name_ru="Топор")
    bowl = ObjectType.objects.create(slug="bowl", name_en="Bowl", name_ru="Блюдо")
    factories.RelicPageFactory(parent=tree.museum, accession_number="B-2", title="Alpha", object_type=axe)
    factories.RelicPageFactory(parent=tree.museum, accession_number="A-1", title="Gamma", object_type=bowl)
    factories.RelicPageFactory(parent=tree.museum, accession_number="C-3", title="Beta", object_type=axe)
    return {"axe": axe, "bowl": bowl}


def test_sorting_by_accession_number(client, tree, editor, numbered):
    client.force_login(editor)
    acc = tree.relic.accession_number  # "ACC-…" sorts after "A-1" and before "B-2"
    assert numbers(client.get(explore(tree.museum, "?ordering=accession_number"))) == ["A-1", acc, "B-2", "C-3"]
    assert numbers(client.get(explore(tree.museum, "?ordering=-accession_number"))) == ["C-3", "B-2", acc, "A-1"]


def test_sorting_by_title_and_by_object_type_in_the_admin_language(client, tree, numbered):
    tree.museum.refresh_from_db()
    tree.relic.delete()
    client.force_login(make_user("editor-ru", tree.museum.editors_group, language="ru"))
    assert numbers(client.get(explore(tree.museum, "?ordering=title"))) == ["B-2", "C-3", "A-1"]
    # Блюдо (bowl) before Топор (axe) in Russian, although Axe comes first in English.
    assert numbers(client.get(explore(tree.museum, "?ordering=object_type")))[0] == "A-1"
    client.force_login(make_user("editor-en", tree.museum.editors_group))
    assert numbers(client.get(explore(tree.museum, "?ordering=object_type")))[-1] == "A-1"


def test_filtering_by_object_type(client, tree, editor, numbered):
    client.force_login(editor)
    axes = numbers(client.get(explore(tree.museum, f"?object_type={numbered['axe'].pk}&ordering=accession_number")))
    assert axes == ["B-2", "C-3"]
    both = f"?object_type={numbered['axe'].pk}&object_type={numbered['bowl'].pk}&ordering=accession_number"
    assert numbers(client.get(explore(tree.museum, both))) == ["A-1", "B-2", "C-3"]


def test_filtering_by_missing_and_complete_language(client, tree, editor):
    factories.RelicPageFactory(
        parent=tree.museum, accession_number="KK-1", title_ru="Ваза", description_ru="<p>Ваза.</p>", title_kk="Ваза"
    )
    client.force_login(editor)
    acc = tree.relic.accession_number
    # KK-1 has a Kazakh title but no Kazakh description: a Kazakh reader would borrow it from Russian.
    assert sorted(numbers(client.get(explore(tree.museum, "?missing=kk")))) == [acc, "KK-1"]
    assert numbers(client.get(explore(tree.museum, "?complete_in=kk"))) == []
    assert sorted(numbers(client.get(explore(tree.museum, "?complete_in=ru")))) == [acc, "KK-1"]

    tree.relic.description_kk = "<p>Ғұрыптық ыдыс.</p>"
    tree.relic.title_kk = "Хоумуу диңі"
    tree.relic.save()
    assert numbers(client.get(explore(tree.museum, "?complete_in=kk"))) == [acc]
    assert numbers(client.get(explore(tree.museum, "?missing=kk"))) == ["KK-1"]
    # Blank text is no translation: the filter and the badges agree.
    tree.relic.description_kk = "   "
    tree.relic.save()
    assert numbers(client.get(explore(tree.museum, "?complete_in=kk"))) == []
    listed = rows(client.get(explore(tree.museum)))
    assert "KK" not in next(row for row in listed if row["number"] == acc)["badges"]


def test_filtering_while_searching(client, tree, editor):
    factories.RelicPageFactory(parent=tree.museum, accession_number="DING-2", title="Second ding")
    client.force_login(editor)
    assert numbers(client.get(explore(tree.museum, "?q=ding&missing=ru"))) == ["DING-2"]
    # A sort the search backend cannot do is ignored while searching, not an error.
    assert len(rows(client.get(explore(tree.museum, "?q=ding&ordering=accession_number")))) == 2


def test_filtering_and_sorting_by_publication_state(client, tree, editor, secret):
    moderator = make_user("moderator-china", tree.museum.moderators_group)
    submitted = factories.RelicPageFactory(parent=tree.museum, live=False, accession_number="MOD-1")
    submitted.save_revision(user=editor)
    submitted.get_workflow().start(submitted, editor)
    changed = factories.RelicPageFactory(parent=tree.museum, accession_number="CHG-1")
    changed.title_ru = "Изменено"
    changed.save_revision(user=editor)
    client.force_login(moderator)
    acc = tree.relic.accession_number
    assert numbers(client.get(explore(tree.museum, "?state=draft"))) == ["SEC-1"]
    assert numbers(client.get(explore(tree.museum, "?state=moderation"))) == ["MOD-1"]
    assert numbers(client.get(explore(tree.museum, "?state=changed"))) == ["CHG-1"]
    assert numbers(client.get(explore(tree.museum, "?state=live"))) == [acc]
    listed = rows(client.get(explore(tree.museum, "?ordering=state")))
    assert [row["number"] for row in listed] == ["SEC-1", "MOD-1", "CHG-1", acc]
    assert [row["state"].split(" ", 3)[-1] for row in listed] == ["draft", "in moderation", "live + draft", "live"]


# --- Who sees which records ---------------------------------------------------------------


def test_another_museums_editor_does_not_see_its_drafts(client, tree, editor, secret):
    tree.other_museum.refresh_from_db()
    outsider = make_user("editor-hermitage", tree.other_museum.editors_group)
    urls = {
        "record list": explore(tree.museum),
        "results": reverse("wagtailadmin_explore_results", args=[tree.museum.pk]),
        "filtered": explore(tree.museum, "?state=draft"),
    }
    for name, url in urls.items():
        client.force_login(outsider)
        assert client.get(url).status_code in (302, 403), name  # Wagtail's "no permission" answer
        assert SECRET not in client.get(url, follow=True).content.decode(), name
        client.force_login(editor)
        assert SECRET in client.get(url).content.decode(), name
    # Searching the whole site from their own museum's list does not reach museum A's drafts.
    client.force_login(outsider)
    search = "?q=Secret&search_all=1"
    assert rows(client.get(explore(tree.other_museum, search))) == []
    client.force_login(editor)
    assert numbers(client.get(explore(tree.museum, search))) == ["SEC-1"]


@pytest.mark.parametrize("role", ["editor", "moderator", "curator", "translator", "superuser"])
def test_every_role_with_rights_on_the_museum_gets_the_record_list(client, tree, secret, role):
    tree.museum.refresh_from_db()
    users = {
        "editor": lambda: make_user("e", tree.museum.editors_group),
        "moderator": lambda: make_user("m", tree.museum.moderators_group),
        "curator": lambda: make_user("c", Group.objects.get(name=CURATORS)),
        "translator": lambda: make_user("t", Group.objects.get(name="translators-kk"), language="kk"),
        "superuser": lambda: get_user_model().objects.create_superuser("s", "s@example.org", "x"),
    }
    client.force_login(users[role]())
    listed = rows(client.get(explore(tree.museum, "?ordering=accession_number")))
    assert [row["number"] for row in listed] == [tree.relic.accession_number, "SEC-1"]
    assert all(row["languages"] for row in listed)


def test_the_relic_editor_still_offers_every_language(client, tree, editor):
    """The record list registers a page viewset for relics: their editor must stay Wagtail's own."""
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[tree.relic.pk])).content.decode()
    assert 'name="title_en"' in html and 'name="title_kk"' in html and 'name="description_ur"' in html


def test_a_relic_added_in_the_admin_appears_in_the_list_as_a_draft(client, tree, editor):
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=["collections_app", "relicpage", tree.museum.pk])
    response = client.post(add, relic_form(tree, accession_number="NEW-1"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    new = next(row for row in rows(client.get(explore(tree.museum))) if row["number"] == "NEW-1")
    assert (new["title"], new["state"].split()[-1], new["badges"]) == ("Bronze mirror", "draft", ["EN"])


def test_headings_and_filter_labels_are_translatable():
    for column in RecordIndexView.base_columns:
        if column.name != "bulk_actions":
            assert isinstance(column.label, Promise), column.name
    for name, definition in RecordFilterSet.base_filters.items():
        assert isinstance(definition.label, Promise), name
    assert list(RecordFilterSet.base_filters)[:4] == ["object_type", "state", "complete_in", "missing"]
    assert "site" not in RecordFilterSet.base_filters


# --- Cost --------------------------------------------------------------------------------


#: Wagtail's own row actions ask, for a user without publish permission, whether the page or a page
#: below it is live before offering "Move" and "Delete" (PagePermissionTester.can_delete): two small
#: indexed queries per row in every explorer listing, with or without the record columns.
WAGTAIL_ROW_CHECK = re.compile(r'^SELECT 1 AS "a" FROM "wagtailcore_page" WHERE \("wagtailcore_page"\."path"\S* LIKE')


def record_list_queries(client, tree, user_for) -> dict[int, list[str]]:
    """The SQL of the record list with 2 and with 10 relics (thumbnails already made)."""
    museum = factories.MuseumPageFactory(parent=tree.museum_index, title="Museum of Afrasiyab")
    museum.refresh_from_db()
    user = user_for(museum)
    client.force_login(user)
    found = {}
    for count, total in ((2, 2), (8, 10)):
        for n in range(count):
            relic = factories.RelicPageFactory(parent=museum, with_image=True, live=n % 2 == 0)
            relic.title_ru = f"Предмет {n}"
            relic.save_revision(user=user)  # live with unpublished changes, or a draft
        client.get(explore(museum))  # makes the new thumbnails, once
        with CaptureQueriesContext(connection) as queries:
            listed = rows(client.get(explore(museum)))
        assert len(listed) == total and all(row["image"] for row in listed)
        found[total] = [query["sql"] for query in queries.captured_queries]
    return found


def test_a_page_of_records_costs_the_same_queries_for_2_and_10_records(client, tree):
    queries = record_list_queries(client, tree, lambda museum: make_user("m", museum.moderators_group))
    assert len(queries[10]) == len(queries[2])


def test_for_an_editor_only_wagtails_own_row_checks_grow_with_the_records(client, tree):
    queries = record_list_queries(client, tree, lambda museum: make_user("e", museum.editors_group))
    checks = {total: [sql for sql in found if WAGTAIL_ROW_CHECK.match(sql)] for total, found in queries.items()}
    assert len(checks[10]) - len(checks[2]) == 2 * 8
    assert len(queries[10]) - len(checks[10]) == len(queries[2]) - len(checks[2])


# --- In Chromium -------------------------------------------------------------------------


@pytest.mark.browser
@needs_chromium
def test_editor_sorts_and_filters_the_record_list_in_chromium(browser, transactional_db, tree, live_server):
    from playwright.sync_api import expect

    axe = ObjectType.objects.create(slug="axe", name_en="Axe", name_ru="Топор")
    factories.RelicPageFactory(parent=tree.museum, accession_number="B-2", title="Alpha", object_type=axe)
    factories.RelicPageFactory(
        parent=tree.museum, accession_number="A-1", title="Gamma", title_ru="Гамма", description_ru="<p>Гамма.</p>"
    )
    tree.museum.refresh_from_db()
    make_user("editor-china", tree.museum.editors_group)
    acc = tree.relic.accession_number

    page = browser.new_page()
    admin_login(page, live_server.url, "editor-china")
    page.goto(live_server.url + explore(tree.museum))
    cells = page.locator("table.listing tbody td.record-accession-number")
    expect(page.locator("td.record-thumbnail img").first).to_be_visible()

    page.locator("thead a", has_text="Accession number").click()
    expect(cells).to_have_text(["A-1", acc, "B-2"])
    page.locator("thead a", has_text="Accession number").click()
    expect(cells).to_have_text(["B-2", acc, "A-1"])

    page.get_by_role("button", name="Show filters").click()
    page.locator("button.w-drilldown__toggle", has_text="Object type").click()
    page.get_by_label("Axe").check()
    expect(cells).to_have_text(["B-2"])
    page.get_by_label("Axe").uncheck()
    expect(cells).to_have_count(3)

    page.locator(".w-drilldown__back:visible").click()
    page.locator("button.w-drilldown__toggle", has_text="Missing language").click()
    page.locator("[id^='drilldown-'] label:visible", has_text="Русский").click()
    expect(cells).to_have_text(["B-2"])
    badges = page.locator("tbody tr", has_text="B-2").locator("[data-record-languages]")
    expect(badges).to_have_attribute("title", f"Complete: English; missing: {ALL_BUT_ENGLISH}")
    page.close()
