"""TMX 1.4b translation memories: the portal's memory out to CAT tools, a museum's memories in.

Writing is plain: one `<tu>` per English → target pair, text as plain text
(`datatype="plaintext"`). Reading is lenient, because the files come from any
tool (Trados writes UTF-16, memoQ lower-case language tags, old tools TMX 1.1's
`lang` attribute, multilingual memories many `<tuv>`s per `<tu>`): every
non-English variant of a `<tu>` is paired with its English one; inline codes
(`<bpt>`, `<ph>`…) are dropped, their text kept. Pairs in languages the portal
does not have, `<tu>`s without English and empty segments are skipped and
counted, so the uploader is told how many.

Input is parsed with defusedxml: a DOCTYPE is allowed (TMX files often name
tmx14.dtd), entities are not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, SubElement

from django.utils.translation import gettext_lazy as _

from portal.languages import SOURCE_LANGUAGE
from translation_workspace.formats import (
    PRODUCER,
    FileFormatError,
    bcp47,
    parse_xml,
    portal_language,
    xml_document,
    xml_text,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Inline codes whose content is native markup, not text.
_CODES = {"bpt", "ept", "it", "ph", "ut"}


@dataclass
class MemoryPair:
    source: str
    target: str
    source_language: str
    target_language: str
    note: str = ""


@dataclass
class MemoryImport:
    """What `load` read: the pairs, and how many it skipped (with the language tags it did not know)."""

    pairs: list[MemoryPair] = field(default_factory=list)
    skipped: int = 0
    unknown_languages: list[str] = field(default_factory=list)


def dump(pairs: list[MemoryPair]) -> bytes:
    """The pairs as TMX 1.4b, UTF-8."""
    root = Element("tmx", {"version": "1.4"})
    root.text = "\n  "
    header = SubElement(
        root,
        "header",
        {
            "creationtool": PRODUCER,
            "creationtoolversion": "1",
            "segtype": "block",
            "o-tmf": PRODUCER,
            "adminlang": "en",
            "srclang": bcp47(SOURCE_LANGUAGE),
            "datatype": "plaintext",
        },
    )
    header.tail = "\n  "
    body = SubElement(root, "body")
    body.tail = "\n"
    body.text = "\n    "
    for pair in pairs:
        tu = SubElement(body, "tu")
        tu.tail = "\n    "
        tu.text = "\n      "
        if pair.note:
            note = SubElement(tu, "note")
            note.text = xml_text(pair.note)
            note.tail = "\n      "
        for language, text in ((pair.source_language, pair.source), (pair.target_language, pair.target)):
            tuv = SubElement(tu, "tuv", {XML_LANG: bcp47(language)})
            tuv.tail = "\n      "
            SubElement(tuv, "seg").text = xml_text(text)
        tu[-1].tail = "\n    "
    if len(body):
        body[-1].tail = "\n  "
    return xml_document(root)


def _parse(data: bytes) -> Element:
    if not data or not data.strip():
        raise FileFormatError(_("The file is empty."))
    return parse_xml(
        data, _("The file declares XML entities, which the portal refuses: export the memory again from your tool.")
    )


def _text(element: Element) -> str:
    """A segment's text: the text of `<hi>` and `<mrk>` kept, native codes (`<bpt>`, `<ph>`…) dropped."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def load(data: bytes) -> MemoryImport:
    """Reads a TMX file from any tool; raises `FileFormatError` if it is not a TMX document."""
    root = _parse(data)
    if root.tag != "tmx":
        # Translators: root is the name of the first XML element of the uploaded file.
        raise FileFormatError(_("The file is XML but not a TMX memory (its root is <%(root)s>).") % {"root": root.tag})
    body = root.find("body")
    if body is None:
        raise FileFormatError(_("The TMX file has no <body>: it was cut short or damaged."))
    result = MemoryImport()
    unknown: set[str] = set()
    for tu in body.iter("tu"):
        notes = "\n".join(note.text.strip() for note in tu.findall("note") if note.text and note.text.strip())
        variants = []
        for tuv in tu.findall("tuv"):
            tag = tuv.get(XML_LANG) or tuv.get("lang") or ""
            seg = tuv.find("seg")
            variants.append((tag, portal_language(tag), _text(seg).strip() if seg is not None else ""))
        english = next((text for _tag, code, text in variants if code == SOURCE_LANGUAGE), None)
        for tag, code, text in variants:
            if code == SOURCE_LANGUAGE:
                continue
            if code is None:
                unknown.add(tag or "?")
                result.skipped += 1
            elif not english or not text:
                result.skipped += 1
            else:
                result.pairs.append(MemoryPair(english, text, SOURCE_LANGUAGE, code, notes))
    result.unknown_languages = sorted(unknown)
    return result
