"""Conditions a page must meet before it is published, contributed by other apps.

The core knows only that such conditions exist: an app registers a check (a
callable taking the page as it would be published and returning the problems
in words), and the page editor, the workflow and `publish()` itself refuse to
publish while any check reports a problem. The translators' workspace uses it
for the languages an exhibition must have (`PORTAL_REQUIRED_TRANSLATIONS`).
"""

from __future__ import annotations

from collections.abc import Callable

_checks: list[tuple[type, Callable[[object], list[str]]]] = []


def register(model: type, check: Callable[[object], list[str]]) -> None:
    """Run `check` before a page of `model` (or a subclass) is published."""
    if (model, check) not in _checks:
        _checks.append((model, check))


def applies(model: type) -> bool:
    return any(issubclass(model, checked) for checked, _check in _checks)


def problems(page) -> list[str]:
    """Why `page` (the content about to go live) may not be published; empty when it may."""
    found: list[str] = []
    for model, check in _checks:
        if isinstance(page, model):
            found += check(page)
    return found


def publishing(data) -> bool:
    """Whether the editor's POST asks to publish: "Publish", or "Approve" in a workflow."""
    return bool(data.get("action-publish")) or (
        bool(data.get("action-workflow-action")) and data.get("workflow-action-name") == "approve"
    )
