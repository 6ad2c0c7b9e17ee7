"""IIIF Presentation 3.0: what a IIIF viewer (Mirador, Universal Viewer) gets for relics, exhibitions and museums."""

import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from iiif_prezi3 import Collection, Manifest
from PIL import Image
from wagtail.models import PageViewRestriction

from collections_app.models import RelicImage
from iiif import presentation
from tests import factories
from tests.helpers import make_home

pytestmark = pytest.mark.django_db

PROFILE = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
ALL_TAGS = {"en", "zh-Hans", "ru", "hi", "ur", "fa", "kk", "ky", "tg", "uz", "be"}


@pytest.fixture(autouse=True)
def _cache_dir(settings, tmp_path):
    settings.IIIF_CACHE_DIR = str(tmp_path / "iiif-cache")


@pytest.fixture
def museum(db):
    """Just enough site for published relics (the full `tree` fixture costs more than most tests need)."""
    return factories.MuseumPageFactory(
        parent=factories.MuseumIndexPageFactory(parent=make_home()),
        title="National Museum of China",
        title_zh_hans="中国国家博物馆",
    )


def png(width, height) -> ImageFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (120, 90, 40)).save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name="relic.png")


@pytest.fixture
def relic(museum):
    """A relic with its title in English and Russian only, two images, and some of every kind of fact."""
    front = factories.CollectionImageFactory(file=png(1200, 900))
    back = factories.CollectionImageFactory(file=png(300, 500))
    page = factories.RelicPageFactory(
        parent=museum,
        title="Houmuwu ding",
        title_ru="Дин Хоумуу",
        slug_ru="дин-хоумуу",
        description_en="<p>A <b>ritual</b> vessel &amp; its lid.</p><p>Cast bronze.</p>",
        accession_number="NMC-0001",
        height_cm=Decimal("133.00"),
        credit_line_en="Excavated at Anyang, 1939",
        gallery_images=[
            RelicImage(image=front, alt_text_en="The vessel from the front", caption_en="Front", caption_ru="Спереди"),
            RelicImage(image=back, alt_text_en="The vessel from behind"),
        ],
    )
    page.materials.add(factories.MaterialFactory())
    page.save()  # a ParentalManyToManyField is written when the page is saved
    return page


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def manifest_of(client, relic):
    return get_json(client, f"/iiif/relic/{relic.pk}/manifest")


def metadata(document) -> dict:
    """Metadata entries keyed by their English label."""
    return {entry["label"]["en"][0]: entry for entry in document["metadata"]}


# --- the manifest -----------------------------------------------------------------------------------


def test_a_relic_manifest_loads_in_a_third_party_iiif_library(client, relic):
    data = manifest_of(client, relic)
    manifest = Manifest(**data)
    assert str(manifest.id) == f"http://testserver/iiif/relic/{relic.pk}/manifest"
    assert data["@context"] == "http://iiif.io/api/presentation/3/context.json"
    assert len(manifest.items) == 2


def test_the_manifest_is_served_as_iiif_json_ld_to_any_origin(client, relic):
    response = client.get(f"/iiif/relic/{relic.pk}/manifest")
    assert response["Content-Type"] == PROFILE
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]
    head = client.head(f"/iiif/relic/{relic.pk}/manifest")
    assert head.status_code == 200 and head["Content-Type"] == PROFILE


def test_label_and_summary_carry_only_the_languages_that_have_their_own_text(client, relic):
    data = manifest_of(client, relic)
    assert data["label"] == {"en": ["Houmuwu ding"], "ru": ["Дин Хоумуу"]}
    assert data["summary"] == {"en": ["A ritual vessel & its lid.\nCast bronze."]}
    museum = metadata(data)["Museum"]["value"]
    assert museum == {"en": ["National Museum of China"], "zh-Hans": ["中国国家博物馆"]}


def test_metadata_labels_are_in_all_eleven_languages(client, relic):
    data = manifest_of(client, relic)
    labels = metadata(data)
    assert {"Accession number", "Museum", "Date", "Object type", "Materials", "Dimensions"} <= set(labels)
    for entry in data["metadata"]:
        assert set(entry["label"]) == ALL_TAGS, entry["label"]
    assert labels["Accession number"]["label"]["ru"] == ["Инвентарный номер"]
    assert labels["Accession number"]["value"] == {"none": ["NMC-0001"]}
    assert set(data["requiredStatement"]["label"]) == ALL_TAGS


def test_generated_values_are_written_in_each_language(client, relic):
    labels = metadata(manifest_of(client, relic))
    dates = labels["Date"]["value"]
    assert dates["en"] == ["1200–1050 BCE"]
    assert set(dates) == ALL_TAGS
    assert "۱۲۰۰" in dates["fa"][0]  # Persian digits
    assert labels["Dimensions"]["value"]["en"] == ["height 133 cm"]
    # The vocabulary terms have English and Russian names only.
    assert set(labels["Object type"]["value"]) == {"en", "ru"}
    assert labels["Materials"]["value"] == {"en": ["Bronze"], "ru": ["Бронза"]}


def test_the_credit_line_falls_back_to_the_museum_name(client, relic, museum):
    assert manifest_of(client, relic)["requiredStatement"]["value"] == {"en": ["Excavated at Anyang, 1939"]}
    bare = factories.RelicPageFactory(parent=museum, with_image=True)
    assert manifest_of(client, bare)["requiredStatement"]["value"] == {
        "en": ["National Museum of China"],
        "zh-Hans": ["中国国家博物馆"],
    }


def test_rights_provider_and_homepages_point_back_to_the_portal(client, relic, museum):
    data = manifest_of(client, relic)
    assert data["rights"] == relic.rights_uri
    (provider,) = data["provider"]
    assert provider["type"] == "Agent"
    assert provider["label"] == {"en": ["National Museum of China"], "zh-Hans": ["中国国家博物馆"]}
    assert [page["language"] for page in provider["homepage"]] == [["en"], ["zh-Hans"]]
    homepages = {page["language"][0]: page for page in data["homepage"]}
    assert set(homepages) == {"en", "ru"}
    assert homepages["ru"]["label"] == {"ru": ["Дин Хоумуу"]}
    assert homepages["ru"]["format"] == "text/html"
    for language, page in homepages.items():
        assert page["id"].startswith(f"http://testserver/{language}/")
        assert client.get(page["id"].removeprefix("http://testserver")).status_code == 200


def test_each_gallery_image_is_a_canvas_painted_by_the_image_server(client, relic):
    data = manifest_of(client, relic)
    assert data["viewingDirection"] == "left-to-right"
    front, back = data["items"]
    assert (front["width"], front["height"]) == (1200, 900)
    assert (back["width"], back["height"]) == (300, 500)
    assert front["label"] == {"en": ["Front"], "ru": ["Спереди"]}
    assert back["label"] == {"en": ["The vessel from behind"]}
    for canvas in data["items"]:
        assert canvas["id"].startswith(data["id"] + "/")
        (page,) = canvas["items"]
        (annotation,) = page["items"]
        assert annotation["motivation"] == "painting"
        assert annotation["target"] == canvas["id"]
        body = annotation["body"]
        assert body["service"][0]["type"] == "ImageService3" and body["service"][0]["profile"] == "level2"
        response = client.get(body["id"].removeprefix("http://testserver"))
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        served = Image.open(io.BytesIO(b"".join(response.streaming_content)))
        assert served.size == (body["width"], body["height"]) == (canvas["width"], canvas["height"])
        info = get_json(client, body["service"][0]["id"].removeprefix("http://testserver") + "/info.json")
        assert info["id"] == body["service"][0]["id"]


def test_thumbnails_are_fetchable_and_never_upscaled(client, relic):
    data = manifest_of(client, relic)
    thumbnails = [data["thumbnail"][0], *(canvas["thumbnail"][0] for canvas in data["items"])]
    assert thumbnails[0] == thumbnails[1]
    for thumb in thumbnails:
        response = client.get(thumb["id"].removeprefix("http://testserver"))
        assert response.status_code == 200, response.content
        served = Image.open(io.BytesIO(b"".join(response.streaming_content)))
        assert served.size == (thumb["width"], thumb["height"])
    assert (thumbnails[2]["width"], thumbnails[2]["height"]) == (300, 500)


def test_no_manifest_for_a_draft_a_restricted_or_an_imageless_relic(client, relic, museum):
    assert client.get(f"/iiif/relic/{relic.pk}/manifest").status_code == 200
    draft = factories.RelicPageFactory(parent=museum, with_image=True, live=False)
    response = client.get(f"/iiif/relic/{draft.pk}/manifest")
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    restricted = factories.RelicPageFactory(parent=museum, with_image=True)
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")  # noqa: S106
    assert client.get(f"/iiif/relic/{restricted.pk}/manifest").status_code == 404
    imageless = factories.RelicPageFactory(parent=museum)
    assert client.get(f"/iiif/relic/{imageless.pk}/manifest").status_code == 404
    assert client.get("/iiif/relic/999999/manifest").status_code == 404


# --- collections ------------------------------------------------------------------------------------


def test_an_exhibition_collection_lists_its_visible_relics_in_order(client, tree):
    hidden = factories.RelicPageFactory(parent=tree.museum, with_image=True)
    tree.exhibition.body_en = [
        {"type": "relic_grid", "value": {"heading": "", "relics": [tree.other_relic.pk, hidden.pk, tree.relic.pk]}}
    ]
    tree.exhibition.save()  # the live row, as publishing writes it; records the narrative's relics
    hidden.unpublish()
    data = get_json(client, f"/iiif/exhibition/{tree.exhibition.pk}/collection")
    Collection(**data)
    assert data["type"] == "Collection"
    assert data["label"] == {"en": ["Along the Silk Roads"]}
    assert [item["id"] for item in data["items"]] == [
        f"http://testserver/iiif/relic/{tree.other_relic.pk}/manifest",
        f"http://testserver/iiif/relic/{tree.relic.pk}/manifest",
    ]
    assert data["items"][1]["label"] == {"en": ["Houmuwu ding"], "ru": ["Дин Хоумуу"]}
    for item in data["items"]:
        assert item["type"] == "Manifest"
        assert client.get(item["id"].removeprefix("http://testserver")).status_code == 200
        thumb = client.get(item["thumbnail"][0]["id"].removeprefix("http://testserver"))
        assert thumb.status_code == 200 and thumb["Content-Type"] == "image/jpeg"
    assert {provider["label"]["en"][0] for provider in data["provider"]} == {
        "National Museum of China",
        "State Hermitage Museum",
    }


def test_a_museum_collection_lists_every_visible_relic(client, tree):
    response = client.get(f"/iiif/museum/{tree.museum.pk}/collection")
    assert response["Content-Type"] == PROFILE
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    Collection(**data)
    assert data["label"] == {
        "en": ["National Museum of China"],
        "zh-Hans": ["中国国家博物馆"],
        "ru": ["Национальный музей Китая"],
    }
    assert [item["id"] for item in data["items"]] == [f"http://testserver/iiif/relic/{tree.relic.pk}/manifest"]
    assert data["provider"][0]["type"] == "Agent"


def test_collections_of_unpublished_pages_are_not_found(client, tree):
    tree.exhibition.unpublish()
    tree.other_museum.unpublish()
    assert client.get(f"/iiif/exhibition/{tree.exhibition.pk}/collection").status_code == 404
    assert client.get(f"/iiif/museum/{tree.other_museum.pk}/collection").status_code == 404
    assert client.get(f"/iiif/museum/{tree.museum.pk}/collection").status_code == 200


def test_a_published_change_shows_in_the_cached_museum_collection(client, tree):
    url = f"/iiif/museum/{tree.museum.pk}/collection"
    assert len(get_json(client, url)["items"]) == 1
    factories.RelicPageFactory(parent=tree.museum, with_image=True).save_revision().publish()
    assert len(get_json(client, url)["items"]) == 2


def test_a_large_museum_collection_takes_a_constant_number_of_queries(client, museum, django_assert_max_num_queries):
    for _n in range(30):
        factories.RelicPageFactory(parent=museum, with_image=True, title_ru="Сосуд")
    # Visibility, the museum, the site, then the relics and their first images: a query per relic would make it
    # 47 or more. Up to eleven more are Wagtail's site root paths, read once per language and cached.
    with django_assert_max_num_queries(20):
        data = get_json(client, f"/iiif/museum/{museum.pk}/collection")
    assert len(data["items"]) == 30
    assert all(set(item["label"]) == {"en", "ru"} for item in data["items"])


# --- pages advertise their documents ----------------------------------------------------------------


def iiif_links(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    alternate = soup.find("link", rel="alternate", type=presentation.MEDIA_TYPE)
    return alternate, soup.select("a.iiif-link")


def test_a_relic_page_advertises_its_manifest(client, tree):
    manifest = f"http://testserver/iiif/relic/{tree.relic.pk}/manifest"
    for language in ("en", "fa"):
        with_language = tree.relic.localized_urls()[language].removeprefix("http://testserver")
        alternate, (link,) = iiif_links(client, with_language)
        assert alternate["href"] == manifest
        assert link["href"] == f"{manifest}?manifest={manifest}"
        assert "IIIF" in link["aria-label"] and link.get_text(strip=True) == "IIIF"


def test_a_relic_without_images_advertises_no_manifest(client, tree):
    imageless = factories.RelicPageFactory(parent=tree.museum, slug_en="no-image")
    alternate, links = iiif_links(client, imageless.localized_urls()["en"].removeprefix("http://testserver"))
    assert alternate is None and links == []


def test_exhibition_and_museum_pages_advertise_their_collections(client, tree):
    for page, kind in ((tree.exhibition, "exhibition"), (tree.museum, "museum")):
        collection = f"http://testserver/iiif/{kind}/{page.pk}/collection"
        alternate, (link,) = iiif_links(client, page.localized_urls()["en"].removeprefix("http://testserver"))
        assert alternate["href"] == collection
        assert link["href"] == f"{collection}?manifest={collection}"
        assert client.get(collection.removeprefix("http://testserver")).status_code == 200
