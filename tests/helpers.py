"""Helpers shared by the test modules: users, admin forms posted as a browser posts them, Chromium."""

from __future__ import annotations

import os
import shutil

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import translation

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


def make_user(username, *groups, language=None):
    """An admin user in `groups`; `language` sets their admin language (Account → Preferences)."""
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.org")
    user.groups.set(groups)
    if language:
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


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
