"""Malformed URLs get a clear 4xx, never a 500, whichever view they reach (SQLite and PostgreSQL)."""

import pytest

pytestmark = pytest.mark.django_db

NUL_URLS = [
    "/api/v2/pages/?search=%00",
    "/api/v2/images/?search=%00",
    "/api/v2/pages/?type=collections_app.RelicPage&search=bronze%00",
    "/en/?q=%00",
    "/en/museums/%00/",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_character_in_the_address_is_a_bad_request(client, tree, url):
    response = client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert "NUL" in response.json()["message"]
    else:
        assert "Bad request" in response.content.decode()


@pytest.mark.parametrize("url", NUL_URLS)
def test_the_same_addresses_without_nul_are_answered(client, tree, url):
    response = client.get(url.replace("%00", "x"))
    assert response.status_code in (200, 404)


def test_admin_page_search_refuses_nul_and_answers_a_real_query(admin_client, tree):
    assert admin_client.get("/admin/api/main/pages/?search=%00").status_code == 400
    assert admin_client.get("/admin/pages/search/?q=%00").status_code == 400
    response = admin_client.get("/admin/api/main/pages/?search=Houmuwu")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [tree.relic.pk]


def test_the_bad_request_page_is_in_the_visitors_language(client, tree):
    response = client.get("/ru/?q=%00")
    assert response.status_code == 400
    assert '<html lang="ru"' in response.content.decode()
