"""Keep each unit's state per language true: missing, translated, stale, reviewed.

`sync_object()` runs on every revision of a page or vocabulary term (see
`signals.py`) and for existing content from `manage.py translation_states`,
which replays each object's revisions in order, so the state of content that
predates the workspace is computed from its history, never guessed.

The rule, per unit and language:

- no target text → *missing*;
- the target changed since the last sync → it was written now, from the
  current English text: *translated* (a review is undone);
- otherwise the fingerprint of the English text the target was written from
  differs from the current one → *stale*;
- otherwise *reviewed* if a reviewer accepted it, else *translated*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from translation_workspace import units as unit_values
from translation_workspace.models import MemoryEntry, State, Translation, TranslationUnit


@dataclass
class SyncResult:
    """What one sync changed, per language: for the notifications."""

    #: language → unit keys that newly need a translator (appeared, or went stale).
    to_translate: dict[str, list[str]] = field(default_factory=dict)
    #: language → unit keys newly translated (a reviewer's work).
    to_review: dict[str, list[str]] = field(default_factory=dict)


def compute_state(translation: Translation, source_hash: str) -> str:
    if not translation.target_text:
        return State.MISSING
    if translation.translated_from_hash != source_hash:
        return State.STALE
    if translation.reviewed_at and not translation.returned:
        return State.REVIEWED
    return State.TRANSLATED


def _museum_id(obj) -> int | None:
    from collections_app.models import MuseumPage, RelicPage

    if isinstance(obj, RelicPage):
        return obj.museum_id
    if isinstance(obj, MuseumPage):
        return obj.pk
    return None


def remember(language: str, source: str, target: str, origin: str) -> bool:
    """Add a pair to the translation memory (once); True if it was new."""
    source, target = source.strip(), target.strip()
    if not source or not target:
        return False
    _, created = MemoryEntry.objects.get_or_create(
        language=language,
        source_hash=unit_values.fingerprint(source),
        target_hash=unit_values.fingerprint(target),
        defaults={"source_text": source, "target_text": target, "origin": origin[:255], "length": len(source)},
    )
    return created


@transaction.atomic
def sync_object(obj, *, user=None, when=None) -> SyncResult:
    """Bring the units and translations of `obj` (a page or term as in a revision) up to date."""
    when = when or timezone.now()
    result = SyncResult()
    content_type = ContentType.objects.get_for_model(obj)
    values = {value.key: value for value in unit_values.extract(obj)}
    existing = {unit.key: unit for unit in TranslationUnit.objects.filter(content_type=content_type, object_id=obj.pk)}
    TranslationUnit.objects.filter(pk__in=[u.pk for key, u in existing.items() if key not in values]).delete()
    page_id = obj.pk if isinstance(obj, Page) else None
    museum_id = _museum_id(obj)
    languages = unit_values.target_languages()
    for key, value in values.items():
        source_hash = unit_values.fingerprint(value.source)
        unit = existing.get(key)
        if unit is None:
            unit = TranslationUnit(content_type=content_type, object_id=obj.pk, key=key)
        unit.label, unit.rich, unit.position = value.label[:255], value.rich, value.position
        unit.source_text, unit.source_hash = value.source, source_hash
        unit.page_id, unit.museum_id = page_id, museum_id
        unit.save()
        translations = {t.language: t for t in unit.translations.all()} if key in existing else {}
        for lang in languages:
            target = value.texts.get(lang, "")
            translation = translations.get(lang) or Translation(unit=unit, language=lang)
            before = translation.state if translation.pk else None
            target_hash = unit_values.fingerprint(target) if target else ""
            changed = target_hash != translation.target_hash
            if changed:
                translation.target_text, translation.target_hash = target, target_hash
                if target:
                    translation.translated_from, translation.translated_from_hash = value.source, source_hash
                    translation.translated_at, translation.translated_by = when, user
                    remember(lang, value.source, target, f"{content_type.model}:{obj.pk}:{key}")
                translation.reviewed_at = translation.reviewed_by = None
                translation.returned, translation.comment = False, ""
            translation.state = compute_state(translation, source_hash)
            if translation.pk is None or changed or translation.state != before:
                translation.save()
            if translation.state in (State.MISSING, State.STALE) and before not in (State.MISSING, State.STALE):
                result.to_translate.setdefault(lang, []).append(key)
            elif translation.state == State.TRANSLATED and before != State.TRANSLATED:
                result.to_review.setdefault(lang, []).append(key)
    return result


def forget_object(obj) -> None:
    content_type = ContentType.objects.get_for_model(obj)
    TranslationUnit.objects.filter(content_type=content_type, object_id=obj.pk).delete()


def replay_history(obj) -> None:
    """Compute the states of `obj` from its revisions, oldest first, then its current working copy."""
    revisions = obj.revisions.order_by("created_at", "pk") if hasattr(obj, "revisions") else []
    seen = False
    for revision in revisions:
        sync_object(revision.as_object(), user=revision.user, when=revision.created_at)
        seen = True
    if not seen:
        sync_object(obj)
