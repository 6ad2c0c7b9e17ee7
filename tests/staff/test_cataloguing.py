"""Cataloguing help in the relic editor: what an editor notices while describing a relic.

The date parser is tested on its own (its conventions are in `staff_admin/dates.py`), and on the
demo's real date labels in three languages; the JSON views from the denied side beside an allowed
control, and with malformed input (a 400, never a 500); the vocabulary chooser, the materials list,
the rights statement and the gallery's help as the editor receives them; one Chromium journey.
"""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from collections_app.models import Culture, RelicPage
from collections_app.permissions import CURATORS
from collections_app.rights import RightsStatement
from staff_admin.dates import DateLabelError, Period, parse_date_label
from tests import factories
from tests.helpers import admin_login, make_user, needs_chromium, relic_form

DEMO_MUSEUMS = Path(__file__).resolve().parents[2] / "collections_app" / "demo" / "data" / "museums"
QIANLONG = Period(names=("Qianlong reign", "乾隆", "Цяньлун"), earliest=1736, latest=1795)
QING = Period(names=("Qing dynasty", "清朝", "Цин"), earliest=1644, latest=1912)


# --- The date parser ----------------------------------------------------------------------------


def years(label, periods=()):
    found = parse_date_label(label, periods)
    return found.earliest, found.latest


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # Centuries are counted from year 1: the 13th century BCE is 1300–1201 BCE.
        ("13th–11th century BCE", (-1300, -1001)),
        ("13th century BCE", (-1300, -1201)),
        ("1st century BCE", (-100, -1)),
        ("5th century", (401, 500)),
        ("5th–4th centuries BCE", (-500, -301)),
        ("c. 1st century BCE – 2nd century CE", (-100, 200)),
        ("3rd millennium BCE", (-3000, -2001)),
        ("2nd millennium", (1001, 2000)),
        # Circa widens a year by ten on each side.
        ("c. 1650", (1640, 1660)),
        ("circa 1650", (1640, 1660)),
        ("c. 1650–1700", (1640, 1710)),
        ("c. 5 CE", (-6, 15)),  # no year 0: ten years before 5 CE is 6 BCE
        ("1650", (1650, 1650)),
        ("1650–1700", (1650, 1700)),
        ("1650-1700", (1650, 1700)),
        ("1650 to 1700", (1650, 1700)),
        ("1650–75", (1650, 1675)),
        ("1650s", (1650, 1659)),
        ("500–400 BCE", (-500, -400)),
        ("206 BCE – 9 CE", (-206, 9)),
        ("AD 800", (800, 800)),
        # Parts of a century: thirds and halves.
        ("early 19th century", (1801, 1833)),
        ("mid-17th century", (1634, 1666)),
        ("late 14th century", (1367, 1400)),
        ("second half of the 2nd century BCE", (-150, -101)),
        ("Second half of the 18th – early 19th century", (1751, 1833)),
        # Russian.
        ("XIII–XI вв. до н. э.", (-1300, -1001)),
        ("ок. 1650", (1640, 1660)),
        ("1650 г.", (1650, 1650)),
        ("1650–1700 гг.", (1650, 1700)),
        ("V в. н. э.", (401, 500)),
        ("III тыс. до н. э.", (-3000, -2001)),
        ("середина XVII века", (1634, 1666)),
        ("ХIII в.", (1201, 1300)),  # a Cyrillic Х typed for the Roman numeral
        # Chinese.
        ("公元前206年至公元9年", (-206, 9)),
        ("约公元前13至前11世纪", (-1300, -1001)),
        ("17世纪初", (1601, 1633)),
        ("约1650年", (1640, 1660)),
        # A date inside a longer label: the numbers win over the words around them.
        ("Tang dynasty, 8th century", (701, 800)),
        ("Khorasan, Seljuk period, dated 1163", (1163, 1163)),
        ("Achaemenid, reign of Darius I (522–486 BCE)", (-522, -486)),
        ("罗马帝国，公元1至2世纪的钱币", (1, 200)),
    ],
)
def test_a_date_label_gives_its_years(label, expected):
    assert years(label) == expected


@pytest.mark.parametrize(
    ("label", "expected", "period"),
    [
        ("Qianlong period", (1736, 1795), "Qianlong reign"),
        ("qianlong reign", (1736, 1795), "Qianlong reign"),
        ("清乾隆", (1736, 1795), "乾隆"),  # the longest name found inside a Chinese label
        ("乾隆年间", (1736, 1795), "乾隆"),
        ("Эпоха Цин", (1644, 1912), "Цин"),
        ("Qing dynasty, Qianlong period", (1736, 1795), "Qianlong reign"),  # the narrowest period named
    ],
)
def test_a_named_period_gives_the_years_of_the_culture_term(label, expected, period):
    found = parse_date_label(label, [QING, QIANLONG])
    assert (found.earliest, found.latest, found.period) == (*expected, period)


def test_numbers_in_the_label_win_over_a_named_period():
    found = parse_date_label("Qianlong period, 1740", [QIANLONG])
    assert (found.earliest, found.latest, found.period) == (1740, 1740, "")


def test_named_periods_are_read_only_when_the_numbers_do_not_answer():
    def periods():
        raise AssertionError("the periods were read")
        yield

    assert years("c. 1650", periods()) == (1640, 1660)


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        ("", "Type a date first"),
        ("   ", "Type a date first"),
        ("0", "no year 0"),
        ("0 BCE", "no year 0"),
        ("400–500 BCE", "the first date is later than the second"),
        ("1700–1650", "the first date is later than the second"),
        ("Late Bronze Age", "No years could be read"),
        ("before c. 800 BCE", "No years could be read"),
        ("13th", "No years could be read"),
        ("3000", "still to come"),
        ("x" * 300, "at most 255 characters"),
        ("500th century BCE", "further back"),
    ],
)
def test_a_label_without_readable_years_says_why(label, reason):
    with pytest.raises(DateLabelError) as raised:
        parse_date_label(label, [QIANLONG])
    assert reason in str(raised.value.message)


def test_a_range_reaching_this_century_ends_this_year():
    import datetime

    assert years("21st century") == (2001, datetime.date.today().year)


def demo_labels():
    for path in sorted(DEMO_MUSEUMS.glob("*.json")):
        for relic in json.loads(path.read_text())["relics"]:
            if relic.get("period_label"):
                yield relic["accession_number"], relic["period_label"]


# The Chinese says something else on purpose: "1613年首版；1613至1630年间印本" puts the first edition last,
# and Hongshan's "约公元前4000至前3000年" is a range of years, not a millennium.
CHINESE_WORDED_DIFFERENTLY = ("First published 1613", "Hongshan culture")


def test_the_demo_labels_give_the_same_years_in_english_russian_and_chinese():
    """The demo's real labels, written independently in three languages, must agree."""
    if not DEMO_MUSEUMS.is_dir():
        pytest.skip("the demo data is not in this checkout")

    def read(label):
        try:
            return years(label)
        except DateLabelError:
            return None

    disagreements, read_in_english = [], 0
    for number, labels in demo_labels():
        english, russian, chinese = read(labels["en"]), read(labels["ru"]), read(labels["zh-hans"])
        read_in_english += english is not None
        if russian != english or (chinese != english and not labels["en"].startswith(CHINESE_WORDED_DIFFERENTLY)):
            disagreements.append((number, labels, english, russian, chinese))
    assert disagreements == []
    # Only "Iron Age, before c. 800 BCE" is left to the editor: "before" has no earliest year.
    assert read_in_english == sum(1 for _ in demo_labels()) - 1


# --- The JSON views -----------------------------------------------------------------------------


@pytest.fixture
def people(tree):
    tree.museum.refresh_from_db()
    tree.other_museum.refresh_from_db()
    return {
        "editor": make_user("editor-china", tree.museum.editors_group),
        "other_editor": make_user("editor-hermitage", tree.other_museum.editors_group),
        "curator": make_user("curator", Group.objects.get(name=CURATORS)),
        "outsider": make_user("outsider"),
    }


def get_json(client, name, **params):
    response = client.get(reverse(f"staff_admin_cataloguing:{name}"), params)
    return response, (response.json() if response.headers.get("Content-Type") == "application/json" else None)


@pytest.mark.django_db
class TestYearsView:
    def test_gives_the_years_of_a_label_to_staff(self, client, people):
        client.force_login(people["editor"])
        response, data = get_json(client, "years", label="13th–11th century BCE")
        assert response.status_code == 200
        assert data == {"earliest": -1300, "latest": -1001, "period": ""}

    def test_reads_culture_terms_in_any_language(self, client, people):
        Culture.objects.create(
            slug="qianlong", name_en="Qianlong reign", name_zh_hans="乾隆", earliest_year=1736, latest_year=1795
        )
        client.force_login(people["editor"])
        for label in ("Qianlong period", "清乾隆"):
            response, data = get_json(client, "years", label=label)
            assert (response.status_code, data["earliest"], data["latest"]) == (200, 1736, 1795), label

    def test_an_unreadable_label_is_a_400_with_a_reason(self, client, people):
        client.force_login(people["editor"])
        for label in ("Late Bronze Age", "", "400–500 BCE"):
            response, data = get_json(client, "years", label=label)
            assert response.status_code == 400
            assert data["message"]

    def test_is_not_for_visitors_or_accounts_without_admin_access(self, client, people):
        response, _data = get_json(client, "years", label="1650")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        client.force_login(people["outsider"])
        response, data = get_json(client, "years", label="1650")
        assert response.status_code in (302, 403) and data is None


@pytest.mark.django_db
class TestAccessionView:
    def test_names_the_relic_that_has_the_number(self, client, tree, people):
        client.force_login(people["editor"])
        response, data = get_json(client, "accession", museum=tree.museum.pk, number=tree.relic.accession_number)
        assert response.status_code == 200
        assert data["taken"] is True
        assert data["relic"] == {
            "title": "Houmuwu ding",
            "url": reverse("wagtailadmin_pages:edit", args=[tree.relic.pk]),
        }

    def test_a_free_number_and_the_relic_being_edited_are_not_flagged(self, client, tree, people):
        client.force_login(people["editor"])
        _response, free = get_json(client, "accession", museum=tree.museum.pk, number="NEW-1", page="")
        assert free == {"taken": False}
        number = f"  {tree.relic.accession_number} "
        _response, own = get_json(client, "accession", museum=tree.museum.pk, number=number, page=tree.relic.pk)
        assert own == {"taken": False}

    def test_another_museums_number_is_free_here(self, client, tree, people):
        client.force_login(people["editor"])
        _response, data = get_json(client, "accession", museum=tree.museum.pk, number=tree.other_relic.accession_number)
        assert data == {"taken": False}

    def test_another_museums_editor_is_refused(self, client, tree, people):
        client.force_login(people["other_editor"])
        response, data = get_json(client, "accession", museum=tree.museum.pk, number=tree.relic.accession_number)
        assert response.status_code == 403
        assert "relic" not in data and "taken" not in data
        # The allowed control: the same editor asks about their own museum.
        response, data = get_json(
            client, "accession", museum=tree.other_museum.pk, number=tree.other_relic.accession_number
        )
        assert (response.status_code, data["taken"]) == (200, True)

    def test_visitors_are_sent_to_the_login(self, client, tree):
        response, _data = get_json(client, "accession", museum=tree.museum.pk, number="X")
        assert response.status_code == 302

    @pytest.mark.parametrize(
        "params",
        [
            {"number": "X"},
            {"museum": "", "number": "X"},
            {"museum": "abc", "number": "X"},
            {"museum": "-3", "number": "X"},
            {"museum": "99999999999999999999999", "number": "X"},
            {"museum": "١٢", "number": "X"},  # Arabic-Indic digits are digits to Python, not an id
            {"museum": "MUSEUM", "number": ""},
            {"museum": "MUSEUM", "number": "   "},
            {"museum": "MUSEUM", "number": "N" * 65},
            {"museum": "MUSEUM", "number": "X", "page": "first"},
            {"museum": "MUSEUM", "number": "X", "page": "99999999999999999999999"},
        ],
    )
    def test_malformed_parameters_are_a_400(self, client, tree, people, params):
        client.force_login(people["editor"])
        params = {key: (str(tree.museum.pk) if value == "MUSEUM" else value) for key, value in params.items()}
        response, data = get_json(client, "accession", **params)
        assert response.status_code == 400
        assert data["message"]

    def test_an_unknown_museum_is_a_404(self, client, tree, people):
        client.force_login(people["curator"])
        response, _data = get_json(client, "accession", museum=tree.relic.pk, number="X")  # a relic, not a museum
        assert response.status_code == 404


@pytest.mark.django_db
class TestSuggestingATerm:
    @pytest.fixture
    def curators(self, people):
        people["curator"].email = "curator@example.org"
        people["curator"].save()
        russian = make_user("curator-ru", Group.objects.get(name=CURATORS), language="ru")
        silent = make_user("curator-no-mail", Group.objects.get(name=CURATORS))
        silent.email = ""
        silent.save()
        return people["curator"], russian

    def post(self, client, **data):
        defaults = {"vocabulary": Culture.snippet_viewset.get_url_name("add"), "name": "Zhou"}
        return client.post(reverse("staff_admin_cataloguing:suggest_term"), {**defaults, **data})

    def test_mails_the_curators_each_in_their_language(self, client, people, curators):
        client.force_login(people["editor"])
        response = self.post(client)
        assert response.status_code == 200
        assert response.json()["message"]
        assert sorted(address for message in mail.outbox for address in message.to) == [
            "curator-ru@example.org",
            "curator@example.org",
        ]
        english = next(message for message in mail.outbox if message.to == ["curator@example.org"])
        assert "“Zhou”" in english.subject
        assert english.reply_to == ["editor-china@example.org"]
        assert "editor-china" in english.body
        assert "/admin/snippets/collections_app/culture/add/?name=Zhou" in english.body

    def test_without_a_curator_to_mail_it_says_whom_to_ask(self, client, people):
        people["curator"].email = ""
        people["curator"].save()
        client.force_login(people["editor"])
        response = self.post(client)
        assert response.status_code == 409
        assert "moderators" in response.json()["message"]
        assert mail.outbox == []

    @pytest.mark.parametrize(
        "data", [{"vocabulary": "wagtailadmin_pages:add"}, {"vocabulary": ""}, {"name": ""}, {"name": "z" * 201}]
    )
    def test_malformed_suggestions_are_a_400(self, client, people, curators, data):
        client.force_login(people["editor"])
        response = self.post(client, **data)
        assert response.status_code == 400
        assert mail.outbox == []

    def test_needs_admin_access_and_a_post(self, client, people, curators):
        assert self.post(client).status_code == 302  # a visitor: to the login
        client.force_login(people["outsider"])
        assert self.post(client).status_code in (302, 403)
        client.force_login(people["editor"])
        assert client.get(reverse("staff_admin_cataloguing:suggest_term")).status_code == 405
        assert mail.outbox == []


# --- The vocabulary choosers ---------------------------------------------------------------------


def chooser_results(client, model, query):
    url = reverse(model.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
class TestVocabularyChooser:
    def test_an_editor_who_may_not_add_terms_is_offered_to_suggest_one(self, client, people):
        client.force_login(people["editor"])
        page = chooser_results(client, Culture, "zhou")
        text = " ".join(page.get_text().split())
        assert "No culture or period named “zhou” yet." in text
        assert "no snippets match" not in text
        assert page.select_one("[data-cataloguing-add-term]") is None
        button = page.select_one("[data-cataloguing-suggest-term]")
        assert button["data-name"] == "zhou"
        assert button["data-url"] == reverse("staff_admin_cataloguing:suggest_term")

    def test_a_curator_gets_a_link_to_add_it_with_the_name_filled_in(self, client, people):
        client.force_login(people["curator"])
        page = chooser_results(client, Culture, "zhou dynasty")
        link = page.select_one("[data-cataloguing-add-term]")
        assert link["href"] == reverse(Culture.snippet_viewset.get_url_name("add")) + "?name=zhou%20dynasty"
        assert page.select_one("[data-cataloguing-suggest-term]") is None

    @pytest.mark.parametrize("model_name", ["ObjectType", "Place"])
    def test_the_other_vocabularies_speak_plainly_too(self, client, people, model_name):
        from collections_app import models

        client.force_login(people["editor"])
        model = getattr(models, model_name)
        text = " ".join(chooser_results(client, model, "nothing-like-it").get_text().split())
        assert f"No {model._meta.verbose_name} named “nothing-like-it” yet." in text

    def test_found_terms_are_listed_as_before(self, client, people):
        Culture.objects.create(slug="zhou", name_en="Zhou dynasty")
        client.force_login(people["editor"])
        page = chooser_results(client, Culture, "zhou")
        assert "Zhou dynasty" in page.get_text()
        assert page.select_one("[data-cataloguing-missing-term]") is None


# --- The relic editor -----------------------------------------------------------------------------


def add_url(tree):
    return reverse("wagtailadmin_pages:add", args=["collections_app", "relicpage", tree.museum.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.django_db
class TestRelicEditor:
    def test_materials_are_checkboxes_that_know_every_name(self, client, tree, people):
        factories.MaterialFactory(slug="jade", name_en="Jade", name_ru="Нефрит", name_zh_hans="玉")
        client.force_login(people["editor"])
        page = BeautifulSoup(client.get(edit_url(tree.relic)).content, "html.parser")
        assert page.select_one("select[name=materials]") is None
        jade = page.select_one("input[type=checkbox][name=materials][data-search*=jade]")
        assert {"Jade", "Нефрит", "玉"} <= set(jade["data-search"].split())
        assert page.select_one("[data-cataloguing-terms-filter]") is not None

    def test_ticked_materials_are_saved(self, client, tree, people):
        jade = factories.MaterialFactory(slug="jade", name_en="Jade")
        client.force_login(people["editor"])
        data = relic_form(tree)
        data["materials"] = [jade.pk]
        response = client.post(add_url(tree), data)
        assert response.status_code == 302
        assert list(RelicPage.objects.get(accession_number="NEW-1").materials.all()) == [jade]

    def test_the_accession_field_knows_its_museum_and_relic(self, client, tree, people):
        client.force_login(people["editor"])
        new = BeautifulSoup(client.get(add_url(tree)).content, "html.parser").select_one("#id_accession_number")
        assert (new["data-cataloguing-museum"], new["data-cataloguing-page"]) == (str(tree.museum.pk), "")
        edit = BeautifulSoup(client.get(edit_url(tree.relic)).content, "html.parser")
        field = edit.select_one("#id_accession_number")
        assert (field["data-cataloguing-museum"], field["data-cataloguing-page"]) == (
            str(tree.museum.pk),
            str(tree.relic.pk),
        )

    def test_the_editor_script_gets_its_words_and_addresses_from_the_server(self, client, tree, people):
        client.force_login(people["editor"])
        page = BeautifulSoup(client.get(edit_url(tree.relic)).content, "html.parser")
        config = json.loads(page.select_one("#cataloguing-config").string)
        assert config["yearsUrl"] == reverse("staff_admin_cataloguing:years")
        assert config["text"]["suggested"].startswith("Suggested from the date label")
        assert page.select_one('script[src$="staff_admin/js/cataloguing.js"]') is not None

    def test_a_new_relic_starts_with_no_rights_statement_and_requires_one(self, client, tree, people):
        client.force_login(people["editor"])
        page = BeautifulSoup(client.get(add_url(tree)).content, "html.parser")
        options = page.select("select[name=rights_uri] option")
        assert options[0]["value"] == "" and "Choose the rights statement" in options[0].get_text()
        assert [option["value"] for option in options if option.has_attr("selected")] in ([], [""])
        response = client.post(add_url(tree), relic_form(tree, rights_uri=""))
        assert response.status_code == 200
        assert response.context["form"].errors["rights_uri"]
        assert not RelicPage.objects.filter(accession_number="NEW-1").exists()
        # The allowed control: a statement chosen on purpose saves.
        response = client.post(add_url(tree), relic_form(tree, rights_uri=RightsStatement.CC_BY))
        assert response.status_code == 302
        assert RelicPage.objects.get(accession_number="NEW-1").rights_uri == RightsStatement.CC_BY

    def test_an_existing_relic_keeps_its_rights_statement(self, client, tree, people):
        client.force_login(people["editor"])
        page = BeautifulSoup(client.get(edit_url(tree.relic)).content, "html.parser")
        chosen = page.select_one("select[name=rights_uri] option[selected]")
        assert chosen["value"] == tree.relic.rights_uri == RightsStatement.NOT_EVALUATED
        assert page.select_one('select[name=rights_uri] option[value=""]') is None

    def test_the_gallery_says_which_alt_text_wins(self, client, tree, people):
        client.force_login(people["editor"])
        text = " ".join(BeautifulSoup(client.get(edit_url(tree.relic)).content, "html.parser").get_text().split())
        assert "Readers of this relic's page get the alt text of each row" in text
        assert "The row's alt text wins wherever this gallery is shown." in text


# --- In Chromium ----------------------------------------------------------------------------------


@pytest.mark.browser
@needs_chromium
def test_an_editor_is_helped_while_cataloguing_a_new_relic(browser, transactional_db, tree, live_server):
    tree.museum.refresh_from_db()
    make_user("editor-china", tree.museum.editors_group)
    factories.MaterialFactory(slug="bronze", name_en="Bronze", name_ru="Бронза")
    factories.MaterialFactory(slug="jade", name_en="Jade", name_ru="Нефрит")
    factories.CollectionImageFactory(collection=tree.museum.collection, default_alt_text="A bronze mirror, front")
    page = browser.new_page()
    admin_login(page, live_server.url, "editor-china")
    page.goto(live_server.url + add_url(tree))
    accession = "#id_accession_number"
    warning = page.locator("[data-cataloguing-accession-warning]")

    def check_number(number):
        with page.expect_response(lambda response: "/cataloguing/accession/" in response.url):
            page.fill(accession, number)
        page.wait_for_timeout(100)

    # A number the museum already uses is flagged as it is typed, naming the relic that has it.
    check_number(tree.relic.accession_number)
    warning.wait_for(state="visible")
    assert "already has a relic" in warning.inner_text()
    assert warning.locator("a").inner_text() == "Houmuwu ding"
    check_number("NEW-7")
    warning.wait_for(state="hidden")

    # Wagtail's autosave saves a new page as a draft and turns the address into the draft's edit view;
    # from then on the draft's own number is not a duplicate of itself.
    draft = factories.RelicPageFactory(parent=tree.museum, title="Bronze mirror", accession_number="NEW-7")
    check_number("NEW-7")
    assert warning.locator("a").inner_text() == "Bronze mirror"  # seen from the add view: another relic
    page.evaluate("url => window.history.replaceState(null, '', url)", edit_url(draft))
    check_number("NEW-77")
    check_number("NEW-7")
    assert not warning.is_visible()

    # The years are suggested from the date label, and marked as a suggestion.
    page.fill("#id_period_label_en", "c. 1650")
    page.press("#id_period_label_en", "Tab")
    note = page.locator("[data-cataloguing-years-note]")
    note.wait_for(state="visible")
    assert page.input_value("#id_earliest_year") == "1640"
    assert page.input_value("#id_latest_year") == "1660"
    assert "Suggested from the date label" in note.inner_text()
    # The editor's own years are theirs: a new label no longer overwrites them.
    page.fill("#id_latest_year", "1670")
    note.wait_for(state="hidden")
    page.fill("#id_period_label_en", "5th century")
    page.press("#id_period_label_en", "Tab")
    page.wait_for_timeout(300)
    assert (page.input_value("#id_earliest_year"), page.input_value("#id_latest_year")) == ("1640", "1670")

    # Materials: a filter box over the checkboxes, matching names in any language.
    page.fill("#id_materials-filter", "неф")
    jade = page.locator("input[name=materials][data-search*=jade]")
    bronze = page.locator("input[name=materials][data-search*=bronze]")
    assert jade.is_visible() and not bronze.is_visible()
    jade.check()
    page.fill("#id_materials-filter", "")
    assert bronze.is_visible() and jade.is_checked()

    # A new gallery row starts its English alt text from the chosen image's default alt text.
    page.click("#id_gallery_images-ADD")
    page.locator("#id_gallery_images-0-image-chooser .unchosen button").click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    page.wait_for_function("document.getElementById('id_gallery_images-0-alt_text_en').value !== ''")
    assert page.input_value("#id_gallery_images-0-alt_text_en") == "A bronze mirror, front"
    page.close()


@pytest.mark.browser
@needs_chromium
def test_a_curator_adds_a_missing_term_from_the_chooser(browser, transactional_db, tree, live_server):
    make_user("curator", Group.objects.get(name=CURATORS))
    page = browser.new_page()
    admin_login(page, live_server.url, "curator")
    page.goto(live_server.url + add_url(tree))
    page.locator("#id_culture-chooser .unchosen button").click()
    page.fill(".modal input#id_q", "Zhou dynasty")
    missing = page.locator(
        ".modal [data-cataloguing-missing-term]", has_text="No culture or period named “Zhou dynasty” yet."
    )
    missing.wait_for(state="visible")
    add_it = missing.locator("[data-cataloguing-add-term]")
    with page.context.expect_page() as opened:
        add_it.click()
    form = opened.value
    form.wait_for_load_state()
    assert form.input_value("#id_name_en") == "Zhou dynasty"
    assert form.input_value("#id_slug") == "zhou-dynasty"
    form.close()
    page.close()
