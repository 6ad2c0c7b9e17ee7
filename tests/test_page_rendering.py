"""Every page type answers in every language with the right <html lang dir>."""

import re

import pytest
from django.conf import settings
from django.utils import translation

pytestmark = pytest.mark.django_db

RTL = {"ur", "fa"}


def html_tag(content: str) -> str:
    return re.search(r"<html[^>]*>", content).group(0)


@pytest.mark.parametrize("lang", settings.LANGUAGE_CODES)
def test_every_page_type_renders_with_lang_and_dir(client, tree, lang):
    for page in tree.pages():
        with translation.override(lang):
            url = page.url
        assert url.startswith(f"/{lang}/"), url
        response = client.get(url)
        assert response.status_code == 200, (type(page).__name__, lang, url)
        tag = html_tag(response.content.decode())
        assert f'lang="{lang}"' in tag
        assert f'dir="{"rtl" if lang in RTL else "ltr"}"' in tag


@pytest.mark.parametrize("lang", settings.LANGUAGE_CODES)
def test_every_page_lists_all_languages_as_alternates(client, tree, lang):
    with translation.override(lang):
        url = tree.relic.url
    content = client.get(url).content.decode()
    hreflangs = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', content)
    assert [code for code, _href in hreflangs] == [*settings.LANGUAGE_CODES, "x-default"]
    assert all(href.startswith("http://testserver/") for _code, href in hreflangs)
    assert f'<link rel="canonical" href="http://testserver{url}">' in content


def test_borrowed_text_is_marked_with_its_language(client, tree):
    with translation.override("kk"):
        url = tree.relic.url
    content = client.get(url).content.decode()
    assert 'lang="ru" dir="ltr" data-fallback-from="ru"' in content
    assert "Дин Хоумуу" in content
    assert 'class="fallback-notice"' in content


def test_fully_translated_page_has_no_fallback_notice(client, tree):
    content = client.get(tree.relic.url).content.decode()
    assert "data-fallback-from" not in content
    assert 'class="fallback-notice"' not in content


def test_exhibition_shows_live_relics_and_hides_unpublished_ones(client, tree):
    tree.other_relic.unpublish()
    content = client.get(tree.exhibition.url).content.decode()
    assert "Houmuwu ding" in content
    assert "Kelermes panther" not in content


def test_unknown_page_is_404_in_the_visitors_language(client, tree):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert 'lang="ru"' in response.content.decode()


@pytest.mark.parametrize("lang", [code for code in settings.LANGUAGE_CODES if code != "en"])
def test_interface_labels_come_from_the_languages_catalogue(client, tree, lang):
    with translation.override(lang):
        label = translation.gettext("Accession number")
        url = tree.relic.url
    assert label != "Accession number", f"no compiled catalogue for {lang} (run make messages)"
    assert label in client.get(url).content.decode()
