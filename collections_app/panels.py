"""Admin panels of the portal's page editors."""

from wagtail.admin.panels import InlinePanel


class PortalInlinePanel(InlinePanel):
    """An InlinePanel that shows a translator fixed rows.

    A translator changes the text of each row (alt text, caption, a
    curator's role) but cannot add, remove or reorder rows
    (`collections_app.forms` refuses it on the server); the add, delete and
    move controls are left out of their editor instead of failing on save.
    """

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and getattr(self.formset, "rows_locked", False):
                self.template_name = "collections_app/panels/locked_inline_panel.html"
