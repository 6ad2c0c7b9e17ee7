import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.text import HAN_CHARACTER

register = template.Library()


@register.filter
def highlight(text, words):
    """`text`, escaped, with each of `words` (as typed, in either script) marked."""
    html = escape(str(text or ""))
    words = sorted({escape(w) for w in words or () if w}, key=len, reverse=True)
    if not words:
        return mark_safe(html)  # noqa: S308 (escaped above)
    # A word is marked to its end ("золот" marks "золотой"); Chinese has no word ends to stretch to.
    pattern = re.compile(
        "|".join(re.escape(w) if HAN_CHARACTER.search(w) else rf"{re.escape(w)}\w*" for w in words), re.IGNORECASE
    )
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", html))  # noqa: S308 (escaped above)


@register.filter
def kind_of(page) -> str:
    return page._meta.model_name
