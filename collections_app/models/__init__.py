"""The collection's models, one module per noun, re-exported here."""

from collections_app.models.base import BasePage
from collections_app.models.exhibition import ExhibitionCurator, ExhibitionMuseum, ExhibitionPage, ExhibitionRelic
from collections_app.models.images import CollectionImage, CollectionRendition
from collections_app.models.museum import MuseumPage
from collections_app.models.pages import ExhibitionIndexPage, HomePage, MuseumIndexPage, StandardPage
from collections_app.models.relic import RelicImage, RelicPage
from collections_app.models.vocabularies import VOCABULARIES, Culture, Material, ObjectType, Place

__all__ = [
    "BasePage",
    "CollectionImage",
    "CollectionRendition",
    "Culture",
    "ExhibitionCurator",
    "ExhibitionIndexPage",
    "ExhibitionMuseum",
    "ExhibitionPage",
    "ExhibitionRelic",
    "HomePage",
    "Material",
    "MuseumIndexPage",
    "MuseumPage",
    "ObjectType",
    "Place",
    "RelicImage",
    "RelicPage",
    "StandardPage",
    "VOCABULARIES",
]
