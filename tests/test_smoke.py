import pytest

pytestmark = pytest.mark.django_db


def test_relic_page_answers_in_english(client, tree):
    response = client.get(tree.relic.url)
    assert response.status_code == 200
    assert "Houmuwu ding" in response.content.decode()
