"""Writing translations into the content: always a new revision, through the object's workflow.

Used by the side-by-side editor and by file imports alike, so a translation
reaches the public site the same way whichever door it came in by: a draft
revision that the page's (or vocabulary's) workflow publishes.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Page

from translation_workspace import units


def load(content_type_id: int, object_id: int):
    """The object a unit belongs to (specific page or term), or 404."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    if model is None or not (issubclass(model, Page) or hasattr(model, "save_revision")):
        raise Http404
    try:
        obj = model.objects.get(pk=object_id)
    except model.DoesNotExist as error:
        raise Http404 from error
    return obj.specific if isinstance(obj, Page) else obj


def working_copy(obj):
    """The latest revision's content (what the editor would show), or the object itself."""
    latest = obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else None
    return latest or obj


def locked_for(obj, user) -> bool:
    lock = obj.get_lock() if hasattr(obj, "get_lock") else None
    return bool(lock and lock.for_user(user))


def apply(obj, language: str, texts: dict[str, str], user, *, submit: bool = False):
    """Write `texts` (unit key → stored value) in `language` into a new revision of `obj`.

    `submit` starts the object's workflow when none is in progress (the
    translator's "Save and submit"). Returns the revision.
    """
    if locked_for(obj, user):
        raise PermissionDenied(_("“%(name)s” is locked by another user.") % {"name": units.describe(obj)})
    copy = working_copy(obj)
    for key, text in texts.items():
        units.set_text(copy, key, language, text)
    revision = copy.save_revision(user=user, log_action=True)
    if submit:
        workflow = obj.get_workflow() if hasattr(obj, "get_workflow") else None
        fresh = type(obj).objects.get(pk=obj.pk)
        if workflow is not None and not fresh.workflow_in_progress:
            workflow.start(fresh, user)
    return revision
