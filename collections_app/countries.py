"""Country names, translated through gettext.

The ten member states of the alliance come first; museums must be in one of
them. Places (find spots) may lie anywhere along the old routes, so their list
adds the neighbouring countries where relics of the member museums were found.
"""

from django.utils.translation import gettext_lazy as _

MEMBER_STATES = [
    ("CN", _("China")),
    ("RU", _("Russia")),
    ("IN", _("India")),
    ("PK", _("Pakistan")),
    ("KZ", _("Kazakhstan")),
    ("KG", _("Kyrgyzstan")),
    ("TJ", _("Tajikistan")),
    ("UZ", _("Uzbekistan")),
    ("IR", _("Iran")),
    ("BY", _("Belarus")),
]

OTHER_COUNTRIES = [
    ("AF", _("Afghanistan")),
    ("AM", _("Armenia")),
    ("AZ", _("Azerbaijan")),
    ("EG", _("Egypt")),
    ("GE", _("Georgia")),
    ("GR", _("Greece")),
    ("IQ", _("Iraq")),
    ("MN", _("Mongolia")),
    ("SY", _("Syria")),
    ("TM", _("Turkmenistan")),
    ("TR", _("Türkiye")),
    ("UA", _("Ukraine")),
]

COUNTRY_CHOICES = MEMBER_STATES + OTHER_COUNTRIES
