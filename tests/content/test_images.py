"""The image pipeline on real files: a real photograph and generated illustrations."""

from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from collections_app.demo.illustrations import Illustration, render
from collections_app.models import CollectionImage
from tests.helpers import ensure_roots

pytestmark = pytest.mark.django_db

SHARED_PHOTO = Path(__file__).resolve().parents[3] / "shared" / "data" / "images" / "renoir.jpg"


@pytest.mark.skipif(not SHARED_PHOTO.exists(), reason="../shared/data/images/renoir.jpg is not present")
def test_real_photograph_gets_renditions_of_the_requested_size():
    ensure_roots()  # a live-server test before this one may have flushed the root collection
    with SHARED_PHOTO.open("rb") as handle:
        image = CollectionImage.objects.create(title="Renoir", file=ImageFile(handle, name="renoir.jpg"))
    assert (image.width, image.height) == (1587, 1110)
    rendition = image.get_rendition("max-800x600")
    assert (rendition.width, rendition.height) == (800, 559)
    with PILImage.open(rendition.file.path) as thumbnail:
        assert thumbnail.size == (800, 559)
    cropped = image.get_rendition("fill-300x300")
    assert (cropped.width, cropped.height) == (300, 300)


def test_generated_illustration_is_a_real_jpeg_of_the_asked_size(tmp_path):
    data = render("Golden Man", Illustration("figure", "gold", 600, 800), seed="DEMO-1")
    path = tmp_path / "golden.jpg"
    path.write_bytes(data)
    with PILImage.open(path) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (600, 800)


def test_illustrations_are_deterministic():
    spec = Illustration("vessel", "bronze", 400, 300)
    assert render("Ding", spec, seed="A") == render("Ding", spec, seed="A")
