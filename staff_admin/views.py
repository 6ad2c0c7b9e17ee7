"""Admin endpoints where Wagtail's own answer a malformed request with a server error."""

import json

from django.http import HttpResponseBadRequest
from wagtail.admin.views.dismissibles import DismissiblesView


class CheckedDismissiblesView(DismissiblesView):
    """Wagtail's per-user UI memory (the language picker keeps its choice there).

    Wagtail merges the body into the stored object without checking that it is
    one: a list, a number or a string was a 500. Anything but a JSON object is a 400.
    """

    def patch(self, request, *args, **kwargs):
        try:
            updates = json.loads(request.body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return HttpResponseBadRequest("A JSON object is expected.")
        if not isinstance(updates, dict):
            return HttpResponseBadRequest("A JSON object is expected.")
        return super().patch(request, *args, **kwargs)
