"""Who may do what: per-museum groups, collections and workflows, curators, translators.

The one home of the roles: granting them (below) and the questions asked of
them at request time (`translator_languages`, `is_translator_only`,
`may_change_published_media`, `covers_whole_site`, at the end). It imports
no model of this app: callers pass the pages to set up.

Granting is idempotent and runs on three occasions: when a `MuseumPage` or
`ExhibitionIndexPage` is created (signals), from the `sync_permissions`
management command (after a deployment or a restore) and from `load_demo`.
Nothing is granted by name matching at request time: the groups, their page
and collection permissions and the workflows are ordinary Wagtail objects an
administrator can inspect in Settings.

- `<Museum> editors`: add, change, lock on the museum's subtree and the
  exhibition index; add and choose images and documents in the museum's
  collection (Wagtail lets them change what they uploaded themselves, until
  the public site shows it: see `collections_app.image_forms`).
- `<Museum> moderators`: the same, plus publish and unlock on the museum,
  and change any image or document of the museum's collection.
- `Alliance curators`: add, change, publish, lock, unlock on the whole site;
  every collection; the vocabularies, whose changes they approve.
- `translators-<code>`: change on the whole site and on the vocabularies,
  limited to their own language's fields by `collections_app.forms`.
- `reviewers-<code>`: admin access only; in the translators' workspace
  (`translation_workspace`) they mark translations into their language
  reviewed or send them back with a comment. They change no content.

Editors cannot publish: a relic goes draft → submitted → published through
the museum's "<Museum> moderation" workflow, approved by its moderators, and a
shared exhibition through "Exhibition approval", approved by an alliance
curator. A translator's save is a draft revision like any other and is
published by the moderators (the page's workflow), never by the translator.
Vocabulary terms are moderated too: a change is a draft until an alliance
curator approves it in the "Vocabulary approval" workflow. Image metadata has
no drafts in Wagtail, so changing an image the public site shows is kept for
those who may publish (moderators, curators).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

CURATORS = "Alliance curators"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
CURATOR_PAGE_PERMISSIONS = MODERATOR_PAGE_PERMISSIONS
TRANSLATOR_PAGE_PERMISSIONS = ("change_page",)
EDITOR_MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "choose_image"),
    "wagtaildocs": ("add_document", "choose_document"),
}
MODERATOR_MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
VOCABULARY_MODELS = ("objecttype", "material", "culture", "place")
CURATOR_VOCABULARY_ACTIONS = ("add", "change", "delete", "publish", "lock", "unlock")
VOCABULARY_WORKFLOW = "Vocabulary approval"
TRANSLATOR_PREFIX = "translators-"
REVIEWER_PREFIX = "reviewers-"


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_access(group: Group) -> None:
    group.permissions.add(_permission("wagtailadmin", "access_admin"))


def _grant_pages(group: Group, page, codenames) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_media(group: Group, collection: Collection, grants: dict[str, tuple[str, ...]]) -> None:
    """Give `group` exactly these image and document permissions on `collection` (extra ones are removed)."""
    wanted = []
    for app_label, codenames in grants.items():
        for codename in codenames:
            permission = _permission(app_label, codename)
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
            wanted.append(permission.pk)
    GroupCollectionPermission.objects.filter(
        group=group, collection=collection, permission__content_type__app_label__in=grants
    ).exclude(permission__in=wanted).delete()


def _approval_workflow(name: str, group: Group) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(name=name)
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(group)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _assign_workflow(page, workflow: Workflow) -> None:
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def curators_group() -> Group:
    group, _ = Group.objects.get_or_create(name=CURATORS)
    _admin_access(group)
    return group


@transaction.atomic
def setup_museum(museum, exhibition_indexes=()) -> None:
    """Give a museum its collection, editors, moderators and moderation workflow (idempotent).

    Its editors co-author exhibitions, so they get the editor's rights on every page of
    `exhibition_indexes` too.
    """
    name = museum.title_en or museum.title
    changed = {}
    if museum.collection_id is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
        changed["collection"] = collection
    if museum.editors_group_id is None:
        changed["editors_group"] = Group.objects.get_or_create(name=f"{name} editors")[0]
    if museum.moderators_group_id is None:
        changed["moderators_group"] = Group.objects.get_or_create(name=f"{name} moderators")[0]
    if changed:
        for field, value in changed.items():
            setattr(museum, field, value)
        # A plain UPDATE: no new revision, no signal loop.
        type(museum).objects.filter(pk=museum.pk).update(
            **{f"{field}_id": value.pk for field, value in changed.items()}
        )

    editors, moderators = museum.editors_group, museum.moderators_group
    for group, grants in ((editors, EDITOR_MEDIA_PERMISSIONS), (moderators, MODERATOR_MEDIA_PERMISSIONS)):
        _admin_access(group)
        _grant_media(group, museum.collection, grants)
    _grant_pages(editors, museum, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(moderators, museum, MODERATOR_PAGE_PERMISSIONS)
    for index in exhibition_indexes:
        _grant_pages(editors, index, EDITOR_PAGE_PERMISSIONS)
    _assign_workflow(museum, _approval_workflow(f"{name} moderation", moderators))


@transaction.atomic
def setup_exhibition_index(index, museums) -> None:
    """Shared exhibitions: every museum's editors co-author, alliance curators approve."""
    for museum in museums:
        if museum.editors_group_id:
            _grant_pages(museum.editors_group, index, EDITOR_PAGE_PERMISSIONS)
    _assign_workflow(index, _approval_workflow("Exhibition approval", curators_group()))


@transaction.atomic
def setup_site(home) -> None:
    """Alliance curators and the translator groups, with their site-wide permissions."""
    curators = curators_group()
    _grant_pages(curators, home, CURATOR_PAGE_PERMISSIONS)
    for collection in Collection.objects.all():
        _grant_media(curators, collection, MODERATOR_MEDIA_PERMISSIONS)
    for model in VOCABULARY_MODELS:
        for action in CURATOR_VOCABULARY_ACTIONS:
            curators.permissions.add(_permission("collections_app", f"{action}_{model}"))
    vocabulary_workflow = _approval_workflow(VOCABULARY_WORKFLOW, curators)
    for model in VOCABULARY_MODELS:
        content_type = ContentType.objects.get_by_natural_key("collections_app", model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": vocabulary_workflow}
        )
    for code in settings.LANGUAGE_CODES:
        if code == settings.LANGUAGE_CODE:
            continue
        group, _ = Group.objects.get_or_create(name=f"{TRANSLATOR_PREFIX}{code}")
        _admin_access(group)
        _grant_pages(group, home, TRANSLATOR_PAGE_PERMISSIONS)
        for model in VOCABULARY_MODELS:
            group.permissions.add(_permission("collections_app", f"change_{model}"))
        reviewers, _ = Group.objects.get_or_create(name=f"{REVIEWER_PREFIX}{code}")
        _admin_access(reviewers)


def sync_permissions(*, homes, museums, exhibition_indexes) -> None:
    """Bring every museum, the exhibition indexes and the site-wide groups up to date."""
    exhibition_indexes = list(exhibition_indexes)
    for home in homes:
        setup_site(home)
    museums = list(museums)
    for museum in museums:
        setup_museum(museum, exhibition_indexes)
    for index in exhibition_indexes:
        setup_exhibition_index(index, museums)


# --- Questions asked of the roles at request time ------------------------------------------


def translator_languages(user, *, page=None, model=None) -> set[str] | None:
    """The languages `user` may edit on `page` (or a snippet of `model`); None means no restriction.

    Only a translator is restricted, and only where no other group of theirs
    (an editor's, moderator's or curator's) lets them change the object.
    """
    if user is None or not user.is_authenticated or user.is_superuser:
        return None
    groups = list(user.groups.all())
    languages = {
        group.name.removeprefix(TRANSLATOR_PREFIX) for group in groups if group.name.startswith(TRANSLATOR_PREFIX)
    }
    if not languages:
        return None
    others = [group for group in groups if not group.name.startswith(TRANSLATOR_PREFIX)]
    if others and page is not None and page.pk:
        if GroupPagePermission.objects.filter(
            group__in=others,
            permission__codename="change_page",
            page__in=page.get_ancestors(inclusive=True),
        ).exists():
            return None
    if others and model is not None:
        codename = f"change_{model._meta.model_name}"
        if Permission.objects.filter(group__in=others, codename=codename).exists():
            return None
    return languages & set(settings.LANGUAGE_CODES) - {settings.LANGUAGE_CODE}


def group_languages(user, prefix: str) -> set[str]:
    """The languages of the user's `translators-<code>` (or `reviewers-<code>`) groups."""
    if user is None or not user.is_authenticated:
        return set()
    names = user.groups.filter(name__startswith=prefix).values_list("name", flat=True)
    return {name.removeprefix(prefix) for name in names} & set(settings.LANGUAGE_CODES) - {settings.LANGUAGE_CODE}


def is_curator(user) -> bool:
    return bool(user and user.is_authenticated) and (user.is_superuser or user.groups.filter(name=CURATORS).exists())


def is_translator_only(user) -> bool:
    """True for an account whose only groups are translator groups (not a superuser)."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return False
    names = list(user.groups.values_list("name", flat=True))
    return bool(names) and all(name.startswith(TRANSLATOR_PREFIX) for name in names)


def may_change_published_media(user, item) -> bool:
    """Whether `user` holds the collection-wide change permission for this image or document
    (moderators, curators), not merely an uploader's right to their own files."""
    if user.is_superuser:
        return True
    codename = f"change_{item._meta.model_name}" if item._meta.model_name == "document" else "change_image"
    return GroupCollectionPermission.objects.filter(
        group__user=user,
        permission__codename=codename,
        collection__in=item.collection.get_ancestors(inclusive=True),
    ).exists()


def covers_whole_site(user) -> bool:
    """Whether the user holds a page permission on the top of the page tree (curators, translators)."""
    if user.is_superuser:
        return True
    return GroupPagePermission.objects.filter(group__user=user, page__depth__lte=2).exists()
