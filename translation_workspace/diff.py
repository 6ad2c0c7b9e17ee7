"""What changed in the English text since a translation was made: a word-level diff."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> SafeString:
    """HTML of `new` with the words removed since `old` in <del> and those added in <ins>."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("span", "".join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            parts.append(("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(("ins", "".join(b[j1:j2])))
    html = "".join(escape(text) if tag == "span" else f"<{tag}>{escape(text)}</{tag}>" for tag, text in parts)
    return mark_safe(html)  # noqa: S308 (every text part is escaped above)
