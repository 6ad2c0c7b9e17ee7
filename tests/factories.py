"""Factories for page trees, vocabularies and images used across the tests."""

import io

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.models import Collection

from collections_app import models


def jpeg_bytes(width=640, height=480, colour=(150, 120, 70)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


class CollectionImageFactory(factory.django.DjangoModelFactory):
    """A real JPEG written through Pillow and Wagtail's storage."""

    class Meta:
        model = models.CollectionImage

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyFunction(lambda: ImageFile(io.BytesIO(jpeg_bytes()), name="test.jpg"))
    collection = factory.LazyFunction(Collection.get_first_root_node)


class ObjectTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ObjectType
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"type-{n}")
    name_en = factory.Sequence(lambda n: f"Vessel {n}")
    name_ru = factory.Sequence(lambda n: f"Сосуд {n}")


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Material
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"material-{n}")
    name_en = "Bronze"
    name_ru = "Бронза"


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.HomePage

    title_en = "SCO Museum Alliance"
    title = "SCO Museum Alliance"
    slug_en = "home"
    slug = "home"


class MuseumIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.MuseumIndexPage

    title = "Museums"
    title_en = "Museums"
    title_ru = "Музеи"
    slug_en = "museums"
    slug_ru = "музеи"


class ExhibitionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ExhibitionIndexPage

    title = "Exhibitions"
    title_en = "Exhibitions"
    slug_en = "exhibitions"


class MuseumPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.MuseumPage

    title = factory.Sequence(lambda n: f"National Museum {n}")
    title_en = factory.SelfAttribute("title")
    slug_en = factory.Sequence(lambda n: f"national-museum-{n}")
    country = "CN"
    city_en = "Beijing"


class RelicPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.RelicPage

    title = factory.Sequence(lambda n: f"Bronze vessel {n}")
    title_en = factory.SelfAttribute("title")
    slug_en = factory.Sequence(lambda n: f"bronze-vessel-{n}")
    accession_number = factory.Sequence(lambda n: f"ACC-{n:05d}")
    object_type = factory.SubFactory(ObjectTypeFactory)
    earliest_year = -1200
    latest_year = -1050
    description_en = "<p>A ritual vessel.</p>"

    class Params:
        with_image = factory.Trait(
            gallery_images=factory.LazyFunction(
                lambda: [models.RelicImage(image=CollectionImageFactory(), alt_text_en="A bronze vessel")]
            )
        )


class ExhibitionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ExhibitionPage

    title = factory.Sequence(lambda n: f"Exhibition {n}")
    title_en = factory.SelfAttribute("title")
    slug_en = factory.Sequence(lambda n: f"exhibition-{n}")
    opening_date = factory.Faker("date_between", start_date="-1y", end_date="today")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.StandardPage

    title = "About"
    title_en = "About"
    slug_en = "about"
