"""Type, direction and avatars in the admin: every language readable, and no request leaves the site.

- **Fonts.** The public site's own Noto fonts (`build/static/fonts/fonts.css`, built
  by scripts/build_fonts.py) are loaded in the admin too, with a font stack per
  admin language (admin-fonts.css), so Chinese, Hindi, Urdu (Nastaliq) and
  Persian read the same on every staff computer, system fonts or not. The
  fonts' `unicode-range` means a page downloads only the subsets its text uses:
  an English page fetches no Han font.
- **Each language's fields in their own direction.** wagtail-modeltranslation
  names a language's field `<field>_<code>`, and Wagtail marks each field with
  `data-contentpath`; the rules below, generated from the one language table,
  set every such field in its language's direction and fonts, isolated from the
  admin around it. A translator working in Urdu thus sees the locked English
  source left to right, and a curator in English sees an Urdu caption right to
  left, in Nastaliq.
- **Right-to-left glitches** of wagtail-modeltranslation's widgets in an Urdu or
  Persian admin (admin-rtl.css).
- **Avatars without Gravatar.** Wagtail asks gravatar.com for every avatar: a
  request off the site (blocked in China) that also tells Gravatar who works
  here. A user's uploaded picture is used where there is one, otherwise a
  circle with their initials, drawn by the site.

staff_admin/wagtail_hooks.py imports this module (the hooks register on import).
"""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from modeltranslation.utils import build_localized_fieldname
from wagtail import hooks

from portal.languages import TABLE

#: The web fonts' own stylesheet: every @font-face of the site, split by unicode-range.
FONTS_STYLESHEET = "fonts/fonts.css"
STYLESHEETS = (FONTS_STYLESHEET, "staff_admin/css/admin-fonts.css", "staff_admin/css/admin-rtl.css")

AVATAR_URL_NAME = "staff_admin_initials_avatar"
AVATAR_TEMPLATE = "staff_admin/avatar/initials.svg"


# --- Fonts and directions --------------------------------------------------------------------


def language_fields_css() -> str:
    """One rule per language: its fields' inputs in its direction and its font stack.

    The font stacks (`--portal-font-<code>`) are in admin-fonts.css, beside the
    `:lang()` rules of the admin's own language.
    """
    rule = (
        '[data-contentpath$="{suffix}"] :is(input, textarea, [contenteditable="true"]) '
        "{{ direction: {direction}; unicode-bidi: isolate; font-family: var(--portal-font-{code}); }}"
    )
    rules = []
    for language in TABLE:
        # The column suffix as modeltranslation builds it: `title` + `zh-hans` → `title_zh_hans`.
        suffix = build_localized_fieldname("", language.code)
        rules.append(rule.format(suffix=suffix, direction=language.direction, code=language.code))
    return "\n".join(rules)


@hooks.register("insert_global_admin_css")
def admin_fonts_and_directions():
    links = format_html_join("\n", '<link rel="stylesheet" href="{}">', ((static(sheet),) for sheet in STYLESHEETS))
    # The rules are built from the language table alone, never from anything a user typed.
    rules = mark_safe(language_fields_css())  # noqa: S308
    return format_html('{}\n<style id="portal-language-fields">{}</style>', links, rules)


# --- Avatars ---------------------------------------------------------------------------------


def initials(user) -> str:
    """Up to two letters: of the first and last name, else of the first and last word of the username."""
    words = (user.get_full_name() or "").split() or [word for word in re.split(r"[\W_]+", user.get_username()) if word]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def avatar_hue(user) -> int:
    """A steady colour per user, so people are told apart at a glance."""
    return (user.pk * 47) % 360


@hooks.register("get_avatar_url")
def avatar_without_gravatar(user, size):
    """The user's uploaded picture, else their initials drawn by the site; never Gravatar.

    Wagtail asks this hook before anything else, for every avatar: the sidebar,
    comments, workflow history, the users list and the account page.
    """
    if user is None or getattr(user, "pk", None) is None:
        return None  # no one (a deleted user): Wagtail's own default picture, served by the site
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return profile.avatar.url
    return reverse(AVATAR_URL_NAME, args=[user.pk])


def initials_avatar(request, user_id):
    """A user's initials as an SVG image. Admin URLs need admin access, like the names they stand for."""
    user = get_object_or_404(get_user_model(), pk=user_id)
    svg = render_to_string(AVATAR_TEMPLATE, {"initials": initials(user), "hue": avatar_hue(user)})
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "private, max-age=3600"
    # An image, never a document: no script, no outside resource, even opened on its own.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@hooks.register("register_admin_urls")
def avatar_urls():
    return [path("avatars/<int:user_id>.svg", initials_avatar, name=AVATAR_URL_NAME)]
