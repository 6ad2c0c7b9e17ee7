"""Who may do what in the workspace. Asked on the server by every view and command.

- Curators (and superusers) see every language's progress and queue.
- Translators (`translators-<code>`) translate into their languages, where the
  page (or vocabulary) permissions let them change the object.
- Reviewers (`reviewers-<code>`) review translations into their languages,
  never their own; they change no content.
"""

from __future__ import annotations

from wagtail.models import Page

from collections_app.permissions import REVIEWER_PREFIX, TRANSLATOR_PREFIX, group_languages, is_curator
from translation_workspace.units import target_languages


def workspace_languages(user) -> list[str]:
    """The languages whose progress and queue `user` sees, in the table's order."""
    if is_curator(user):
        return target_languages()
    own = group_languages(user, TRANSLATOR_PREFIX) | group_languages(user, REVIEWER_PREFIX)
    return [code for code in target_languages() if code in own]


def may_translate(user, obj, language: str) -> bool:
    """Whether `user` may write `language` text into `obj` (the same rule as the page editor's)."""
    from collections_app.permissions import translator_languages

    if language not in target_languages():
        return False
    if isinstance(obj, Page):
        if not obj.permissions_for_user(user).can_edit():
            return False
        allowed = translator_languages(user, page=obj)
    else:
        if not user.has_perm(f"{obj._meta.app_label}.change_{obj._meta.model_name}"):
            return False
        allowed = translator_languages(user, model=type(obj))
    return allowed is None or language in allowed


def may_review(user, language: str) -> bool:
    if user.is_superuser:
        return language in target_languages()
    return language in group_languages(user, REVIEWER_PREFIX)


def may_translate_language(user, language: str) -> bool:
    """Whether `user` translates into `language` at all (curators and translators of it)."""
    from collections_app.permissions import TRANSLATOR_PREFIX as prefix

    if is_curator(user):
        return language in target_languages()
    return language in group_languages(user, prefix)
