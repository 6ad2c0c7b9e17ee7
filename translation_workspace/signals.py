"""Wire the workspace to the content: every revision updates the translation states.

Imported from `TranslationWorkspaceConfig.ready()`.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Revision

from collections_app import publishing
from translation_workspace import gate, notifications, states


def revision_saved(sender, instance, created, raw=False, **kwargs):
    """A new revision is the object's new working copy: its units and states follow it."""
    if raw or not created:
        return
    obj = instance.as_object()
    result = states.sync_object(obj, user=instance.user, when=instance.created_at)
    # People are told about people's work: scripts (the demo loader, a seeder) save revisions without a user.
    if instance.user_id and (result.to_translate or result.to_review):
        transaction.on_commit(lambda: notifications.send(obj, result))


def term_saved(sender, instance, raw=False, **kwargs):
    """A term saved without a revision (the demo loader, a shell) is synced from itself."""
    if not raw and not instance.revisions.exists():
        states.sync_object(instance)


def term_deleted(sender, instance, **kwargs):
    states.forget_object(instance)


def refuse_gated_approval(sender, instance, raw=False, **kwargs):
    """An approval that would publish an exhibition lacking a required language is refused before it is
    recorded, so the workflow stays where it was (the dashboard's "Approve" has no form to show errors in)."""
    from wagtail.models import TaskState

    if raw or instance.status != TaskState.STATUS_APPROVED or not instance.pk:
        return
    if TaskState.objects.filter(pk=instance.pk, status=TaskState.STATUS_APPROVED).exists():
        return
    revision = instance.revision
    if revision is None or not publishing.applies(revision.content_type.model_class()):
        return
    found = publishing.problems(revision.as_object())
    if found:
        raise PermissionDenied(" ".join(found))


def connect():
    from wagtail.models import TaskState

    from collections_app.models import VOCABULARIES, ExhibitionPage

    publishing.register(ExhibitionPage, gate.problems)
    pre_save.connect(refuse_gated_approval, sender=TaskState, dispatch_uid="translation_gate_on_approval")

    post_save.connect(revision_saved, sender=Revision, dispatch_uid="translation_states_on_revision")
    for model in VOCABULARIES:
        post_save.connect(term_saved, sender=model, dispatch_uid=f"translation_units_saved_{model.__name__}")
        post_delete.connect(term_deleted, sender=model, dispatch_uid=f"translation_units_{model.__name__}")
