"""QA checks and glossary matching: what a translator and the reviewer are warned about before a save.

Each check has a failing case beside a passing control, so that a check that warns about
everything, or about nothing, fails here.
"""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from translation_workspace.qa import HOUSE_TERMS, GlossaryTerm, check, glossary_for, glossary_hits

BRONZE = GlossaryTerm("bronze", "бронза", "material")
MIRROR = GlossaryTerm("mirror", "зеркало", "object type")
SHAANXI = GlossaryTerm("Shaanxi History Museum", "Шэньсийский исторический музей", "museum")
MUSEUM = GlossaryTerm("museum", "музей")
GLOSSARY = (BRONZE, MIRROR, SHAANXI, MUSEUM)


def codes(source, target, language, glossary=()):
    return [warning.code for warning in check(source, target, language, glossary)]


def messages(source, target, language, code, glossary=()):
    return [warning.message for warning in check(source, target, language, glossary) if warning.code == code]


# --- glossary_hits --------------------------------------------------------------------------------------------


def test_glossary_finds_terms_as_whole_words_regardless_of_case_and_tags():
    hits = glossary_hits("<p>A <b>Bronze</b> mirror, <a1>see</a1>.</p>", GLOSSARY)
    assert hits == [BRONZE, MIRROR]


def test_glossary_finds_the_simple_english_plural():
    assert glossary_hits("Three mirrors", GLOSSARY) == [MIRROR]
    pottery = GlossaryTerm("pottery", "керамика")
    assert glossary_hits("Beads of many potteries", [pottery]) == [pottery]
    assert glossary_hits("Boxes of glass", [GlossaryTerm("box", "")]) == [GlossaryTerm("box", "")]


def test_glossary_ignores_a_term_inside_another_word():
    assert glossary_hits("Bronzed mirrorless cameras", [BRONZE, GlossaryTerm("mirrorless", "")]) == [
        GlossaryTerm("mirrorless", "")
    ]
    assert glossary_hits("Bronzed figures", [BRONZE]) == []


def test_glossary_prefers_the_longest_term_where_terms_overlap():
    assert glossary_hits("Lent by the Shaanxi History Museum.", GLOSSARY) == [SHAANXI]


def test_glossary_still_finds_the_short_term_elsewhere_in_the_text():
    assert glossary_hits("The Shaanxi History Museum and another museum.", GLOSSARY) == [SHAANXI, MUSEUM]


def test_glossary_lists_a_term_once_however_often_it_occurs():
    assert glossary_hits("Bronze, bronze and more bronze mirrors", GLOSSARY) == [BRONZE, MIRROR]


def test_glossary_finds_a_term_split_by_tags_and_spaces():
    assert glossary_hits("the <b>Shaanxi</b>  History\nMuseum", GLOSSARY) == [SHAANXI]


# --- empty target ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["", "   ", "<p></p>"])
def test_an_empty_translation_is_missing_not_a_qa_problem(target):
    assert check("<p>A <b>bronze</b> mirror in 500 BCE.</p>", target, "ru", GLOSSARY) == []


# --- 1. markup ------------------------------------------------------------------------------------------------


def test_markup_kept_in_another_word_order_passes():
    assert "markup" not in codes(
        "<p>A <b>bronze</b> mirror, <a1>see</a1>.</p>", "<p><a1>См.</a1> <b>бронза</b></p>", "ru"
    )


def test_markup_missing_from_the_translation_warns_and_names_the_tags():
    found = messages("<p>A <b>bronze</b> mirror.</p>", "<p>Бронзовое зеркало.</p>", "ru", "markup")
    assert found and "<b>" in found[0] and "</b>" in found[0]


def test_markup_added_or_renamed_warns():
    assert "markup" in codes("<p>A mirror.</p>", "<p>Зеркало <i>из бронзы</i>.</p>", "ru")
    assert "markup" in codes("<p>A <a1>mirror</a1>.</p>", "<p><a2>Зеркало</a2>.</p>", "ru")


def test_markup_counts_repeated_tags():
    source = "<p>One.</p><p>Two.</p>"
    assert "markup" not in codes(source, "<p>Один.</p><p>Два.</p>", "ru")
    assert "markup" in codes(source, "<p>Один. Два.</p>", "ru")


# --- 2. placeholders ------------------------------------------------------------------------------------------


def test_placeholders_kept_in_any_order_pass():
    assert "placeholder" not in codes("%(count)s relics from {museum}", "{museum}: %(count)s памятников", "ru")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("%(count)s relics from {museum}", "%(count)s памятников"),
        ("%(count)s relics", "%(number)s памятников"),
        ("Shown %s times", "Показано раз"),
        ("%d of %d", "%d"),
        ("A mirror", "Зеркало {museum}"),
    ],
)
def test_placeholders_missing_added_or_renamed_warn(source, target):
    assert "placeholder" in codes(source, target, "ru")


def test_placeholder_message_names_the_missing_placeholder():
    assert "{museum}" in messages("%(count)s from {museum}", "%(count)s", "ru", "placeholder")[0]


def test_an_escaped_percent_sign_is_not_a_placeholder():
    assert "placeholder" not in codes("100%% bronze", "100 %% бронза", "ru")


# --- 3. glossary ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "Бронзовое зеркало из бронзы",
        "Зеркало, отлитое из бронзы",
        "Зеркала из БРОНЗЫ",
        "<p>Зеркало из <b>бронз</b>ы</p>",
    ],
)
def test_glossary_accepts_inflected_russian_renderings(target):
    assert "glossary" not in codes("A bronze mirror", target, "ru", GLOSSARY)


def test_glossary_warns_when_the_approved_rendering_is_not_used_and_names_term_and_rendering():
    found = messages("A bronze mirror", "Латунное зеркало", "ru", "glossary", GLOSSARY)
    assert len(found) == 1
    assert "bronze" in found[0] and "бронза" in found[0]


def test_glossary_accepts_inflected_multi_word_names():
    source = "Lent by the Shaanxi History Museum"
    assert "glossary" not in codes(source, "Из собрания Шэньсийского исторического музея", "ru", GLOSSARY)
    assert "glossary" in codes(source, "Из собрания музея провинции Шэньси", "ru", GLOSSARY)


def test_glossary_skips_terms_without_an_approved_rendering():
    assert "glossary" not in codes("A jade disc", "Нефритовый диск", "ru", [GlossaryTerm("jade", "")])


def test_glossary_matches_chinese_as_a_substring():
    terms = [GlossaryTerm("bronze", "青铜")]
    assert "glossary" not in codes("A bronze mirror", "一面青铜镜", "zh-hans", terms)
    assert "glossary" in codes("A bronze mirror", "一面铜镜", "zh-hans", terms)


def test_glossary_matches_persian_regardless_of_arabic_letter_forms():
    terms = [GlossaryTerm("museum", "موزه ملی")]
    assert "glossary" not in codes("The museum", "موزه ملي ایران", "fa", terms)  # Arabic yeh typed
    assert "glossary" in codes("The museum", "گنجینه ایران", "fa", terms)


# --- 4. forbidden ---------------------------------------------------------------------------------------------


def test_forbidden_variant_warns_even_when_the_source_does_not_mention_the_term():
    terms = [GlossaryTerm("SCO Museum Alliance", "Музейный альянс ШОС", "site name", ("Альянс музеев ШОС",))]
    found = messages("Welcome", "Добро пожаловать в Альянс музеев ШОС", "ru", "forbidden", terms)
    assert len(found) == 1
    assert "Альянс музеев ШОС" in found[0] and "Музейный альянс ШОС" in found[0]
    assert "forbidden" not in codes("Welcome", "Добро пожаловать в Музейный альянс ШОС", "ru", terms)


def test_forbidden_variant_is_found_in_inflected_form():
    terms = [GlossaryTerm("SCO Museum Alliance", "Музейный альянс ШОС", "", ("Альянс музеев ШОС",))]
    assert "forbidden" in codes("Welcome", "Сайт Альянса музеев ШОС", "ru", terms)


def test_forbidden_variant_does_not_fire_on_the_approved_word_it_resembles():
    assert "forbidden" not in codes("The curators", "Куратары выставы", "be")
    assert "forbidden" in codes("The curators", "Кураторы выставы", "be")


# --- house terms (issue 12, terminology pass) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "source", "wrong", "right"),
    [
        ("ru", "SCO Museum Alliance", "Альянс музеев ШОС", "Музейный альянс ШОС"),
        ("zh-hans", "An illustration of the tomb", "墓葬示意图", "墓葬插图"),
        ("ur", "The co-curators", "معاون کیوریٹر", "شریک کیوریٹر"),
        ("ur", "The museum", "عجائب گھر", "میوزیم"),
        ("ur", "SCO Museum Alliance", "ایس سی او میوزیم اتحاد", "ایس سی او میوزیموں کا اتحاد"),
        ("tg", "SCO Museum Alliance", "Иттиҳодияи осорхонаҳои СҲШ", "Иттиҳоди осорхонаҳои СҲШ"),
        ("zh-hans", "SCO Museum Alliance", "上海合作组织博物馆联盟", "上合组织博物馆联盟"),
        ("be", "Curatorial team", "Кураторская група", "Куратарская група"),
        ("kk", "500 BCE", "б.з.д. 500\u00a0ж.", "б.з.б. 500\u00a0ж."),
        ("ky", "The Tian Shan mountains", "Тянь-Шань тоолору", "Теңир-Тоо тоолору"),
    ],
)
def test_house_terms_are_enforced_without_being_passed(language, source, wrong, right):
    assert "forbidden" in codes(source, wrong, language)
    assert codes(source, right, language) == []


def test_kazakh_bce_is_accepted_with_spaces_after_the_dots():
    assert "glossary" not in codes("500 BCE", "б.\u00a0з.\u00a0б. 500\u00a0ж.", "kk")
    assert "forbidden" in codes("500 BCE", "б. з. д. 500\u00a0ж.", "kk")


def _catalogue_site_name(directory):
    path = Path(settings.BASE_DIR) / "locale" / directory / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        return read_po(handle).get("SCO Museum Alliance").string


@pytest.mark.parametrize(("language", "directory"), [("ru", "ru"), ("zh-hans", "zh_Hans"), ("tg", "tg"), ("ur", "ur")])
def test_house_site_name_is_the_one_the_catalogue_uses(language, directory):
    name = next(term for term in HOUSE_TERMS[language] if term.source == "SCO Museum Alliance")
    assert name.target == _catalogue_site_name(directory)


@pytest.mark.parametrize("language", sorted(HOUSE_TERMS))
def test_every_approved_house_rendering_passes_the_house_checks(language):
    for term in HOUSE_TERMS[language]:
        warnings = check(term.source, term.target, language)
        assert [w for w in warnings if w.code in ("glossary", "forbidden")] == [], (language, term.source)


def test_a_house_term_wins_over_a_vocabulary_term_but_keeps_its_forbidden_variants():
    vocabulary = GlossaryTerm("illustration", "图示", "image type", ("图解",))
    merged = {term.source: term for term in glossary_for("zh-hans", [vocabulary, BRONZE])}
    assert merged["illustration"].target == "插图"
    assert set(merged["illustration"].forbidden) == {"示意图", "图解"}
    assert merged["bronze"] == BRONZE


# --- 5. identical ---------------------------------------------------------------------------------------------


def test_a_sentence_left_in_english_warns():
    found = messages("<p>A bronze mirror with dragons.</p>", "<p>A  Bronze mirror with dragons.</p>", "uz", "identical")
    assert len(found) == 1 and "bronze mirror with dragons" in found[0].lower()


def test_a_translated_sentence_is_not_identical():
    assert "identical" not in codes("A bronze mirror with dragons.", "Ajdarli bronza koʻzgu.", "uz")


@pytest.mark.parametrize("text", ["CN-001", "Afrasiab", "Shaanxi History Museum", "1403", "IIIF"])
def test_names_and_accession_numbers_may_stay_as_they_are(text):
    assert "identical" not in codes(text, text, "uz")


# --- 6. digits ------------------------------------------------------------------------------------------------


def test_persian_with_ascii_digits_warns_and_names_the_number():
    found = messages("Made in 1403", "ساخته شده در 1403", "fa", "digits")
    assert len(found) == 1 and "1403" in found[0]


def test_persian_with_persian_digits_passes():
    assert "digits" not in codes("Made in 1403", "ساخته شده در ۱۴۰۳", "fa")


def test_persian_digit_check_ignores_tags_placeholders_and_identifiers():
    assert "digits" not in codes("<h2>%(count)s in CN-001</h2>", "<h2>%(count)s در CN-001</h2>", "fa")


def test_persian_with_arabic_indic_digits_warns():
    assert "digits" in codes("Made in 1456", "ساخته شده در ١٤٥٦", "fa")


def test_urdu_digits_follow_what_the_site_writes_for_urdu():
    from collections_app.l10n import native_digits

    site_digits = native_digits("0123456789", "ur")
    ascii_warns = "digits" in codes("Made in 1403", "1403 میں بنایا گیا", "ur")
    assert ascii_warns == (site_digits != "0123456789")
    written = native_digits("1403", "ur")
    assert "digits" not in codes("Made in 1403", f"{written} میں بنایا گیا", "ur")


@pytest.mark.parametrize("language", ["ru", "kk", "uz", "zh-hans", "en"])
def test_persian_digits_in_a_latin_cyrillic_or_chinese_text_warn(language):
    assert "digits" in codes("Made in 1403", "1403 ۱۴۰۳", language)
    assert "digits" not in codes("Made in 1403", "Сделано в 1403", language)


# --- 7. quotes ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "be", "kk", "ky", "tg"])
@pytest.mark.parametrize("target", ['Так называемая "принцесса"', "Так называемая “принцесса”"])
def test_straight_or_english_quotes_warn_in_languages_that_use_guillemets(language, target):
    found = messages("The so-called “princess”", target, language, "quotes")
    assert len(found) == 1 and "принцесса" in found[0]


@pytest.mark.parametrize("language", ["ru", "be", "kk", "ky", "tg"])
def test_guillemets_with_nested_low_quotes_pass(language):
    assert "quotes" not in codes("The “princess”", "Так называемая «принцесса „Саразма“»", language)


def test_english_quotes_are_fine_in_uzbek_latin():
    assert "quotes" not in codes("The “princess”", "“Malika” deb atalgan", "uz")


# --- 8. Chinese punctuation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ascii", "fullwidth"), [(",", "，"), (".", "。"), (";", "；"), (":", "："), ("?", "？"), ("!", "！")]
)
def test_ascii_punctuation_after_chinese_text_warns(ascii, fullwidth):
    found = messages("A mirror, bronze", f"铜镜{ascii}青铜", "zh-hans", "punctuation")
    assert len(found) == 1 and fullwidth in found[0] and f"铜镜{ascii}" in found[0]
    assert "punctuation" not in codes("A mirror, bronze", f"铜镜{fullwidth}青铜", "zh-hans")


def test_ascii_brackets_around_chinese_text_warn():
    assert "punctuation" in codes("A mirror (bronze)", "铜镜(青铜)", "zh-hans")
    assert "punctuation" not in codes("A mirror (bronze)", "铜镜（青铜）", "zh-hans")


@pytest.mark.parametrize(
    "target",
    [
        "直径12.5厘米。",
        "详见 https://www.dpm.org.cn/collection.html。",
        "访问 www.故宫.cn。",
        "称为 Sarazm.",
        "<b>铜镜</b>。",
    ],
)
def test_decimals_urls_and_latin_text_are_not_chinese_punctuation_mistakes(target):
    assert "punctuation" not in codes("Some text.", target, "zh-hans")


def test_chinese_punctuation_is_only_checked_for_chinese():
    assert "punctuation" not in codes("Bronze, mirror", "Бронза, зеркало", "ru")


# --- 9. non-breaking spaces in year expressions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "target", "named"),
    [
        ("ru", "Отлито в 500 г.\u00a0до\u00a0н.\u00a0э.", "500 г."),
        ("ru", "Отлито в 500\u00a0г. до н.\u00a0э.", "до н. э."),
        ("ru", "Отлито в 500–300\u00a0гг. до\u00a0н. э.", "до н. э."),
        ("ru", "Около 1403 г. н.\u00a0э.", "1403 г."),
        ("be", "Адліта ў 500 г. да\u00a0н.\u00a0э.", "500 г."),
        ("be", "Адліта ў 500\u00a0г. да н. э.", "да н. э."),
        ("kk", "б.з.б. 500 ж.", "500 ж."),
        ("kk", "б. з. б. 500\u00a0ж.", "б. з. б."),
        ("ky", "б.з.ч. 500 жж.", "500 жж."),
        ("tg", "Соли 500 с.", "500 с."),
        ("ru", "%(year)s г. до\u00a0н.\u00a0э.", "%(year)s г."),
    ],
)
def test_year_expression_with_breaking_spaces_warns_and_names_it(language, target, named):
    found = messages("x", target, language, "nbsp")
    assert found and any(f"“{named}”" in message for message in found), found


@pytest.mark.parametrize(
    ("language", "target"),
    [
        ("ru", "Отлито в 500\u00a0г. до\u00a0н.\u00a0э."),
        ("ru", "Отлито в 500\u202fг. до\u202fн.\u202fэ."),
        ("ru", "В 500 году до\u00a0н.э. и в 1403 году"),
        ("be", "Адліта ў 500\u00a0г. да\u00a0н.\u00a0э."),
        ("kk", "б.з.б. 500\u00a0ж."),
        ("ky", "б.з.ч. 500-ж."),
        ("tg", "Соли 500\u00a0с."),
    ],
)
def test_year_expression_with_non_breaking_spaces_passes(language, target):
    assert "nbsp" not in codes("x", target, language)


def test_year_spacing_is_not_checked_where_the_language_writes_no_spaces():
    assert "nbsp" not in codes("500 BCE", "miloddan avvalgi 500-yil", "uz")
    assert "nbsp" not in codes("500 BCE", "公元前500年", "zh-hans")


# --- 10. minus in right-to-left text --------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fa", "ur"])
def test_a_hyphen_minus_before_a_year_warns_in_rtl_languages(language):
    found = messages("500 BCE", "سال -۵۰۰", language, "minus")
    assert len(found) == 1 and "-۵۰۰" in found[0]
    assert "minus" in codes("%(year)s BCE", "-%(year)s", language)


@pytest.mark.parametrize("language", ["fa", "ur"])
def test_ranges_identifiers_and_the_era_in_words_pass_the_minus_check(language):
    assert "minus" not in codes("500–300 BCE", "۵۰۰-۳۰۰ پیش از میلاد", language)
    assert "minus" not in codes("CN-001", "شماره CN-001", language)
    assert "minus" not in codes("500 BCE", "۵۰۰ پیش از میلاد", language)
    assert "minus" not in codes("500 BCE", "\u2212۵۰۰", language)


def test_the_minus_check_is_only_for_rtl_languages():
    assert "minus" not in codes("Temperature -5", "Температура -5", "ru")


# --- all together ---------------------------------------------------------------------------------------------


def test_a_good_russian_translation_of_rich_text_raises_nothing():
    source = "<p>A <b>bronze</b> mirror from the Shaanxi History Museum, 500 BCE, “the finest”.</p>"
    target = (
        "<p><b>Бронзовое</b> зеркало из Шэньсийского исторического музея, 500\u00a0г. до\u00a0н.\u00a0э., «лучшее».</p>"
    )
    assert check(source, target, "ru", GLOSSARY) == []
