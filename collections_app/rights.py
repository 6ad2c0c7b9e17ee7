"""Rights statements: the rightsstatements.org and Creative Commons URIs the
portal accepts, each with a label readers understand in their language.

Aggregators (Europeana, DPLA) read the URI; visitors read the label. Storing
the canonical URI keeps both right.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class RightsStatement(models.TextChoices):
    PUBLIC_DOMAIN_MARK = "https://creativecommons.org/publicdomain/mark/1.0/", _("Public Domain Mark 1.0")
    CC0 = "https://creativecommons.org/publicdomain/zero/1.0/", _("CC0 1.0 Universal (public domain dedication)")
    CC_BY = "https://creativecommons.org/licenses/by/4.0/", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_NC = "https://creativecommons.org/licenses/by-nc/4.0/", _("Creative Commons Attribution-NonCommercial 4.0")
    CC_BY_NC_SA = (
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0"),
    )
    CC_BY_ND = "https://creativecommons.org/licenses/by-nd/4.0/", _("Creative Commons Attribution-NoDerivatives 4.0")
    CC_BY_NC_ND = (
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        _("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0"),
    )
    IN_COPYRIGHT = "http://rightsstatements.org/vocab/InC/1.0/", _("In Copyright")
    IN_COPYRIGHT_EDU = (
        "http://rightsstatements.org/vocab/InC-EDU/1.0/",
        _("In Copyright – Educational Use Permitted"),
    )
    IN_COPYRIGHT_NC = (
        "http://rightsstatements.org/vocab/InC-NC/1.0/",
        _("In Copyright – Non-Commercial Use Permitted"),
    )
    NO_COPYRIGHT_NC = (
        "http://rightsstatements.org/vocab/NoC-NC/1.0/",
        _("No Copyright – Non-Commercial Use Only"),
    )
    NO_COPYRIGHT_OTHER = (
        "http://rightsstatements.org/vocab/NoC-OKLR/1.0/",
        _("No Copyright – Other Known Legal Restrictions"),
    )
    NOT_EVALUATED = "http://rightsstatements.org/vocab/CNE/1.0/", _("Copyright Not Evaluated")
    UNDETERMINED = "http://rightsstatements.org/vocab/UND/1.0/", _("Copyright Undetermined")


def validate_rights_uri(value: str) -> None:
    if value not in RightsStatement.values:
        raise ValidationError(
            _("Choose a rights statement from rightsstatements.org or Creative Commons."),
            code="invalid_rights_uri",
        )


def rights_field(**kwargs) -> models.CharField:
    options = {
        "verbose_name": _("rights statement"),
        "max_length": 100,
        "choices": RightsStatement.choices,
        "default": RightsStatement.NOT_EVALUATED,
        "validators": [validate_rights_uri],
        "help_text": _("The rightsstatements.org or Creative Commons statement that applies."),
    }
    options.update(kwargs)
    return models.CharField(**options)
