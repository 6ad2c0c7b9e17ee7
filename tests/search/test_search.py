"""Public search at /<lang>/search/: languages and fallback chains, scripts, facets, bad input."""

import pytest
from django.db import connection
from django.http import QueryDict
from wagtail.models import PageViewRestriction

from collections_app.models import ExhibitionRelic, RelicPage
from search import geo, indexer, query
from search.models import SearchDocument
from tests import factories

pytestmark = pytest.mark.django_db


def publish(page, **values):
    page = RelicPage.objects.get(pk=page.pk) if isinstance(page, RelicPage) else page
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def found(client, lang, **params):
    response = client.get(f"/{lang}/search/", params)
    assert response.status_code == 200, response.content[:500]
    return [page.pk for page in response.context["results"]]


def test_a_published_relic_is_found_by_a_word_of_its_description(client, tree):
    relic = publish(tree.relic, description_en="<p>A bronze mirror with a dragon.</p>")
    assert relic.pk in found(client, "en", q="mirror")
    assert relic.pk in found(client, "en", q="mirrors")  # a common word form
    assert relic.pk not in found(client, "en", q="teapot")
    html = client.get("/en/search/", {"q": "dragon"}).content.decode()
    assert "<mark>dragon</mark>" in html


def test_the_fallback_chain_is_searched(client, tree):
    relic = publish(tree.relic, description_ru="<p>Бронзовое зеркало.</p>")
    assert relic.pk in found(client, "kk", q="зеркало")  # Kazakh reads Russian before English
    assert relic.pk in found(client, "ru", q="зеркало")
    assert relic.pk not in found(client, "hi", q="зеркало")  # Hindi falls back to English only


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="word forms by stem are PostgreSQL's text search configurations"
)


@on_postgresql
def test_russian_word_forms_match_by_stem_on_postgresql_in_russian_and_through_the_kazakh_fallback(client, tree):
    relic = publish(tree.relic, description_ru="<p>Бронзовый меч с золотой рукоятью.</p>")
    for lang in ("ru", "kk"):
        assert relic.pk in found(client, lang, q="мечами")  # instrumental plural: no prefix of "меч"
        assert relic.pk in found(client, lang, q="золотыми мечами")
        assert relic.pk not in found(client, lang, q="мечеть")  # "mosque" begins like "меч" but is another stem
    assert relic.pk not in found(client, "hi", q="мечами")  # Hindi's chain has no Russian text


@on_postgresql
def test_english_word_forms_match_by_stem_on_postgresql(client, tree):
    relic = publish(tree.relic, description_en="<p>A glazed bowl, carried by a horseman.</p>")
    assert relic.pk in found(client, "en", q="bowls")
    assert relic.pk in found(client, "zh-hans", q="horsemen carrying bowls")  # English is every chain's last
    assert relic.pk not in found(client, "en", q="bows")


def test_two_chinese_characters_inside_a_title_in_either_script(client, tree):
    relic = publish(tree.relic, title_zh_hans="唐代三彩骆驼载乐俑")
    assert relic.pk in found(client, "zh-hans", q="骆驼")
    assert relic.pk in found(client, "zh-hans", q="駱駝")  # Traditional finds Simplified
    assert relic.pk not in found(client, "zh-hans", q="青铜")


def test_uzbek_latin_finds_cyrillic(client, tree):
    relic = publish(tree.relic, title_uz="Самарқанд косаси")
    assert relic.pk in found(client, "uz", q="Samarqand")
    assert relic.pk in found(client, "uz", q="Самарқанд")


def test_vocabulary_names_are_indexed_in_the_visitors_language(client, tree):
    material = factories.MaterialFactory(name_en="Jade", name_ru="Нефрит", slug="jade")
    relic = RelicPage.objects.get(pk=tree.relic.pk)
    relic.materials.set([material])
    relic.save_revision().publish()
    assert relic.pk in found(client, "ru", q="нефрит")
    assert relic.pk in found(client, "en", q="jade")


def test_facets_count_and_combine(client, tree):
    first = publish(tree.relic, earliest_year=-1200, latest_year=-1100)
    other = publish(tree.other_relic, earliest_year=-400, latest_year=-300)
    response = client.get("/en/search/", {"q": ""})
    museums = {item["value"]: item["count"] for item in response.context["facets"]["museum"]}
    assert museums == {tree.museum.pk: 1, tree.other_museum.pk: 1}
    assert found(client, "en", museum=tree.museum.pk) == [first.pk]
    assert found(client, "en", museum=[tree.museum.pk, tree.other_museum.pk], sort="date") == [first.pk, other.pk]
    assert found(client, "en", year_from=-500) == [other.pk]
    assert found(client, "en", year_to=-1000) == [first.pk]
    assert found(client, "en", museum=tree.museum.pk, year_from=-500) == []
    assert found(client, "en", country="RU") == [other.pk]


def test_material_and_exhibition_facets_count_within_the_query_in_one_pass(tree, django_assert_num_queries):
    bronze = factories.MaterialFactory(name_en="Bronze", slug="bronze")
    datings = {
        tree.relic.pk: ("<p>A bronze mirror.</p>", -1200, -1100),
        tree.other_relic.pk: ("<p>Gold.</p>", -700, None),
    }
    for pk, (text, earliest, latest) in datings.items():
        relic = RelicPage.objects.get(pk=pk)
        relic.materials.set([bronze])
        relic.description_en, relic.earliest_year, relic.latest_year = text, earliest, latest
        relic.save_revision().publish()
    shown = tree.exhibition  # live, showing both relics
    hidden = factories.ExhibitionPageFactory(parent=tree.exhibition_index, title="Draft", live=False)
    ExhibitionRelic.objects.create(exhibition=hidden, relic=tree.relic)

    documents = query.matching(query.parse(QueryDict("q=mirror")), "en")
    with django_assert_num_queries(3):  # view restrictions and visible exhibitions, then every count in one
        counted = query.overview(documents)
    assert counted.counts["material"] == {bronze.pk: 1}
    assert counted.counts["exhibition"] == {shown.pk: 1}  # the draft exhibition is not a facet value
    assert counted.counts["museum"] == {tree.museum.pk: 1}
    assert counted.datings == [(-1200, -1100, 1)]
    assert counted.total == 1

    everything = query.overview(query.matching(query.parse(QueryDict("q=")), "en"))
    assert everything.counts["material"] == {bronze.pk: 2}
    assert everything.total == SearchDocument.objects.filter(language="en").count()  # museums and exhibitions too
    buckets = {(bucket.start, bucket.count) for bucket in geo.timeline(everything.datings)}
    assert (-1200, 1) in buckets and (-700, 1) in buckets  # the open-ended dating counts from its start on
    assert query.overview(query.matching(query.parse(QueryDict("q=%21%21")), "en")).counts["museum"] == {}


def test_unpublishing_removes_a_relic_from_search(client, tree):
    relic = publish(tree.relic, description_en="<p>A bronze mirror.</p>")
    assert relic.pk in found(client, "en", q="mirror")
    relic.unpublish()
    assert relic.pk not in found(client, "en", q="mirror")
    assert not SearchDocument.objects.filter(page_id=relic.pk).exists()


def test_a_view_restriction_takes_a_museums_relics_out_of_search_and_lifting_it_brings_them_back(client, tree):
    relic = publish(tree.relic, description_en="<p>A bronze mirror.</p>")
    assert relic.pk in found(client, "en", q="mirror")
    restriction = PageViewRestriction.objects.create(page=tree.museum, restriction_type="login")
    assert relic.pk not in found(client, "en", q="mirror")
    assert tree.museum.pk not in found(client, "en", q="")
    restriction.delete()
    assert relic.pk in found(client, "en", q="mirror")


def test_rebuild_indexes_every_public_page(tree):
    SearchDocument.objects.all().delete()
    count = indexer.rebuild()
    assert count >= 5  # two museums, two relics, one exhibition
    assert SearchDocument.objects.filter(page_id=tree.relic.pk).count() == 11


def test_the_search_box_is_in_every_page_header(client, tree):
    html = client.get("/ru/").content.decode()
    assert 'action="/ru/search/"' in html and 'name="q"' in html


@pytest.mark.parametrize(
    "query, status",
    [
        ("q=" + "x" * 5000, 200),
        ("q=%E0%A4%A", 200),  # broken percent-encoding
        ("q=%22%27%3C%3E%26*%3A!()%5C", 200),  # characters with meaning to query languages
        ("year_from=abc", 400),
        ("year_from=-99999999999999999999&year_to=99999999999", 200),
        ("page=abc", 200),
        ("page=999999", 200),
        ("museum=999999", 200),
        ("museum=abc", 400),
        ("country=XX", 400),
        ("sort=nonsense", 200),
        ("q=%00", 400),
    ],
)
def test_bad_input_is_never_a_server_error(client, tree, query, status):
    response = client.get(f"/en/search/?{query}")
    assert response.status_code == status


def test_the_api_searches_with_the_same_language_behaviour(client, tree):
    relic = publish(tree.relic, description_ru="<p>Бронзовое зеркало.</p>", title_zh_hans="唐代三彩骆驼载乐俑")
    ids = lambda response: [item["id"] for item in response.json()["items"]]  # noqa: E731
    assert ids(client.get("/api/v2/pages/", {"search": "зеркало", "lang": "kk"})) == [relic.pk]
    assert ids(client.get("/api/v2/pages/", {"search": "зеркало", "lang": "hi"})) == []
    assert ids(client.get("/api/v2/pages/", {"search": "駱駝", "lang": "zh-hans"})) == [relic.pk]
    assert client.get("/api/v2/pages/", {"search": "x" * 600}).status_code == 400


def test_suggestions_come_from_titles_and_vocabulary_in_the_visitors_language(client, tree):
    relic = publish(tree.relic, title_ru="Бронзовое зеркало")
    factories.MaterialFactory(name_en="Bronze", name_ru="Бронза", slug="bronze")
    suggestions = client.get("/ru/search/suggest/", {"q": "бронз"}).json()["suggestions"]
    labels = [item["label"] for item in suggestions]
    assert "Бронзовое зеркало" in labels and "Бронза" in labels
    assert next(item["url"] for item in suggestions if item["label"] == "Бронза").startswith("/ru/search/?material=")
    assert any(item["url"] == relic.url for item in suggestions)
    assert client.get("/ru/search/suggest/", {"q": ""}).json() == {"suggestions": []}
    assert client.get("/ru/search/suggest/", {"q": "%" * 300}).status_code == 200


def test_the_map_and_the_timeline_filter_the_same_search(client, tree):
    from collections_app.models import Place

    afrasiyab = Place.objects.create(
        name_en="Afrasiyab", slug="afrasiyab", latitude="39.67", longitude="66.99", country="UZ", live=True
    )
    first = publish(tree.relic, earliest_year=-1200, latest_year=-1100, find_spot=afrasiyab)
    other = publish(tree.other_relic, earliest_year=-400, latest_year=-300)
    response = client.get("/en/search/", {"q": ""})
    (spot,) = response.context["spots"]
    assert (spot.place_id, spot.count) == (afrasiyab.pk, 1)
    html = response.content.decode()
    assert f"place={afrasiyab.pk}" in html and 'aria-label="Afrasiyab: 1 relic"' in html
    assert found(client, "en", place=afrasiyab.pk) == [first.pk]

    buckets = response.context["timeline"]
    covering = [b for b in buckets if b.count]
    assert sum(b.count for b in buckets) >= 2
    assert covering[0].start <= -1200 and covering[-1].end >= -400
    period = next(b for b in buckets if b.start <= -350 <= b.end)
    assert found(client, "en", year_from=period.start, year_to=period.end) == [other.pk]


def test_the_search_page_switches_language_keeping_the_query(client, tree):
    html = client.get("/ru/search/", {"q": "зеркало", "sort": "title"}).content.decode()
    assert 'href="/kk/search/?q=%D0%B7%D0%B5%D1%80%D0%BA%D0%B0%D0%BB%D0%BE&amp;sort=title"' in html
    assert 'hreflang="fa"' in html
