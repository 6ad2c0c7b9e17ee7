"""Helpers shared by the test modules: users, admin forms posted as a browser posts them, Chromium."""

from __future__ import annotations

import os
import shutil

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from collections_app.tree import ensure_root_translations
from tests import factories

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
needs_chromium = pytest.mark.skipif(
    not shutil.which(CHROMIUM), reason="Debian's chromium is not installed (.ci/run installs it)"
)
PASSWORD = "x"  # noqa: S105 - test accounts only
#: The languages written right to left: the tests' own expectation, not read from the code.
RTL = {"ur", "fa"}


def ensure_roots():
    """Wagtail's migrations create the page and collection roots; a transactional
    test (live server) flushes them, so recreate them when they are missing."""
    Locale.objects.get_or_create(language_code="en")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", title_en="Root", slug_en="root", live=True))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def make_home():
    ensure_roots()
    root = ensure_root_translations()
    for page in root.get_children():
        page.delete()
    home = factories.HomePageFactory(parent=root)
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


def make_user(username, *groups, language=None):
    """An admin user in `groups`; `language` sets their admin language (Account → Preferences)."""
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.org")
    user.groups.set(groups)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


def relic_form(tree, **overrides):
    """The relic editor's POST data, as the test client sends it (see `browser_form_data` for a browser's)."""
    data = {
        "title_en": "Bronze mirror",
        "slug_en": "bronze-mirror",
        "accession_number": "NEW-1",
        "object_type": tree.relic.object_type.pk,
        "earliest_year": -100,
        "latest_year": 100,
        "rights_uri": "https://creativecommons.org/publicdomain/mark/1.0/",
        "description_en": rich_text("<p>A mirror.</p>"),
        "gallery_images": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def url_in(page, lang):
    """The page's public path in `lang`."""
    with translation.override(lang):
        return page.url


def _disabled(element) -> bool:
    if element.has_attr("disabled"):
        return True
    return any(fieldset.has_attr("disabled") for fieldset in element.find_parents("fieldset"))


def browser_form_data(html: str, form_selector: str = "form[data-edit-form]") -> dict[str, list[str]]:
    """The fields a browser submits for the form in `html`, before any script runs.

    As the HTML standard says: disabled controls (and controls in a disabled
    fieldset) are left out, unchecked checkboxes and radios too, `<template>`
    contents are not part of the form, and a select sends its selected options.
    """
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one(form_selector)
    assert form is not None, f"no {form_selector} in the page"
    data: dict[str, list[str]] = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or _disabled(element) or element.find_parent("template"):
            continue
        if element.name == "input":
            kind = (element.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio") and not element.has_attr("checked"):
                continue
            value = element.get("value", "on" if kind in ("checkbox", "radio") else "")
            data.setdefault(name, []).append(value)
        elif element.name == "textarea":
            data.setdefault(name, []).append(element.get_text())
        else:
            options = element.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not element.has_attr("multiple"):
                chosen = options[:1]
            for option in chosen:
                data.setdefault(name, []).append(option.get("value", option.get_text()))
    return data


def disabled_field_names(html: str, form_selector: str = "form[data-edit-form]") -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one(form_selector)
    return {
        element["name"]
        for element in form.find_all(["input", "select", "textarea"])
        if element.get("name") and _disabled(element) and not element.find_parent("template")
    }


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session's browser tests."""
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the tests' own
    # database work happens between browser calls, never inside them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_api.sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def admin_login(page, base_url, username):
    """Log in through the admin's own login form, as a person would."""
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def confirm_workflow_dialog(page, content_page):
    """Wait for Wagtail's workflow action dialog, check that `content_page` is still in moderation
    (the click that opened the dialog did nothing by itself), then press the dialog's button."""
    dialog = page.locator("[data-w-dialog-target='dialog']:visible, .modal:visible").first
    dialog.wait_for()
    assert type(content_page).objects.get(pk=content_page.pk).current_workflow_state is not None
    with page.expect_navigation():
        dialog.locator("button[type='submit']").click()


def revise(page, user=None, **values):
    """A new revision of `page`'s working copy (the latest revision, else the page) with `values` set."""
    page = page.get_latest_revision_as_object() if page.revisions.exists() else page.specific
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision(user=user)
    return page
