"""The exhibition builder: choosing relics from several museums for an exhibition's narrative.

The relic chooser opens on recent relics with their thumbnail, museum and
accession number, offers only relics the user may choose (the page chooser's
rule: published relics of every museum, drafts only under the user's own
pages), and stores what the page chooser stored, so existing narratives keep
rendering. Each refusal sits beside the allowed control.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks.list_block import ListBlockAdapter

from collections_app.blocks import NarrativeBlock, RelicGridBlock
from collections_app.models import ExhibitionPage
from collections_app.permissions import CURATORS
from staff_admin.exhibitions import THUMBNAIL
from tests import factories
from tests.helpers import admin_login, make_user, needs_chromium, url_in

DRAFT_A = "Unpublished mirror of museum A"
DRAFT_B = "Unpublished mirror of museum B"


@pytest.fixture
def staff(tree):
    tree.museum.refresh_from_db()
    tree.other_museum.refresh_from_db()
    return {
        "curator": make_user("curator", Group.objects.get(name=CURATORS)),
        "editor_a": make_user("editor-china", tree.museum.editors_group),
        "editor_b": make_user("editor-hermitage", tree.other_museum.editors_group),
    }


@pytest.fixture
def drafts(tree):
    """A never-published relic in each museum."""
    return {
        "a": factories.RelicPageFactory(parent=tree.museum, live=False, title=DRAFT_A, accession_number="A-DRAFT"),
        "b": factories.RelicPageFactory(
            parent=tree.other_museum, live=False, title=DRAFT_B, accession_number="B-DRAFT"
        ),
    }


def modal_html(client, url_name="relic_chooser:choose", **params):
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200
    if url_name.endswith(":choose"):
        return BeautifulSoup(json.loads(response.content)["html"], "html.parser")
    return BeautifulSoup(response.content, "html.parser")


def rows(soup):
    """Each listed relic as (title, museum, accession number, thumbnail URL)."""
    found = []
    for row in soup.select("tbody tr"):
        image = row.select_one(".relic-chooser__thumbnail-cell img")
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        found.append((cells[1], cells[2], cells[3], image["src"] if image else None))
    return found


# --- The chooser's list -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_chooser_lists_recent_relics_with_thumbnail_museum_and_accession_number(client, tree, staff):
    tree.other_relic.save_revision()
    tree.relic.save_revision()  # edited last: listed first
    client.force_login(staff["curator"])
    listed = rows(modal_html(client))
    assert [title for title, *_ in listed[:2]] == ["Houmuwu ding", "Kelermes panther"]
    title, museum, number, thumbnail = listed[0]
    assert (museum, number) == ("National Museum of China", tree.relic.accession_number)
    assert thumbnail and THUMBNAIL in thumbnail  # the first gallery image's rendition
    assert listed[1][1] == "State Hermitage Museum"


@pytest.mark.django_db
def test_the_chooser_searches_relics_and_links_each_to_its_choice(client, tree, staff):
    client.force_login(staff["curator"])
    soup = modal_html(client, "relic_chooser:choose_results", q="Kelermes")
    assert [title for title, *_ in rows(soup)] == ["Kelermes panther"]
    link = soup.select_one("a[data-chooser-modal-choice]")
    assert link["href"] == reverse("relic_chooser:chosen", args=[tree.other_relic.pk])


@pytest.mark.django_db
def test_choosing_a_relic_answers_with_what_the_widget_shows(client, tree, staff):
    client.force_login(staff["curator"])
    response = client.get(reverse("relic_chooser:chosen", args=[tree.other_relic.pk]))
    result = json.loads(response.content)["result"]
    assert result["id"] == str(tree.other_relic.pk)
    assert (result["title"], result["museum"]) == ("Kelermes panther", "State Hermitage Museum")
    assert result["accession_number"] == tree.other_relic.accession_number
    assert THUMBNAIL in result["thumbnail"]["url"]
    assert result["edit_url"] == reverse("wagtailadmin_pages:edit", args=[tree.other_relic.pk])


# --- Only relics the user may choose ----------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_does_not_see_another_museums_draft_in_the_chooser(client, tree, staff, drafts):
    client.force_login(staff["editor_a"])
    titles = [title for title, *_ in rows(modal_html(client))]
    assert DRAFT_B not in titles
    assert "Kelermes panther" in titles  # the other museum's published relics are offered


@pytest.mark.django_db
def test_an_editor_sees_their_own_museums_draft_in_the_chooser(client, tree, staff, drafts):
    client.force_login(staff["editor_a"])
    assert DRAFT_A in [title for title, *_ in rows(modal_html(client))]


@pytest.mark.django_db
def test_searching_does_not_reveal_another_museums_draft(client, tree, staff, drafts):
    client.force_login(staff["editor_a"])
    assert rows(modal_html(client, "relic_chooser:choose_results", q="Unpublished mirror")) == [
        (DRAFT_A, "National Museum of China", "A-DRAFT", None)
    ]


@pytest.mark.django_db
def test_another_museums_draft_cannot_be_chosen_by_its_id(client, tree, staff, drafts):
    client.force_login(staff["editor_a"])
    assert client.get(reverse("relic_chooser:chosen", args=[drafts["b"].pk])).status_code == 404
    assert client.get(reverse("relic_chooser:chosen", args=[drafts["a"].pk])).status_code == 200


@pytest.mark.django_db
def test_the_chooser_is_for_staff_only(client, tree):
    assert client.get(reverse("relic_chooser:choose")).status_code == 302  # to the admin's login


# --- Stored values and the public site --------------------------------------------------------


@pytest.mark.django_db
def test_existing_relic_grids_still_render_publicly(client, tree):
    body = ExhibitionPage.objects.get(pk=tree.exhibition.pk).body_en
    assert body.raw_data[1]["value"]["relics"] == [tree.relic.pk, tree.other_relic.pk]  # stored before, as it was
    assert [relic.pk for relic in body[1].value["relics"]] == [tree.relic.pk, tree.other_relic.pk]
    html = client.get(url_in(tree.exhibition, "en")).content.decode()
    assert "Houmuwu ding" in html and "Kelermes panther" in html


def chooser_states(html):
    """The chosen relics' states in the StreamField's data, as the editor's script receives them."""
    states = []

    def walk(node):
        if isinstance(node, dict):
            if "accession_number" in node:
                states.append(node)
            node = list(node.values())
        if isinstance(node, list):
            for item in node:
                walk(item)

    for element in BeautifulSoup(html, "html.parser").find_all(attrs={"data-controller": "w-block"}):
        for name, value in element.attrs.items():
            if name.startswith("data-w-block-") and "accession_number" in value:
                walk(json.loads(value))
    return states


@pytest.mark.django_db
def test_the_editor_shows_chosen_relics_with_thumbnail_museum_and_number(client, tree, staff):
    client.force_login(staff["curator"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[tree.exhibition.pk])).content.decode()
    states = chooser_states(html)
    assert [(state["title"], state["museum"], state["accession_number"]) for state in states] == [
        ("Houmuwu ding", "National Museum of China", tree.relic.accession_number),
        ("Kelermes panther", "State Hermitage Museum", tree.other_relic.accession_number),
    ]
    assert all(THUMBNAIL in state["thumbnail"]["url"] for state in states)


# --- The grid's rule of at least two relics ---------------------------------------------------


def test_a_new_grid_carries_no_minimum_for_the_editor_script_to_flag():
    """The editor's script flags `minNum` the moment a grid is added, before anything is chosen."""
    relics = RelicGridBlock().child_blocks["relics"]
    assert "minNum" not in ListBlockAdapter().js_args(relics)[3]


@pytest.mark.django_db
def test_publishing_a_grid_with_one_relic_is_refused(tree):
    block = RelicGridBlock()
    with pytest.raises(ValidationError) as raised:
        block.clean(block.to_python({"heading": "", "relics": [tree.relic.pk]}))
    assert "at least 2 relics" in str(raised.value.block_errors["relics"])
    block.clean(block.to_python({"heading": "", "relics": [tree.relic.pk, tree.other_relic.pk]}))


@pytest.mark.django_db
def test_a_draft_may_hold_an_unfinished_grid(tree):
    narrative = NarrativeBlock()
    value = narrative.to_python([{"type": "relic_grid", "value": {"heading": "", "relics": [tree.relic.pk]}}])
    narrative.clean_deferred(value)  # saving a draft
    with pytest.raises(ValidationError):
        narrative.clean(value)  # publishing


# --- A curator builds a grid in Chromium ------------------------------------------------------


@pytest.fixture
def live(transactional_db, tree, live_server):
    return tree, live_server.url


def choose_relic(page, search):
    """Open the chooser of the grid's last empty slot, search and pick the first match."""
    page.locator("button.chooser__choose-button:visible").last.click()
    modal = page.locator(".modal-body")
    modal.locator("#search-results tbody tr").first.wait_for()
    modal.locator("input[name=q]").fill(search)
    choice = modal.locator("#search-results a[data-chooser-modal-choice]", has_text=search).first
    choice.wait_for()
    choice.click()
    modal.wait_for(state="detached")


@pytest.mark.browser
@needs_chromium
def test_curator_builds_a_relic_grid_from_two_museums(browser, live):
    tree, base = live
    make_user("curator", Group.objects.get(name=CURATORS))
    exhibition = factories.ExhibitionPageFactory(parent=tree.exhibition_index, title="Bronze and gold", body_en=[])
    page = browser.new_page()
    admin_login(page, base, "curator")
    page.goto(base + reverse("wagtailadmin_pages:edit", args=[exhibition.pk]))
    # Wagtail derives panel ids from the tab's heading in the language of the process's first render
    # ("panel-child-содержимое-…" after a Russian one), so the id is matched by its end only.
    body = page.locator("[id$='-body_en-content']")
    body.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Relic grid").click()
    grid = body.locator("[data-contentpath]").filter(has=page.locator("button.chooser__choose-button")).last
    grid.wait_for()
    # A new grid is not yet wrong: no error before the curator has chosen anything.
    assert body.locator(".help-critical:visible, .error-message:visible").count() == 0

    choose_relic(page, "Houmuwu")
    chosen = body.locator(".relic-chooser:not(.blank)").last
    assert "National Museum of China" in chosen.inner_text()
    assert tree.relic.accession_number in chosen.inner_text()
    assert chosen.locator("img[data-relic-thumbnail]").get_attribute("src")
    body.locator("[data-contentpath=relics] button[data-streamfield-list-add]").last.click()
    choose_relic(page, "Kelermes")
    assert "State Hermitage Museum" in body.locator(".relic-chooser:not(.blank)").last.inner_text()
    assert body.locator(".help-critical:visible, .error-message:visible").count() == 0

    with page.expect_navigation():
        page.locator("footer button.action-save").first.click()
    assert page.locator(".messages .success").count() == 1
    page.close()
    draft = ExhibitionPage.objects.get(pk=exhibition.pk).get_latest_revision_as_object()
    (grid_block,) = [block for block in draft.body_en if block.block_type == "relic_grid"]
    assert [relic.pk for relic in grid_block.value["relics"]] == [tree.relic.pk, tree.other_relic.pk]
