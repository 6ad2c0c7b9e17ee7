"""PO, XLIFF 1.2 and TMX files: round trips, third-party readers and writers, and broken files refused whole."""

import re

import polib
import pytest
from translate.storage import po as tt_po
from translate.storage import tmx as tt_tmx
from translate.storage import xliff as tt_xliff

from translation_workspace import formats
from translation_workspace.formats import FileFormatError, FileUnit, TranslationFile, po, portal_language, tmx, xliff

BODY_SOURCE = "<p>A <b>bronze</b> <i>jian</i> from the <a1>Han tombs</a1>.</p><ul><li>blade<br/>hilt</li></ul>"

TARGETS = {
    "ru": ("Бронзовый цзянь", "<p>Бронзовый <b>цзянь</b> из <a1>ханьских гробниц</a1>.</p><ul><li>клинок</li></ul>"),
    "kk": ("Қола цзянь", "<p>Қола <b>цзянь</b> <a1>Хань қабірлерінен</a1>.</p><ul><li>жүз<br/>сап</li></ul>"),
    "zh-hans": ("青铜剑", "<p>出自<a1>汉墓</a1>的<b>青铜</b>剑。</p><ul><li>剑身<br/>剑柄</li></ul>"),
    "ur": ("کانسی کی تلوار", "<p><a1>ہان مقبروں</a1> سے <b>کانسی</b> کی تلوار۔</p><ul><li>پھل</li></ul>"),
    "fa": ("شمشیر مفرغی", "<p>شمشیر <b>مفرغی</b> از <a1>گورهای هان</a1>.</p><ul><li>تیغه<br/>دسته</li></ul>"),
}


def sample_file(language="kk") -> TranslationFile:
    title, body = TARGETS[language]
    return TranslationFile(
        language=language,
        units=[
            FileUnit(
                id="page:40:body:3f2a9c:text",
                source=BODY_SOURCE,
                target=body,
                state="stale",
                label="Text",
                url=f"https://museums.example/{language}/relics/jian/",
                previous_source="<p>A <b>bronze</b> sword from the <a1>Han tombs</a1>.</p>",
                rich=True,
            ),
            FileUnit(id="page:40:title", source="Bronze jian", target=title, state="reviewed", label="Title", url="/"),
            FileUnit(id="page:41:title", source="Mirror with «dragons»", label="Title"),
            FileUnit(id="objecttype:5:name", source="Sword", target=title, state="translated", label="Name"),
            FileUnit(
                id="page:41:description",
                source='Two lines\r\nwith a "quote", a tab\tand 500\xa0BCE',
                target=f"{title}\r\n«{title}»",
                state="translated",
                label="Description",
            ),
            FileUnit(id="page:42:body:9e8d:text", source="<p>Only <b>source</b></p>", rich=True, label="Text"),
        ],
    )


FORMATS = {"po": po, "xliff": xliff}


# --- Round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(TARGETS))
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_a_file_comes_back_as_it_was_written(name, language):
    written = sample_file(language)
    data = FORMATS[name].dump(written)
    assert FORMATS[name].load(data) == written
    assert formats.load(data, f"export.{name}") == (name, written)


def test_the_format_is_recognised_by_content_not_by_file_name():
    written = sample_file()
    assert formats.load(po.dump(written), "translations.xlf.txt")[0] == "po"
    assert formats.load(xliff.dump(written), "translations.po")[0] == "xliff"


def test_a_unit_without_a_target_is_missing_whatever_state_it_was_given():
    written = TranslationFile("ru", [FileUnit(id="page:1:title", source="Title", state="stale")])
    for module in FORMATS.values():
        assert module.load(module.dump(written)).units[0].state == "missing"


def test_xliff_inline_codes_keep_their_ids_between_source_and_target():
    data = xliff.dump(sample_file("zh-hans")).decode()
    unit = re.search(r'<trans-unit id="page:40:body:3f2a9c:text".*?</trans-unit>', data, re.S).group(0)
    source = re.search(r"<source>(.*?)</source>", unit).group(1)
    target = re.search(r'<target state="needs-review-translation">(.*?)</target>', unit).group(1)
    codes = re.compile(r'<(g|x) id="(\d+)" ctype="([^"]+)"')
    assert codes.findall(source) == [
        ("g", "1", "x-html-p"),
        ("g", "2", "bold"),
        ("g", "3", "italic"),
        ("g", "4", "link"),
        ("g", "5", "x-html-ul"),
        ("g", "6", "x-html-li"),
        ("x", "7", "lb"),
    ]
    # The Chinese target puts the link before the bold text: each keeps its source id.
    assert codes.findall(target) == [
        ("g", "1", "x-html-p"),
        ("g", "4", "link"),
        ("g", "2", "bold"),
        ("g", "5", "x-html-ul"),
        ("g", "6", "x-html-li"),
        ("x", "7", "lb"),
    ]


def test_an_xliff_export_declares_language_count_and_states_in_xliff_1_2_elements():
    data = xliff.dump(sample_file()).decode()
    assert '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">' in data
    assert '<file original="sco-museum-portal" source-language="en" target-language="kk" datatype="x-wagtail">' in data
    assert '<count count-type="total" unit="trans-unit">6</count>' in data
    assert '<target state="signed-off">' in data
    assert '<alt-trans origin="sco-museum-portal">' in data
    assert data.count('<note from="portal">') == 8


# --- Third-party readers and writers -------------------------------------------------------


def test_the_po_export_reads_in_translate_toolkit():
    written = sample_file("zh-hans")
    store = tt_po.pofile.parsestring(po.dump(written))
    # The gettext form Django uses; translate-toolkit's gettargetlanguage() ignores script subtags, the header is read.
    assert store.parseheader()["Language"] == "zh_Hans"
    units = [unit for unit in store.units if not unit.isheader()]
    assert [unit.getcontext() for unit in units] == [unit.id for unit in written.units]
    for read, unit in zip(units, written.units, strict=True):
        assert read.source == unit.source
        assert read.target == unit.target
        assert read.isfuzzy() == (unit.state == "stale")
        assert read.hastypecomment("rich-text") == unit.rich
        assert unit.label in read.getnotes()
    assert units[0].prev_source == written.units[0].previous_source


def test_the_po_export_reads_in_polib():
    written = sample_file("ur")
    catalogue = polib.pofile(po.dump(written).decode())
    assert catalogue.metadata["Language"] == "ur"
    assert catalogue.metadata["X-Portal-Units"] == "6"
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in catalogue] == [(u.id, u.source, u.target) for u in written.units]
    assert [e.fuzzy for e in catalogue] == [True, False, False, False, False, False]
    assert catalogue[0].previous_msgid == written.units[0].previous_source
    # Reviewed and two translated of six: the stale one is fuzzy, two are missing.
    assert catalogue.percent_translated() == 50


def test_a_po_file_filled_in_with_polib_loads_back_with_the_new_targets():
    catalogue = polib.pofile(po.dump(sample_file("ru")).decode())
    catalogue[0].msgstr = "<p>Новый <b>цзянь</b> из <a1>гробниц</a1>.</p><ul><li>клинок<br/>рукоять</li></ul>"
    catalogue[0].flags.remove("fuzzy")
    catalogue[2].msgstr = "Зеркало с «драконами»"
    catalogue[5].msgstr = "<p>Только <b>источник</b></p>"
    edited = po.load(str(catalogue).encode())
    assert [(u.state, u.target) for u in edited.units[:3]] == [
        ("translated", catalogue[0].msgstr),
        ("reviewed", "Бронзовый цзянь"),
        ("translated", "Зеркало с «драконами»"),
    ]
    assert edited.units[0].previous_source == ""
    assert edited.units[5].state == "translated"


def test_a_reviewed_text_edited_in_a_po_editor_is_no_longer_reviewed():
    catalogue = polib.pofile(po.dump(sample_file("ru")).decode())
    assert "state: reviewed" in catalogue[1].comment
    catalogue[1].msgstr = "Бронзовый меч"
    assert po.load(str(catalogue).encode()).units[1].state == "translated"


def test_the_xliff_export_reads_in_translate_toolkit():
    written = sample_file("fa")
    store = tt_xliff.xlifffile.parsestring(xliff.dump(written))
    assert store.getsourcelanguage() == "en"
    assert store.gettargetlanguage() == "fa"
    assert [unit.getid() for unit in store.units] == [f"sco-museum-portal\x04{unit.id}" for unit in written.units]
    plain = [(read, unit) for read, unit in zip(store.units, written.units, strict=True) if not unit.rich]
    assert [read.source for read, _unit in plain] == [unit.source for _r, unit in plain]
    assert [read.target or "" for read, _unit in plain] == [unit.target for _r, unit in plain]
    rich = store.units[0]
    assert rich.source == "A bronze jian from the Han tombs.bladehilt"
    assert rich.target == "شمشیر مفرغی از گورهای هان.تیغهدسته"
    states = [read.xmlelement.find(read.namespaced("target")) for read in store.units]
    assert [t.get("state") if t is not None else None for t in states] == [
        "needs-review-translation",
        "signed-off",
        None,
        "translated",
        "translated",
        None,
    ]
    # translate-toolkit (and Weblate on it) reads approved="yes" as "not fuzzy": only the stale unit is fuzzy.
    assert [read.isfuzzy() for read in store.units] == [True, False, False, False, False, False]
    assert [read.istranslated() for read in store.units] == [False, True, False, True, True, False]


def test_xliff_targets_written_by_translate_toolkit_load_back():
    from translate.storage.placeables import StringElem
    from translate.storage.placeables.xliff import G, X

    store = tt_xliff.xlifffile.parsestring(xliff.dump(sample_file("kk")))
    store.units[2].settarget("Айдаһарлы айна")
    # A rich target as a CAT tool writes it: the source's codes by id, without ctype, link moved first.
    store.units[5].rich_target = [StringElem([G(id="1", sub=[StringElem("Тек "), G(id="2", sub=["дереккөз"])])])]
    store.units[0].rich_target = [
        StringElem(
            [
                G(id="1", sub=[G(id="4", sub=["Хань"]), StringElem(" қола "), G(id="2", sub=["семсері"])]),
                G(id="5", sub=[G(id="6", sub=[StringElem("жүз"), X(id="7"), StringElem("сап")])]),
            ]
        )
    ]
    # translate-toolkit leaves an edited reviewed unit "signed-off": the portal sees the target changed.
    store.units[1].settarget("Қола семсер")
    store.units[3].markfuzzy(True)
    read = xliff.load(bytes(store))
    assert (read.units[1].state, read.units[1].target) == ("translated", "Қола семсер")
    assert (read.units[2].state, read.units[2].target) == ("translated", "Айдаһарлы айна")
    assert read.units[3].state == "stale"
    assert (read.units[5].state, read.units[5].target) == ("translated", "<p>Тек <b>дереккөз</b></p>")
    assert read.units[0].target == "<p><a1>Хань</a1> қола <b>семсері</b></p><ul><li>жүз<br/>сап</li></ul>"


def test_a_unit_signed_off_in_a_cat_tool_comes_back_reviewed():
    store = tt_xliff.xlifffile.parsestring(xliff.dump(sample_file("kk")))
    store.units[3].xmlelement.find(store.units[3].namespaced("target")).set("state", "signed-off")
    read = xliff.load(bytes(store))
    assert [unit.state for unit in read.units[1:4]] == ["reviewed", "missing", "reviewed"]


def test_an_xliff_target_with_a_link_its_source_lacks_is_refused():
    data = xliff.dump(sample_file("kk")).decode()
    data = data.replace('<g id="4" ctype="link">Хань қабірлерінен</g>', '<g id="9" ctype="link">Хань</g>', 1)
    with pytest.raises(FileFormatError, match="page:40:body:3f2a9c:text.*id 9"):
        xliff.load(data.encode())


# --- Broken files --------------------------------------------------------------------------


def _without_last_entry(text: str) -> str:
    return text[: text.rstrip().rfind("\n\n") + 2]


def _po(language="kk") -> str:
    return po.dump(sample_file(language)).decode()


def _xliff(language="kk") -> str:
    return xliff.dump(sample_file(language)).decode()


BROKEN = [
    pytest.param(lambda: _without_last_entry(_po()).encode(), "holds 5", id="po cut at a unit boundary"),
    pytest.param(lambda: _po()[: _po().rfind("msgstr")].encode(), "ends inside the entry", id="po cut after a msgid"),
    pytest.param(lambda: _po().split("Қола цзянь", 1)[0] + "Қола", "inside a quoted text", id="po cut in a string"),
    pytest.param(lambda: _po("ru").encode("cp1251", errors="replace"), "not UTF-8", id="po not UTF-8"),
    pytest.param(lambda: _po().split("\n\n", 1)[1].encode(), "no PO header", id="po without header"),
    pytest.param(lambda: re.sub(r'"X-Portal-Units: 6\\n"\n', "", _po()).encode(), "no unit count", id="po no count"),
    pytest.param(
        lambda: _po().replace("Language: kk", "Language: de").replace("X-Portal-Language: kk", "X-Portal-Language: de"),
        "does not have: de",
        id="po unknown language",
    ),
    pytest.param(lambda: _po().replace('"Language: kk', '"Language: ru'), "two languages", id="po languages disagree"),
    pytest.param(
        lambda: re.sub(r'"(X-Portal-)?Language: kk\\n"\n', "", _po()),
        "does not say which language",
        id="po without language",
    ),
    pytest.param(
        lambda: _po().replace('msgctxt "page:41:title"', 'msgctxt "page:40:title"'),
        "page:40:title appears twice",
        id="po duplicate unit ids",
    ),
    pytest.param(lambda: _po().replace('msgid "Bronze jian"', 'msgid "Bronze "jian"'), "not PO syntax", id="po quote"),
    pytest.param(lambda: _xliff()[: _xliff().rfind("<trans-unit")].encode(), "not well-formed XML", id="xliff cut"),
    pytest.param(
        lambda: re.sub(r'<trans-unit id="page:41:title".*?</trans-unit>', "", _xliff(), flags=re.S),
        "holds 5",
        id="xliff unit removed",
    ),
    pytest.param(lambda: _xliff().replace("</body>", "<body>"), "not well-formed XML", id="xliff malformed"),
    pytest.param(
        lambda: _xliff().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        "not UTF-8",
        id="xliff in UTF-16",
    ),
    pytest.param(
        lambda: (
            '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>\n'
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" '
            'source-language="en" target-language="kk" datatype="x"><body><trans-unit id="a"><source>&lol3;</source>'
            "</trans-unit></body></file></xliff>"
        ),
        "entities",
        id="xliff entity bomb",
    ),
    pytest.param(
        lambda: _xliff().replace('target-language="kk"', 'target-language="zh-TW"'),
        "does not have: zh-TW",
        id="xliff traditional chinese",
    ),
    pytest.param(
        lambda: _xliff().replace('target-language="kk" ', ""), "does not say which language", id="xliff no language"
    ),
    pytest.param(
        lambda: _xliff().replace('resname="page:41:title"', 'resname="page:40:title"'),
        "page:40:title appears twice",
        id="xliff duplicate unit ids",
    ),
    pytest.param(lambda: re.sub(r"<header>.*?</header>", "", _xliff(), flags=re.S), "no unit count", id="xliff count"),
    pytest.param(lambda: b"", "empty", id="empty file"),
    pytest.param(lambda: b"\n  \n", "empty", id="blank file"),
]


@pytest.mark.parametrize(("broken", "message"), BROKEN)
def test_a_broken_file_is_refused_whole_with_a_message_naming_the_problem(broken, message):
    data = broken()
    data = data.encode() if isinstance(data, str) else data
    with pytest.raises(FileFormatError) as caught:
        formats.load(data, "upload")
    assert message in str(caught.value)


def test_a_po_message_says_where_the_file_breaks():
    cut = _po().split("Қола цзянь", 1)[0] + "Қола"
    with pytest.raises(FileFormatError) as caught:
        po.load(cut.encode())
    assert caught.value.line == cut.count("\n") + 1
    assert f"Line {caught.value.line} " in str(caught.value)


def test_an_xliff_file_named_as_such_but_not_xml_is_refused():
    with pytest.raises(FileFormatError, match="not XML"):
        formats.load(b"msgid and some text", "export.xlf")


def test_a_tmx_file_uploaded_as_a_translation_file_is_refused():
    with pytest.raises(FileFormatError, match="TMX"):
        formats.load(tmx.dump([tmx.MemoryPair("Bronze", "Қола", "en", "kk")]))


# --- Languages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("zh-Hans", "zh-hans"),
        ("ZH-HANS", "zh-hans"),
        ("zh_Hans", "zh-hans"),
        ("zh-CN", "zh-hans"),
        ("zh", "zh-hans"),
        ("zh-hans", "zh-hans"),
        ("ru-RU", "ru"),
        ("kk-KZ", "kk"),
        ("kk_KZ", "kk"),
        ("uz-Latn-UZ", "uz"),
        ("uz@latin", "uz"),
        ("en-us", "en"),
        ("EN-GB", "en"),
        ("fa-IR", "fa"),
        ("rus", "ru"),
        ("zh-TW", None),
        ("zh-Hant", None),
        ("uz-Cyrl", None),
        ("de-DE", None),
        ("", None),
    ],
)
def test_language_tags_of_other_tools_map_to_the_portal_languages(tag, code):
    assert portal_language(tag) == code


# --- TMX -----------------------------------------------------------------------------------


def test_a_memory_comes_back_as_it_was_written():
    pairs = [
        tmx.MemoryPair("Bronze jian", "Қола цзянь", "en", "kk", "page:40:title"),
        tmx.MemoryPair("Bronze mirror", "青铜镜", "en", "zh-hans"),
        tmx.MemoryPair("Sword & <scabbard>", "تلوار اور میان", "en", "ur", "tmx:old.tmx"),
        tmx.MemoryPair("Two\r\nlines", "Две\r\nстроки", "en", "ru"),
    ]
    data = tmx.dump(pairs)
    assert b'<tuv xml:lang="zh-Hans">' in data
    assert b'srclang="en"' in data and b'segtype="block"' in data and b'o-tmf="sco-museum-portal"' in data
    result = tmx.load(data)
    assert result.pairs == pairs
    assert result.skipped == 0


def test_the_tmx_export_reads_in_translate_toolkit():
    store = tt_tmx.tmxfile.parsestring(tmx.dump([tmx.MemoryPair("Bronze mirror", "Бронзовое зеркало", "en", "ru")]))
    assert [(unit.source, unit.target) for unit in store.units] == [("Bronze mirror", "Бронзовое зеркало")]


FOREIGN_TMX = """<?xml version="1.0" encoding="UTF-16"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format"
          datatype="xml" segtype="sentence" adminlang="en-US" srclang="*all*"/>
  <body>
    <tu>
      <note>Hall 3</note>
      <tuv xml:lang="EN-US"><seg>A <bpt i="1">&lt;b&gt;</bpt>bronze<ept i="1">&lt;/b&gt;</ept> mirror</seg></tuv>
      <tuv xml:lang="ZH-HANS"><seg>青铜镜</seg></tuv>
      <tuv xml:lang="ru-RU"><seg>Бронзовое <hi>зеркало</hi></seg></tuv>
      <tuv xml:lang="de-DE"><seg>Bronzespiegel</seg></tuv>
    </tu>
    <tu>
      <tuv lang="en"><seg>Sword</seg></tuv>
      <tuv lang="kk-KZ"><seg>Семсер</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="ru-RU"><seg>Меч</seg></tuv>
      <tuv xml:lang="kk-KZ"><seg>Семсер</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-GB"><seg>Vase</seg></tuv>
      <tuv xml:lang="zh-CN"><seg> </seg></tuv>
      <tuv xml:lang="fr"><seg>Vase</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_a_memory_written_by_another_tool_pairs_every_language_with_english():
    result = tmx.load(FOREIGN_TMX.encode("utf-16"))
    assert result.pairs == [
        tmx.MemoryPair("A bronze mirror", "青铜镜", "en", "zh-hans", "Hall 3"),
        tmx.MemoryPair("A bronze mirror", "Бронзовое зеркало", "en", "ru", "Hall 3"),
        tmx.MemoryPair("Sword", "Семсер", "en", "kk"),
    ]
    # de-DE and fr: unknown languages; the Russian–Kazakh tu: no English; zh-CN: an empty segment.
    assert result.skipped == 5
    assert result.unknown_languages == ["de-DE", "fr"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b'<tmx version="1.4"><header/><body><tu>', "not well-formed XML"),
        (b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x "xx">]><tmx><body>&x;</body></tmx>', "entities"),
        (b'<xliff version="1.2"/>', "not a TMX memory"),
        (b'<tmx version="1.4"><header/></tmx>', "no <body>"),
    ],
)
def test_a_broken_memory_is_refused_with_a_message(data, message):
    with pytest.raises(FileFormatError) as caught:
        tmx.load(data)
    assert message in str(caught.value)
