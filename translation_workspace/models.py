"""What the workspace remembers: each translatable unit, its state per language, the memory.

A *unit* is one translatable text of one object: a page field ("description"),
a field of an inline row ("gallery_images:15:caption"), a text inside a block
of a narrative ("body:<block id>:text") or a vocabulary term's name. Its
English text is the source. Per language a `Translation` row keeps the
fingerprint of the source the target was written from, so an English edit
turns the translation stale and an update of the target makes it current.
The rows are kept in step with the content by `states.sync_object()` on every
revision (see `signals.py`); `manage.py translation_states` computes them for
existing content from the revision history.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class State(models.TextChoices):
    MISSING = "missing", pgettext_lazy("translation state", "Missing")
    STALE = "stale", pgettext_lazy("translation state", "Stale")
    TRANSLATED = "translated", pgettext_lazy("translation state", "Translated")
    REVIEWED = "reviewed", pgettext_lazy("translation state", "Reviewed")


#: States counted as done: the target exists and was written from the current source.
CURRENT = (State.TRANSLATED, State.REVIEWED)


class TranslationUnit(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    #: The field path inside the object; with the model and object id it is the unit's stable id.
    key = models.CharField(max_length=255)
    label = models.CharField(max_length=255)
    rich = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)
    #: The current English text (HTML for rich text).
    source_text = models.TextField()
    source_hash = models.CharField(max_length=40)
    #: The page the unit belongs to (none for vocabulary terms), and its museum, for the scopes.
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    museum = models.ForeignKey(
        "collections_app.MuseumPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "key"], name="translation_unit_identity")
        ]
        indexes = [models.Index(fields=["page"]), models.Index(fields=["museum"])]

    def __str__(self):
        return self.unit_id

    @property
    def unit_id(self) -> str:
        """The id in exported files: survives renames and moves (model, primary key, field path)."""
        return f"{self.content_type.model}:{self.object_id}:{self.key}"


class Translation(models.Model):
    unit = models.ForeignKey(TranslationUnit, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=12)
    state = models.CharField(max_length=12, choices=State.choices, default=State.MISSING)
    target_text = models.TextField(blank=True)
    target_hash = models.CharField(max_length=40, blank=True)
    #: The English text the target was written from (for the diff) and its fingerprint.
    translated_from = models.TextField(blank=True)
    translated_from_hash = models.CharField(max_length=40, blank=True)
    translated_at = models.DateTimeField(null=True, blank=True)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: Sent back by a reviewer: the translation stays, with the reviewer's comment, in the queue.
    returned = models.BooleanField(default=False)
    comment = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "language"], name="translation_per_language")]
        indexes = [models.Index(fields=["language", "state"])]

    def __str__(self):
        return f"{self.unit} [{self.language}] {self.state}"


class MemoryEntry(models.Model):
    """One source text and its translation, from the portal's own content or an imported TMX file."""

    language = models.CharField(max_length=12)
    source_text = models.TextField()
    source_hash = models.CharField(max_length=40)
    target_text = models.TextField()
    target_hash = models.CharField(max_length=40)
    #: Where it came from: a unit id, or "tmx:<file name>".
    origin = models.CharField(max_length=255, blank=True)
    length = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "source_hash", "target_hash"], name="memory_entry_once")
        ]
        indexes = [models.Index(fields=["language", "source_hash"]), models.Index(fields=["language", "length"])]
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory entries")

    def __str__(self):
        return f"[{self.language}] {self.source_text[:40]}"


class Notice(models.Model):
    """When the translators or reviewers of a language were last told about an object (one e-mail per batch)."""

    language = models.CharField(max_length=12)
    kind = models.CharField(max_length=12)  # "queue" (translators) or "review" (reviewers)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "kind", "content_type", "object_id"], name="notice_once")
        ]

    def __str__(self):
        return f"[{self.language}] {self.kind} {self.content_type_id}:{self.object_id}"
