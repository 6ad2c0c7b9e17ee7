"""Tell translators what appeared in their queue, and reviewers what awaits review.

One e-mail per saved batch (a revision, an import), per language, through
Django's mail backend, written in that language; and about one object at most
once per `TRANSLATION_NOTICE_MINUTES` (default 60), so an editor saving the
English text ten times in an afternoon sends one message, not ten.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from collections_app.permissions import REVIEWER_PREFIX, TRANSLATOR_PREFIX
from collections_app.site_url import absolute_admin
from translation_workspace.models import Notice
from translation_workspace.units import describe

QUEUE, REVIEW = "queue", "review"


def _recipients(prefix: str, language: str) -> list[str]:
    users = get_user_model().objects.filter(groups__name=f"{prefix}{language}", is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _due(kind: str, language: str, obj) -> bool:
    """Record that the `kind` readers of `language` are told about `obj` now, unless they were recently."""
    minutes = getattr(settings, "TRANSLATION_NOTICE_MINUTES", 60)
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(obj)
    notice, created = Notice.objects.get_or_create(
        language=language, kind=kind, content_type=content_type, object_id=obj.pk, defaults={"sent_at": now}
    )
    if created:
        return True
    if notice.sent_at > now - timedelta(minutes=minutes):
        return False
    notice.sent_at = now
    notice.save(update_fields=["sent_at"])
    return True


def send(obj, result) -> int:
    """Send the e-mails a sync's result calls for; returns how many were sent."""
    sent = 0
    for kind, prefix, changes in (
        (QUEUE, TRANSLATOR_PREFIX, result.to_translate),
        (REVIEW, REVIEWER_PREFIX, result.to_review),
    ):
        for language, keys in changes.items():
            recipients = _recipients(prefix, language)
            if not recipients or not _due(kind, language, obj):
                continue
            with translation.override(language):
                url = absolute_admin(reverse("translation_workspace:queue") + f"?lang={language}")
                name = describe(obj)
                if kind == QUEUE:
                    subject = _("New text to translate: %(name)s") % {"name": name}
                    body = ngettext(
                        "%(count)d text of “%(name)s” needs your translation (new, or its English source changed).",
                        "%(count)d texts of “%(name)s” need your translation (new, or their English source changed).",
                        len(keys),
                    ) % {"count": len(keys), "name": name}
                else:
                    subject = _("Translations to review: %(name)s") % {"name": name}
                    body = ngettext(
                        "%(count)d new translation of “%(name)s” awaits your review.",
                        "%(count)d new translations of “%(name)s” await your review.",
                        len(keys),
                    ) % {"count": len(keys), "name": name}
                body += "\n\n" + _("Your queue: %(url)s") % {"url": url}
            send_mail(subject, body, None, recipients)
            sent += 1
    return sent
