"""Which of Wagtail's own strings the staff really meet, and whether a language has them.

Wagtail 8 ships no catalogue for Kazakh, Kyrgyz, Tajik, Uzbek or Urdu, and
Hindi for a few of its apps only, so those admins are half English. The
overrides in `staff_admin/locale/` fill the gap, but Wagtail has some two
thousand msgids: this module finds the ones the admin screens actually look
up, so the list is derived from real requests rather than guessed.

How it works: `record_lookups()` wraps Django's translation entry points
(gettext, pgettext, ngettext, npgettext; templates, lazy strings and
`{% blocktranslate %}` all end there) while test-client requests run, and
keeps every (context, msgid) asked for. `wagtail_msgids()` knows which of
them are Wagtail's (its source catalogues, `<app>/locale/en/`), and
`missing()` says which a language has no translation for.

Regenerating the list (the screens are those walked by
`tests/staff/test_admin_catalogues.py`; a failing run there already names
the msgids a language lacks)::

    ADMIN_STRINGS_POT=/tmp/admin.pot .venv/bin/pytest tests/staff/test_admin_catalogues.py \\
        -k lookups -q -p no:cacheprovider -n 0
    msgcat --use-first staff_admin/locale/kk/LC_MESSAGES/django.po /tmp/admin.pot -o /tmp/kk.po
    msgattrib --untranslated /tmp/kk.po  # new msgids, and those Django or the site already translate

`write_pot()` writes the template, each entry with the screens it was seen
on. (Not `msgmerge`: it would retire entries a run happened not to show,
such as "just now" or a refusal message.) New entries are translated,
commented "Machine translation, awaiting native review." and flagged fuzzy
like the others, then `make messages`.

Wagtail's JavaScript strings (the djangojs domain) are not looked up on the
server: `wagtail_msgids("djangojs")` lists them all, and `localized_js_catalog`
serves them with this app's overrides, which Wagtail's own catalogue view
never reads (it is given `wagtail.admin`'s locale folder only).
"""

from __future__ import annotations

import gettext as gettext_module
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import django.conf
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response

#: This app: its own catalogues are the overrides, never a source of "already translated".
APP = "staff_admin"
CONTEXT_SEPARATOR = "\x04"


@dataclass(frozen=True)
class Msgid:
    """One catalogue entry as gettext keys it: the singular text and its context."""

    msgid: str
    context: str | None = None
    plural: str | None = None

    @property
    def key(self) -> str:
        """The key of the entry in a compiled catalogue (`context\\x04msgid` with a context)."""
        return f"{self.context}{CONTEXT_SEPARATOR}{self.msgid}" if self.context else self.msgid

    def sort_key(self) -> tuple[str, str]:
        return (self.msgid, self.context or "")

    def catalogue_keys(self) -> list:
        """What a `.mo` stores: the key itself, or (key, n) for each plural form."""
        return [(self.key, 0)] if self.plural else [self.key]


@dataclass
class Lookups:
    """The (context, msgid) pairs looked up inside `record_lookups()`, with the screens that asked."""

    seen: dict[tuple[str | None, str], set[str]] = field(default_factory=dict)
    screen: str = ""

    def add(self, context, msgid) -> None:
        self.seen.setdefault((context, str(msgid)), set()).add(self.screen)

    def wagtail(self, domain: str = "django") -> dict[Msgid, set[str]]:
        """The lookups that are Wagtail's msgids, with the screens each was seen on."""
        known = wagtail_msgids(domain)
        found = {}
        for (context, msgid), screens in self.seen.items():
            entry = known.get((context, msgid))
            if entry is not None:
                found.setdefault(entry, set()).update(screens)
        return found


@contextmanager
def record_lookups(lookups: Lookups | None = None) -> Iterator[Lookups]:
    """Record every gettext call made inside the block (requests through the test client included).

    Django's public functions (`gettext`, `gettext_lazy` once evaluated, the
    template tags) all call through `translation._trans`, so wrapping its four
    methods there sees every lookup whatever module imported the function.
    """
    lookups = lookups if lookups is not None else Lookups()
    trans = translation._trans
    originals = {name: getattr(trans, name) for name in ("gettext", "pgettext", "ngettext", "npgettext")}

    def gettext(message):
        lookups.add(None, message)
        return originals["gettext"](message)

    def pgettext(context, message):
        lookups.add(context, message)
        return originals["pgettext"](context, message)

    def ngettext(singular, plural, number):
        lookups.add(None, singular)
        return originals["ngettext"](singular, plural, number)

    def npgettext(context, singular, plural, number):
        lookups.add(context, singular)
        return originals["npgettext"](context, singular, plural, number)

    wrappers = {"gettext": gettext, "pgettext": pgettext, "ngettext": ngettext, "npgettext": npgettext}
    for name, wrapper in wrappers.items():
        setattr(trans, name, wrapper)
    try:
        yield lookups
    finally:
        for name, original in originals.items():
            setattr(trans, name, original)


def wagtail_apps() -> list:
    """Wagtail's installed apps (`wagtail`, `wagtail.admin`, `wagtail.images`, …)."""
    return [
        config for config in apps.get_app_configs() if config.name == "wagtail" or config.name.startswith("wagtail.")
    ]


@cache
def wagtail_msgids(domain: str = "django") -> dict[tuple[str | None, str], Msgid]:
    """Every msgid of the installed Wagtail apps' source (English) catalogues, by (context, msgid)."""
    found: dict[tuple[str | None, str], Msgid] = {}
    for config in wagtail_apps():
        path = Path(config.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        with path.open("rb") as source:
            for message in read_po(source):
                if not message.id:
                    continue
                singular, plural = (message.id[0], message.id[1]) if message.pluralizable else (message.id, None)
                found.setdefault((message.context, singular), Msgid(singular, message.context, plural))
    return found


def _locale_dirs(domain: str, *, exclude_app: str | None, site: bool) -> list[str]:
    """The folders Django reads a language from: its own, every app's, then `LOCALE_PATHS` (the site's)."""
    dirs = []
    if domain == "django":
        dirs.append(str(Path(django.conf.__file__).parent / "locale"))
    dirs.extend(os.path.join(config.path, "locale") for config in apps.get_app_configs() if config.name != exclude_app)
    if site:
        dirs.extend(str(path) for path in settings.LOCALE_PATHS)
    return dirs


def _keys(language: str, domain: str, dirs: Iterable[str]) -> set:
    keys: set = set()
    locale = translation.to_locale(language)
    for localedir in dirs:
        try:
            catalogue = gettext_module.translation(domain, localedir, [locale])
        except OSError:
            continue
        keys.update(key for key, value in catalogue._catalog.items() if key and _is_translation(key, value))
    return keys


def translated_keys(language: str, domain: str = "django", *, exclude_app: str | None = None, site: bool = True):
    """The catalogue keys `language` has a translation for, from every catalogue Django would read.

    `exclude_app=APP` leaves this app's overrides out: what Wagtail, Django and
    the site give the language on their own; `site=False` leaves out the
    site's own catalogues too (`LOCALE_PATHS`). No English fallback is counted.
    """
    return _keys(language, domain, _locale_dirs(domain, exclude_app=exclude_app, site=site))


def wagtail_translated_keys(language: str, domain: str = "django") -> set:
    """What Wagtail's own catalogues translate in `language` (Hindi: five of its apps)."""
    return _keys(language, domain, [os.path.join(config.path, "locale") for config in wagtail_apps()])


def _is_translation(key, value) -> bool:
    """An entry whose text is the English msgid again (Wagtail's hi has "Save" → "Save") translates nothing."""
    msgid = key[0] if isinstance(key, tuple) else key
    return value != msgid.split(CONTEXT_SEPARATOR)[-1]


def missing(msgids: Iterable[Msgid], language: str, domain: str = "django", *, exclude_app: str | None = None):
    """The msgids `language` has no translation for, sorted."""
    keys = translated_keys(language, domain, exclude_app=exclude_app)
    lacking = [msgid for msgid in msgids if not all(key in keys for key in msgid.catalogue_keys())]
    return sorted(lacking, key=Msgid.sort_key)


def write_pot(found: dict[Msgid, set[str]], path: str | os.PathLike) -> None:
    """Write the msgids as a template catalogue; each entry's comment names the screens that showed it."""
    catalogue = Catalog(project="staff_admin overrides of Wagtail", charset="utf-8")
    for msgid in sorted(found, key=Msgid.sort_key):
        text = (msgid.msgid, msgid.plural) if msgid.plural else msgid.msgid
        catalogue.add(text, context=msgid.context, auto_comments=[f"Seen on: {', '.join(sorted(found[msgid]))}"])
    with open(path, "wb") as target:
        write_po(target, catalogue, width=120, omit_header=False)


class _AdminJavaScriptCatalog(JavaScriptCatalog):
    """Wagtail's JavaScript strings, then this app's overrides on top (the last folder merged wins)."""

    packages = ["wagtail.admin", APP]


_js_catalog = _AdminJavaScriptCatalog.as_view()


def localized_js_catalog(request, *args, **kwargs):
    """A drop-in for Wagtail's `wagtailadmin_javascript_catalog`, in the user's admin language.

    Routed at `admin/jsi18n/` ahead of Wagtail's admin URLs (see the report of
    this change), it lets the djangojs overrides reach the admin's scripts.
    """
    return get_localized_response(_js_catalog, request, *args, **kwargs)
