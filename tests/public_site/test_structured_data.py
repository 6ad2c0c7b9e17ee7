"""schema.org JSON-LD in the head of relic, exhibition and museum pages, in the page's language."""

import json

import pytest
from bs4 import BeautifulSoup

from collections_app.models import RelicPage
from collections_app.structured_data import iso_year, temporal_coverage
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def json_ld(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


def test_a_relic_is_a_visual_artwork_in_the_pages_language(client, tree):
    relic = RelicPage.objects.get(pk=tree.relic.pk)
    relic.earliest_year, relic.latest_year = -1300, -1046
    relic.rights_uri = "http://rightsstatements.org/vocab/InC/1.0/"
    relic.save_revision().publish()
    (data,) = json_ld(client, url_in(tree.relic, "ru"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "VisualArtwork"
    assert data["name"] == "Дин Хоумуу"
    assert data["description"] == "Ритуальный сосуд."
    assert data["inLanguage"] == "ru"
    assert data["url"] == f"http://testserver{url_in(tree.relic, 'ru')}"
    assert data["identifier"]["value"] == relic.accession_number
    assert data["temporalCoverage"] == "-1299/-1045"  # 1300–1046 BCE: ISO 8601 counts a year 0
    assert data["provider"] == {
        "@type": "Museum",
        "name": "Национальный музей Китая",
        "url": f"http://testserver{url_in(tree.museum, 'ru')}",
    }
    assert data["license"] == "http://rightsstatements.org/vocab/InC/1.0/"
    assert data["image"].startswith("http://testserver/")


def test_an_exhibition_is_an_online_exhibition_event_organised_by_its_museums(client, tree):
    (data,) = json_ld(client, url_in(tree.exhibition, "en"))
    assert data["@type"] == "ExhibitionEvent"
    assert data["name"] == "Along the Silk Roads"
    assert data["startDate"] == tree.exhibition.opening_date.isoformat()
    assert data["location"]["@type"] == "VirtualLocation"
    assert {organizer["name"] for organizer in data["organizer"]} == {
        museum.title for museum in tree.exhibition.participating_museums.all()
    }


def test_a_museum_is_a_museum_with_its_address_and_other_pages_have_none(client, tree):
    (data,) = json_ld(client, url_in(tree.museum, "zh-hans"))
    assert data["@type"] == "Museum"
    assert data["name"] == "中国国家博物馆"
    assert data["inLanguage"] == "zh-Hans"
    assert data["address"] == {"@type": "PostalAddress", "addressLocality": "Beijing", "addressCountry": "CN"}
    assert json_ld(client, url_in(tree.standard, "en")) == []


def test_a_title_cannot_close_the_script_element(client, tree):
    relic = RelicPage.objects.get(pk=tree.relic.pk)
    relic.title_en = "Mirror </script><script>alert(1)</script>"
    relic.save_revision().publish()
    html = client.get(url_in(tree.relic, "en")).content.decode()
    assert "</script><script>alert(1)" not in html
    (data,) = json_ld(client, url_in(tree.relic, "en"))
    assert data["name"] == "Mirror </script><script>alert(1)</script>"


def test_historical_years_become_iso_8601_years():
    assert [iso_year(year) for year in (1403, 1, -1, -500)] == ["1403", "0001", "0000", "-0499"]
    assert temporal_coverage(-500, None) == "-0499"
    assert temporal_coverage(None, None) is None
