"""The gettext catalogues: one per non-English language, valid, nothing left untranslated."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import to_locale

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code in settings.LANGUAGE_CODES if code != "en"]


def catalogue(code: str) -> Path:
    return LOCALE / to_locale(code) / "LC_MESSAGES" / "django.po"


def entries(path: Path):
    """(msgid, msgstr, flags) for every entry but the header, without a gettext library."""
    text = path.read_text(encoding="utf-8")
    for block in re.split(r"\n\s*\n", text):
        flags = " ".join(line for line in block.splitlines() if line.startswith("#,"))
        msgid = "".join(re.findall(r'^(?:msgid|msgid_plural)?\s*"(.*)"$', _section(block, "msgid"), re.M))
        if not msgid or block.lstrip().startswith("#~"):
            continue
        strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block, re.M)
        values = ["".join([first, *re.findall(r'"(.*)"', rest)]) for first, rest in strings]
        yield msgid, values, flags


def _section(block: str, start: str) -> str:
    lines, inside = [], False
    for line in block.splitlines():
        if line.startswith(start + " "):
            inside = True
        elif line.startswith("msgstr"):
            inside = False
        if inside:
            lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_has_a_catalogue(code):
    assert catalogue(code).exists()


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_has_no_untranslated_entry(code):
    missing = [msgid for msgid, values, _flags in entries(catalogue(code)) if not all(values)]
    assert missing == [], f"{code}: {len(missing)} untranslated, e.g. {missing[:3]}"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_compiles_with_matching_placeholders(code):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(catalogue(code))], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_entry_carries_a_stale_guess_from_another_message(code):
    """msgmerge fills a new message with a similar old one's translation and marks it
    `#| msgid`; such a guess must be translated properly, not left in."""
    stale = [line for line in catalogue(code).read_text(encoding="utf-8").splitlines() if line.startswith("#| msgid")]
    assert stale == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_has_no_fuzzy_entry(code):
    """A fuzzy entry is not used by gettext: the visitor would read English."""
    fuzzy = [msgid for msgid, _values, flags in entries(catalogue(code)) if "fuzzy" in flags]
    assert fuzzy == [], f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"
