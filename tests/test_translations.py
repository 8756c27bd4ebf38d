"""The German catalogue is complete, safe to format, compiled, and used by the pages."""

import gettext
import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from labels import transitions
from tests.factories import shipped_framework

GERMAN = Path(settings.LOCALE_PATHS[0]) / "de" / "LC_MESSAGES"
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(0)), text.strip()[1:-1])


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: flags, msgid, msgid_plural, msgstr or msgstr[n] (obsolete ones skipped)."""
    entries, entry, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry is not None and "msgid" in entry:
                entries.append(entry)
            entry = key = None
        elif line.startswith("#,"):
            entry = entry if entry is not None else {"flags": set()}
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue  # comments, references and obsolete (#~) entries
        elif line.startswith('"'):
            entry[key] += _unquote(line)
        else:
            entry = entry if entry is not None else {"flags": set()}
            key, _, value = line.partition(" ")
            entry[key] = _unquote(value)
    return entries


def translations(entry: dict) -> list[tuple[str, str]]:
    """(source, translation) pairs of an entry: msgstr[0] against msgid, msgstr[n>0] against the plural."""
    if "msgid_plural" not in entry:
        return [(entry["msgid"], entry.get("msgstr", ""))]
    forms = sorted(key for key in entry if key.startswith("msgstr["))
    return [(entry["msgid"] if form == "msgstr[0]" else entry["msgid_plural"], entry[form]) for form in forms]


CATALOGUE = po_entries(GERMAN / "django.po")
HEADER = next(entry for entry in CATALOGUE if entry["msgid"] == "")
MESSAGES = [entry for entry in CATALOGUE if entry["msgid"]]


def placeholders(text: str, flags: set[str]) -> Counter:
    """The parts of a text that formatting or the browser interprets: %-names, {names} and HTML tags."""
    found = Counter(re.findall(r"</?[a-zA-Z]+", text))
    if "python-format" in flags:
        found.update(re.findall(r"%\(\w+\)[sdfr]|%%|%[sd]", text))
    if "python-brace-format" in flags:
        found.update(re.findall(r"\{\w*\}", text))
    return found


def test_the_catalogue_has_messages():
    assert len(MESSAGES) > 500


def test_the_german_catalogue_has_no_untranslated_or_fuzzy_entry():
    untranslated = [entry["msgid"] for entry in MESSAGES if not all(text for _, text in translations(entry))]
    fuzzy = [entry["msgid"] for entry in CATALOGUE if "fuzzy" in entry["flags"]]

    assert (len(untranslated), len(fuzzy)) == (0, 0), (untranslated[:10], fuzzy[:10])


def test_the_german_header_names_the_language_and_its_plural_forms():
    assert "Language: de\n" in HEADER["msgstr"]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in HEADER["msgstr"]
    assert all(len(translations(entry)) == 2 for entry in MESSAGES if "msgid_plural" in entry)


def test_every_translation_keeps_the_placeholders_and_markup_of_its_source():
    broken = []
    for entry in MESSAGES:
        for source, text in translations(entry):
            if placeholders(text, entry["flags"]) != placeholders(source, entry["flags"]):
                broken.append(source)
            elif "python-format" in entry["flags"]:
                try:  # a stray % would raise here, as it would on the page
                    text % (dict.fromkeys(re.findall(r"%\((\w+)\)", source), 1) or ())
                except (TypeError, ValueError, KeyError):
                    broken.append(source)
    assert broken == []


def test_every_translation_keeps_the_surrounding_whitespace_of_its_source():
    def edges(text: str) -> tuple[str, str]:
        return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]

    assert [source for entry in MESSAGES for source, text in translations(entry) if edges(text) != edges(source)] == []


def test_the_compiled_catalogue_matches_the_po_file():
    with open(GERMAN / "django.mo", "rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    stale = []
    for entry in MESSAGES:
        if "msgid_plural" in entry:
            got = [mo.ngettext(entry["msgid"], entry["msgid_plural"], n) for n in (1, 2)]
            expected = [entry["msgstr[0]"], entry["msgstr[1]"]]
        else:
            got, expected = mo.gettext(entry["msgid"]), entry["msgstr"]
        if got != expected:
            stale.append(entry["msgid"])
    assert stale == [], f"run manage.py compilemessages; stale: {stale[:5]}"


@pytest.fixture
def framework(db):
    return shipped_framework()


def _german(client, url: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="de">' in content
    return content


def test_the_home_page_speaks_german(client, db):
    content = _german(client, "/")

    assert "Drei Labelstufen" in content
    assert "Beginnen Sie eine Selbstbewertung für die angestrebte Labelstufe." in content
    assert "Three label levels" not in content


def test_the_login_page_speaks_german(client, db):
    content = _german(client, reverse("account_login"))

    assert "Anmeldung" in content  # allauth's own catalogue
    assert "Zum Inhalt springen" in content  # the portal's layout


def test_the_catalogue_page_speaks_german(client, framework):
    content = _german(client, reverse("labels:catalogue"))

    assert "36 Indikatoren in 6 Bereichen." in content
    assert "31 zählen für Gold mit insgesamt 70 Punkten" in content
    assert "Labelregeln" in content


def test_the_dashboard_speaks_german(client_as, owner_a):
    content = _german(client_as(owner_a), reverse("dashboard"))

    assert "Ihre Organisationen" in content
    assert "Inhaber" in content


def test_an_area_page_of_a_self_assessment_speaks_german(client_as, framework, org_a, owner_a):
    assessment = transitions.assessment_start(organisation=org_a, level="gold", by=owner_a)

    content = _german(client_as(owner_a), reverse("labels:area", args=[assessment.public_id, "S"]))

    assert "Jede Antwort wird während der Eingabe gespeichert." in content
    assert "Ihre Antwort" in content


def test_the_language_cookie_chooses_german_too(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"

    assert "Drei Labelstufen" in client.get("/").content.decode()


def test_english_stays_the_default(client, db):
    content = client.get("/").content.decode()

    assert "Three label levels" in content
    assert '<html lang="en">' in content
