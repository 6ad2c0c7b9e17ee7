"""Invalid field combinations are refused with a message an editor understands."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from collections_app.blocks import RelicGridBlock
from collections_app.models import Culture, RelicPage
from collections_app.rights import validate_rights_uri
from tests import factories

pytestmark = pytest.mark.django_db


def test_latest_year_before_earliest_year_is_an_error_on_the_field(tree):
    relic = tree.relic
    relic.earliest_year, relic.latest_year = -200, -300
    with pytest.raises(ValidationError) as error:
        relic.full_clean()
    messages = error.value.message_dict["latest_year"]
    assert "before the earliest year" in messages[0]
    assert "-500" in messages[0]  # explains how BCE years are written


def test_bce_range_in_the_right_order_is_accepted(tree):
    relic = tree.relic
    relic.earliest_year, relic.latest_year = -1300, -1046
    relic.full_clean()


def test_culture_years_are_checked_too():
    culture = Culture(slug="tang", name_en="Tang dynasty", earliest_year=907, latest_year=618)
    with pytest.raises(ValidationError) as error:
        culture.full_clean()
    assert "latest_year" in error.value.message_dict


def test_original_title_needs_its_language(tree):
    relic = tree.relic
    relic.original_title = "后母戊鼎"
    with pytest.raises(ValidationError) as error:
        relic.full_clean()
    assert "original_title_language" in error.value.message_dict


def test_accession_number_must_be_unique_within_the_museum(tree):
    duplicate = RelicPage(
        title="Copy", slug="copy", accession_number=tree.relic.accession_number, object_type=tree.relic.object_type
    )
    with pytest.raises(ValidationError) as error:
        tree.museum.add_child(instance=duplicate)
    assert "accession number" in str(error.value)


def test_same_accession_number_is_fine_in_another_museum(tree):
    relic = factories.RelicPageFactory(parent=tree.other_museum, accession_number=tree.relic.accession_number)
    assert relic.museum_id == tree.other_museum.pk


def test_relic_knows_its_museum_after_a_move(tree):
    tree.relic.move(tree.other_museum, pos="last-child")
    assert RelicPage.objects.get(pk=tree.relic.pk).museum_id == tree.other_museum.pk


def test_exhibition_cannot_close_before_it_opens(tree):
    exhibition = tree.exhibition
    exhibition.opening_date = datetime.date(2026, 9, 1)
    exhibition.closing_date = datetime.date(2026, 8, 1)
    with pytest.raises(ValidationError) as error:
        exhibition.full_clean()
    assert error.value.message_dict["closing_date"] == ["The exhibition cannot close before it opens."]


def test_relic_grid_refuses_the_same_relic_twice(tree):
    block = RelicGridBlock()
    value = block.to_python({"heading": "", "relics": [tree.relic.pk, tree.relic.pk]})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_rights_must_be_a_known_statement():
    with pytest.raises(ValidationError):
        validate_rights_uri("https://example.com/my-licence")
    validate_rights_uri("http://rightsstatements.org/vocab/InC/1.0/")


def test_negative_dimensions_are_refused(tree):
    tree.relic.height_cm = -3
    with pytest.raises(ValidationError) as error:
        tree.relic.full_clean()
    assert "height_cm" in error.value.message_dict


def test_english_title_is_required(tree):
    relic = tree.relic
    relic.title_en = ""
    relic.title_ru = "Только по-русски"
    with pytest.raises(ValidationError):
        relic.full_clean()


def test_exhibition_indexes_relics_from_every_language_body(tree, settings):
    settings.PORTAL_REQUIRED_TRANSLATIONS = []  # the gate is tests/translations/test_gate.py's subject
    exhibition = tree.exhibition
    extra = factories.RelicPageFactory(parent=tree.museum)
    exhibition.body_ru = [{"type": "relic_card", "value": {"relic": extra.pk, "note": ""}}]
    exhibition.save_revision().publish()
    linked = set(exhibition.relic_links.values_list("relic_id", flat=True))
    assert linked == {tree.relic.pk, tree.other_relic.pk, extra.pk}
