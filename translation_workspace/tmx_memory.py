"""The translation memory as TMX: out to a museum's CAT tools, and their memories in."""

from __future__ import annotations

import importlib

from translation_workspace.formats import FileFormatError
from translation_workspace.models import MemoryEntry
from translation_workspace.states import remember
from translation_workspace.units import SOURCE

__all__ = ["FileFormatError", "export", "import_"]


def _tmx():
    return importlib.import_module("translation_workspace.formats.tmx")


def export(language: str) -> bytes:
    tmx = _tmx()
    pairs = [
        tmx.MemoryPair(source, target, SOURCE, language, origin)
        for source, target, origin in MemoryEntry.objects.filter(language=language)
        .order_by("pk")
        .values_list("source_text", "target_text", "origin")
    ]
    return tmx.dump(pairs)


def import_(data: bytes, filename: str = "", *, languages=None) -> tuple[int, int]:
    """Add the file's pairs (English → a portal language) to the memory; returns (added, skipped)."""
    result = _tmx().load(data)
    pairs = getattr(result, "pairs", result)
    skipped = getattr(result, "skipped", 0)
    added = 0
    for pair in pairs:
        if pair.source_language != SOURCE or (languages and pair.target_language not in languages):
            skipped += 1
            continue
        if remember(pair.target_language, pair.source, pair.target, f"tmx:{filename}"[:255]):
            added += 1
        else:
            skipped += 1
    return added, skipped
