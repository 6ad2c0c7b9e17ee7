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
