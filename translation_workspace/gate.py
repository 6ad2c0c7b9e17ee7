"""The publishing gate: an exhibition goes live only with its required languages current.

`PORTAL_REQUIRED_TRANSLATIONS` (default: Chinese and Russian, the SCO's
official languages) lists them. A required language's text is missing when
empty, and stale when it was written from an English text that has changed
since; the refusal names every such field. Registered with
`collections_app.publishing` from `signals.connect()`, so the editor, the
workflow and `publish()` itself all ask it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.text import format_lazy
from django.utils.translation import gettext as _

from portal.languages import BY_CODE
from translation_workspace import units
from translation_workspace.models import Translation


def required_languages() -> tuple[str, ...]:
    return tuple(getattr(settings, "PORTAL_REQUIRED_TRANSLATIONS", ("zh-hans", "ru")))


def unmet(obj) -> dict[str, list[tuple[str, str]]]:
    """language → [(field label, "missing" | "stale")] for `obj` as it would be published."""
    languages = required_languages()
    stored = {}
    if obj.pk:
        content_type = ContentType.objects.get_for_model(obj)
        for row in Translation.objects.filter(
            unit__content_type=content_type, unit__object_id=obj.pk, language__in=languages
        ).select_related("unit"):
            stored[(row.unit.key, row.language)] = row
    found: dict[str, list[tuple[str, str]]] = {}
    for value in units.extract(obj):
        source_hash = units.fingerprint(value.source)
        for lang in languages:
            target = value.texts.get(lang, "")
            if not target:
                found.setdefault(lang, []).append((value.label, "missing"))
                continue
            row = stored.get((value.key, lang))
            written_now = row is None or row.target_hash != units.fingerprint(target)
            if not written_now and row.translated_from_hash != source_hash:
                found.setdefault(lang, []).append((value.label, "stale"))
    return found


def problems(obj) -> list[str]:
    messages = []
    for lang, fields in unmet(obj).items():
        listed = ", ".join(
            str(format_lazy("{} ({})", label, _("missing") if state == "missing" else _("stale")))
            for label, state in fields
        )
        messages.append(
            _("This %(kind)s cannot be published until its %(language)s text is complete and current: %(fields)s.")
            % {"kind": obj._meta.verbose_name, "language": BY_CODE[lang].name, "fields": listed}
        )
    return messages
