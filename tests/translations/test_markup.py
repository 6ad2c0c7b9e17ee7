"""Rich text as tagged text: what a translator sees of Wagtail's HTML, and how it comes back."""

import pytest

from translation_workspace.markup import MarkupError, html_to_tagged, is_rich, tagged_to_html, tags

# What Wagtail's editor stores: block keys, page and external links, entities, an embedded image.
EXHIBITION_INTRO = (
    '<p data-block-key="a1b2c">A <b>bronze</b> <i>jian</i> from the <a linktype="page" id="3">Han tombs</a>, '
    "500&nbsp;BCE &amp; later.</p>\n"
    '<p data-block-key="d4e5f">See <a href="https://en.wikipedia.org/wiki/Jian?a=1&amp;b=2">the sword</a>.</p>'
)
EXHIBITION_INTRO_TAGGED = (
    "<p>A <b>bronze</b> <i>jian</i> from the <a1>Han tombs</a1>, 500\xa0BCE &amp; later.</p>"
    "<p>See <a2>the sword</a2>.</p>"
)
EXHIBITION_INTRO_HTML = (
    '<p>A <b>bronze</b> <i>jian</i> from the <a linktype="page" id="3">Han tombs</a>, 500\xa0BCE &amp; later.</p>'
    '<p>See <a href="https://en.wikipedia.org/wiki/Jian?a=1&amp;b=2">the sword</a>.</p>'
)

ROUND_TRIPS = [
    pytest.param(
        EXHIBITION_INTRO,
        EXHIBITION_INTRO_HTML,
        id="exhibition intro with block keys, page link, external link, nbsp",
    ),
    pytest.param(
        "<h3>Finds</h3>\n<ul>\n  <li>one <i>dou</i></li>\n  <li>two<br/>lines</li>\n</ul>\n"
        '<ol><li><a href="mailto:curator@example.org">write</a></li></ol><h2>Notes</h2><h4>Small</h4>',
        "<h3>Finds</h3><ul><li>one <i>dou</i></li><li>two<br/>lines</li></ul>"
        '<ol><li><a href="mailto:curator@example.org">write</a></li></ol><h2>Notes</h2><h4>Small</h4>',
        id="headings and nested lists with whitespace between blocks",
    ),
    pytest.param(
        '<p>Before</p><embed alt="A &quot;jian&quot; blade" embedtype="image" format="left" id="5"/>'
        "<p>Type <code>&lt;b&gt;</code> for bold, it's H<sub>2</sub>O</p>",
        '<p>Before</p><embed alt="A &quot;jian&quot; blade" embedtype="image" format="left" id="5"/>'
        "<p>Type <code>&lt;b&gt;</code> for bold, it's H<sub>2</sub>O</p>",
        id="embedded image and unknown inline elements",
    ),
    pytest.param(
        "<p>Кола семсер — «бронза»</p><p>一面青铜镜</p><p>آئینهٔ مفرغی</p>",
        "<p>Кола семсер — «бронза»</p><p>一面青铜镜</p><p>آئینهٔ مفرغی</p>",
        id="Cyrillic, Chinese and Persian text",
    ),
]


@pytest.mark.parametrize(("source", "normalised"), ROUND_TRIPS)
def test_rich_text_survives_the_round_trip_through_tagged_text(source, normalised):
    assert tagged_to_html(html_to_tagged(source), source) == normalised


def test_translator_sees_bare_and_numbered_tags_without_attributes():
    assert html_to_tagged(EXHIBITION_INTRO) == EXHIBITION_INTRO_TAGGED


def test_unknown_elements_are_numbered_and_empty_ones_written_empty():
    tagged = html_to_tagged('<p>H<sub>2</sub>O<embed embedtype="image" id="5"/> <sup>a</sup></p>')
    assert tagged == "<p>H<x1>2</x1>O<x2/> <x3>a</x3></p>"


def test_plain_text_passes_through_unchanged():
    for text in ("Bronze & jade", "Қола айна", "  500 BCE  ", "a < b"):
        assert html_to_tagged(text) == text


def test_markup_characters_in_text_stay_escaped_so_tags_are_unambiguous():
    assert html_to_tagged("<p>&lt;b&gt; is not bold &amp; &quot;quoted&quot;</p>") == (
        '<p>&lt;b&gt; is not bold &amp; "quoted"</p>'
    )


def test_translation_text_is_escaped_as_html():
    source = "<p>A and B</p>"
    assert tagged_to_html("<p>A & B < C &gt; D</p>", source) == "<p>A &amp; B &lt; C &gt; D</p>"


def test_links_moved_by_the_translator_keep_their_own_addresses():
    translated = tagged_to_html("<p>Қараңыз: <a2>семсер</a2>, <a1>Хань қабірлері</a1></p>", EXHIBITION_INTRO)
    assert translated == (
        '<p>Қараңыз: <a href="https://en.wikipedia.org/wiki/Jian?a=1&amp;b=2">семсер</a>, '
        '<a linktype="page" id="3">Хань қабірлері</a></p>'
    )


def test_an_existing_translation_is_numbered_after_the_source_links():
    translation = (
        '<p><a href="https://en.wikipedia.org/wiki/Jian?a=1&amp;b=2">Семсер</a> '
        '<a linktype="page" id="3">Хань қабірлерінен</a></p>'
    )
    assert html_to_tagged(translation) == "<p><a1>Семсер</a1> <a2>Хань қабірлерінен</a2></p>"
    tagged = html_to_tagged(translation, numbered_like=EXHIBITION_INTRO)
    assert tagged == "<p><a2>Семсер</a2> <a1>Хань қабірлерінен</a1></p>"
    assert tagged_to_html(tagged, EXHIBITION_INTRO) == translation


@pytest.mark.parametrize(
    ("tagged", "message"),
    [
        ("<p>Қола <b>семсер</p>", "</p> comes before </b>"),
        ("<p>Қола семсер", "<p> is not closed"),
        ("<p>Қола</b> семсер</p>", "</b> closes nothing"),
        ("<p>Қола <span>семсер</span></p>", "<span> is unknown"),
        ('<p><a1 href="https://evil.example">Хань</a1></p>', "tags have no attributes"),
        ("<p><a3>Хань</a3></p>", "<a3> has no counterpart"),
        ("<p>Қола <b", "not closed with"),
        ("<p><b/>Қола</p>", "must enclose text"),
    ],
)
def test_broken_tags_in_a_translation_are_refused_with_a_message_naming_the_tag(tagged, message):
    with pytest.raises(MarkupError) as caught:
        tagged_to_html(tagged, EXHIBITION_INTRO)
    assert message in str(caught.value)


def test_an_empty_source_element_must_stay_empty_in_the_translation():
    source = '<p>Before<embed embedtype="image" id="5"/></p>'
    assert tagged_to_html("<p>Дейін<x1/></p>", source) == '<p>Дейін<embed embedtype="image" id="5"/></p>'
    with pytest.raises(MarkupError, match="x1"):
        tagged_to_html("<p>Дейін<x1>сурет</x1></p>", source)


def test_tags_lists_the_opening_tags_in_order_for_qa():
    assert tags(EXHIBITION_INTRO_TAGGED) == ["p", "b", "i", "a1", "p", "a2"]
    assert tags("<p>Line<br/>break <span>x</span></p>") == ["p", "br", "span"]
    assert tags("No tags &amp; no markup") == []


def test_is_rich_tells_rich_text_from_plain_text():
    assert is_rich(EXHIBITION_INTRO)
    assert is_rich("\n<h2>Title</h2>")
    assert is_rich("<ul><li>one</li></ul>")
    assert not is_rich("Bronze <b>jian</b>")
    assert not is_rich("Plain title")
    assert not is_rich("")
