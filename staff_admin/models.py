from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionNote(models.Model):
    """What the author told the moderators when submitting a page (staff_admin.workflow)."""

    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState", on_delete=models.CASCADE, related_name="submission_notes"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("note to the moderators"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("note to the moderators")
        verbose_name_plural = _("notes to the moderators")

    def __str__(self):
        return self.text[:60]
