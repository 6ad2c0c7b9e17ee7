"""Workflow in words: what a save did, submitting with a note, approving with confirmation.

Wagtail says "Page 'X' has been updated." under a LIVE badge whether or not the
change is visible, hides "Submit to …" under "More actions" and publishes on a
single click of "Approve". Here:

- a save by someone who cannot publish says that it is a draft, what visitors
  see meanwhile and which workflow puts it live;
- "Submit to <workflow>" is a visible button beside "Save draft" for those who cannot publish, and
  carries an optional note to the moderators (kept as a `SubmissionNote`, put in
  the notification e-mail Wagtail sends the approvers, and shown to them in the
  editor);
- "Approve" opens Wagtail's approval dialog (optional comment, then confirm), and
  the message afterwards says what was published and in which languages.
"""

from __future__ import annotations

import json
from contextvars import ContextVar

from django.contrib import messages as django_messages
from django.http import HttpResponseBadRequest
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import Page

from collections_app.languages import language_codes, native_name, value_in
from staff_admin.models import SubmissionNote

NOTE_FIELD = "portal-submission-note"
NOTE_MAX_LENGTH = 2000

#: The note of the submission being made in this request, for the e-mail Wagtail sends while submitting.
pending_note: ContextVar[str] = ContextVar("pending_note", default="")


# --- The action menu -------------------------------------------------------------------------


@hooks.register("construct_page_action_menu")
@hooks.register("construct_snippet_action_menu")
def submit_and_approve_in_plain_sight(menu_items, request, context):
    names = [getattr(item, "name", "") for item in menu_items]
    # "Approve" asks first: Wagtail's dialog (comment optional) is the confirmation.
    approvals = [item for item in menu_items if isinstance(item, WorkflowMenuItem) and item.name == "approve"]
    if approvals:
        approve, *others = approvals
        approve.launch_modal = True
        approve.label = _("Approve and publish…")
        for other in others:  # "Approve with comment" is now the same dialog
            menu_items.remove(other)
        menu_items.remove(approve)
        menu_items.insert(0, approve)
    elif "action-submit" in names and "action-publish" not in names:
        # Those who cannot publish see "Submit to …" as a button of its own beside "Save draft",
        # not under the menu's arrow (rendered by the `visible_footer_actions` tag).
        submit = menu_items.pop(names.index("action-submit"))
        request.portal_visible_actions = [(submit, context)]


def visible_footer_actions(request) -> str:
    """The actions taken out of the footer menu by `submit_and_approve_in_plain_sight`, rendered."""
    return "".join(item.render_html(context) for item, context in getattr(request, "portal_visible_actions", []))


@hooks.register("insert_global_admin_js")
def approve_asks_on_the_dashboard_too():
    return format_html('<script src="{}"></script>', static("staff_admin/js/workflow.js"))


# --- The note to the moderators ----------------------------------------------------------------


def _is_submission(request) -> bool:
    # As Wagtail's edit view decides: by the pressed button's (non-empty) value.
    return request.method == "POST" and bool(request.POST.get("action-submit"))


def _refuse_malformed_workflow_data(request, *args):
    """Wagtail's edit view reads this field with json.loads: a malformed value was a server error."""
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        try:
            data = json.loads(request.POST.get("workflow-action-extra-data", "{}"))
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return HttpResponseBadRequest(_("The workflow action's data is malformed."))
    return None


hooks.register("before_edit_page", _refuse_malformed_workflow_data)


def _remember_note(request, *args):
    if _is_submission(request):
        pending_note.set(request.POST.get(NOTE_FIELD, "").strip()[:NOTE_MAX_LENGTH])


@hooks.register("before_edit_page")
def show_the_note_to_the_reviewers(request, page):
    """The author's note heads the page for those who review it."""
    if request.method != "GET":
        return
    task_state = page.current_workflow_task_state
    if task_state is None or not task_state.task.specific.user_can_access_editor(page, request.user):
        return
    note = note_for(page.current_workflow_state)
    if note is not None and note.author_id != request.user.pk:
        author = (note.author.get_full_name() or note.author.get_username()) if note.author else _("the author")
        text = _("Note from %(author)s with this submission: %(note)s") % {"author": author, "note": note.text}
        messages.info(request, text)


hooks.register("before_edit_page", _remember_note)
hooks.register("before_create_page", _remember_note)


def workflow_for_submitter(request, page, parent=None):
    """The workflow `request.user` submits `page` to, or None where they publish themselves or none applies."""
    user = request.user
    if page is not None and page.pk:
        permissions = page.permissions_for_user(user)
        if permissions.can_publish() or not permissions.can_submit_for_moderation():
            return None
        return page.get_workflow()
    if parent is not None:
        if parent.permissions_for_user(user).can_publish_subpage():
            return None
        return parent.get_workflow()
    return None


def note_for(workflow_state) -> SubmissionNote | None:
    if workflow_state is None:
        return None
    return SubmissionNote.objects.filter(workflow_state=workflow_state).select_related("author").last()


def _keep_note(request, page) -> None:
    note = pending_note.get()
    pending_note.set("")
    state = page.current_workflow_state
    if note and state is not None:
        SubmissionNote.objects.create(workflow_state=state, author=request.user, text=note)


# --- Messages -----------------------------------------------------------------------------


def _replace_message(request, text, buttons=None) -> None:
    """Replace the success message the view queued (Wagtail's generic one) by `text`: one message, ours."""
    storage = django_messages.get_messages(request)
    queued = getattr(storage, "_queued_messages", None)
    if queued:
        queued[:] = [message for message in queued if message.level != django_messages.SUCCESS]
    messages.success(request, text, buttons=buttons)


def _notified(page, user) -> int:
    """How many approvers Wagtail's submission e-mail reached (active, with an address, not opted out)."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        return 0
    return len(GroupApprovalTaskStateSubmissionEmailNotifier().get_valid_recipients(task_state, user=user))


def published_languages(page) -> list[str]:
    """The languages in which the page has its own title (the rest read it through fallback)."""
    return [code for code in language_codes() if value_in(page, "title", code)]


def _after_save(request, page):
    if not request.accepts("text/html"):
        return  # an autosave answers in JSON: a message queued now would greet the editor on a later page
    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()
    workflow = page.get_workflow()
    if _is_submission(request) and page.current_workflow_state is not None:
        _keep_note(request, page)
        count = _notified(page, request.user)
        state = page.current_workflow_state
        name = state.workflow.name if state else (workflow and workflow.name)
        _replace_message(
            request,
            ngettext(
                "“%(title)s” is submitted to %(workflow)s; %(count)d moderator has been notified. "
                "It goes live when approved.",
                "“%(title)s” is submitted to %(workflow)s; %(count)d moderators have been notified. "
                "It goes live when approved.",
                count,
            )
            % {"title": title, "workflow": name, "count": count},
        )
        return
    action = request.POST.get("workflow-action-name") if request.POST.get("action-workflow-action") else None
    if action == "approve":
        last = page.workflow_states.order_by("-created_at").first()
        if page.live and last is not None and last.status == last.STATUS_APPROVED:
            separator = pgettext("list separator", ", ")
            languages = separator.join(native_name(code) for code in published_languages(page))
            _replace_message(
                request,
                _("“%(title)s” is approved and published. Visitors now read it in: %(languages)s.")
                % {"title": title, "languages": languages},
                buttons=[messages.button(page.full_url or page.url, _("View live"), new_window=True)],
            )
        return
    if any(value for key, value in request.POST.items() if key.startswith("action-")):
        return  # publishing, workflow actions: Wagtail's own message says it
    if workflow is None or page.permissions_for_user(request.user).can_publish():
        return
    if page.current_workflow_state is not None:
        text = _("“%(title)s” is saved. It is with %(workflow)s, whose moderators will review this version.")
    elif page.live:
        text = _(
            "“%(title)s” is saved as a draft: visitors still see the published version. "
            "It goes live when %(workflow)s approves it; press “Submit” when it is ready."
        )
    else:
        text = _(
            "“%(title)s” is saved as a draft: visitors do not see it yet. "
            "It goes live when %(workflow)s approves it; press “Submit” when it is ready."
        )
    _replace_message(request, text % {"title": title, "workflow": workflow.name})


hooks.register("after_edit_page", _after_save)
hooks.register("after_create_page", _after_save)
