"""The language picker of the page and snippet editors.

wagtail-modeltranslation's own picker (switched off in settings) shows language
codes, forgets the choice on every load and groups whole sections by the first
language tag found in their text. This one:

- names each language in its own script (English, 简体中文, Русский, اردو …), with a
  pressed state (`aria-pressed`);
- opens on what the user chose last, kept on the server in Wagtail's per-user
  `dismissibles` (so it follows the user from one computer to another); before any
  choice a translator sees their own languages with the source language beside them,
  anyone else the source and their admin language;
- hides a language's fields by the tag in each field's own label, never a whole
  section, and keeps the side outline (minimap) and repeated help texts to the
  fields shown.
"""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks

from collections_app.languages import normalise
from collections_app.permissions import translator_languages
from portal.languages import TABLE

#: The key of the choice in `UserProfile.dismissibles`.
STORAGE_KEY = "portal-languages"


def stored_choice(user) -> list[str] | None:
    profile = getattr(user, "wagtail_userprofile", None)
    value = profile.dismissibles.get(STORAGE_KEY) if profile else None
    if not isinstance(value, list):
        return None
    codes = [language.code for language in TABLE if language.code in value]
    return codes or None


def default_choice(user) -> list[str]:
    """Before the user has chosen: the source language, then the user's working languages."""
    source = settings.LANGUAGE_CODE
    own = translator_languages(user)
    if own:
        return [source, *(language.code for language in TABLE if language.code in own)]
    admin_language = normalise(get_language())
    return [source] if admin_language in (None, source) else [source, admin_language]


def picker_config(request) -> dict:
    """What the picker script needs, for `json_script`."""
    user = request.user
    own = translator_languages(user) or set()
    return {
        "languages": [
            {"code": language.code, "name": language.native_name, "dir": language.direction} for language in TABLE
        ],
        "source": settings.LANGUAGE_CODE,
        "own": sorted(own),
        "shown": stored_choice(user) or default_choice(user),
        "storageKey": STORAGE_KEY,
        "saveUrl": reverse("wagtailadmin_dismissibles"),
        "strings": {
            "heading": _("Languages shown"),
            "source": _("source"),
            "yours": _("yours"),
            "all": _("All languages"),
            "hint": _("Press a language to show or hide its fields. Your choice is remembered."),
        },
    }


@hooks.register("insert_editor_js")
def picker_script():
    return format_html(
        '<script src="{}" defer></script><link rel="stylesheet" href="{}">',
        static("staff_admin/js/picker.js"),
        static("staff_admin/css/picker.css"),
    )
