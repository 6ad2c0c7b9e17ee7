"""Gettext PO files, for Poedit, Lokalize, Virtaal and the CAT tools that read PO.

One entry per unit, in the form any gettext tool shows sensibly:

    #. Description                                  ← the field's label
    #. https://museums.example/kk/relics/jian/      ← the page
    #. state: reviewed 9f86d081884c                 ← reviewed units only
    #, fuzzy, rich-text                             ← stale; rich text (inline tags)
    #| msgid "<p>The old English text</p>"          ← stale: the source it was translated from
    msgctxt "page:12:description"                   ← the unit id
    msgid "<p>The English text</p>"
    msgstr "<p>Қазақша мәтін</p>"

The header says the language twice, as gettext tools write it (`Language: zh_Hans`)
and as the portal names it (`X-Portal-Language: zh-hans`), and how many units the
file holds (`X-Portal-Units`), so that a file cut short between two entries is
refused like one cut inside an entry.

Reading back: an empty msgstr is "missing", a fuzzy entry "stale", any other
"translated" — or "reviewed" while the review mark still matches the msgstr, so
that an edited reviewed text is never taken for a reviewed one.
"""

from __future__ import annotations

import re

import polib
from django.utils.translation import gettext_lazy as _
from django.utils.translation import to_locale

from portal.languages import BY_CODE
from translation_workspace.formats import (
    MISSING,
    PRODUCER,
    REVIEWED,
    STALE,
    TRANSLATED,
    FileFormatError,
    FileUnit,
    TranslationFile,
    check_units,
    declared_count,
    decode,
    file_language,
    review_mark,
    split_notes,
)

UNITS_HEADER = "X-Portal-Units"
LANGUAGE_HEADER = "X-Portal-Language"
RICH_FLAG = "rich-text"
FUZZY_FLAG = "fuzzy"
REVIEWED_PREFIX = "state: reviewed"

# A line that holds a quoted string: `msgid "…"`, `msgstr[0] "…"` or a continuation `"…"`.
_STRING_LINE = re.compile(r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\Z')
_KEYWORD_LINE = re.compile(r"(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\b")
_POLIB_LINE = re.compile(r"line (\d+)")


def _comment_line(text: str) -> str:
    return " ".join(text.split())


def _header_comment(language: str) -> str:
    return "\n".join(
        str(line)
        for line in (
            # Translators: the first lines of an exported PO file; language is a language name such as "Kazakh".
            _("SCO Museum Portal: texts to translate into %(language)s.") % {"language": BY_CODE[language].name},
            _("Keep each entry's msgctxt: it says where the text goes."),
            _("Entries flagged rich-text hold markup as tags (<p>, <b>, <i>, <a1>…): keep every tag,"),
            _("translate the text between them, and write <, > and & as &lt;, &gt; and &amp;."),
            _("Entries flagged fuzzy were translated from an earlier English text (#| msgid): check them,"),
            _("then remove the flag."),
        )
    )


def dump(f: TranslationFile) -> bytes:
    """The file as UTF-8 PO. A unit's source must not be empty (an empty msgid is the PO header)."""
    po = polib.POFile(wrapwidth=78, encoding="utf-8")
    po.header = _header_comment(f.language)
    po.metadata = {
        "Project-Id-Version": PRODUCER,
        "Language": to_locale(f.language),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": PRODUCER,
        LANGUAGE_HEADER: f.language,
        UNITS_HEADER: str(len(f.units)),
    }
    for unit in f.units:
        if not unit.source:
            raise ValueError(f"unit {unit.id} has no source text")
        state = unit.state if unit.target else MISSING
        comments = [_comment_line(note) for note in (unit.label, unit.url) if note]
        if state == REVIEWED:
            comments.append(f"{REVIEWED_PREFIX} {review_mark(unit.target)}")
        flags = [FUZZY_FLAG] if state == STALE else []
        if unit.rich:
            flags.append(RICH_FLAG)
        po.append(
            polib.POEntry(
                msgctxt=unit.id,
                msgid=unit.source,
                msgstr=unit.target,
                comment="\n".join(comments),
                flags=flags,
                previous_msgid=unit.previous_source if state == STALE and unit.previous_source else None,
            )
        )
    return str(po).encode("utf-8")


def _check_syntax(text: str) -> None:
    """Refuses what polib lets through: a string cut short (`msgstr "Бронз`) and an entry without msgstr."""
    entry_line = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#|"):
            line = line[2:].strip()
        elif not line or line.startswith("#"):
            continue
        if _STRING_LINE.match(line):
            keyword = _KEYWORD_LINE.match(line)
            if keyword and keyword.group(1) == "msgid":
                entry_line = number
            elif keyword and keyword.group(1).startswith("msgstr"):
                entry_line = None
            continue
        if not (line.startswith('"') or _KEYWORD_LINE.match(line)):
            raise FileFormatError(
                # Translators: line is a line number of the uploaded PO file.
                _("Line %(line)s is not PO syntax.") % {"line": number},
                line=number,
            )
        if len(line) > 1 and line.endswith('"'):
            raise FileFormatError(
                # Translators: line is a line number of the uploaded PO file; \" is how PO writes a double quote.
                _('Line %(line)s is not PO syntax: a double quote inside a text must be written \\".')
                % {"line": number},
                line=number,
            )
        raise FileFormatError(
            # Translators: line is a line number of the uploaded PO file.
            _("Line %(line)s ends inside a quoted text: the file was cut short or damaged.") % {"line": number},
            line=number,
        )
    if entry_line is not None:
        raise FileFormatError(
            # Translators: line is a line number of the uploaded PO file.
            _("The file ends inside the entry that starts at line %(line)s: it was cut short.") % {"line": entry_line},
            line=entry_line,
        )


def _language(metadata: dict[str, str]) -> str:
    declared = {
        where: file_language(metadata[where], where)
        for where in ("Language", LANGUAGE_HEADER)
        if metadata.get(where, "").strip()
    }
    if not declared:
        file_language(None, "Language")
    if len(set(declared.values())) > 1:
        raise FileFormatError(
            # Translators: the two values are language tags from the header of a PO file, e.g. "kk" and "ru".
            _("The file names two languages: Language is %(gettext)s, X-Portal-Language is %(portal)s.")
            % {"gettext": metadata["Language"], "portal": metadata[LANGUAGE_HEADER]}
        )
    return next(iter(declared.values()))


def _unit(entry: polib.POEntry) -> FileUnit:
    lines = entry.comment.splitlines() if entry.comment else []
    marks = [line[len(REVIEWED_PREFIX) :].strip() for line in lines if line.startswith(REVIEWED_PREFIX)]
    label, url = split_notes([line for line in lines if not line.startswith(REVIEWED_PREFIX)])
    target = entry.msgstr or ""
    if not target:
        state = MISSING
    elif FUZZY_FLAG in entry.flags:
        state = STALE
    elif review_mark(target) in marks:
        state = REVIEWED
    else:
        state = TRANSLATED
    return FileUnit(
        id=entry.msgctxt or "",
        source=entry.msgid,
        target=target,
        state=state,
        label=label,
        url=url,
        previous_source=(entry.previous_msgid or "") if state == STALE else "",
        rich=RICH_FLAG in entry.flags,
    )


def load(data: bytes) -> TranslationFile:
    """Reads a PO file exported by the portal (and edited anywhere); raises `FileFormatError` if it is not whole."""
    text = decode(data)
    _check_syntax(text)
    try:
        # polib takes a string for a path when it names an existing file: a final newline rules that out.
        po = polib.pofile(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except (OSError, ValueError) as error:
        found = _POLIB_LINE.search(str(error))
        line = int(found.group(1)) if found else None
        raise FileFormatError(
            # Translators: line is a line number of the uploaded PO file ("?" when unknown).
            _("The PO file cannot be read: its syntax is broken at line %(line)s.") % {"line": line or "?"},
            line=line,
        ) from error
    if not po.metadata:
        raise FileFormatError(
            _(
                "The file has no PO header (the entry with an empty msgid): "
                "it is not a whole file exported by the portal."
            )
        )
    language = _language(po.metadata)
    declared = declared_count(po.metadata.get(UNITS_HEADER), UNITS_HEADER)
    entries = [entry for entry in po if not entry.obsolete]
    units = [_unit(entry) for entry in entries]
    check_units(units, declared, {index: entry.linenum for index, entry in enumerate(entries)})
    return TranslationFile(language=language, units=units)
