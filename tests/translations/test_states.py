"""Translation states per field and language: translate → stale on an English edit → current → reviewed."""

import pytest

from tests.helpers import revise
from translation_workspace import states
from translation_workspace.models import MemoryEntry, State, Translation, TranslationUnit


def state(page, key, lang):
    return Translation.objects.get(unit__object_id=page.pk, unit__key=key, language=lang).state


@pytest.mark.django_db
def test_a_translation_goes_stale_when_the_english_changes_and_current_when_updated(tree):
    relic = revise(tree.relic, technique_en="Cast bronze")
    assert state(relic, "technique", "kk") == State.MISSING
    relic = revise(relic, technique_kk="Қола құю")
    assert state(relic, "technique", "kk") == State.TRANSLATED
    assert state(relic, "technique", "ru") == State.MISSING

    relic = revise(relic, technique_en="Cast and chased bronze")
    assert state(relic, "technique", "kk") == State.STALE
    translation = Translation.objects.get(unit__object_id=relic.pk, unit__key="technique", language="kk")
    assert translation.translated_from == "Cast bronze"  # what the diff is drawn from

    relic = revise(relic, technique_kk="Қола құю және қуалау")
    assert state(relic, "technique", "kk") == State.TRANSLATED


@pytest.mark.django_db
def test_a_review_holds_until_the_target_or_the_source_changes(tree):
    relic = revise(tree.relic, technique_en="Cast bronze", technique_kk="Қола құю")
    translation = Translation.objects.get(unit__object_id=relic.pk, unit__key="technique", language="kk")
    translation.reviewed_at = translation.translated_at
    translation.state = states.compute_state(translation, translation.unit.source_hash)
    translation.save()
    assert state(relic, "technique", "kk") == State.REVIEWED

    relic = revise(relic, period_label_en="Shang dynasty")  # another field: the review stands
    assert state(relic, "technique", "kk") == State.REVIEWED
    relic = revise(relic, technique_en="Bronze, cast")
    assert state(relic, "technique", "kk") == State.STALE


@pytest.mark.django_db
def test_units_cover_inline_rows_and_narrative_blocks(tree):
    relic = revise(tree.relic, technique_en="Cast bronze")
    keys = set(TranslationUnit.objects.filter(object_id=relic.pk).values_list("key", flat=True))
    row = relic.gallery_images.first()
    assert {"title", "technique", f"gallery_images:{row.pk}:alt_text"} <= keys

    exhibition = revise(tree.exhibition, subtitle_en="Objects on the move")
    keys = set(TranslationUnit.objects.filter(object_id=exhibition.pk).values_list("key", flat=True))
    section = exhibition.body_en[0]
    assert f"body:{section.id}:heading" in keys and f"body:{section.id}:text" in keys
    # A grid without a heading has no text to translate.
    assert not any(key.startswith(f"body:{exhibition.body_en[1].id}") for key in keys)


@pytest.mark.django_db
def test_history_is_replayed_for_existing_content(tree):
    relic = revise(tree.relic, technique_en="Cast bronze", technique_ru="Литьё из бронзы")
    revise(relic, technique_en="Cast and chased bronze")
    TranslationUnit.objects.all().delete()
    states.replay_history(relic)
    # Computed from the revisions: the Russian was written from the earlier English.
    assert state(relic, "technique", "ru") == State.STALE
    assert state(relic, "technique", "kk") == State.MISSING


@pytest.mark.django_db
def test_every_translation_is_remembered(tree):
    revise(tree.relic, technique_en="Cast bronze", technique_kk="Қола құю")
    assert MemoryEntry.objects.filter(language="kk", source_text="Cast bronze", target_text="Қола құю").exists()
