"""PO and XLIFF round trips through the real commands and the workspace: export, fill in a
third-party tool (polib, translate-toolkit), import; broken and tampered files refused whole."""

import io

import polib
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from translate.storage import po as tt_po
from translate.storage import xliff

from collections_app.models import RelicPage
from tests.helpers import make_user, revise, url_in
from translation_workspace.models import State, Translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def relic(tree):
    return revise(
        tree.relic,
        technique_en="Cast bronze",
        description_en='<p>A <b>ritual</b> vessel, see <a href="https://example.org/ding">the catalogue</a>.</p>',
    )


def export(tmp_path, *args):
    out = tmp_path / "out"
    call_command("export_translations", *args, "-o", str(out))
    return out


def units_by_field(po, page):
    prefix = f"relicpage:{page.pk}:"
    return {entry.msgctxt.removeprefix(prefix): entry for entry in po if entry.msgctxt.startswith(prefix)}


def test_po_round_trip_with_polib_reaches_the_kazakh_page(tmp_path, relic, client, tree):
    call_command("translation_states")  # the fixture's pages were made without revisions
    path = export(tmp_path, "--lang", "kk", "--format", "po", "--state", "missing,stale")
    po = polib.pofile(str(path))
    entries = units_by_field(po, relic)
    description = entries["description"]
    # Rich text as inline tags, not HTML soup; notes name the field and the page.
    assert description.msgid == "<p>A <b>ritual</b> vessel, see <a1>the catalogue</a1>.</p>"
    assert "Description" in description.comment
    for entry in po:  # a translator fills every unit in a gettext tool
        entry.msgstr = f"Қазақша: {entry.msgid}" if not entry.msgid.startswith("<") else entry.msgid
    entries["technique"].msgstr = "Қола құю"
    description.msgstr = "<p><b>Ғұрыптық</b> ыдыс, <a1>каталогты</a1> қараңыз.</p>"
    po.save(str(path))

    call_command("import_translations", str(path))
    page = RelicPage.objects.get(pk=relic.pk).get_latest_revision_as_object()
    assert page.technique_kk == "Қола құю"
    assert 'href="https://example.org/ding"' in page.description_kk  # the link's target comes from the source
    # The moderators approve the drafts the import made: the relic, its museum's name, its object type.
    for obj in (page, tree.museum, tree.relic.object_type):
        obj = type(obj).objects.get(pk=obj.pk)
        obj.get_latest_revision().publish()
    html = client.get(url_in(RelicPage.objects.get(pk=relic.pk), "kk")).content.decode()
    assert "Қола құю" in html and "Ғұрыптық" in html
    assert "fallback-notice" not in html  # no field of the page is borrowed from Russian or English

    # An English edit afterwards: the unit comes out stale (fuzzy, with the previous source) in the next export.
    revise(page, technique_en="Cast and chased bronze")
    entries = units_by_field(polib.pofile(str(export(tmp_path, "--lang", "kk", "--format", "po"))), relic)
    assert "fuzzy" in entries["technique"].flags
    assert entries["technique"].previous_msgid == "Cast bronze"
    assert "fuzzy" not in entries["title"].flags


def test_exports_read_in_translate_toolkit(tmp_path, relic):
    revise(relic, technique_kk="Қола құю")
    store = tt_po.pofile.parsefile(str(export(tmp_path, "--lang", "kk", "--format", "po")))
    technique = next(u for u in store.units if u.getcontext().endswith(":technique"))
    assert technique.source == "Cast bronze" and technique.target == "Қола құю"

    store = xliff.xlifffile.parsefile(str(export(tmp_path, "--lang", "kk", "--format", "xliff")))
    ids = {u.getid() for u in store.units}
    technique = next(u for u in store.units if u.getid().endswith(":technique"))
    assert technique.target == "Қола құю"
    assert any(i.endswith(":description") for i in ids)


def test_xliff_filled_in_translate_toolkit_imports(tmp_path, relic):
    path = export(tmp_path, "--lang", "ru", "--format", "xliff")
    store = xliff.xlifffile.parsefile(str(path))
    for unit in store.units:
        if unit.getid().endswith(":technique"):
            unit.target = "Литьё из бронзы"
            unit.markapproved(True)
    path.write_bytes(bytes(store))
    call_command("import_translations", str(path))
    assert RelicPage.objects.get(pk=relic.pk).get_latest_revision_as_object().technique_ru == "Литьё из бронзы"
    assert Translation.objects.get(unit__object_id=relic.pk, unit__key="technique", language="ru").state == (
        State.TRANSLATED
    )


def fill(path, **targets):
    po = polib.pofile(str(path))
    for entry in po:
        field = entry.msgctxt.split(":", 2)[2]
        if field in targets:
            entry.msgstr = targets[field]
    po.save(str(path))
    return path


def refused(path, message):
    before = RelicPage.objects.get(pk=RelicPage.objects.first().pk).get_latest_revision_as_object()
    with pytest.raises(CommandError) as error:
        call_command("import_translations", str(path), stderr=io.StringIO())
    after = RelicPage.objects.get(pk=before.pk).get_latest_revision_as_object()
    assert after.technique_kk == before.technique_kk  # nothing applied
    return message in str(error.value)


def test_a_truncated_file_is_refused_whole(tmp_path, relic):
    path = fill(export(tmp_path, "--lang", "kk", "--format", "po"), technique="Қола құю", title="Дин")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("msgctxt")], encoding="utf-8")  # cut at a unit boundary
    assert refused(path, "refused")


def test_a_tampered_file_is_refused_whole(tmp_path, relic):
    path = fill(export(tmp_path, "--lang", "kk", "--format", "po"), technique="Қола құю")
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace(f"relicpage:{relic.pk}:title", "relicpage:999999:title"), encoding="utf-8")
    assert refused(path, "refused")
    path.write_text(good.replace('msgid "Cast bronze"', 'msgid "Cast iron"'), encoding="utf-8")
    assert refused(path, "refused")
    # Allowed control: the untampered file imports.
    path.write_text(good, encoding="utf-8")
    call_command("import_translations", str(path))
    assert RelicPage.objects.get(pk=relic.pk).get_latest_revision_as_object().technique_kk == "Қола құю"


def test_a_source_changed_since_export_is_a_conflict(tmp_path, relic):
    path = fill(export(tmp_path, "--lang", "kk", "--format", "po"), technique="Қола құю")
    revise(relic, technique_en="Cast and chased bronze")
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_translations", str(path), stderr=stderr)
    assert "Conflict" in stderr.getvalue() and "Technique" in stderr.getvalue()


def test_the_workspace_upload_checks_first_and_refuses_another_language(client, tmp_path, relic):
    translator = make_user("translator-kk", Group.objects.get(name="translators-kk"))
    client.force_login(translator)
    response = client.get(reverse("translation_workspace:export", args=["kk"]) + "?format=po&state=missing")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    path = tmp_path / "kk.po"
    path.write_bytes(response.content)
    fill(path, technique="Қола құю")
    url = reverse("translation_workspace:import", args=["kk"])

    response = client.post(url, {"file": SimpleUploadedFile("kk.po", path.read_bytes()), "dry_run": "1"})
    assert response.status_code == 200 and not response.context["report"].applied
    assert not RelicPage.objects.get(pk=relic.pk).get_latest_revision_as_object().technique_kk
    response = client.post(url, {"file": SimpleUploadedFile("kk.po", path.read_bytes())})
    assert response.context["report"].applied
    assert RelicPage.objects.get(pk=relic.pk).get_latest_revision_as_object().technique_kk == "Қола құю"

    # A Kazakh file uploaded as Russian: refused (and the translator has no Russian anyway).
    russian = reverse("translation_workspace:import", args=["ru"])
    assert client.post(russian, {"file": SimpleUploadedFile("kk.po", path.read_bytes())}).status_code == 404
    curator = make_user("curator", Group.objects.get(name="Alliance curators"))
    client.force_login(curator)
    response = client.post(russian, {"file": SimpleUploadedFile("kk.po", path.read_bytes())})
    assert response.status_code == 400 and "not “ru”" in response.content.decode()


def test_tmx_memory_goes_out_and_comes_in(client, relic, tree):
    revise(relic, technique_kk="Қола құю")
    translator = make_user("translator-kk", Group.objects.get(name="translators-kk"))
    client.force_login(translator)
    tmx = client.get(reverse("translation_workspace:memory_export", args=["kk"])).content
    assert b"Cast bronze" in tmx and "Қола құю".encode() in tmx
    other = (
        b'<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en-US" adminlang="en" '
        b'segtype="sentence" o-tmf="x" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>'
        b'<tu><tuv xml:lang="en-US"><seg>Gilded silver bowl</seg></tuv>'
        + '<tuv xml:lang="kk-KZ"><seg>Алтын кэсе</seg></tuv></tu>'.encode()
        + b"</body></tmx>"
    )
    client.post(
        reverse("translation_workspace:memory_import", args=["kk"]),
        {"file": SimpleUploadedFile("museum.tmx", other)},
    )
    revise(tree.other_relic, technique_en="Gilded silver bowl")
    from django.contrib.contenttypes.models import ContentType

    url = reverse(
        "translation_workspace:edit",
        args=["kk", ContentType.objects.get_for_model(tree.other_relic).pk, tree.other_relic.pk],
    )
    rows = {row["key"]: row for row in client.get(url).context["rows"]}
    assert rows["technique"]["suggestions"][0].target == "Алтын кэсе"
