"""Values every visitor shares (counts, the menu), cached until the published site changes.

Each cached value's key carries the site's *generation*, a counter that
`bump()` increments whenever a page is published, unpublished, moved or
deleted (wired in `collections_app.signals`): every derived value is then
recomputed on its next use, so nothing has to know which values a change
affects. With REDIS_URL the cache, and so the generation, is shared by all
app processes; without it each process has its own, and values also expire
after `TIMEOUT` seconds, so another worker's change shows within a minute.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache

T = TypeVar("T")
GENERATION_KEY = "portal:generation"
TIMEOUT = 60 if "locmem" in settings.CACHES["default"]["BACKEND"] else 60 * 60


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def bump(**kwargs) -> None:
    """Mark every cached value stale (a signal receiver: takes any arguments)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def shared(name: str, compute: Callable[[], T]) -> T:
    """`compute()`, cached under `name` for the current generation of the site."""
    key = f"portal:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
