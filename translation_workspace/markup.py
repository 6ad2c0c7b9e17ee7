"""Wagtail rich text as tagged text: markup a translator can keep intact, never raw HTML.

A translator (in the workspace, a PO editor or a CAT tool) sees
``<p>A <b>bronze</b> <a1>jian</a1></p>`` instead of
``<p data-block-key="x7f2">A <b>bronze</b> <a linktype="page" id="3">jian</a></p>``:

- the structural and formatting tags Wagtail's editor writes (p, b, i, h2–h4,
  ul, ol, li, br) become bare tags, without attributes;
- every link becomes ``<a1>…</a1>``, ``<a2>…</a2>`` in the order of the source,
  any other element ``<x1>…</x1>`` (or ``<x1/>`` when it has no content, like
  an embedded image); their attributes stay in the source and are put back by
  `tagged_to_html`, so a translation cannot change where a link goes;
- text is plain Unicode (``&nbsp;`` is a no-break space) except ``<``, ``>``
  and ``&``, written ``&lt;``, ``&gt;`` and ``&amp;`` so tags stay unambiguous.

The round trip keeps everything a reader sees; it drops what only the editor
uses: attributes of the bare tags (Draftail's ``data-block-key``, which Wagtail
regenerates), whitespace between block elements and HTML comments.

Pure functions, no models: the translation files (`translation_workspace.formats`)
and the QA checks (`tags`) use this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser

from django.utils.translation import gettext_lazy as _

#: Elements that become bare tags (no attributes, no number).
BARE_TAGS = frozenset({"p", "b", "i", "h2", "h3", "h4", "ul", "ol", "li"})
#: The bare tag without content.
BREAK = "br"
#: Elements HTML never closes; written ``<name/>``, as Wagtail's editor writes them.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
#: Elements that start a block: rich text starts with one, whitespace between them is not text.
BLOCK_ELEMENTS = frozenset(
    {
        *("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "div", "pre"),
        *("embed", "hr", "figure", "table", "thead", "tbody", "tr", "td", "th"),
    }
)

_NUMBERED = re.compile(r"(a|x)([1-9][0-9]*)\Z")
_TAG_LIKE = re.compile(r"<[A-Za-z/!?]")
_STARTS_WITH_BLOCK = re.compile(rf"\s*<({'|'.join(sorted(BLOCK_ELEMENTS))})[\s/>]", re.IGNORECASE)
# A tag of tagged text: `<b>`, `</b>`, `<br/>`, `<x1/>`; anything else between `<` and `>` is refused.
_TAGGED_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)\s*(/?)\s*>")
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][^<>]*)>")
_TAG_START = re.compile(r"<[A-Za-z/]")


class MarkupError(ValueError):
    """Tagged text that cannot become HTML; `message` says why, for the translator."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Token:
    """A piece of tagged text: `kind` is "text", "start", "end" or "void"; `value` the text or the tag's name."""

    kind: str
    value: str


# --- HTML → tagged -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Event:
    kind: str  # "start", "end", "void", "text"
    name: str = ""  # the element's HTML name
    attrs: tuple[tuple[str, str | None], ...] = ()
    text: str = ""


class _Reader(HTMLParser):
    """HTML as a flat, balanced list of events: stray end tags ignored, unclosed elements closed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[_Event] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            self.events.append(_Event("void", tag, tuple(attrs)))
        else:
            self.events.append(_Event("start", tag, tuple(attrs)))
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag not in self.open:
            return
        while self.open:
            name = self.open.pop()
            self.events.append(_Event("end", name))
            if name == tag:
                break

    def handle_data(self, data):
        self.events.append(_Event("text", text=data))

    def finish(self) -> list[_Event]:
        self.close()
        while self.open:
            self.events.append(_Event("end", self.open.pop()))
        return _without_block_whitespace(self.events)


def _without_block_whitespace(events: list[_Event]) -> list[_Event]:
    """Drop whitespace-only text that sits between block boundaries (or the start or end of the text)."""

    def is_block(index: int) -> bool:
        if index < 0 or index >= len(events):
            return True
        event = events[index]
        return event.kind != "text" and event.name in BLOCK_ELEMENTS

    return [
        event
        for index, event in enumerate(events)
        if not (event.kind == "text" and not event.text.strip() and is_block(index - 1) and is_block(index + 1))
    ]


def _read(source_html: str) -> list[_Event]:
    reader = _Reader()
    reader.feed(source_html)
    return reader.finish()


def _tagged_name(name: str, counters: dict[str, int]) -> str:
    if name in BARE_TAGS or name == BREAK:
        return name
    prefix = "a" if name == "a" else "x"
    counters[prefix] = counters.get(prefix, 0) + 1
    return f"{prefix}{counters[prefix]}"


def _numbered_elements(events: list[_Event]) -> dict[str, _Event]:
    """The source's links and other elements by tagged name: {"a1": <a href…>, "x1": <embed…>}."""
    counters: dict[str, int] = {}
    numbered = {}
    for event in events:
        if event.kind in ("start", "void"):
            tagged = _tagged_name(event.name, counters)
            if tagged != event.name:
                numbered[tagged] = event
    return numbered


def html_to_tagged(html: str, *, numbered_like: str | None = None) -> str:
    """Wagtail rich text as tagged text; plain text (no tags at all) is returned unchanged.

    Links are numbered in their order of appearance. When a translation is
    converted, pass the English HTML as `numbered_like`: a link of the
    translation then takes the number of the source link with the same
    attributes (or, failing that, the next unused one), so that a translation
    which moved its links around keeps each link's address on import.
    """
    if not _TAG_LIKE.search(html):
        return html
    events = _read(html)
    names = _names_against(events, _read(numbered_like)) if numbered_like is not None else None
    counters: dict[str, int] = {}
    parts = []
    open_names: list[str] = []
    for index, event in enumerate(events):
        if event.kind == "text":
            parts.append(escape(event.text, quote=False))
        elif event.kind == "end":
            parts.append(f"</{open_names.pop()}>")
        else:
            name = names[index] if names is not None else _tagged_name(event.name, counters)
            if event.kind == "void":
                parts.append(f"<{name}/>")
            else:
                open_names.append(name)
                parts.append(f"<{name}>")
    return "".join(parts)


def _names_against(events: list[_Event], source_events: list[_Event]) -> dict[int, str]:
    """Tagged names for the start and void events of a translation, numbered after the source's."""
    source = _numbered_elements(source_events)
    used: set[str] = set()
    names: dict[int, str] = {}
    fresh = {"a": sum(1 for n in source if n[0] == "a"), "x": sum(1 for n in source if n[0] == "x")}
    pending = []
    for index, event in enumerate(events):
        if event.kind not in ("start", "void"):
            continue
        if event.name in BARE_TAGS or event.name == BREAK:
            names[index] = event.name
            continue
        prefix = "a" if event.name == "a" else "x"
        same = [
            n
            for n, e in source.items()
            if n[0] == prefix and n not in used and e.name == event.name and e.attrs == event.attrs
        ]
        if same:
            names[index] = same[0]
            used.add(same[0])
        else:
            pending.append((index, prefix, event.name))
    for index, prefix, name in pending:
        unused = [n for n, e in source.items() if n[0] == prefix and n not in used and e.name == name]
        if unused:
            names[index] = unused[0]
            used.add(unused[0])
        else:
            fresh[prefix] += 1
            names[index] = f"{prefix}{fresh[prefix]}"
    return names


# --- tagged → HTML -------------------------------------------------------------------------


def _is_known(name: str) -> bool:
    return name in BARE_TAGS or name == BREAK or bool(_NUMBERED.match(name))


def tokenize(tagged: str) -> list[Token]:
    """Tagged text as tokens, with entities resolved in the text; raises `MarkupError` if tags do not balance.

    A ``<`` that does not start a tag (``a < b``) is text, as a translator means it.
    """
    tokens: list[Token] = []
    open_names: list[str] = []
    position = 0
    for match in _TAG_START.finditer(tagged):
        if match.start() < position:
            continue
        end = tagged.find(">", match.start())
        following = tagged.find("<", match.start() + 1)
        if end == -1 or (following != -1 and following < end):
            snippet = tagged[match.start() : match.start() + 12]
            # Translators: a tag in a translation such as "<b" lacks its closing ">".
            raise MarkupError(_("The tag starting “%(snippet)s” is not closed with “>”.") % {"snippet": snippet})
        raw = tagged[match.start() : end + 1]
        tag = _TAGGED_TAG.fullmatch(raw)
        if tag is None:
            # Translators: tags in a translation are bare names such as <b> or <a1>, with no attributes.
            raise MarkupError(_("The tag %(tag)s is not allowed: tags have no attributes.") % {"tag": raw})
        closing, name, empty = tag.group(1), tag.group(2).lower(), tag.group(3)
        if not _is_known(name):
            raise MarkupError(
                # Translators: the list names the tags of rich text; a1… and x1… are numbered tags.
                _("The tag %(tag)s is unknown: the text may use p, b, i, h2, h3, h4, ul, ol, li, br, a1… and x1….")
                % {"tag": raw}
            )
        if text := tagged[position : match.start()]:
            tokens.append(Token("text", unescape(text)))
        position = end + 1
        if closing:
            if name == BREAK or empty:
                # Translators: tag is a closing tag written wrongly, such as </br>.
                raise MarkupError(_("The tag %(tag)s is not allowed.") % {"tag": raw})
            if name not in open_names:
                raise MarkupError(
                    # Translators: a closing tag such as </b> has no opening <b> before it.
                    _("The tag </%(name)s> closes nothing: there is no <%(name)s> before it.") % {"name": name}
                )
            if open_names[-1] != name:
                raise MarkupError(
                    # Translators: tags must nest: in "<b><i>x</b></i>", </i> must come before </b>.
                    _("The tag </%(name)s> comes before </%(open)s>: close <%(open)s> first, tags must nest.")
                    % {"name": name, "open": open_names[-1]}
                )
            open_names.pop()
            tokens.append(Token("end", name))
        elif name == BREAK or empty:
            if empty and name[0] != "x" and name != BREAK:
                raise MarkupError(
                    # Translators: "<b/>" is an empty tag; only <br/> and <x1/>… may be empty.
                    _("The tag %(tag)s must enclose text, as <%(name)s>…</%(name)s>.") % {"tag": raw, "name": name}
                )
            tokens.append(Token("void", name))
        else:
            open_names.append(name)
            tokens.append(Token("start", name))
    if text := tagged[position:]:
        tokens.append(Token("text", unescape(text)))
    if open_names:
        # Translators: a tag such as <b> is opened but its </b> is missing.
        raise MarkupError(_("The tag <%(name)s> is not closed: add </%(name)s>.") % {"name": open_names[-1]})
    return tokens


def untokenize(tokens: list[Token]) -> str:
    """Tokens back as tagged text (the inverse of `tokenize`)."""
    parts = []
    for token in tokens:
        if token.kind == "text":
            parts.append(escape(token.value, quote=False))
        elif token.kind == "start":
            parts.append(f"<{token.value}>")
        elif token.kind == "end":
            parts.append(f"</{token.value}>")
        else:
            parts.append(f"<{token.value}/>")
    return "".join(parts)


def _attributes(attrs: tuple[tuple[str, str | None], ...]) -> str:
    return "".join(f" {key}" if value is None else f' {key}="{escape(value)}"' for key, value in attrs)


def tagged_to_html(tagged: str, source_html: str) -> str:
    """HTML for tagged text, links and other numbered elements taking their attributes from `source_html`.

    Raises `MarkupError` when tags do not balance, are unknown, or a numbered
    tag (``<a3>``) has no counterpart in the source.
    """
    source = _numbered_elements(_read(source_html))
    parts = []
    for token in tokenize(tagged):
        if token.kind == "text":
            parts.append(escape(token.value, quote=False))
            continue
        name, attrs = token.value, ""
        if _NUMBERED.match(name):
            element = source.get(name)
            if element is None:
                # Translators: <a3> is the third link; the English text has fewer links.
                raise MarkupError(_("The tag <%(name)s> has no counterpart in the English text.") % {"name": name})
            if (element.kind == "void") != (token.kind == "void"):
                if element.kind == "void":
                    raise MarkupError(
                        # Translators: name is a numbered tag such as x1 that stands for an empty element (an image).
                        _("The tag <%(name)s> must be written <%(name)s/>, as in the English text.") % {"name": name}
                    )
                # Translators: name is a numbered tag such as x1, which stands for an element with content.
                raise MarkupError(_("The tag <%(name)s/> must enclose text, as in the English text.") % {"name": name})
            name, attrs = element.name, _attributes(element.attrs)
        if token.kind == "start":
            parts.append(f"<{name}{attrs}>")
        elif token.kind == "end":
            parts.append(f"</{name}>")
        else:
            parts.append(f"<{name}{attrs}/>")
    return "".join(parts)


# --- For QA --------------------------------------------------------------------------------


def tags(tagged: str) -> list[str]:
    """The names of the opening and empty tags of tagged text, in order (closing tags left out).

    Lenient: unknown or malformed tags are listed too, so that a QA check can
    compare a translation's tags with the source's and say what differs.
    """
    return [match.group(2).split()[0].rstrip("/").lower() for match in _ANY_TAG.finditer(tagged) if not match.group(1)]


def is_rich(html: str) -> bool:
    """Whether a field's value is rich text (it starts with a block element such as ``<p>``)."""
    return bool(_STARTS_WITH_BLOCK.match(html))
