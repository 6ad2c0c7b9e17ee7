"""Translation memory: earlier translations of the same or a similar English text.

Every translation saved in the portal is remembered (`states.remember`), and
TMX files from a museum's CAT tools add theirs. Exact matches (same fingerprint)
come first, then fuzzy matches scored by `difflib`'s similarity ratio among
entries of a comparable length, so a lookup stays cheap as the memory grows.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from translation_workspace.models import MemoryEntry
from translation_workspace.units import fingerprint

#: The lowest similarity offered, in percent (CAT tools commonly start at 70–75).
THRESHOLD = 70
#: How many entries of a comparable length are compared at most.
CANDIDATES = 2000


@dataclass(frozen=True)
class Suggestion:
    source: str
    target: str
    score: int  # 100 for an exact match
    origin: str


def suggestions(source: str, language: str, *, exclude_target: str = "", limit: int = 3) -> list[Suggestion]:
    source = source.strip()
    if not source:
        return []
    entries = MemoryEntry.objects.filter(language=language)
    exact = [
        Suggestion(e.source_text, e.target_text, 100, e.origin)
        for e in entries.filter(source_hash=fingerprint(source)).order_by("-created_at")[:limit]
        if e.target_text != exclude_target
    ]
    low, high = int(len(source) * THRESHOLD / 100), int(len(source) * 100 / THRESHOLD) + 1
    candidates = (
        entries.filter(length__gte=low, length__lte=high)
        .exclude(source_hash=fingerprint(source))
        .order_by("-created_at")
        .values_list("source_text", "target_text", "origin")[:CANDIDATES]
    )
    fuzzy = []
    for other_source, target, origin in candidates:
        if target == exclude_target:
            continue
        matcher = SequenceMatcher(None, source, other_source, autojunk=False)
        if matcher.real_quick_ratio() * 100 < THRESHOLD or matcher.quick_ratio() * 100 < THRESHOLD:
            continue
        score = round(matcher.ratio() * 100)
        if score >= THRESHOLD:
            fuzzy.append(Suggestion(other_source, target, score, origin))
    fuzzy.sort(key=lambda s: -s.score)
    return (exact + fuzzy)[:limit]
