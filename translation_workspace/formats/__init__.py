"""Translation files for CAT tools: one model of a file, written and read as PO or XLIFF 1.2 (and TMX for memories).

`TranslationFile` is what an export holds and an import reads back: one
`FileUnit` per translatable field, with its stable id, the English source, the
current target and its state. `po` and `xliff` turn it into bytes and back;
`tmx` does the same for translation memory pairs. Rich text travels as the
tagged text of `translation_workspace.markup`.

Every file carries its language and its number of units, and loading checks
both: a file cut short at a unit boundary, or in another language, is refused
whole with a `FileFormatError` whose message the uploader can act on. The
importer (translation_workspace/files.py) then checks every unit against the
site. Pure modules: no models, no database.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring
from django.utils.translation import gettext_lazy as _

from portal.languages import BY_CODE, SOURCE_LANGUAGE, TABLE

MISSING, TRANSLATED, STALE, REVIEWED = "missing", "translated", "stale", "reviewed"
STATES = (MISSING, TRANSLATED, STALE, REVIEWED)

#: Names the portal as the producer of a file (XLIFF `original`, TMX `o-tmf`, PO `X-Generator`).
PRODUCER = "sco-museum-portal"


@dataclass
class FileUnit:
    """One translatable field in one language. `source` and `target` are tagged text when `rich`."""

    #: Stable unit id, e.g. "page:12:description", "page:40:body:3f2a…:text", "objecttype:5:name".
    id: str
    #: The English source (never empty: there is nothing to translate otherwise).
    source: str
    #: The translation, "" when there is none.
    target: str = ""
    #: "missing" | "translated" | "stale" | "reviewed"; a unit without target is always "missing".
    state: str = MISSING
    #: The field's label, e.g. "Description".
    label: str = ""
    #: The page's public URL (or the admin URL of a snippet).
    url: str = ""
    #: For stale units: the source the translation was made from.
    previous_source: str = ""
    #: The source is rich text (tagged).
    rich: bool = False


@dataclass
class TranslationFile:
    #: Django language code: "kk", "zh-hans".
    language: str
    units: list[FileUnit] = field(default_factory=list)
    source_language: str = SOURCE_LANGUAGE


class FileFormatError(ValueError):
    """A file refused whole; str() is a clear message for the uploader (line number when known)."""

    def __init__(self, message, line: int | None = None):
        super().__init__(str(message))
        self.message = message
        self.line = line


# --- Languages -----------------------------------------------------------------------------

# ISO 639-2/3 codes some tools write instead of ISO 639-1.
_THREE_LETTER = {
    "eng": "en",
    "zho": "zh",
    "chi": "zh",
    "cmn": "zh",
    "rus": "ru",
    "hin": "hi",
    "urd": "ur",
    "fas": "fa",
    "per": "fa",
    "pes": "fa",
    "kaz": "kk",
    "kir": "ky",
    "tgk": "tg",
    "uzb": "uz",
    "uzn": "uz",
    "bel": "be",
}
_MODIFIER_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl"}
_TRADITIONAL_REGIONS = {"TW", "HK", "MO"}


def portal_language(tag: str | None) -> str | None:
    """The portal's language code for a language tag in any common form, or None if the portal lacks it.

    Accepts BCP 47 and ISO forms in any case ("zh-Hans", "ZH-HANS", "zh-CN",
    "ru-RU", "kk-KZ", "en-us"), gettext locales ("zh_Hans", "uz@latin") and
    the portal's own codes ("zh-hans"). A script the portal does not write a
    language in is refused: Traditional Chinese (zh-Hant, zh-TW) is not
    Simplified, Cyrillic Uzbek (uz-Cyrl) is not the portal's Latin Uzbek.
    """
    if not tag or not tag.strip():
        return None
    base, _sep, modifier = tag.strip().replace("_", "-").partition("@")
    subtags = [part for part in base.split("-") if part]
    if not subtags:
        return None
    primary = subtags[0].lower()
    primary = _THREE_LETTER.get(primary, primary)
    script = region = None
    for part in subtags[1:]:
        if len(part) == 4 and part.isalpha():
            script = part.title()
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            region = part.upper()
    script = script or _MODIFIER_SCRIPTS.get(modifier.lower())
    if primary == "zh" and script is None:
        script = "Hant" if region in _TRADITIONAL_REGIONS else "Hans"
    for language in TABLE:
        if language.bcp47.split("-")[0].lower() == primary and script in (None, language.script):
            return language.code
    return None


def bcp47(code: str) -> str:
    """The BCP 47 tag of a portal language ("zh-hans" → "zh-Hans")."""
    return BY_CODE[code].bcp47


def file_language(tag: str | None, where: str) -> str:
    """The portal language a file declares in `where` (e.g. "target-language"); refuses a missing or unknown one."""
    if not tag or not tag.strip():
        raise FileFormatError(
            # Translators: where names a header or attribute of the file, e.g. "Language" or "target-language".
            _("The file does not say which language it is in (%(where)s is missing).") % {"where": where}
        )
    code = portal_language(tag)
    if code is None:
        raise FileFormatError(
            # Translators: language is a language tag written in the file, such as "de" or "zh-TW".
            _("The file is in a language the portal does not have: %(language)s (%(where)s).")
            % {"language": tag, "where": where}
        )
    if code == SOURCE_LANGUAGE:
        raise FileFormatError(
            # Translators: where names a header or attribute; language is the tag written there, e.g. "en-US".
            _("The file's translations are in English (%(where)s: %(language)s): English is the source.")
            % {"language": tag, "where": where}
        )
    return code


# --- Shared checks -------------------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def decode(data: bytes) -> str:
    """The file's text; refuses an empty file and any byte sequence that is not UTF-8."""
    if not data or not data.strip():
        raise FileFormatError(_("The file is empty."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileFormatError(
            # Translators: line is a line number in the uploaded file.
            _("The file is not UTF-8 text (line %(line)s): save it as UTF-8 and upload it again.") % {"line": line},
            line=line,
        ) from error
    return text.removeprefix("\ufeff")


def xml_text(text: str) -> str:
    """Text without the control characters XML 1.0 cannot hold (a stray vertical tab pasted from a word processor)."""
    return _XML_INVALID.sub("", text)


def parse_xml(data: bytes | str, refused, *, forbid_dtd: bool = False) -> Element:
    """The root element of an uploaded XML file, parsed without entity expansion (defusedxml).

    `refused` is the message for a file that declares entities (or a DTD when `forbid_dtd`);
    a file that is not well-formed is refused with the line and column of the fault.
    """
    try:
        return defused_fromstring(data, forbid_dtd=forbid_dtd)
    except DefusedXmlException as error:
        raise FileFormatError(refused) from error
    except ParseError as error:
        line, column = error.position
        raise FileFormatError(
            # Translators: line and column locate an error in an uploaded XML file.
            _("The file is not well-formed XML (line %(line)s, column %(column)s): it was cut short or damaged.")
            % {"line": line, "column": column},
            line=line,
        ) from error


def xml_document(root: Element) -> bytes:
    """A tree as a UTF-8 XML document, carriage returns kept (a parser would read a bare one as a newline)."""
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + tostring(root, encoding="unicode").replace("\r", "&#13;").encode()
        + b"\n"
    )


def check_units(units: list[FileUnit], declared: int, lines: dict[int, int] | None = None) -> None:
    """Refuses duplicate unit ids and a unit count that differs from the one the file declares.

    `lines` maps a unit's index to its line in the file, for the message.
    """
    seen: set[str] = set()
    for index, unit in enumerate(units):
        line = (lines or {}).get(index)
        where = (
            # Translators: line is a line number in the uploaded file, added to a message about a unit.
            _(" (line %(line)s)") % {"line": line} if line is not None else ""
        )
        if not unit.id:
            raise FileFormatError(
                # Translators: where is empty or a line number such as " (line 12)".
                _("A unit has no id%(where)s: the file was changed by hand or by a tool.") % {"where": where},
                line=line,
            )
        if unit.id in seen:
            raise FileFormatError(
                # Translators: unit is a unit id such as "page:12:description"; where is empty or " (line 12)".
                _("The unit %(unit)s appears twice in the file%(where)s.") % {"unit": unit.id, "where": where},
                line=line,
            )
        seen.add(unit.id)
    if declared != len(units):
        raise FileFormatError(
            # Translators: expected and found are numbers of units (texts) in a translation file.
            _(
                "The file says it holds %(expected)s units but holds %(found)s: "
                "it was cut short or units were removed. Upload the whole file."
            )
            % {"expected": declared, "found": len(units)}
        )


def declared_count(value: str | None, where: str) -> int:
    """The unit count a file declares in `where`; refuses a missing or malformed one."""
    if value is None:
        raise FileFormatError(
            # Translators: where names the place in the file that holds the count, such as "X-Portal-Units".
            _("The file has no unit count (%(where)s): only files exported by the portal can be imported.")
            % {"where": where}
        )
    try:
        count = int(value.strip())
    except ValueError:
        count = -1
    if count < 0:
        # Translators: where names the place in the file that holds the count, such as "X-Portal-Units".
        raise FileFormatError(_("The unit count of the file (%(where)s) is not a number.") % {"where": where})
    return count


def review_mark(target: str) -> str:
    """A short fingerprint of a reviewed target: the file says "reviewed" only while the target is unchanged."""
    return hashlib.sha256(target.encode("utf-8")).hexdigest()[:12]


_URL = re.compile(r"(https?://|/)\S*\Z")


def split_notes(notes: list[str]) -> tuple[str, str]:
    """(label, url) from a unit's notes as `po` and `xliff` write them: the label, then the URL."""
    label = url = ""
    for note in notes:
        note = note.strip()
        if not url and _URL.match(note):
            url = note
        elif not label and note:
            label = note
    return label, url


# --- Loading either format -----------------------------------------------------------------

_XML_START = re.compile(r"\s*<")


def load(data: bytes, filename: str = "") -> tuple[str, TranslationFile]:
    """Reads an uploaded translation file: ("po" | "xliff", file). The content decides the format, not the name."""
    from translation_workspace.formats import po, xliff

    text = decode(data)
    if _XML_START.match(text):
        return "xliff", xliff.load(data)
    if filename.lower().endswith((".xlf", ".xliff", ".xml")):
        raise FileFormatError(
            _("The file is named like an XLIFF file but is not XML: it may be damaged or cut at the start.")
        )
    return "po", po.load(data)
