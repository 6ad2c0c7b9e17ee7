"""Progress and the work queue, computed in the database from the stored states.

Progress is the share of units whose translation exists and was written from
the current English text (translated or reviewed), and the share reviewed,
for the whole site, per museum and per exhibition. An exhibition's scope is its
own texts and the relics it shows. The queue lists objects with work in one
language: stale before missing, then those in exhibitions that are open, or
open soonest, first.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, DateField, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from translation_workspace.models import CURRENT, State, Translation

FAR_FUTURE = datetime.date(9999, 12, 31)


@dataclass(frozen=True)
class Progress:
    total: int = 0
    current: int = 0
    reviewed: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.current / self.total) if self.total else 100

    @property
    def reviewed_percent(self) -> int:
        return round(100 * self.reviewed / self.total) if self.total else 100


def _counts():
    return {
        "total": Count("pk"),
        "current": Count("pk", filter=Q(state__in=CURRENT)),
        "reviewed": Count("pk", filter=Q(state=State.REVIEWED)),
    }


def exhibition_scope(exhibition) -> Q:
    """The exhibition's own texts and those of the relics it shows."""
    from collections_app.models import ExhibitionRelic

    relics = ExhibitionRelic.objects.filter(exhibition=exhibition).values("relic_id")
    return Q(unit__page_id=exhibition.pk) | Q(unit__page_id__in=relics)


def per_language(languages, scope: Q | None = None) -> dict[str, Progress]:
    rows = Translation.objects.filter(scope or Q(), language__in=languages).values("language").annotate(**_counts())
    found = {row.pop("language"): Progress(**row) for row in rows}
    return {lang: found.get(lang, Progress()) for lang in languages}


def per_museum(languages) -> list[tuple[object, dict[str, Progress]]]:
    from collections_app.models import MuseumPage

    rows = (
        Translation.objects.filter(language__in=languages, unit__museum__isnull=False)
        .values("unit__museum_id", "language")
        .annotate(**_counts())
    )
    table: dict[int, dict[str, Progress]] = {}
    for row in rows:
        museum_id, lang = row.pop("unit__museum_id"), row.pop("language")
        table.setdefault(museum_id, {})[lang] = Progress(**row)
    museums = MuseumPage.objects.filter(pk__in=table).order_by("path")
    return [(museum, {lang: table[museum.pk].get(lang, Progress()) for lang in languages}) for museum in museums]


def current_exhibitions():
    from collections_app.models import ExhibitionPage

    return ExhibitionPage.objects.current().order_by("opening_date", "pk")


def per_exhibition(languages) -> list[tuple[object, dict[str, Progress]]]:
    return [(exhibition, per_language(languages, exhibition_scope(exhibition))) for exhibition in current_exhibitions()]


def _exhibition_date():
    """For a unit: the opening date of the soonest current exhibition that is it or shows its relic."""
    from collections_app.models import ExhibitionPage, ExhibitionRelic

    today = timezone.localdate()
    current = Q(closing_date__isnull=True) | Q(closing_date__gte=today)
    own = ExhibitionPage.objects.filter(current, pk=OuterRef("unit__page_id")).values("opening_date")[:1]
    shown = (
        ExhibitionRelic.objects.filter(
            Q(exhibition__closing_date__isnull=True) | Q(exhibition__closing_date__gte=today),
            relic_id=OuterRef("unit__page_id"),
        )
        .order_by("exhibition__opening_date")
        .values("exhibition__opening_date")[:1]
    )
    far = Value(FAR_FUTURE, output_field=DateField())
    return Least(
        Coalesce(Subquery(own, output_field=DateField()), far),
        Coalesce(Subquery(shown, output_field=DateField()), far),
    )


#: What each queue view lists: work for translators, or translations awaiting a reviewer.
QUEUE_STATES = {
    "todo": Q(state__in=(State.STALE, State.MISSING)) | Q(returned=True),
    "stale": Q(state=State.STALE),
    "missing": Q(state=State.MISSING),
    "returned": Q(returned=True),
    "review": Q(state=State.TRANSLATED, returned=False),
}


def queue(language: str, *, kind: str = "todo", museum=None, exhibition=None):
    """Objects with units in `kind` for `language`, most urgent first (a values queryset)."""
    rows = Translation.objects.filter(QUEUE_STATES[kind], language=language)
    if museum is not None:
        rows = rows.filter(unit__museum_id=museum.pk)
    if exhibition is not None:
        rows = rows.filter(exhibition_scope(exhibition))
    return (
        rows.annotate(exhibition_date=_exhibition_date())
        .values("unit__content_type_id", "unit__object_id")
        .annotate(
            returned_count=Count("pk", filter=Q(returned=True)),
            stale=Count("pk", filter=Q(state=State.STALE)),
            missing=Count("pk", filter=Q(state=State.MISSING)),
            translated=Count("pk", filter=Q(state=State.TRANSLATED)),
            units=Count("pk"),
            opens=Min("exhibition_date"),
        )
        .order_by("-returned_count", "-stale", "opens", "-missing", "unit__object_id")
    )
