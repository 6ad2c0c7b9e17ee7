"""Export and import of translation files (PO, XLIFF 1.2): one pipeline for the commands and the workspace.

Export writes one unit per text with its stable id (`<model>:<pk>:<field path>`),
the English source, the current target, its state and a note with the
field's label and the page's URL. Import validates the whole file first —
format, language, every unit id, every source against the current English,
the markup of rich texts, the uploader's permission on every object — and
applies nothing if anything is wrong; then it saves one revision per object
through `editing.apply` and reports counts per state.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from collections_app.site_url import absolute_admin
from translation_workspace import access, editing, glossary, markup, qa
from translation_workspace.formats import FileFormatError, FileUnit, TranslationFile
from translation_workspace.formats import load as load_file
from translation_workspace.models import State, Translation, TranslationUnit
from translation_workspace.progress import exhibition_scope
from translation_workspace.units import fingerprint

FORMATS = ("po", "xliff")
EXTENSIONS = {"po": "po", "xliff": "xlf"}


def _tagged(text: str, rich: bool, source: str | None = None) -> str:
    """Rich text in inline tags (a translation's links numbered as in its `source`); plain text as it is."""
    return markup.html_to_tagged(text, numbered_like=source) if rich and text else (text or "")


def _urls(rows, language) -> dict[tuple[int, int], str]:
    urls = {}
    page_ids = {row.unit.page_id for row in rows if row.unit.page_id}
    with translation.override(language):
        for page in Page.objects.filter(pk__in=page_ids).specific():
            urls[page.pk] = page.get_full_url() if page.live else ""
    for row in rows:
        unit = row.unit
        key = (unit.content_type_id, unit.object_id)
        if key not in urls:
            urls[key] = urls.get(unit.page_id) or absolute_admin(
                reverse("translation_workspace:edit", args=[language, unit.content_type_id, unit.object_id])
            )
    return urls


def select(language: str, *, museum=None, exhibition=None, states=None):
    rows = Translation.objects.filter(language=language).select_related("unit", "unit__content_type")
    if museum is not None:
        rows = rows.filter(unit__museum_id=museum.pk)
    if exhibition is not None:
        rows = rows.filter(exhibition_scope(exhibition))
    if states:
        rows = rows.filter(state__in=states)
    return rows.order_by("unit__content_type_id", "unit__object_id", "unit__position", "unit__pk")


def build(language: str, **scope) -> TranslationFile:
    rows = list(select(language, **scope))
    urls = _urls(rows, language)
    file_units = []
    for row in rows:
        unit = row.unit
        file_units.append(
            FileUnit(
                id=unit.unit_id,
                source=_tagged(unit.source_text, unit.rich),
                target=_tagged(row.target_text, unit.rich, unit.source_text),
                state=row.state,
                label=unit.label,
                url=urls.get((unit.content_type_id, unit.object_id), ""),
                previous_source=_tagged(row.translated_from, unit.rich) if row.state == State.STALE else "",
                rich=unit.rich,
            )
        )
    return TranslationFile(language=language, units=file_units)


def export(language: str, fmt: str, **scope) -> bytes:
    writer = importlib.import_module(f"translation_workspace.formats.{fmt}")
    return writer.dump(build(language, **scope))


@dataclass
class ImportReport:
    format: str = ""
    language: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str, str]] = field(default_factory=list)  # (unit id, label, message)
    counts: Counter = field(default_factory=Counter)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        names = {
            "missing": _("new translations"),
            "stale": _("stale translations updated"),
            "translated": _("translations changed"),
            "reviewed": _("reviewed translations changed"),
            "confirmed": _("stale translations confirmed unchanged"),
            "unchanged": _("unchanged"),
            "fuzzy": _("left fuzzy or needing review (not imported)"),
            "empty": _("empty (not imported)"),
        }
        return "; ".join(f"{names[key]}: {count}" for key, count in sorted(self.counts.items()) if count)


def _lookup(unit_ids: list[str]) -> dict[str, TranslationUnit]:
    parsed = {}
    for unit_id in unit_ids:
        model, _sep, rest = unit_id.partition(":")
        pk, _sep, key = rest.partition(":")
        if model and pk.isdigit() and key:
            parsed[unit_id] = (model, int(pk), key)
    found = {}
    object_ids = {pk for _model, pk, _key in parsed.values()}
    for unit in TranslationUnit.objects.filter(object_id__in=object_ids).select_related("content_type"):
        found[unit.unit_id] = unit
    return {unit_id: found[unit_id] for unit_id in parsed if unit_id in found}


def import_file(data: bytes, filename: str = "", *, user=None, language: str | None = None, dry_run=False):
    report = ImportReport()
    try:
        report.format, tfile = load_file(data, filename)
    except FileFormatError as error:
        report.errors.append(str(error))
        return report
    report.language = tfile.language
    if language and tfile.language != language:
        report.errors.append(
            _("This file is for the language “%(file)s”, not “%(expected)s”.")
            % {"file": tfile.language, "expected": language}
        )
        return report
    units = _lookup([u.id for u in tfile.units])
    current = {(t.unit_id): t for t in Translation.objects.filter(unit__in=units.values(), language=tfile.language)}
    terms = glossary.terms(tfile.language)
    changes: dict[tuple[int, int], dict[str, str]] = {}
    confirmations = []
    objects: dict[tuple[int, int], object] = {}
    for file_unit in tfile.units:
        unit = units.get(file_unit.id)
        if unit is None:
            report.errors.append(_("Unknown unit id “%(id)s”: it is not a text of this portal.") % {"id": file_unit.id})
            continue
        source = _tagged(unit.source_text, unit.rich)
        if file_unit.source.strip() != source.strip():
            report.errors.append(
                _("Conflict in “%(label)s” (%(id)s): its English source changed since the file was exported.")
                % {"label": unit.label, "id": file_unit.id}
            )
            continue
        target = file_unit.target.strip()
        if not target:
            report.counts["empty"] += 1
            continue
        if file_unit.state == State.STALE:
            report.counts["fuzzy"] += 1
            continue
        row = current.get(unit.pk)
        before = row.state if row else State.MISSING
        stored_target = _tagged(row.target_text, unit.rich, unit.source_text) if row else ""
        if unit.rich:
            try:
                html = markup.tagged_to_html(target, unit.source_text)
            except markup.MarkupError as error:
                report.errors.append(f"{unit.label} ({file_unit.id}): {error}")
                continue
        else:
            html = target
        object_key = (unit.content_type_id, unit.object_id)
        if object_key not in objects:
            obj = editing.load(unit.content_type_id, unit.object_id)
            if user is not None and not access.may_translate(user, obj, tfile.language):
                report.errors.append(
                    _("You may not translate “%(label)s” (%(id)s) into this language.")
                    % {"label": unit.label, "id": file_unit.id}
                )
                continue
            objects[object_key] = obj
        for warning in qa.check(source, target, tfile.language, terms):
            report.warnings.append((file_unit.id, unit.label, warning.message))
        if target == stored_target.strip():
            if before == State.STALE:
                confirmations.append(row)
                report.counts["confirmed"] += 1
            else:
                report.counts["unchanged"] += 1
            continue
        changes.setdefault(object_key, {})[unit.key] = html
        report.counts[str(before)] += 1
    if report.errors or dry_run:
        return report
    with transaction.atomic():
        for object_key, texts in changes.items():
            editing.apply(objects[object_key], tfile.language, texts, user)
        for row in confirmations:
            row.translated_from, row.translated_from_hash = row.unit.source_text, fingerprint(row.unit.source_text)
            row.translated_at, row.translated_by = timezone.now(), user
            row.state = State.TRANSLATED
            row.save()
    report.applied = True
    return report
