from django import template
from django.utils.html import json_script

from staff_admin.picker import picker_config

register = template.Library()


@register.simple_tag(takes_context=True)
def language_picker_config(context):
    """The picker's settings for the user of this request, as a JSON script element."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    return json_script(picker_config(request), "portal-picker-config")


@register.inclusion_tag("staff_admin/workflow/note_field.html", takes_context=True)
def submission_note_field(context):
    """The optional note to the moderators, for those whose changes go through a workflow."""
    from staff_admin.workflow import NOTE_FIELD, NOTE_MAX_LENGTH, workflow_for_submitter

    request = context.get("request")
    page = context.get("page")
    parent = context.get("parent_page")
    workflow = workflow_for_submitter(request, page, parent) if request is not None else None
    return {"workflow": workflow, "name": NOTE_FIELD, "max_length": NOTE_MAX_LENGTH}


@register.simple_tag
def pending_submission_note():
    """The note being submitted in this request (the approvers' e-mail is written while submitting)."""
    from staff_admin.workflow import pending_note

    return pending_note.get()


@register.simple_tag(takes_context=True)
def visible_footer_actions(context):
    from django.utils.safestring import mark_safe

    from staff_admin.workflow import visible_footer_actions

    request = context.get("request")
    return mark_safe(visible_footer_actions(request)) if request is not None else ""  # noqa: S308 - Wagtail's own menu item HTML
