"""Template tags for the multilingual frame: alternates, switcher, fallback marks, menu."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html, format_html_join
from wagtail.models import Site

from collections_app.languages import is_rtl, shown_language

register = template.Library()


def _localized_urls(context, page):
    """Per-request memo: the alternates and the switcher need the same URLs."""
    cache = context.render_context.setdefault("portal_localized_urls", {})
    if page.pk not in cache:
        cache[page.pk] = page.specific.localized_urls(context.get("request"))
    return cache[page.pk]


@register.simple_tag(takes_context=True)
def page_alternates(context, page):
    """`<link rel=canonical>` plus one `hreflang` alternate per language and `x-default`."""
    urls = _localized_urls(context, page)
    current = translation.get_language()
    links = []
    if current in urls:
        links.append(format_html('<link rel="canonical" href="{}">', urls[current]))
    links.extend(format_html('<link rel="alternate" hreflang="{}" href="{}">', lang, url) for lang, url in urls.items())
    if settings.LANGUAGE_CODE in urls:
        links.append(format_html('<link rel="alternate" hreflang="x-default" href="{}">', urls[settings.LANGUAGE_CODE]))
    return format_html_join("\n  ", "{}", ((link,) for link in links))


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page):
    urls = _localized_urls(context, page)
    current = translation.get_language()
    options = []
    for code, _name in settings.LANGUAGES:
        if code not in urls:
            continue
        info = translation.get_language_info(code)
        options.append(
            {
                "code": code,
                "url": urls[code],
                "name_local": info["name_local"],
                "dir": "rtl" if is_rtl(code) else "ltr",
                "current": code == current,
            }
        )
    return {"options": options}


@register.simple_tag
def lang_attrs(instance, field_name):
    """` lang="ru" data-fallback-from="ru"` when the field is borrowed from another language."""
    current = translation.get_language()
    shown = shown_language(instance, field_name, current)
    if not shown or shown == current:
        return ""
    direction = "rtl" if is_rtl(shown) else "ltr"
    return format_html(' lang="{}" dir="{}" data-fallback-from="{}"', shown, direction, shown)


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return site.root_page.get_children().live().in_menu()


@register.filter
def language_name(code):
    """The language's name in the visitor's language."""
    try:
        return translation.gettext(translation.get_language_info(code)["name"])
    except KeyError:
        return code
