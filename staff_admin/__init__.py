"""The staff admin's working comfort: what editors, moderators, curators and translators meet in Wagtail.

Role rules and role-restricted forms stay beside the models (`collections_app.permissions`,
`forms`, `panels`); this app holds what the admin shows and says: the language picker,
the museum's record list, workflow messages, and catalogue overrides for Wagtail's own
strings in the languages Wagtail does not ship.
"""
