"""Admin views that would show a page to a user with no business seeing it.

Wagtail checks permissions on the actions (edit, publish, delete…) but some
views only read, and show a page's title or owner to any admin user: the
page explorer at `/admin/pages/<id>/`, the workflow preview, the bulk-action
confirmations and the site-wide "page types usage" report. For a museum's
never-published relic that is a leak of its draft title to every other
museum's staff.

`AdminPageAccessMiddleware` gives every page-scoped admin view one rule,
Wagtail's own: a user may look at a page in the admin only when it is
*explorable* for them (they hold a permission on it, or on a page below it).
Reports over the whole site are for users whose permissions cover the whole
site. Everyone else gets Wagtail's standard "no permission" answer.
"""

from wagtail.admin.auth import permission_denied
from wagtail.permission_policies.pages import PagePermissionPolicy

from collections_app.permissions import covers_whole_site

# URL keyword arguments that name a page in Wagtail's admin URLs.
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "pk")
PAGE_VIEWS = {"wagtailadmin_explore", "wagtailadmin_explore_results"}
SITE_WIDE_REPORTS = {"page_types_usage", "page_types_usage_results"}


def can_explore(user, page_ids) -> bool:
    """Whether every page in `page_ids` is explorable for `user` in the admin."""
    page_ids = {int(pk) for pk in page_ids}
    if user.is_superuser or not page_ids:
        return True
    explorable = PagePermissionPolicy().explorable_instances(user).filter(pk__in=page_ids)
    return explorable.count() == len(page_ids)


def _page_ids(request, match) -> list[str]:
    if "wagtailadmin_pages" in match.namespaces or match.url_name in PAGE_VIEWS:
        return [str(match.kwargs[name]) for name in PAGE_KWARGS if name in match.kwargs]
    if match.url_name == "wagtail_bulk_action" and match.kwargs.get("app_label") == "wagtailcore":
        # `id=all&childOf=<page>` acts on (and lists) every child of that page.
        ids = request.GET.getlist("id") + request.GET.getlist("childOf")
        return [pk for pk in ids if pk.isdigit()]
    return []


class AdminPageAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None  # Wagtail's own login requirement answers
        if "wagtailadmin_reports" in match.namespaces and match.url_name in SITE_WIDE_REPORTS:
            return None if covers_whole_site(user) else permission_denied(request)
        page_ids = _page_ids(request, match)
        if page_ids and not can_explore(user, page_ids):
            return permission_denied(request)
        return None
