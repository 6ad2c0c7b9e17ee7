"""Translated slugs: each language has its own URL, and every link resolves."""

from urllib.parse import unquote

import pytest
from django.conf import settings
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_russian_url_uses_russian_slugs(tree):
    with translation.override("ru"):
        assert unquote(tree.relic.url) == "/ru/музеи/национальный-музей-китая/дин-хоумуу/"


def test_chinese_url_uses_chinese_slug_and_english_where_untranslated(tree):
    with translation.override("zh-hans"):
        assert unquote(tree.relic.url) == "/zh-hans/museums/中国国家博物馆/houmuwu-ding/"


def test_kazakh_links_use_the_russian_slugs_they_fall_back_to(client, tree):
    with translation.override("kk"):
        url = tree.relic.url
    assert unquote(url) == "/kk/музеи/национальный-музей-китая/дин-хоумуу/"
    assert client.get(url).status_code == 200


def test_english_slug_under_russian_prefix_is_not_found(client, tree):
    assert client.get("/ru/museums/national-museum-of-china/houmuwu-ding/").status_code == 404


@pytest.mark.parametrize("lang", settings.LANGUAGE_CODES)
def test_every_built_link_resolves_in_every_language(client, tree, lang):
    for page in [*tree.pages(), tree.other_museum, tree.other_relic]:
        with translation.override(lang):
            url = page.url
        assert client.get(url).status_code == 200, (lang, url)


def test_adding_a_translation_later_keeps_fallback_links_working(client, tree):
    museum = tree.museum
    museum.title_kk = "Қытай ұлттық музейі"
    museum.save_revision().publish()
    with translation.override("kk"):
        url = type(tree.relic).objects.get(pk=tree.relic.pk).url
    assert client.get(url).status_code == 200


def test_home_page_keeps_one_slug_in_every_language(tree):
    values = {getattr(tree.home, f"slug_{code.replace('-', '_')}") for code in settings.LANGUAGE_CODES}
    assert values == {"home"}


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.5", "/ru/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("fa", "/fa/"),
        ("", "/en/"),
        ("xx", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, tree, header, target):
    response = client.get("/", headers={"accept-language": header} if header else {})
    assert response.status_code == 302
    assert response["Location"] == target
