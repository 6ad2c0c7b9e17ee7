"""An editor previews a draft in each of the eleven languages from the page editor."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from collections_app.languages import native_name
from tests.helpers import relic_form

pytestmark = pytest.mark.django_db


def test_editor_offers_a_preview_mode_per_language(admin_client, tree):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[tree.relic.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    for code in settings.LANGUAGE_CODES:
        assert f'value="{code}"' in content
        assert native_name(code) in content


@pytest.mark.parametrize("lang", settings.LANGUAGE_CODES)
def test_draft_preview_renders_in_the_chosen_language(admin_client, tree, lang):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[tree.relic.pk])
    data = relic_form(
        tree,
        slug_en="houmuwu-ding",
        accession_number=tree.relic.accession_number,
        title_en="Draft title",
        title_kk="Жоба атауы",
        title_fa="عنوان پیش‌نویس",
    )
    assert admin_client.post(url, data).json()["is_valid"] is True
    response = admin_client.get(url, {"mode": lang})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    html = soup.find("html")
    assert html["lang"] == lang
    assert html["dir"] == ("rtl" if lang in {"ur", "fa"} else "ltr")
    expected = {"kk": "Жоба атауы", "fa": "عنوان پیش‌نویس"}.get(lang, "Draft title")
    assert soup.find("h1").get_text(strip=True) == expected
    # The draft is not published by previewing it.
    tree.relic.refresh_from_db()
    assert tree.relic.title_en == "Houmuwu ding"
