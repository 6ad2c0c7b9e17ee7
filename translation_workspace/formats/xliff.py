"""XLIFF 1.2 files, for CAT tools (Trados, memoQ, OmegaT, Phrase, Weblate, translate-toolkit).

    <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
      <file original="sco-museum-portal" source-language="en" target-language="zh-Hans" datatype="x-wagtail">
        <header><count-group name="sco-museum-portal"><count count-type="total" unit="trans-unit">2</count>…
        <body>
          <trans-unit id="page:12:description" resname="page:12:description" datatype="html" xml:space="preserve">
            <source><g id="1" ctype="x-html-p">A <g id="2" ctype="bold">bronze</g> mirror</g></source>
            <target state="translated"><g id="1" ctype="x-html-p">一面<g id="2" ctype="bold">青铜</g>镜</g></target>
            <note from="portal">Description</note>
            <note from="portal">https://museums.example/zh-hans/…</note>

Rich text's inline tags become XLIFF inline codes, which CAT tools protect and
let translators move: `<g>` for elements with content (ctype bold, italic,
link, or `x-html-<tag>`), `<x ctype="lb"/>` for a line break. A tag keeps its
id between source and target; a link or other numbered element is known by
its id alone, so a target cannot point a link somewhere the source does not.

States: missing → no target; translated → "translated"; stale →
"needs-review-translation" with the source it was translated from in an
`<alt-trans>`; reviewed → "signed-off". Translated and reviewed units also
carry `approved="yes"`, which translate-toolkit (and so Weblate and Virtaal)
reads as "not fuzzy". Reading back follows the target's `state` first; a
target without one is stale when `approved="no"` and translated otherwise. A
unit exported as reviewed carries a fingerprint of its target (`extradata`,
XLIFF's slot for a tool's own data): a tool that edits the target but leaves
"signed-off" (translate-toolkit does) yields "translated", while a unit a
reviewer signed off in the tool comes back "reviewed".

The unit count lives in the header's `<count-group>` (XLIFF 1.2's own element,
so strict validators accept the file); reading checks it. Input is parsed with
defusedxml: no DTD, no entities.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, SubElement

from django.utils.translation import gettext_lazy as _

from portal.languages import SOURCE_LANGUAGE
from translation_workspace import markup
from translation_workspace.formats import (
    MISSING,
    PRODUCER,
    REVIEWED,
    STALE,
    TRANSLATED,
    FileFormatError,
    FileUnit,
    TranslationFile,
    bcp47,
    check_units,
    declared_count,
    decode,
    file_language,
    parse_xml,
    portal_language,
    review_mark,
    split_notes,
    xml_document,
    xml_text,
)

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NOTE_FROM = "portal"
REVIEW_MARK = "reviewed:"

TARGET_STATES = {TRANSLATED: "translated", STALE: "needs-review-translation", REVIEWED: "signed-off"}
_STALE_STATES = {
    "needs-translation",
    "needs-review-translation",
    "needs-review-adaptation",
    "needs-review-l10n",
    "needs-adaptation",
    "needs-l10n",
}
_UNTRANSLATED_STATES = {"new"}
_REVIEWED_STATES = {"signed-off", "final"}

_CTYPES = {"b": "bold", "i": "italic", "br": "lb"}
_BARE_BY_CTYPE = {"bold": "b", "italic": "i", "lb": "br"}
_ENCODING = re.compile(r"""\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# --- Writing -------------------------------------------------------------------------------


def _ctype(name: str) -> str:
    if name in _CTYPES:
        return _CTYPES[name]
    return "link" if name[0] == "a" and name[1:].isdigit() else f"x-html-{name}"


class _Ids:
    """Inline code ids of one unit: numbered in the source, reused for the same tags in the target."""

    def __init__(self):
        self.by_name: dict[str, list[str]] = {}
        self.next = 1

    def new(self, name: str) -> str:
        code = str(self.next)
        self.next += 1
        self.by_name.setdefault(name, []).append(code)
        return code

    def matching(self, name: str, seen: dict[str, int]) -> str:
        """The id of the source tag this target tag stands for: the same numbered tag, or the n-th of its name."""
        index = seen.get(name, 0)
        seen[name] = index + 1
        candidates = self.by_name.get(name, [])
        if name[0] in "ax" and name[1:].isdigit():
            index = 0
        if index < len(candidates):
            return candidates[index]
        code = str(self.next)
        self.next += 1
        return code


def _write(parent: Element, text: str, rich: bool, ids: _Ids | None = None) -> _Ids:
    """Fills `parent` with `text`: plain, or tagged text as inline codes. Returns the ids (new ones for a source)."""
    if not rich:
        parent.text = xml_text(text)
        return _Ids()
    source_ids = ids or _Ids()
    seen: dict[str, int] = {}
    stack = [parent]

    def add_text(value: str) -> None:
        current = stack[-1]
        value = xml_text(value)
        if len(current):
            current[-1].tail = (current[-1].tail or "") + value
        else:
            current.text = (current.text or "") + value

    for token in markup.tokenize(text):
        if token.kind == "text":
            add_text(token.value)
        elif token.kind == "end":
            stack.pop()
        else:
            code = source_ids.new(token.value) if ids is None else source_ids.matching(token.value, seen)
            element = SubElement(stack[-1], "g" if token.kind == "start" else "x", {"id": code})
            element.set("ctype", _ctype(token.value))
            if token.kind == "start":
                stack.append(element)
    return source_ids


def _indent(element: Element, level: int = 0) -> None:
    """Line breaks between structural elements only: whitespace inside <source> and <target> would be text."""
    children = list(element)
    if not children or element.tag in ("source", "target", "note", "count"):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        _indent(child, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level


def dump(f: TranslationFile) -> bytes:
    """The file as XLIFF 1.2, UTF-8."""
    root = Element("xliff", {"xmlns": NS, "version": "1.2"})
    file_element = SubElement(
        root,
        "file",
        {
            "original": PRODUCER,
            "source-language": bcp47(f.source_language),
            "target-language": bcp47(f.language),
            "datatype": "x-wagtail",
        },
    )
    header = SubElement(file_element, "header")
    count_group = SubElement(header, "count-group", {"name": PRODUCER})
    SubElement(count_group, "count", {"count-type": "total", "unit": "trans-unit"}).text = str(len(f.units))
    body = SubElement(file_element, "body")
    for unit in f.units:
        state = unit.state if unit.target else MISSING
        attributes = {"id": unit.id, "resname": unit.id, "datatype": "html" if unit.rich else "plaintext"}
        if state in (TRANSLATED, REVIEWED):
            attributes["approved"] = "yes"
        if state == REVIEWED:
            attributes["extradata"] = f"{REVIEW_MARK}{review_mark(unit.target)}"
        attributes[XML_SPACE] = "preserve"
        trans_unit = SubElement(body, "trans-unit", attributes)
        ids = _write(SubElement(trans_unit, "source"), unit.source, unit.rich)
        if state != MISSING:
            _write(SubElement(trans_unit, "target", {"state": TARGET_STATES[state]}), unit.target, unit.rich, ids)
        for note in (unit.label, unit.url):
            if note:
                SubElement(trans_unit, "note", {"from": NOTE_FROM}).text = xml_text(note)
        if state == STALE and unit.previous_source:
            alt = SubElement(trans_unit, "alt-trans", {"origin": PRODUCER})
            previous_ids = _write(SubElement(alt, "source"), unit.previous_source, unit.rich)
            _write(SubElement(alt, "target"), unit.target, unit.rich, previous_ids)
    _indent(root)
    return xml_document(root)


# --- Reading -------------------------------------------------------------------------------


def _parse(data: bytes):
    text = decode(data)
    declared = _ENCODING.match(text)
    if declared and declared.group(1).lower().replace("-", "").replace("_", "") != "utf8":
        raise FileFormatError(
            # Translators: encoding is a character encoding named in an XML file, such as "UTF-16".
            _("The file says it is in %(encoding)s: the portal reads UTF-8 only.") % {"encoding": declared.group(1)}
        )
    return parse_xml(
        data,
        _("The file declares a DTD or XML entities, which the portal refuses: export it again from your tool."),
        forbid_dtd=True,
    )


def _name_for(element: Element, unit_id: str, known: dict[str, tuple[str, bool]] | None, counters: dict[str, int]):
    """The tagged name of an inline code: from its ctype in a source, from its id in a target."""
    local = _local(element.tag)
    code = element.get("id")
    ctype = element.get("ctype", "")
    void = local == "x"
    if code is None:
        raise FileFormatError(
            # Translators: unit is a unit id; <g> and <x> are XLIFF inline codes.
            _("In unit %(unit)s an inline code (<g> or <x>) has no id.") % {"unit": unit_id}
        )
    if known is not None and code in known:
        name, source_void = known[code]
        if source_void != void:
            raise FileFormatError(
                # Translators: code is the id of an XLIFF inline code such as "3".
                _("In unit %(unit)s the inline code %(code)s is not of the same kind as in the source.")
                % {"unit": unit_id, "code": code}
            )
        return code, name
    if ctype in ("link", "x-html-a") and known is None:
        counters["a"] = counters.get("a", 0) + 1
        return code, f"a{counters['a']}"
    name = _BARE_BY_CTYPE.get(ctype) or ctype.removeprefix("x-html-")
    numbered = name[:1] == "x" and name[1:].isdigit()
    acceptable = (name == markup.BREAK) == void and (name in markup.BARE_TAGS or name == markup.BREAK)
    if acceptable or (numbered and known is None):
        return code, name
    if known is not None:
        raise FileFormatError(
            # Translators: unit is a unit id such as "page:12:description"; code is an inline code id such as "3".
            _("In unit %(unit)s the target has an inline code (id %(code)s) that the source does not have.")
            % {"unit": unit_id, "code": code}
        )
    raise FileFormatError(
        # Translators: unit is a unit id; code is an inline code id; ctype is the code's type as written in the file.
        _("In unit %(unit)s the inline code %(code)s has an unknown type (%(ctype)s).")
        % {"unit": unit_id, "code": code, "ctype": ctype or "-"}
    )


def _read(element: Element, rich: bool, unit_id: str, known: dict[str, tuple[str, bool]] | None = None):
    """Tagged (or plain) text of a <source> or <target>, and the source's inline codes by id."""
    if not rich:
        if any(_local(child.tag) != "mrk" for child in element.iter() if child is not element):
            raise FileFormatError(
                # Translators: unit is a unit id such as "page:12:title"; inline codes are XLIFF's <g> and <x> tags.
                _("Unit %(unit)s is plain text, but its text holds inline codes.") % {"unit": unit_id}
            )
        return "".join(element.itertext()), {}
    codes: dict[str, tuple[str, bool]] = {}
    counters: dict[str, int] = {}
    tokens: list[markup.Token] = []

    def walk(node: Element) -> None:
        if node.text:
            tokens.append(markup.Token("text", node.text))
        for child in node:
            local = _local(child.tag)
            if local == "mrk":
                walk(child)
            elif local in ("g", "x"):
                code, name = _name_for(child, unit_id, known, counters)
                if known is None:
                    if code in codes:
                        raise FileFormatError(
                            # Translators: unit is a unit id; code is an inline code id such as "3".
                            _("In unit %(unit)s two inline codes have the id %(code)s.")
                            % {"unit": unit_id, "code": code}
                        )
                    codes[code] = (name, local == "x")
                if local == "g":
                    tokens.append(markup.Token("start", name))
                    walk(child)
                    tokens.append(markup.Token("end", name))
                else:
                    tokens.append(markup.Token("void", name))
            else:
                raise FileFormatError(
                    # Translators: element is an XLIFF element name such as "bpt".
                    _("Unit %(unit)s holds an inline element the portal does not use: <%(element)s>.")
                    % {"unit": unit_id, "element": local}
                )
            if child.tail:
                tokens.append(markup.Token("text", child.tail))

    walk(element)
    return markup.untokenize(tokens), codes


def _state(trans_unit: Element, target: Element | None, text: str) -> str:
    state = target.get("state") if target is not None else None
    if not text or state in _UNTRANSLATED_STATES:
        return MISSING
    if state in _STALE_STATES or (state is None and trans_unit.get("approved") == "no"):
        return STALE
    if state in _REVIEWED_STATES:
        mark = trans_unit.get("extradata", "")
        edited = mark.startswith(REVIEW_MARK) and mark != f"{REVIEW_MARK}{review_mark(text)}"
        return TRANSLATED if edited else REVIEWED
    return TRANSLATED


def _unit(trans_unit: Element) -> FileUnit:
    unit_id = trans_unit.get("resname") or trans_unit.get("id") or ""
    source = trans_unit.find(_q("source"))
    if source is None:
        # Translators: unit is a unit id such as "page:12:title".
        raise FileFormatError(_("Unit %(unit)s has no source text.") % {"unit": unit_id or "?"})
    rich = trans_unit.get("datatype") == "html" or len(source) > 0
    source_text, codes = _read(source, rich, unit_id)
    target = trans_unit.find(_q("target"))
    target_text = _read(target, rich, unit_id, codes)[0] if target is not None else ""
    state = _state(trans_unit, target, target_text)
    previous = ""
    if state == STALE:
        for alt in trans_unit.findall(_q("alt-trans")):
            alt_source = alt.find(_q("source"))
            if alt.get("origin") == PRODUCER and alt_source is not None:
                previous = _read(alt_source, rich, unit_id)[0]
    notes = [note.text or "" for note in trans_unit.findall(_q("note")) if note.get("from") == NOTE_FROM]
    label, url = split_notes(notes)
    return FileUnit(
        id=unit_id,
        source=source_text,
        target=target_text if state != MISSING else "",
        state=state,
        label=label,
        url=url,
        previous_source=previous,
        rich=rich,
    )


def _count(file_element: Element) -> str | None:
    for group in file_element.iterfind(f"{_q('header')}/{_q('count-group')}"):
        if group.get("name") == PRODUCER:
            for count in group.iterfind(_q("count")):
                if count.get("unit") == "trans-unit":
                    return count.text or ""
    return None


def load(data: bytes) -> TranslationFile:
    """Reads an XLIFF 1.2 file exported by the portal (and translated anywhere); raises `FileFormatError`."""
    root = _parse(data)
    if root.tag != _q("xliff"):
        if _local(root.tag) == "xliff":
            raise FileFormatError(
                # Translators: version is an XLIFF version number such as "2.0".
                _("The file is XLIFF of another version (%(version)s): the portal reads XLIFF 1.2.")
                % {"version": root.get("version", "?")}
            )
        if _local(root.tag) == "tmx":
            raise FileFormatError(
                _("The file is a translation memory (TMX): import it under Translation memory, not as a translation.")
            )
        # Translators: root is the name of the first XML element of the uploaded file.
        raise FileFormatError(_("The file is XML but not XLIFF (its root is <%(root)s>).") % {"root": _local(root.tag)})
    files = root.findall(_q("file"))
    if len(files) != 1:
        raise FileFormatError(
            # Translators: count is a number of <file> elements in an XLIFF file.
            _("The file holds %(count)s <file> elements: the portal writes, and reads, exactly one.")
            % {"count": len(files)}
        )
    file_element = files[0]
    if portal_language(file_element.get("source-language")) != SOURCE_LANGUAGE:
        raise FileFormatError(
            # Translators: language is the language tag written in the file, such as "ru".
            _("The file's source language is %(language)s: the portal's source is English.")
            % {"language": file_element.get("source-language") or "-"}
        )
    language = file_language(file_element.get("target-language"), "target-language")
    declared = declared_count(_count(file_element), "count-group")
    units = [_unit(trans_unit) for trans_unit in file_element.iter(_q("trans-unit"))]
    check_units(units, declared)
    return TranslationFile(language=language, units=units)
