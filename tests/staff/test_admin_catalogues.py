"""Wagtail's admin in Kazakh, Kyrgyz, Tajik, Uzbek, Urdu and Hindi: the override catalogues.

Wagtail ships no catalogue for kk, ky, tg, uz and ur (and covers Hindi in a
few apps only), so `staff_admin/locale/` supplies its strings. These tests
walk the screens staff use, as the museum's editor, moderator, an alliance
curator and a translator, record which of Wagtail's msgids the server looks
up (`staff_admin.admin_strings`), and check that the staff member's admin
language has every one of them. They also check what a person sees, and
that each override is marked as machine translation awaiting native review.

Regenerate the msgid list: `ADMIN_STRINGS_POT=/tmp/admin.pot` with `-k lookups`
writes what the screens looked up (see `staff_admin/admin_strings.py`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import path, reverse
from django.utils import translation

from collections_app.models import CollectionImage, RelicPage
from collections_app.permissions import CURATORS
from portal import urls as portal_urls
from staff_admin import admin_strings
from staff_admin.admin_strings import Lookups, record_lookups
from tests import factories
from tests.helpers import admin_login, browser_form_data, make_user, needs_chromium, relic_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_only_exhibitions(settings):
    """The walk publishes the fixture's exhibition, which has English text only: the required languages
    are another test's subject (tests/translations/test_gate.py)."""
    settings.PORTAL_REQUIRED_TRANSLATIONS = []


LOCALE = Path(admin_strings.__file__).parent / "locale"
#: The languages Wagtail has no catalogue for: every Wagtail string the screens use comes from the overrides.
UNCOVERED = ["kk", "ky", "tg", "uz", "ur"]
#: Hindi: Wagtail covers five apps; the overrides fill in the rest.
OVERRIDDEN = [*UNCOVERED, "hi"]
REVIEW_COMMENT = "Machine translation, awaiting native review."
PUBLIC_DOMAIN = "https://creativecommons.org/publicdomain/mark/1.0/"


# --- the screens ---------------------------------------------------------------------------------------------


def people(tree, language):
    """An editor and a moderator of the museum, an alliance curator and a translator, all with `language` admin."""
    tree.museum.refresh_from_db()
    return {
        "editor": make_user(f"editor-{language}", tree.museum.editors_group, language=language),
        "moderator": make_user(f"moderator-{language}", tree.museum.moderators_group, language=language),
        "curator": make_user(f"curator-{language}", Group.objects.get(name=CURATORS), language=language),
        "translator": make_user(
            f"translator-{language}", Group.objects.get(name=f"translators-{language}"), language=language
        ),
    }


class Screens:
    """A test client that notes, for each request, which screen asked for which strings.

    Each request must really show its screen: a refusal (Wagtail redirects
    with an error message) would quietly leave the screen's strings out.
    """

    def __init__(self, lookups: Lookups):
        self.lookups = lookups
        self.client = Client()

    def as_user(self, user):
        self.client.force_login(user)
        return self

    def get(self, screen, url, **extra):
        self.lookups.screen = screen
        response = self.client.get(url, follow=True, **extra)
        assert response.status_code == 200, (screen, url, response.status_code)
        assert (
            not response.redirect_chain
            or url == reverse("wagtailadmin_home")
            or not response.redirect_chain[-1][0].endswith(reverse("wagtailadmin_home"))
        ), f"{screen}: refused"
        self.assert_no_error(screen, response)
        return response

    def post(self, screen, url, data, *, expect_error=False, **extra):
        self.lookups.screen = screen
        response = self.client.post(url, data, follow=True, **extra)
        assert response.status_code < 400, (screen, url, response.status_code)
        if not expect_error:
            self.assert_no_error(screen, response)
        return response

    @staticmethod
    def assert_no_error(screen, response):
        stored = response.context.get("messages") if response.context is not None else None
        errors = [str(message) for message in stored or () if message.level >= messages.ERROR]
        assert not errors, f"{screen}: {errors}"

    def edit_and_post(self, screen, page, action=None, changes=None, **options):
        """Open the page editor, then post its form as a browser would, pressing `action`."""
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = browser_form_data(self.get(f"{screen} (form)", url).content.decode())
        data.update(changes or {})
        if action:
            data[action] = ["1"]
        return self.post(screen, url, data, **options)


def edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def empty_narratives():
    """What the StreamField script adds to a submission: each language's narrative, here left empty."""
    return {f"body_{code.replace('-', '_')}-count": ["0"] for code in settings.LANGUAGE_CODES}


def walk_screens(tree, language) -> Lookups:
    """Every screen of the brief, as each role sees it in `language`; returns the lookups recorded."""
    users = people(tree, language)
    lookups = Lookups()
    term = tree.relic.object_type
    term_url = reverse("wagtailsnippets_collections_app_objecttype:edit", args=[term.pk])
    with record_lookups(lookups):
        # Before logging in: the login form in the browser's language, and a wrong password.
        anonymous = Screens(lookups)
        anonymous.get("login", reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE=language)
        anonymous.post(
            "login: wrong password",
            reverse("wagtailadmin_login"),
            {"username": users["editor"].username, "password": "wrong"},
            expect_error=True,
            HTTP_ACCEPT_LANGUAGE=language,
        )

        editor = Screens(lookups).as_user(users["editor"])
        editor.get("dashboard", reverse("wagtailadmin_home"))
        editor.get("explorer: museums", reverse("wagtailadmin_explore", args=[tree.museum_index.pk]))
        editor.get("explorer: museum", reverse("wagtailadmin_explore", args=[tree.museum.pk]))
        editor.get("page search", reverse("wagtailadmin_pages:search") + "?q=ding")
        editor.get("page type chooser", reverse("wagtailadmin_pages:add_subpage", args=[tree.museum.pk]))
        add_relic = reverse("wagtailadmin_pages:add", args=["collections_app", "relicpage", tree.museum.pk])
        editor.get("create relic", add_relic)
        editor.post("create relic: validation errors", add_relic, {"title_en": ""}, expect_error=True)
        editor.post("create relic: save draft", add_relic, relic_form(tree))
        new_relic = RelicPage.objects.get(slug_en="bronze-mirror")
        editor.edit_and_post("edit relic: validation errors", new_relic, changes={"title_en": [""]}, expect_error=True)
        editor.post("lock page", reverse("wagtailadmin_pages:lock", args=[new_relic.pk]), {})
        editor.get("edit relic: locked by you", edit(new_relic))
        editor.get("edit relic", edit(tree.relic))
        editor.edit_and_post("edit relic: save draft", tree.relic)
        editor.edit_and_post("edit relic: submit", tree.relic, action="action-submit")
        editor.get("edit relic: in moderation", edit(tree.relic))
        editor.get("page history", reverse("wagtailadmin_pages:history", args=[tree.relic.pk]))
        editor.get("page revisions", reverse("wagtailadmin_pages:revisions_index", args=[tree.relic.pk]))
        editor.get("workflow history", reverse("wagtailadmin_pages:workflow_history", args=[tree.relic.pk]))
        add_exhibition = reverse(
            "wagtailadmin_pages:add", args=["collections_app", "exhibitionpage", tree.exhibition_index.pk]
        )
        editor.get("create exhibition", add_exhibition)
        editor.get("edit exhibition", edit(tree.exhibition))
        editor.get("page chooser", reverse("wagtailadmin_choose_page"))
        editor.get("page chooser: museum", reverse("wagtailadmin_choose_page_child", args=[tree.museum.pk]))
        editor.get("page chooser: search", reverse("wagtailadmin_choose_page_search") + "?q=ding")
        editor.get("image chooser", reverse("wagtailimages_chooser:choose"))
        editor.get("image chooser: search", reverse("wagtailimages_chooser:choose_results") + "?q=image")
        editor.get("images", reverse("wagtailimages:index"))
        editor.get("image upload", reverse("wagtailimages:add_multiple"))
        xhr = {"headers": {"x-requested-with": "XMLHttpRequest"}}
        upload = {
            "files[]": SimpleUploadedFile("mirror.jpg", factories.jpeg_bytes(), content_type="image/jpeg"),
            "collection": tree.museum.collection_id,
        }
        reply = editor.post("image upload: file", reverse("wagtailimages:add_multiple"), upload, **xhr).json()
        # The rights statement is required: the upload waits for it in a second form, as in the browser.
        details = browser_form_data(reply["form"], "form")
        details[next(name for name in details if name.endswith("rights_uri"))] = [PUBLIC_DOMAIN]
        created = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[reply["uploaded_file_id"]])
        uploaded = editor.post("image upload: details", created, details, **xhr).json()["image_id"]
        editor.get("image add", reverse("wagtailimages:add"))
        editor.get("snippet chooser", reverse("wagtailsnippetchoosers_collections_app_objecttype:choose"))
        editor.get("reports: workflows", reverse("wagtailadmin_reports:workflow"))
        editor.get("reports: workflow tasks", reverse("wagtailadmin_reports:workflow_tasks"))
        editor.get("reports: aging pages", reverse("wagtailadmin_reports:aging_pages"))
        editor.get("reports: site history", reverse("wagtailadmin_reports:site_history"))
        html = editor.get("account", reverse("wagtailadmin_account")).content.decode()
        account = browser_form_data(html, "form[method=post]")
        account.update({"name_email-first_name": ["Aigerim"], "name_email-last_name": ["Editor"]})
        response = editor.post("account: save", reverse("wagtailadmin_account"), account)
        assert response.redirect_chain, "account: not saved"

        moderator = Screens(lookups).as_user(users["moderator"])
        moderator.get("dashboard: awaiting your review", reverse("wagtailadmin_home"))
        moderator.get("edit relic: reviewer", edit(tree.relic))
        task_state = RelicPage.objects.get(pk=tree.relic.pk).current_workflow_state.current_task_state
        moderator.get(
            "workflow preview",
            reverse("wagtailadmin_pages:workflow_preview", args=[tree.relic.pk, task_state.task_id]),
        )
        for action in ("reject", "approve"):
            moderator.get(
                f"workflow: {action} with comment",
                reverse("wagtailadmin_pages:collect_workflow_action_data", args=[tree.relic.pk, action, task_state.pk]),
            )
        moderator.post(
            "workflow: request changes",
            reverse("wagtailadmin_pages:workflow_action", args=[tree.relic.pk, "reject", task_state.pk]),
            {"comment": "Please check the dates."},
        )
        editor.get("edit relic: changes requested", edit(tree.relic))
        editor.edit_and_post("edit relic: resubmit", tree.relic, action="action-submit")
        task_state = RelicPage.objects.get(pk=tree.relic.pk).current_workflow_state.current_task_state
        moderator.post(
            "workflow: approve",
            reverse("wagtailadmin_pages:workflow_action", args=[tree.relic.pk, "approve", task_state.pk]),
            {"comment": "Thank you."},
        )
        moderator.get("reports: workflow tasks (moderator)", reverse("wagtailadmin_reports:workflow_tasks"))
        moderator.get("reports: locked pages", reverse("wagtailadmin_reports:locked_pages"))
        moderator.get("edit relic: published", edit(tree.relic))
        moderator.edit_and_post("edit relic: publish", tree.relic, action="action-publish")
        moderator.post("unlock page", reverse("wagtailadmin_pages:unlock", args=[new_relic.pk]), {})
        image = CollectionImage.objects.get(pk=uploaded, collection=tree.museum.collection_id)
        html = moderator.get("image edit", reverse("wagtailimages:edit", args=[image.pk])).content.decode()
        moderator.post(
            "image edit: save",
            reverse("wagtailimages:edit", args=[image.pk]),
            browser_form_data(html),
        )

        translator = Screens(lookups).as_user(users["translator"])
        translator.get("dashboard (translator)", reverse("wagtailadmin_home"))
        translator.get("explorer (translator)", reverse("wagtailadmin_explore", args=[tree.museum.pk]))
        translator.get("edit exhibition (translator)", edit(tree.exhibition))
        translator.edit_and_post("edit exhibition: translator saves", tree.exhibition, changes=empty_narratives())
        translator.edit_and_post("edit relic: translator saves", tree.relic)
        translator.get("snippet listing (translator)", reverse("wagtailsnippets_collections_app_objecttype:list"))
        translator.post(
            "snippet edit: translator submits",
            term_url,
            {"name_en": term.name_en, "slug": term.slug, "authority_uri": "", "action-submit": "1"},
        )
        translator.get("account (translator)", reverse("wagtailadmin_account"))
        translator.post("logout", reverse("wagtailadmin_logout"), {}, HTTP_ACCEPT_LANGUAGE=language)

        curator = Screens(lookups).as_user(users["curator"])
        curator.get("dashboard (curator)", reverse("wagtailadmin_home"))
        curator.get("edit exhibition (curator)", edit(tree.exhibition))
        curator.edit_and_post("edit exhibition: publish", tree.exhibition, "action-publish", empty_narratives())
        curator.get("snippet listing", reverse("wagtailsnippets_collections_app_objecttype:list"))
        curator.get("snippet edit: awaiting review", term_url)
        curator.get("snippet add", reverse("wagtailsnippets_collections_app_objecttype:add"))
        curator.get("snippet history", reverse("wagtailsnippets_collections_app_objecttype:history", args=[term.pk]))
        task_state = term.__class__.objects.get(pk=term.pk).current_workflow_state.current_task_state
        curator.post(
            "snippet workflow: approve",
            reverse(
                "wagtailsnippets_collections_app_objecttype:workflow_action", args=[term.pk, "approve", task_state.pk]
            ),
            {},
        )
        curator.get("reports: page types", reverse("wagtailadmin_reports:page_types_usage"))
    return lookups


def walk_core_screens(tree, language) -> Lookups:
    """The screens an editor and a translator use every day, in `language` (a shorter walk than the above)."""
    users = people(tree, language)
    lookups = Lookups()
    with record_lookups(lookups):
        for role in ("editor", "translator"):
            screens = Screens(lookups).as_user(users[role])
            screens.get(f"dashboard ({role})", reverse("wagtailadmin_home"))
            screens.get(f"explorer: museum ({role})", reverse("wagtailadmin_explore", args=[tree.museum.pk]))
            screens.get(f"edit exhibition ({role})", edit(tree.exhibition))
            screens.edit_and_post(f"edit relic: save draft ({role})", tree.relic)
            screens.get(f"image chooser ({role})", reverse("wagtailimages_chooser:choose"))
            screens.get(f"account ({role})", reverse("wagtailadmin_account"))
        editor = Screens(lookups).as_user(users["editor"])
        editor.get(
            "create relic", reverse("wagtailadmin_pages:add", args=["collections_app", "relicpage", tree.museum.pk])
        )
        editor.edit_and_post("edit relic: submit", tree.relic, action="action-submit")
        editor.get("images", reverse("wagtailimages:index"))
        translator = Screens(lookups).as_user(users["translator"])
        translator.get("snippet listing", reverse("wagtailsnippets_collections_app_objecttype:list"))
        translator.get("reports: site history", reverse("wagtailadmin_reports:site_history"))
    return lookups


# --- the override catalogues, read from their sources -------------------------------------------------------


def po_path(language, domain="django"):
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def read_catalogue(language, domain="django"):
    with po_path(language, domain).open("rb") as source:
        return read_po(source)


def source_keys(catalogue) -> set:
    """The keys a compiled catalogue would have for the translated entries of `catalogue` (fuzzy included)."""
    keys = set()
    for message in catalogue:
        if not message.id or not message.string or not any(message.string if message.pluralizable else [1]):
            continue
        singular = message.id[0] if message.pluralizable else message.id
        key = f"{message.context}\x04{singular}" if message.context else singular
        keys.add((key, 0) if message.pluralizable else key)
    return keys


def untranslated(found, language, catalogue=None) -> list:
    """The msgids of `found` that `language` lacks: at run time (the compiled catalogues) or in the sources.

    The second check makes a removed .po entry fail even while an old .mo still has it.
    """
    catalogue = catalogue if catalogue is not None else read_catalogue(language)
    sources = source_keys(catalogue) | admin_strings.translated_keys(language, exclude_app=admin_strings.APP)
    from_sources = [msgid for msgid in found if not all(key in sources for key in msgid.catalogue_keys())]
    return sorted(set(admin_strings.missing(found, language)) | set(from_sources))


def entries(domain="django"):
    """Every override entry of every language: (language, message)."""
    return [
        (language, message)
        for language in OVERRIDDEN
        if po_path(language, domain).exists()
        for message in read_catalogue(language, domain)
        if message.id
    ]


# --- (1) every Wagtail string the screens look up is translated -------------------------------------------

#: Strings of the brief's screens: the walk must have reached them (else it proves nothing).
MUST_SEE = [
    "Save draft",
    "Publish",
    "Submit to %(workflow_name)s",
    "Preview",
    "Page '%(page_title)s' has been updated.",
    "Page '%(page_title)s' has been submitted for moderation.",
    "The page could not be created due to validation errors.",
    "Awaiting your review",
    "Approve with comment",
    "Request changes",
    "Choose an image",
    "Add multiple images",
    "Reports",
    "Log out",
    "You have been successfully logged out.",
    "Toggle minimap",
    "Toggle status",
]


def test_lookups_on_every_screen_have_a_translation_in_every_language(tree):
    """All roles, all screens of the brief (rendered in Kazakh); every language must have every string."""
    found = walk_screens(tree, "kk").wagtail()
    if os.environ.get("ADMIN_STRINGS_POT"):
        admin_strings.write_pot(found, os.environ["ADMIN_STRINGS_POT"])
    assert set(MUST_SEE) <= {msgid.msgid for msgid in found}
    assert len(found) > 400
    for language in OVERRIDDEN:
        assert not (missing := untranslated(found, language)), (language, [msgid.msgid for msgid in missing])


@pytest.mark.parametrize("language", [language for language in OVERRIDDEN if language != "kk"])  # kk: above
def test_editor_and_translator_screens_are_translated_in_their_admin_language(tree, language):
    found = walk_core_screens(tree, language).wagtail()
    assert "Save draft" in {msgid.msgid for msgid in found}
    assert not (missing := untranslated(found, language)), [msgid.msgid for msgid in missing]


def test_removing_an_override_entry_fails_the_check():
    """The control: the same check reports "Toggle minimap" once its Kazakh entry is gone from the sources
    (a msgid only the override catalogue translates)."""
    toggle = admin_strings.Msgid("Toggle minimap")
    catalogue = read_catalogue("kk")
    assert untranslated([toggle], "kk", catalogue) == []
    catalogue.delete("Toggle minimap")
    assert untranslated([toggle], "kk", catalogue) == [toggle]


def test_the_recorder_keeps_only_wagtails_msgids():
    from django.utils.translation import gettext, ngettext, pgettext

    with record_lookups() as lookups, translation.override("kk"):
        gettext("Save draft")
        ngettext("Used %(usage_count)s time", "Used %(usage_count)s times", 3)
        pgettext("no such context", "Save draft")
        gettext("Not a Wagtail string at all")
    found = lookups.wagtail()
    assert {msgid.msgid for msgid in found} == {"Save draft", "Used %(usage_count)s time"}


# --- (2) what the staff member sees --------------------------------------------------------------------------


def sidebar_strings(html) -> set[str]:
    """Every text of the sidebar's props (menu labels, account menu), as Wagtail's script receives them."""
    props = BeautifulSoup(html, "html.parser").find("script", id="wagtail-sidebar-props")
    texts = set()

    def walk(value):
        if isinstance(value, str):
            texts.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(props.string))
    return texts


SEEN = {
    "kk": {"save": "Жобаны сақтау", "submit": "Moderation", "sidebar": {"Есептер", "Тіркелгі", "Шығу", "Анықтама"}},
    "ur": {"save": "مسودہ محفوظ کریں", "submit": "Moderation", "sidebar": {"رپورٹس", "اکاؤنٹ", "لاگ آؤٹ", "مدد"}},
}


@pytest.mark.parametrize("language", ["kk", "ur"])
def test_editors_save_button_and_sidebar_read_in_their_language(client, tree, language):
    tree.museum.refresh_from_db()
    client.force_login(make_user(f"editor-{language}", tree.museum.editors_group, language=language))
    html = client.get(edit(tree.relic)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == language
    assert soup.select_one("footer button.action-save").get_text(" ", strip=True) == SEEN[language]["save"]
    assert SEEN[language]["sidebar"] <= sidebar_strings(html)
    # The English wording is gone from both.
    assert "Save draft" not in soup.select_one("footer").get_text()
    assert not {"Reports", "Account", "Log out", "Help"} & sidebar_strings(html)


def test_an_english_editor_still_sees_wagtails_english(client, tree):
    """The control: the overrides change nothing for a language Wagtail already speaks."""
    tree.museum.refresh_from_db()
    client.force_login(make_user("editor-en", tree.museum.editors_group, language="en"))
    html = client.get(edit(tree.relic)).content.decode()
    assert BeautifulSoup(html, "html.parser").select_one("footer button.action-save").get_text(strip=True) == (
        "Save draft"
    )


@pytest.mark.parametrize(
    ("language", "label"), [("kk", "Бүйірлік мәзірді ашу/жабу"), ("ur", "سائیڈ بار کھولیں/بند کریں")]
)
def test_the_javascript_catalogue_with_the_overrides_speaks_the_users_language(tree, language, label):
    """Wagtail's scripts ask `gettext("Toggle sidebar")`; the catalogue view of admin_strings answers in Kazakh/Urdu."""
    request = RequestFactory().get("/admin/jsi18n/")
    request.user = make_user(f"editor-{language}", language=language)
    body = admin_strings.localized_js_catalog(request).content.decode()
    assert json.dumps(label)[1:-1] in body or label in body


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize(("language", "direction"), [("kk", "ltr"), ("ur", "rtl")])
def test_in_chromium_the_editor_reads_save_draft_and_the_menu_in_their_language(
    browser, transactional_db, tree, live_server, language, direction
):
    tree.museum.refresh_from_db()
    make_user(f"editor-{language}", tree.museum.editors_group, language=language)
    page = browser.new_page()
    admin_login(page, live_server.url, f"editor-{language}")
    page.goto(live_server.url + edit(tree.relic))
    assert page.evaluate("document.documentElement.dir") == direction
    assert page.locator("footer button.action-save").first.inner_text().strip() == SEEN[language]["save"]
    sidebar = page.locator("aside.sidebar, [data-wagtail-sidebar], #wagtail-sidebar").first.inner_text()
    assert SEEN[language]["sidebar"] & set(sidebar.split("\n")), sidebar
    page.close()


#: The route the report asks for in portal/urls.py (Wagtail's own catalogue view never reads staff_admin's
#: djangojs overrides): the site's URLs with `admin/jsi18n/` answered by `admin_strings.localized_js_catalog`.
urlpatterns = [
    path("admin/jsi18n/", admin_strings.localized_js_catalog, name="staff_admin_javascript_catalog"),
    *portal_urls.urlpatterns,
]


@pytest.mark.browser
@needs_chromium
@pytest.mark.urls(__name__)
def test_in_chromium_the_admins_scripts_speak_kazakh_through_the_catalogue_route(
    browser, transactional_db, tree, live_server
):
    """Strings drawn by Wagtail's scripts (the sidebar's search, "Collapse all") come from the djangojs overrides."""
    tree.museum.refresh_from_db()
    make_user("editor-kk", tree.museum.editors_group, language="kk")
    page = browser.new_page()
    admin_login(page, live_server.url, "editor-kk")
    page.goto(live_server.url + edit(tree.relic))
    page.get_by_role("button", name="Барлығын жию").first.wait_for(timeout=10_000)  # the minimap, drawn by script
    assert "Іздеу" in page.locator("aside").first.inner_text()  # the sidebar's search, drawn by script
    assert page.get_by_text("Collapse all").count() == 0
    page.close()


# --- (3) every entry is marked as machine translation awaiting review ---------------------------------------

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]*\}")


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_override_is_fuzzy_commented_and_keeps_its_placeholders(domain):
    checked = 0
    for language, message in entries(domain):
        where = f"{language} {domain} {message.id!r}"
        assert message.fuzzy, where
        assert REVIEW_COMMENT in message.auto_comments, where
        forms = list(message.string) if message.pluralizable else [message.string]
        assert all(forms), where
        sources = [message.id[0], *[message.id[1]] * (len(forms) - 1)] if message.pluralizable else [message.id]
        for source, form in zip(sources, forms, strict=True):
            assert set(PLACEHOLDER.findall(source)) <= set(PLACEHOLDER.findall(form)), where
            assert set(PLACEHOLDER.findall(form)) <= set(PLACEHOLDER.findall(" ".join(sources))), where
        if re.search(r"%\([a-z_]+\)[sd]", " ".join(sources)):
            assert "python-format" in message.flags, where
        checked += 1
    assert checked > (400 * len(OVERRIDDEN) if domain == "django" else 80 * len(OVERRIDDEN))


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed (make messages uses Babel then)")
@pytest.mark.parametrize("language", OVERRIDDEN)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_msgfmt_checks_the_formats(language, domain, tmp_path):
    result = subprocess.run(
        [
            "msgfmt",
            "--use-fuzzy",
            "--check-format",
            "--check-header",
            "-o",
            str(tmp_path / "out.mo"),
            po_path(language, domain),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", OVERRIDDEN)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_headers_name_the_language_its_plurals_and_utf8(language, domain):
    catalogue = read_catalogue(language, domain)
    headers = dict(catalogue.mime_headers)
    assert headers["Language"] == language
    assert headers["Content-Type"].lower() == "text/plain; charset=utf-8"
    # Babel's CLDR plural table: one and other for all six (Django's own ky and uz use a single form).
    assert headers["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("language", OVERRIDDEN)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_compiled_catalogue_is_the_source(language, domain):
    """`make messages` was run: the .mo holds exactly the .po's entries (a stale .mo would hide an edit)."""
    import gettext

    with po_path(language, domain).with_suffix(".mo").open("rb") as compiled:
        keys = {key for key in gettext.GNUTranslations(compiled)._catalog if key}
    expected = set()
    for key in source_keys(read_catalogue(language, domain)):
        expected.add(key)
        if isinstance(key, tuple):
            expected.add((key[0], 1))
    assert keys == expected


def test_every_override_is_a_wagtail_msgid_and_hindi_only_fills_wagtails_gaps():
    wagtail = {domain: admin_strings.wagtail_msgids(domain) for domain in ("django", "djangojs")}
    for domain in wagtail:
        for language, message in entries(domain):
            singular = message.id[0] if message.pluralizable else message.id
            assert (message.context, singular) in wagtail[domain], (language, singular)
    for domain in wagtail:
        assert not source_keys(read_catalogue("hi", domain)) & admin_strings.wagtail_translated_keys("hi", domain)


# --- and each language in its own script, with its own words -------------------------------------------------

SCRIPTS = {
    "kk": re.compile(r"[\u0400-\u04FF]"),
    "ky": re.compile(r"[\u0400-\u04FF]"),
    "tg": re.compile(r"[\u0400-\u04FF]"),
    "uz": re.compile(r"[A-Za-zʻʼ]"),
    "ur": re.compile(r"[\u0600-\u06FF]"),
    "hi": re.compile(r"[\u0900-\u097F]"),
}
#: One word for one thing in each language (the stem every form contains).
GLOSSARY = {
    "page": {"kk": "бет", "ky": "бара", "tg": "саҳифа", "uz": "sahifa", "ur": "صفح", "hi": "पृष्ठ"},
    "image": {"kk": "сурет", "ky": "сүрөт", "tg": "тасвир", "uz": "tasvir", "ur": "تص", "hi": "चित्र"},
    "draft": {"kk": "жоба", "ky": "долбоор", "tg": "сиёҳнавис", "uz": "qoralama", "ur": "مسود", "hi": "ड्राफ़्ट"},
    "workflow": {"kk": "процес", "ky": "процесс", "tg": "раванд", "uz": "jarayon", "ur": "ورک فلو", "hi": "वर्कफ़्लो"},
}


def visible_text(text):
    """The words a reader sees: without placeholders, tags and URLs."""
    return re.sub(r"<[^>]+>|https?://\S+|" + PLACEHOLDER.pattern, " ", text)


@pytest.mark.parametrize("language", OVERRIDDEN)
def test_each_language_is_written_in_its_script_with_its_punctuation_and_words(language):
    from portal.languages import BY_CODE

    assert BY_CODE["uz"].script == "Latn" and BY_CODE["ur"].script == "Arab"
    for domain in ("django", "djangojs"):
        for message in read_catalogue(language, domain):
            if not message.id:
                continue
            source = message.id[0] if message.pluralizable else message.id
            forms = list(message.string) if message.pluralizable else [message.string]
            for form in forms:
                text = visible_text(form)
                if re.search(r"[^\W\d_]", visible_text(source)):
                    assert SCRIPTS[language].search(text), (language, source, form)
                if language == "uz":
                    assert not re.search(r"[\u0400-\u04FF]", form), (source, form)
                    assert "o'" not in form.lower() and "g'" not in form.lower(), (source, form)  # oʻ gʻ (U+02BB)
                if language == "ur":
                    assert not re.search(r"(?<![.])[.?,]$", form.strip()), (source, form)  # ۔ ؟ ، in Urdu
                for english, words in GLOSSARY.items():
                    if re.search(rf"\b{english}s?\b", visible_text(source), re.IGNORECASE):
                        assert words[language] in form.lower(), (language, english, source, form)
